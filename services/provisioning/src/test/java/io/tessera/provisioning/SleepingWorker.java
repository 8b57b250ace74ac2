package io.tessera.provisioning;

/** A stand-in worker process for the component test: prints its worker id and sleeps until it is killed. */
public final class SleepingWorker {

    private SleepingWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping worker " + System.getProperty("tessera.worker.id") + " capability "
                + System.getProperty("tessera.worker.capability") + " kafka "
                + System.getProperty("kafka.bootstrap.servers"));
        Thread.sleep(Long.MAX_VALUE);
    }
}
