package io.tessera.assignment.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.assignment.placement.Imbalance.HandOff;
import io.tessera.assignment.placement.Imbalance.Load;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hybrid mode's feedback loop: which worker is asked to hand how many waiting tasks to which idle worker. */
class ImbalanceTest {

    private final Imbalance imbalance = new Imbalance();

    @Test
    void anIdleWorkerNextToOneWithWaitingTasksGetsThemHandedOn() {
        List<HandOff> handOffs = imbalance.detect(List.of(
                new Load("busy", 1, 1, 3, true),
                new Load("idle", 2, 0, 0, true)));
        assertEquals(List.of(new HandOff("busy", "idle", 2)), handOffs);
    }

    @Test
    void aBalancedFarmNeedsNothing() {
        assertEquals(List.of(), imbalance.detect(List.of(
                new Load("a", 2, 2, 1, true),
                new Load("b", 2, 2, 2, true))));
        assertEquals(List.of(), imbalance.detect(List.of(
                new Load("a", 2, 1, 0, true),
                new Load("b", 2, 0, 0, true))), "idle workers but nothing waits");
    }

    @Test
    void tasksWaitingForAFreeSlotOfTheirOwnWorkerAreNoImbalance() {
        // one slot is free on "a": its waiting task starts there next, nothing to hand on
        assertEquals(List.of(), imbalance.detect(List.of(
                new Load("a", 2, 1, 1, true),
                new Load("b", 2, 0, 0, true))));
    }

    @Test
    void drainingOrDeadWorkersAreNotIdle() {
        assertEquals(List.of(), imbalance.detect(List.of(
                new Load("busy", 1, 1, 4, true),
                new Load("draining", 4, 0, 0, false))));
    }

    @Test
    void tasksPromisedToAnIdleWorkerCountAgainstItsFreeSlots() {
        assertEquals(List.of(new HandOff("busy", "half", 1)), imbalance.detect(List.of(
                new Load("busy", 1, 1, 5, true),
                new Load("half", 2, 0, 1, true))));
    }

    @Test
    void theLongestQueueIsRelievedFirstByTheWorkersWithMostRoom() {
        List<HandOff> handOffs = imbalance.detect(List.of(
                new Load("short", 1, 1, 1, true),
                new Load("long", 1, 1, 6, true),
                new Load("small", 1, 0, 0, true),
                new Load("big", 4, 0, 0, true)));
        assertEquals(List.of(new HandOff("long", "big", 4), new HandOff("long", "small", 1)), handOffs);
    }

    @Test
    void everyIdleSlotIsOfferedAtMostOnce() {
        List<HandOff> handOffs = imbalance.detect(List.of(
                new Load("a", 1, 1, 2, true),
                new Load("b", 1, 1, 2, true),
                new Load("idle", 3, 0, 0, true)));
        assertEquals(List.of(new HandOff("a", "idle", 2), new HandOff("b", "idle", 1)), handOffs);
    }
}
