package io.tessera.worker.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Topics;
import io.tessera.contracts.coordination.LeaseRevoked;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.farm.testing.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, the zombie's other half: a worker told by monitoring that its lease on an attempt is gone (LeaseRevoked
 * on farm.coordination.v1) stops that render at once instead of finishing work nobody will accept, and frees its
 * slot; a LeaseRevoked addressed to another worker changes nothing. A real JVM of the packaged worker, a real Kafka
 * broker, a real render that would take hours (its run timeout is an hour, so only the revocation can stop it).
 */
class LeaseRevokedIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String WORKER = "cpu-revoke";

    @Test
    void aRevokedLeaseStopsItsRenderAndFreesTheSlot() throws Exception {
        String jobId = TestTasks.newJobId();
        TaskDispatched hung = TestTasks.cpuTask(jobId, 0, 1, 48, TestTasks.heavyDemoScene(1024, 1024, 64));
        TaskDispatched next = TestTasks.cpuTask(jobId, 1, 1, 1, TestTasks.demoScene(64, 36));
        String hungId = hung.task().taskId();

        try (WorkerProcess worker = WorkerProcess.start(WORKER, Map.of("tessera.worker.run-timeout", "1h"))) {
            TestTasks.dispatchCpu(hung, jobId);
            TestTasks.dispatchCpu(next, jobId);
            TaskEvents.until(hungId, WAIT, TaskEvents.STARTED);

            // another worker's revocation of the same attempt is not this worker's business
            revoke("cpu-other", hungId, jobId, hung.attempt());
            Thread.sleep(2_000);
            assertFalse(TaskEvents.types(TaskEvents.all(hungId)).contains(TaskEvents.FAILED),
                    "stopped by a revocation addressed to another worker");

            // the coordination consumer starts at the latest offset: repeat, as monitoring does on every heartbeat
            List<ConsumerRecord<String, String>> events = List.of();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!TaskEvents.types(events).contains(TaskEvents.FAILED) && System.nanoTime() < deadline) {
                revoke(WORKER, hungId, jobId, hung.attempt());
                Thread.sleep(1_000);
                events = TaskEvents.all(hungId);
            }
            TaskFailed failed = TaskEvents.last(events, TaskEvents.FAILED, TaskFailed.class);
            assertEquals("lease revoked: attempt 1 was superseded by attempt 2", failed.reason());
            assertEquals(WORKER, failed.workerId());
            assertEquals(hung.attempt(), failed.attempt());

            // its only slot was held by the revoked render: the next task runs only if that render really ended
            List<ConsumerRecord<String, String>> after = TaskEvents.untilFinal(next.task().taskId(), WAIT);
            TaskCompleted completed = TaskEvents.last(after, TaskEvents.COMPLETED, TaskCompleted.class);
            assertEquals(WORKER, completed.workerId());

            worker.sigterm();
            assertTrue(worker.awaitExit(WAIT), "log:\n" + worker.logTail());
        }
    }

    private static void revoke(String workerId, String taskId, String jobId, int attempt) {
        KafkaTestClient.produce(Topics.COORDINATION, workerId,
                "task:" + taskId + ":" + attempt + ":revoked:" + workerId + ":" + System.nanoTime(),
                new LeaseRevoked(workerId, taskId, jobId, attempt, "attempt 1 was superseded by attempt 2",
                        Instant.now()));
    }
}
