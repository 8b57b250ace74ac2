package io.tessera.worker.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The partitions of this worker's capability task topic its consumer owns now, as stated in heartbeats (assignment
 * dispatches a task to a partition of the worker it chose). Kept up to date by {@link TaskPartitionListener} on
 * every rebalance.
 */
@ApplicationScoped
public class OwnedPartitions {

    private final TreeSet<Integer> owned = new TreeSet<>();

    /** The owned partitions, ascending. */
    public synchronized List<Integer> current() {
        return List.copyOf(owned);
    }

    /** Adds newly assigned partitions; returns the set now owned. */
    public synchronized List<Integer> add(Collection<Integer> partitions) {
        owned.addAll(partitions);
        return List.copyOf(owned);
    }

    /** Removes revoked or lost partitions; returns the set now owned. */
    public synchronized List<Integer> remove(Collection<Integer> partitions) {
        owned.removeAll(partitions);
        return List.copyOf(owned);
    }
}
