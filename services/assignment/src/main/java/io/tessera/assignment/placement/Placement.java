package io.tessera.assignment.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatch policy, pure: walks the queued tasks in {@link QueuedTask#DISPATCH_ORDER} and gives each to the free
 * worker that satisfies its requirements with the highest score (ties: most free slots, then worker id). A task no
 * free worker can run stays queued and the walk goes on, so one demanding task does not hold back the others.
 * Each worker receives at most its free slots; the partition rotates over the worker's reported partitions. Tasks no
 * free slot took then fill the workers' local queues ({@link QueueDepth}), least-loaded worker first. A worker on a
 * job's {@link Blocklist} gets none of that job's tasks, even when it is the only one that could run them.
 */
public final class Placement {

    /** Best worker first: highest score, then most free slots, then worker id. */
    static final Comparator<FreeWorker> BEST_WORKER = Comparator
            .comparingDouble(FreeWorker::score).reversed()
            .thenComparing(Comparator.comparingInt(FreeWorker::freeSlots).reversed())
            .thenComparing(FreeWorker::workerId);

    /** The assignments for {@code tasks} (any order) on {@code workers}, highest-ranked task first; no blocklist. */
    public List<Assignment> place(List<QueuedTask> tasks, List<FreeWorker> workers) {
        return place(tasks, workers, Blocklist.NONE);
    }

    /**
     * The assignments for {@code tasks} (any order) on {@code workers}, highest-ranked task first, never to a worker
     * {@code blocklist} excludes for the task's job.
     */
    public List<Assignment> place(List<QueuedTask> tasks, List<FreeWorker> workers, Blocklist blocklist) {
        Map<String, FreeWorker> free = new HashMap<>();
        int totalFree = 0;
        for (FreeWorker worker : workers) {
            if (worker.freeSlots() > 0) {
                free.put(worker.workerId(), worker);
                totalFree += worker.freeSlots();
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        List<QueuedTask> unplaced = new ArrayList<>();
        for (QueuedTask task : tasks.stream().sorted(QueuedTask.DISPATCH_ORDER).toList()) {
            if (totalFree == 0) {
                unplaced.add(task);
                continue;
            }
            Optional<FreeWorker> best = free.values().stream()
                    .filter(w -> w.freeSlots() > 0 && runs(w, task, blocklist))
                    .min(BEST_WORKER);
            if (best.isEmpty()) {
                unplaced.add(task);
                continue;
            }
            FreeWorker worker = best.get();
            assignments.add(new Assignment(task, worker.workerId(), partition(worker)));
            free.put(worker.workerId(), new FreeWorker(worker.workerId(), worker.capability(), worker.cores(),
                    worker.memoryMb(), worker.score(), worker.freeSlots() - 1, worker.busySlots() + 1,
                    worker.partitions(), worker.queueRoom()));
            totalFree--;
        }
        assignments.addAll(queue(unplaced, workers, free, blocklist));
        return assignments;
    }

    /** Whether {@code worker} may run {@code task}: it meets the requirements and is not blocklisted for the job. */
    private static boolean runs(FreeWorker worker, QueuedTask task, Blocklist blocklist) {
        return task.requirements() != null
                && task.requirements().satisfiedBy(worker.capability(), worker.cores(), worker.memoryMb())
                && !blocklist.excludes(task.jobId(), worker.workerId());
    }

    /**
     * Fills local queues ({@link FreeWorker#queueRoom}) with the tasks no free slot took, highest-ranked first, each
     * to the satisfying worker with the fewest tasks already handed to it (then the best score).
     */
    private static List<Assignment> queue(List<QueuedTask> tasks, List<FreeWorker> workers,
                                          Map<String, FreeWorker> afterSlots, Blocklist blocklist) {
        Map<String, FreeWorker> room = new HashMap<>();
        for (FreeWorker worker : workers) {
            FreeWorker current = afterSlots.getOrDefault(worker.workerId(), worker);
            if (current.queueRoom() > 0) {
                room.put(worker.workerId(), current);
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        for (QueuedTask task : tasks) {
            if (room.isEmpty()) {
                break;
            }
            Optional<FreeWorker> least = room.values().stream()
                    .filter(w -> runs(w, task, blocklist))
                    .min(Comparator.comparingInt(FreeWorker::busySlots).thenComparing(BEST_WORKER));
            if (least.isEmpty()) {
                continue;
            }
            FreeWorker worker = least.get();
            assignments.add(new Assignment(task, worker.workerId(), partition(worker)));
            FreeWorker next = new FreeWorker(worker.workerId(), worker.capability(), worker.cores(),
                    worker.memoryMb(), worker.score(), 0, worker.busySlots() + 1, worker.partitions(),
                    worker.queueRoom() - 1);
            if (next.queueRoom() > 0) {
                room.put(worker.workerId(), next);
            } else {
                room.remove(worker.workerId());
            }
        }
        return assignments;
    }

    private static Integer partition(FreeWorker worker) {
        List<Integer> partitions = worker.partitions();
        return partitions.isEmpty() ? null : partitions.get(Math.floorMod(worker.busySlots(), partitions.size()));
    }
}
