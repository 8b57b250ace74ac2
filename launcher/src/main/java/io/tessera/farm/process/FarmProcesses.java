package io.tessera.farm.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The service JVMs of a farm, in start order: started in parallel groups, stopped in reverse order. */
public final class FarmProcesses {

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    /**
     * Launches every process of the group at once and waits until all are ready (each up to {@code timeout}).
     * When one fails, the whole group is stopped and the failure rethrown.
     */
    public void startTogether(List<ServiceProcess> group, Duration timeout) throws IOException {
        for (ServiceProcess process : group) {
            synchronized (this) {
                processes.put(process.name(), process);
            }
            process.start();
        }
        List<CompletableFuture<Void>> ready = group.stream()
                .map(process -> CompletableFuture.runAsync(() -> {
                    try {
                        process.awaitReady(timeout);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for " + process.name(), e);
                    }
                }))
                .toList();
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            group.forEach(ServiceProcess::stop);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Puts {@code process} in the place of the process of the same name (or last, when there is none). */
    public synchronized void replace(ServiceProcess process) {
        processes.put(process.name(), process);
    }

    /** Forgets the process called {@code name} and returns it, or null when there is none. */
    public synchronized ServiceProcess remove(String name) {
        return processes.remove(name);
    }

    /** The process called {@code name}, or null. */
    public synchronized ServiceProcess get(String name) {
        return processes.get(name);
    }

    /** Every process, in start order. */
    public synchronized List<ServiceProcess> all() {
        return List.copyOf(processes.values());
    }

    /** Stops every process, the last started first. */
    public void stopAll() {
        List<ServiceProcess> reversed = new ArrayList<>(all());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
    }
}
