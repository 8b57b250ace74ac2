package io.tessera.assignment.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.contracts.Capability;
import io.tessera.contracts.jobs.Requirements;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueueDepthTest {

    private final QueueDepth depth = new QueueDepth(Duration.ofSeconds(1), 16);

    @Test
    void shortTasksGetALocalQueueSizedToWaitAboutOneSecondLongOrUnknownOnesNone() {
        assertEquals(0, depth.depth(2, null), "task time not known yet");
        assertEquals(0, depth.depth(2, 1_000.0), "tasks of the target or longer");
        assertEquals(0, depth.depth(2, 60_000.0));
        assertEquals(2 * 5, depth.depth(2, 200.0), "5 tasks of 200 ms per slot");
        assertEquals(2 * 16, depth.depth(2, 0.5), "capped per slot");
        assertEquals(0, new QueueDepth(Duration.ZERO, 16).depth(2, 10.0), "disabled");
    }

    @Test
    void roomIsTheDepthMinusWhatAlreadyWaitsBeyondTheSlots() {
        assertEquals(10, depth.room(2, 1, 200.0), "a free slot: nothing waits yet");
        assertEquals(10, depth.room(2, 2, 200.0));
        assertEquals(7, depth.room(2, 5, 200.0), "3 already wait");
        assertEquals(0, depth.room(2, 20, 200.0));
    }

    @Test
    void tasksNoFreeSlotTookFillLocalQueuesLeastLoadedWorkerFirst() {
        Requirements cpu = new Requirements(Capability.CPU, null, null);
        List<QueuedTask> tasks = IntStream.range(0, 8).mapToObj(i -> new QueuedTask("t" + i, 1, "job", cpu, false, 50,
                Instant.EPOCH, i)).toList();
        FreeWorker idle = new FreeWorker("idle", Capability.CPU, 8, 16_000, 1, 1, 1, List.of(0), 2);
        FreeWorker busy = new FreeWorker("busy", Capability.CPU, 8, 16_000, 9, 0, 4, List.of(1), 3);
        List<Assignment> placed = new Placement().place(tasks, List.of(idle, busy));
        assertEquals("t0", placed.get(0).task().taskId(), "the top task takes the free slot");
        assertEquals("idle", placed.get(0).workerId());
        // then queues: idle (2 handed) gets t1 and t2 before busy (4 handed) gets any; then busy takes 3
        assertEquals(List.of("idle", "idle", "busy", "busy", "busy"),
                placed.subList(1, placed.size()).stream().map(Assignment::workerId).toList());
        assertEquals(6, placed.size(), "t6 and t7 stay in the central queue");
    }
}
