package io.tessera.farm.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Farm utilisation of a set of task runs, pure: busy slot time / (slots × makespan), makespan / lower bound, and
 * utilisation over time in buckets. The lower bound is max(total work / total capacity, longest task), with work
 * in reference milliseconds (a run's render time × its worker's speed factor) and capacity = Σ slots × speed.
 */
public final class Utilisation {

    /** What one workload measured. */
    /**
     * What one workload measured; {@code utilisationWhileQueued} is busy slot time / (slots × time) between the
     * submission and the last task's start, while work still waited to start: what the distribution controls, without
     * the tail in which the last long tasks finish and nothing is left to hand out.
     */
    public record Result(int tasks, double makespanSeconds, double utilisation, double lowerBoundSeconds,
                  double makespanOverLowerBound, List<double[]> overTime, double utilisationWhileQueued) {
    }

    private Utilisation() {
    }

    /**
     * @param runs     the completed runs
     * @param from     when the work was submitted (the makespan starts here)
     * @param slots    slots per worker id
     * @param speeds   speed factor per worker id
     * @param bucketMs width of the utilisation-over-time buckets
     */
    public static Result of(Collection<TaskRun> runs, Instant from, Map<String, Integer> slots, Map<String, Double> speeds,
                     long bucketMs) {
        long start = from.toEpochMilli();
        long end = runs.stream().mapToLong(r -> r.completed().toEpochMilli()).max().orElse(start);
        double makespan = Math.max(1, end - start);
        int totalSlots = slots.values().stream().mapToInt(Integer::intValue).sum();
        double capacity = slots.entrySet().stream()
                .mapToDouble(e -> e.getValue() * speeds.getOrDefault(e.getKey(), 1.0)).sum();
        double maxSpeed = speeds.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double busy = 0;
        double work = 0;
        double longest = 0;
        for (TaskRun run : runs) {
            busy += run.busyMillis();
            double reference = run.renderMillis() * speeds.getOrDefault(run.workerId(), 1.0);
            work += reference;
            longest = Math.max(longest, reference / maxSpeed);
        }
        double lowerBound = Math.max(work / capacity, longest);
        List<double[]> overTime = new ArrayList<>();
        for (long bucket = start; bucket < end; bucket += bucketMs) {
            long bucketEnd = Math.min(end, bucket + bucketMs);
            double inBucket = 0;
            for (TaskRun run : runs) {
                long overlap = Math.min(bucketEnd, run.completed().toEpochMilli())
                        - Math.max(bucket, run.started().toEpochMilli());
                inBucket += Math.max(0, overlap);
            }
            overTime.add(new double[] {(bucket - start) / 1000.0, inBucket / ((double) totalSlots * (bucketEnd - bucket))});
        }
        long lastStart = runs.stream().mapToLong(r -> r.started().toEpochMilli()).max().orElse(start);
        double busyWhileQueued = 0;
        for (TaskRun run : runs) {
            busyWhileQueued += Math.max(0, Math.min(lastStart, run.completed().toEpochMilli())
                    - Math.max(start, run.started().toEpochMilli()));
        }
        return new Result(runs.size(), makespan / 1000, busy / (totalSlots * makespan), lowerBound / 1000,
                lowerBound == 0 ? 0 : makespan / lowerBound, overTime,
                lastStart <= start ? 0 : busyWhileQueued / ((double) totalSlots * (lastStart - start)));
    }

    /**
     * The longest time a slot of some worker stayed idle while work was still waiting to start (between
     * {@code from} and the last task's start), in seconds: a start-up that plans and queues the work counts as idle.
     */
    public static double longestIdleWhileQueued(Collection<TaskRun> runs, Instant from, Map<String, Integer> slots) {
        long start = from.toEpochMilli();
        long lastStart = runs.stream().mapToLong(r -> r.started().toEpochMilli()).max().orElse(start);
        long longest = 0;
        for (long[] idle : idleIntervals(runs, start, lastStart, slots)) {
            longest = Math.max(longest, idle[1] - idle[0]);
        }
        return longest / 1000.0;
    }

    /**
     * The invariant "no compatible worker idle while work it could run is queued": the longest time a slot of some
     * worker stayed idle while some task was ready (its TaskReady sent, {@link TaskRun#ready()}) and not yet started,
     * in seconds. Runs without a ready time are left out.
     */
    public static double longestIdleWhileReady(Collection<TaskRun> runs, Instant from, Map<String, Integer> slots) {
        return worstIdleWhileReady(runs, from, slots).seconds();
    }

    /** Where the invariant was closest to breaking: which worker idled, from when (seconds after {@code from}), how long. */
    public record IdleSlot(String workerId, double fromSeconds, double seconds) {
    }

    /** The {@link #longestIdleWhileReady} slot with its worker and start; an empty worker id when none idled. */
    public static IdleSlot worstIdleWhileReady(Collection<TaskRun> runs, Instant from, Map<String, Integer> slots) {
        return worstIdleWhileReady(runs, from, from, slots);
    }

    /**
     * The same, counting only idle time after {@code after}; {@code fromSeconds} still counts from {@code from}.
     */
    public static IdleSlot worstIdleWhileReady(Collection<TaskRun> runs, Instant from, Instant after,
                                               Map<String, Integer> slots) {
        List<long[]> waiting = waitingIntervals(runs);
        IdleSlot worst = new IdleSlot("", 0, 0);
        if (waiting.isEmpty()) {
            return worst;
        }
        long start = from.toEpochMilli();
        List<String> workers = List.copyOf(slots.keySet());
        for (long[] idle : idleIntervals(runs, after.toEpochMilli(), waiting.get(waiting.size() - 1)[1], slots)) {
            for (long[] wait : waiting) {
                long overlapFrom = Math.max(idle[0], wait[0]);
                long overlap = Math.min(idle[1], wait[1]) - overlapFrom;
                if (overlap / 1000.0 > worst.seconds()) {
                    worst = new IdleSlot(workers.get((int) idle[2]), (overlapFrom - start) / 1000.0, overlap / 1000.0);
                }
            }
        }
        return worst;
    }

    /**
     * The end of a workload's ramp-up: when the last worker first had every slot busy, the farm full for the first
     * time; null when some worker never had (then the whole run is ramp-up). Before it the farm is still planning,
     * releasing and placing a newly submitted job's first tasks.
     */
    public static Instant rampUpEnd(Collection<TaskRun> runs, Map<String, Integer> slots) {
        Instant end = null;
        for (Map.Entry<String, Integer> worker : slots.entrySet()) {
            List<long[]> edges = slotEdges(runs, worker.getKey());
            int busy = 0;
            Instant full = null;
            for (long[] edge : edges) {
                busy += (int) edge[1];
                if (busy >= worker.getValue()) {
                    full = Instant.ofEpochMilli(edge[0]);
                    break;
                }
            }
            if (full == null) {
                return null;
            }
            end = end == null || full.isAfter(end) ? full : end;
        }
        return end;
    }

    /** The periods, in time order, when at least one task was ready and not started. */
    private static List<long[]> waitingIntervals(Collection<TaskRun> runs) {
        List<long[]> edges = new ArrayList<>();
        for (TaskRun run : runs) {
            if (run.ready() != null) {
                long started = run.started().toEpochMilli();
                edges.add(new long[] {Math.min(run.ready().toEpochMilli(), started), +1});
                edges.add(new long[] {started, -1});
            }
        }
        // at equal times a task becomes ready before it starts
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        List<long[]> intervals = new ArrayList<>();
        int waiting = 0;
        long since = 0;
        for (long[] edge : edges) {
            if (waiting == 0 && edge[1] > 0) {
                since = edge[0];
            }
            waiting += (int) edge[1];
            if (waiting == 0 && edge[0] > since) {
                intervals.add(new long[] {since, edge[0]});
            }
        }
        return intervals;
    }

    /**
     * Every period between {@code start} and {@code end} when some worker had a free slot, as [from, to) millis and
     * the worker's index in {@code slots}.
     */
    private static List<long[]> idleIntervals(Collection<TaskRun> runs, long start, long end,
                                              Map<String, Integer> slots) {
        List<long[]> idle = new ArrayList<>();
        int index = -1;
        for (Map.Entry<String, Integer> worker : slots.entrySet()) {
            index++;
            List<long[]> edges = slotEdges(runs, worker.getKey());
            int busy = 0;
            long idleSince = start;
            for (long[] edge : edges) {
                if (edge[0] > end) {
                    break;
                }
                int before = busy;
                busy += (int) edge[1];
                if (before < worker.getValue() && busy >= worker.getValue()) {
                    idle.add(new long[] {Math.max(idleSince, start), edge[0], index});
                } else if (before >= worker.getValue() && busy < worker.getValue()) {
                    idleSince = edge[0];
                }
            }
            if (busy < worker.getValue()) {
                idle.add(new long[] {Math.max(idleSince, start), end, index});
            }
        }
        return idle;
    }

    /** A worker's starts (+1) and ends (-1) in time order, an end before a start at the same moment. */
    private static List<long[]> slotEdges(Collection<TaskRun> runs, String workerId) {
        List<long[]> edges = new ArrayList<>();
        for (TaskRun run : runs) {
            if (run.workerId().equals(workerId)) {
                edges.add(new long[] {run.started().toEpochMilli(), +1});
                edges.add(new long[] {run.completed().toEpochMilli(), -1});
            }
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return edges;
    }
}
