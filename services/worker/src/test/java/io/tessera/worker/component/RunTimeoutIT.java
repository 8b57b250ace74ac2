package io.tessera.worker.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A render that runs past {@code tessera.worker.run-timeout} is stopped and reported as a retryable TaskFailed,
 * and the worker's slot is free again (a real JVM of the packaged worker, a real Kafka broker, a real render that
 * would take hours).
 */
class RunTimeoutIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    /** 1024×1024 with 64 samples per pixel: minutes per frame, hours for 48 frames. */
    private static final String HOURS_LONG_SCENE = TestTasks.heavyDemoScene(1024, 1024, 64);

    @Test
    void aRenderPastTheRunTimeoutIsStoppedAndReportedAndTheSlotIsFreedAgain() throws Exception {
        String jobId = TestTasks.newJobId();
        TaskDispatched hung = TestTasks.cpuTask(jobId, 0, 1, 48, HOURS_LONG_SCENE);
        TaskDispatched next = TestTasks.cpuTask(jobId, 1, 1, 1, TestTasks.demoScene(64, 36));
        String hungId = hung.task().taskId();

        try (WorkerProcess worker = WorkerProcess.start("cpu-timeout", Map.of("tessera.worker.run-timeout", "3s"))) {
            TestTasks.dispatchCpu(hung, jobId);
            TestTasks.dispatchCpu(next, jobId);

            List<ConsumerRecord<String, String>> events = TaskEvents.untilFinal(hungId, WAIT);
            TaskFailed failed = TaskEvents.last(events, TaskEvents.FAILED, TaskFailed.class);
            assertTrue(failed.reason().startsWith("run timeout: render exceeded 3s ("), failed.reason());
            assertTrue(failed.reason().endsWith(" of 48 frames done)"), failed.reason());
            assertTrue(failed.retryable(), "another attempt, maybe on a faster worker, may finish it");
            assertEquals("cpu-timeout", failed.workerId());
            assertEquals(TaskEvents.STARTED, TaskEvents.types(events).get(0));

            // the only slot was held by the stopped render: the next task runs only if the render really ended
            List<ConsumerRecord<String, String>> after = TaskEvents.untilFinal(next.task().taskId(), WAIT);
            TaskCompleted completed = TaskEvents.last(after, TaskEvents.COMPLETED, TaskCompleted.class);
            assertEquals("cpu-timeout", completed.workerId());

            worker.sigterm();
            assertTrue(worker.awaitExit(WAIT), "log:\n" + worker.logTail());
        }
    }
}
