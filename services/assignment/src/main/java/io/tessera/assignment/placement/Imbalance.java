package io.tessera.assignment.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hybrid mode's imbalance detection, pure: a worker is idle when it accepts work and has slots neither running nor
 * promised to a task already sent to it; a worker is overloaded when every one of its slots runs a task and tasks
 * sent to it wait in its local queue. Each overloaded worker (most waiting first) is paired with idle workers (most
 * free slots first) and asked to hand them as many waiting tasks as they have free slots. Assignment runs it after a
 * dispatch round, so an idle worker here is one the queue had nothing left for.
 */
public final class Imbalance {

    /**
     * A worker's load as assignment knows it.
     *
     * @param slots       its render slots
     * @param running     tasks it runs (its leases)
     * @param waiting     tasks sent to it that it has not started
     * @param acceptsWork live and not draining
     */
    public record Load(String workerId, int slots, int running, int waiting, boolean acceptsWork) {

        int free() {
            return acceptsWork ? Math.max(0, slots - running - waiting) : 0;
        }

        int excess() {
            return running >= slots ? waiting : 0;
        }
    }

    /** Hand {@code tasks} waiting tasks from {@code fromWorkerId} to {@code toWorkerId}. */
    public record HandOff(String fromWorkerId, String toWorkerId, int tasks) {
    }

    /** The hand-offs that would even out {@code loads} (workers of one capability); empty when balanced. */
    public List<HandOff> detect(List<Load> loads) {
        List<int[]> idle = new ArrayList<>();
        List<int[]> overloaded = new ArrayList<>();
        for (int i = 0; i < loads.size(); i++) {
            Load load = loads.get(i);
            if (load.free() > 0) {
                idle.add(new int[] {i, load.free()});
            } else if (load.excess() > 0) {
                overloaded.add(new int[] {i, load.excess()});
            }
        }
        idle.sort(Comparator.comparingInt((int[] w) -> -w[1]).thenComparing(w -> loads.get(w[0]).workerId()));
        overloaded.sort(Comparator.comparingInt((int[] w) -> -w[1]).thenComparing(w -> loads.get(w[0]).workerId()));
        List<HandOff> handOffs = new ArrayList<>();
        int next = 0;
        for (int[] from : overloaded) {
            while (from[1] > 0 && next < idle.size()) {
                int[] to = idle.get(next);
                int tasks = Math.min(from[1], to[1]);
                handOffs.add(new HandOff(loads.get(from[0]).workerId(), loads.get(to[0]).workerId(), tasks));
                from[1] -= tasks;
                to[1] -= tasks;
                if (to[1] == 0) {
                    next++;
                }
            }
        }
        return handOffs;
    }
}
