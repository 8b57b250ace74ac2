package io.tessera.worker.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.workers.Lease;
import io.tessera.contracts.workers.WorkerHeartbeat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM drains a worker (a real JVM of the packaged worker, a real Kafka broker): the running task finishes and
 * reports TaskCompleted, a dispatched task it had not started is left to the next worker, and a task still running
 * after the grace period is handed back as a retryable TaskFailed.
 */
class WorkerDrainIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    /**
     * 24 frames of 320×180 with 4 samples per pixel: seconds of real rendering (16 s on the 2-core CI machine), so
     * it still renders when the SIGTERM arrives after its first frame, and ends well inside the grace period.
     */
    private static final String STEADY_SCENE = TestTasks.heavyDemoScene(320, 180, 4);
    /** 1024×1024 with 64 samples per pixel: minutes per frame, hours for 48 frames; a render that outlives any wait. */
    private static final String ENDLESS_SCENE = TestTasks.heavyDemoScene(1024, 1024, 64);
    private static final String SMALL_SCENE = TestTasks.demoScene(64, 36);

    @Test
    void drainFinishesTheRunningTaskAndLeavesTheWaitingOneToTheNextWorker() throws Exception {
        String jobId = TestTasks.newJobId();
        TaskDispatched running = TestTasks.cpuTask(jobId, 0, 1, 24, STEADY_SCENE);
        TaskDispatched waiting = TestTasks.cpuTask(jobId, 1, 1, 1, SMALL_SCENE);
        String runningId = running.task().taskId();
        String waitingId = waiting.task().taskId();

        try (WorkerProcess first = WorkerProcess.start("cpu-drain-a", Map.of("tessera.worker.drain-grace", "120s"))) {
            // one key: one partition, taken in order; the second record waits for the only slot
            TestTasks.dispatchCpu(running, jobId);
            TestTasks.dispatchCpu(waiting, jobId);
            TaskEvents.until(runningId, WAIT, TaskEvents.PROGRESS);

            first.sigterm();

            List<ConsumerRecord<String, String>> events = TaskEvents.untilFinal(runningId, WAIT);
            TaskCompleted completed = TaskEvents.last(events, TaskEvents.COMPLETED, TaskCompleted.class);
            assertEquals("cpu-drain-a", completed.workerId());
            assertEquals(24, completed.outputs().size());
            completed.outputs().forEach(o -> assertTrue(Files.isRegularFile(Path.of(o.stagedPath())), o.toString()));
            assertTrue(first.awaitExit(WAIT), "the drained worker exits; log:\n" + first.logTail());

            List<WorkerHeartbeat> beats = TaskEvents.heartbeatsUntil("cpu-drain-a",
                    b -> "STOPPING".equals(b.state()), WAIT);
            WorkerHeartbeat draining = beats.stream().filter(b -> "DRAINING".equals(b.state())).findFirst()
                    .orElseThrow(() -> new AssertionError("no DRAINING heartbeat: " + beats));
            assertEquals(List.of(new Lease(runningId, jobId, 1)), draining.leases(),
                    "the task was still rendering when the drain began, and the drain kept its lease");
            assertEquals(0, draining.freeSlots(), "a draining worker announces no free slot");
            assertEquals(List.of(), TaskEvents.all(waitingId), "the draining worker never started the waiting task");
        }

        try (WorkerProcess next = WorkerProcess.start("cpu-drain-b", Map.of())) {
            List<ConsumerRecord<String, String>> events = TaskEvents.untilFinal(waitingId, WAIT);
            TaskCompleted completed = TaskEvents.last(events, TaskEvents.COMPLETED, TaskCompleted.class);
            assertEquals("cpu-drain-b", completed.workerId(), "the record left uncommitted went to the next worker");
            assertEquals(List.of(TaskEvents.STARTED, TaskEvents.PROGRESS, TaskEvents.COMPLETED),
                    TaskEvents.types(events));
            assertEquals(1, TaskEvents.types(TaskEvents.all(runningId)).stream()
                    .filter(TaskEvents.STARTED::equals).count(), "the drained task's record was committed: it ran once");
            next.sigterm();
            assertTrue(next.awaitExit(WAIT), "an idle worker exits at once; log:\n" + next.logTail());
        }
    }

    @Test
    void aTaskStillRunningAfterTheGracePeriodIsHandedBack() throws Exception {
        String jobId = TestTasks.newJobId();
        TaskDispatched endless = TestTasks.cpuTask(jobId, 0, 1, 48, ENDLESS_SCENE);
        String taskId = endless.task().taskId();

        try (WorkerProcess worker = WorkerProcess.start("cpu-drain-c", Map.of("tessera.worker.drain-grace", "2s"))) {
            TestTasks.dispatchCpu(endless, jobId);
            TaskEvents.until(taskId, WAIT, TaskEvents.STARTED);

            worker.sigterm();

            List<ConsumerRecord<String, String>> events = TaskEvents.untilFinal(taskId, WAIT);
            TaskFailed failed = TaskEvents.last(events, TaskEvents.FAILED, TaskFailed.class);
            assertTrue(failed.reason().startsWith("worker drained: stopped after grace period 2s ("),
                    failed.reason());
            assertTrue(failed.retryable(), "handed back: monitoring re-queues it at once");
            assertTrue(failed.handedBack(), "a hand-back, not a render failure: counted against nothing");
            assertEquals("cpu-drain-c", failed.workerId());
            assertEquals(1, failed.attempt());
            assertTrue(worker.awaitExit(WAIT), "the drained worker exits; log:\n" + worker.logTail());
            assertEquals(List.of(TaskEvents.STARTED, TaskEvents.FAILED), TaskEvents.types(events));
            // fails unless the worker announced it was stopping after the hand-back
            TaskEvents.heartbeatsUntil("cpu-drain-c", b -> "STOPPING".equals(b.state()), WAIT);
        }
    }
}
