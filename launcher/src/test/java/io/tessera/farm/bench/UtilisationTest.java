package io.tessera.farm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UtilisationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static TaskRun run(String worker, long startMs, long endMs) {
        return new TaskRun("t" + startMs + worker, worker, T0.plusMillis(startMs), T0.plusMillis(endMs),
                endMs - startMs, T0);
    }

    private static TaskRun readyAt(long readyMs, String worker, long startMs, long endMs) {
        return new TaskRun("t" + startMs + worker, worker, T0.plusMillis(startMs), T0.plusMillis(endMs),
                endMs - startMs, T0.plusMillis(readyMs));
    }

    @Test
    void twoSlotsBusyTheWholeTimeAreFullyUsedAtTheLowerBound() {
        List<TaskRun> runs = List.of(run("a", 0, 1000), run("a", 1000, 2000), run("b", 0, 2000));
        Utilisation.Result result = Utilisation.of(runs, T0, Map.of("a", 1, "b", 1), Map.of("a", 1.0, "b", 1.0), 1000);
        assertEquals(1.0, result.utilisation(), 1e-9);
        assertEquals(2.0, result.makespanSeconds(), 1e-9);
        assertEquals(2.0, result.lowerBoundSeconds(), 1e-9, "max(3 s of work / 2 slots, longest task 2 s)");
        assertEquals(1.0, result.makespanOverLowerBound(), 1e-9);
        assertEquals(List.of(0.0, 1.0), result.overTime().stream().map(p -> p[0]).toList());
        assertEquals(0.0, Utilisation.longestIdleWhileQueued(runs, T0, Map.of("a", 1, "b", 1)), 1e-9);
    }

    @Test
    void anIdleSlotWhileWorkWaitsIsMeasured() {
        // b finishes at 1 s and idles until 3 s, while a's queue still held the task a starts at 2 s
        List<TaskRun> runs = List.of(run("a", 0, 2000), run("a", 2000, 4000), run("b", 0, 1000),
                run("b", 3000, 3500));
        Map<String, Integer> slots = Map.of("a", 1, "b", 1);
        Utilisation.Result result = Utilisation.of(runs, T0, slots, Map.of("a", 1.0, "b", 1.0), 1000);
        assertEquals(5.5 / 8, result.utilisation(), 1e-9);
        assertEquals(4.0 / 6, result.utilisationWhileQueued(), 1e-9,
                "until the last start at 3 s: a busy 3 s of 3, b busy 1 s of 3");
        assertEquals(2.0, Utilisation.longestIdleWhileQueued(runs, T0, slots), 1e-9);
    }

    @Test
    void workIsCountedInReferenceTimeSoFastWorkersRaiseTheCapacity() {
        // worker f is twice as fast: its 1 s render is 2 s of reference work; capacity is 1 + 2 = 3
        List<TaskRun> runs = List.of(run("f", 0, 1000), run("s", 0, 1000));
        Utilisation.Result result = Utilisation.of(runs, T0, Map.of("f", 1, "s", 1), Map.of("f", 2.0, "s", 1.0), 1000);
        assertEquals(1.0, result.lowerBoundSeconds(), 1e-9, "max(3 s / 3, longest 2 s at the best speed 2)");
    }

    @Test
    void idlingBeforeAnyTaskIsReadyBreaksNoInvariantButCountsFromSubmission() {
        // planning takes 1.5 s: nothing is ready before; then b idles 0.5 s while a's second task waits
        List<TaskRun> runs = List.of(readyAt(1500, "a", 1500, 3000), readyAt(1500, "b", 1600, 2000),
                readyAt(1500, "a", 3000, 4000), readyAt(2000, "b", 2500, 3500));
        Map<String, Integer> slots = Map.of("a", 1, "b", 1);
        assertEquals(1.6, Utilisation.longestIdleWhileQueued(runs, T0, slots), 1e-9);
        assertEquals(0.5, Utilisation.longestIdleWhileReady(runs, T0, slots), 1e-9,
                "b idles from 2.0 to 2.5 s while its next task is ready from 2.0 s");
    }

    @Test
    void anIdleSlotNextToAReadyTaskBreaksTheInvariantForAsLongAsBoth() {
        // b is idle from 1 s to 3 s; a ready task waits from 0 s until a starts it at 2 s
        List<TaskRun> runs = List.of(readyAt(0, "a", 0, 2000), readyAt(0, "a", 2000, 4000), readyAt(0, "b", 0, 1000),
                readyAt(2500, "b", 3000, 3500));
        Map<String, Integer> slots = Map.of("a", 1, "b", 1);
        assertEquals(1.0, Utilisation.longestIdleWhileReady(runs, T0, slots), 1e-9,
                "1 s to 2 s: idle and a task ready; 2 s to 2.5 s nothing is ready; 2.5 s to 3 s: 0.5 s");
        assertEquals(new Utilisation.IdleSlot("b", 1.0, 1.0), Utilisation.worstIdleWhileReady(runs, T0, slots));
    }

    @Test
    void theRampUpEndsWhenTheLastWorkerFirstHasEverySlotBusyAndIdlingAfterItIsMeasuredApart() {
        // a fills both slots at 0 s; b gets its first task at 2 s (idle 0-2 s while a's third task waits); later b
        // idles 0.5 s while a ready task waits
        List<TaskRun> runs = List.of(readyAt(0, "a", 0, 3000), readyAt(0, "a", 0, 3000), readyAt(0, "b", 2000, 4000),
                readyAt(0, "a", 3000, 5000), readyAt(0, "a", 3000, 6000), readyAt(4000, "b", 4500, 6000));
        Map<String, Integer> slots = new java.util.LinkedHashMap<>();
        slots.put("a", 2);
        slots.put("b", 1);
        assertEquals(T0.plusMillis(2000), Utilisation.rampUpEnd(runs, slots));
        assertEquals(new Utilisation.IdleSlot("b", 0.0, 2.0), Utilisation.worstIdleWhileReady(runs, T0, slots));
        assertEquals(new Utilisation.IdleSlot("b", 4.0, 0.5),
                Utilisation.worstIdleWhileReady(runs, T0, T0.plusMillis(2000), slots));
        assertEquals(null, Utilisation.rampUpEnd(runs, Map.of("a", 2, "b", 1, "idle", 1)), "a worker never full");
    }
}
