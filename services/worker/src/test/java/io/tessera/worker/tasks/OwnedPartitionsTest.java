package io.tessera.worker.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedPartitionsTest {

    @Test
    void followsIncrementalAndEagerRebalances() {
        OwnedPartitions owned = new OwnedPartitions();
        assertEquals(List.of(), owned.current());

        assertEquals(List.of(0, 1, 2, 3), owned.add(List.of(3, 1, 0, 2)));
        // cooperative: only the moved partitions are revoked
        assertEquals(List.of(0, 2), owned.remove(List.of(1, 3)));
        assertEquals(List.of(0, 2, 5), owned.add(List.of(5)));
        // eager: everything revoked, then the new assignment
        assertEquals(List.of(), owned.remove(List.of(0, 2, 5)));
        assertEquals(List.of(4), owned.add(List.of(4)));
        assertEquals(List.of(4), owned.current());
    }
}
