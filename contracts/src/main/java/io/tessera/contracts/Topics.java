package io.tessera.contracts;

import java.util.List;

/**
 * Every Kafka topic of the farm, with the partition count the farm creates it with.
 * Channel names and tests reuse these constants; contracts/asyncapi.yaml documents each one.
 */
public final class Topics {

    /** Commands from existing pipelines: plain JSON {@link io.tessera.contracts.jobs.JobRequest}, any Kafka client. */
    public static final String JOB_REQUESTS = "farm.job-requests.v1";
    /**
     * Job lifecycle events (key: jobId): JobSubmitted, JobCancelled, JobSuspended, JobResumed, JobRetryRequested and
     * JobBlocklistCleared from submission; JobWorkerBlocklisted from monitoring.
     */
    public static final String JOBS = "farm.jobs.v1";
    /** TaskPlanned events from segmentation (key: jobId). */
    public static final String TASKS_PLANNED = "farm.tasks.planned.v1";
    /**
     * TaskReady from monitoring: tasks whose dependencies succeeded, and retries; TasksWithdrawn when a job failed
     * (key: jobId).
     */
    public static final String TASKS_READY = "farm.tasks.ready.v1";
    /** TaskDispatched to CPU workers (key: taskId). */
    public static final String TASKS_CPU = "farm.tasks.cpu.v1";
    /** TaskDispatched to GPU workers (key: taskId). */
    public static final String TASKS_GPU = "farm.tasks.gpu.v1";
    /** TaskStarted, TaskProgress, TaskCompleted, TaskFailed from workers (key: jobId). */
    public static final String TASK_EVENTS = "farm.task-events.v1";
    /** WorkerHeartbeat (key: workerId). */
    public static final String WORKERS = "farm.workers.v1";
    /**
     * Coordination of workers: PeerStatus from every worker (its load, for peer hand-off), HandOffRequested from
     * assignment (hybrid mode's feedback loop) and LeaseRevoked from monitoring (stop that attempt); key: workerId.
     * Every worker reads all of it.
     */
    public static final String COORDINATION = "farm.coordination.v1";
    /** JobProgress, JobCompleted, JobFailed, JobCancellationCompleted, TaskStatusChanged from monitoring (key: jobId). */
    public static final String JOB_STATUS = "farm.job-status.v1";
    /** FarmStatus per capability (key: capability). */
    public static final String FARM_STATUS = "farm.farm-status.v1";
    /** WorkerScaled decisions of provisioning (key: capability). */
    public static final String PROVISIONING = "farm.provisioning.v1";

    /** The partition count of the per-capability task topics: the most workers of one capability that can consume at once. */
    public static final int TASK_TOPIC_PARTITIONS = 12;

    /** A topic and the partition count it is created with. */
    public record TopicSpec(String name, int partitions) {
    }

    /** Every topic, dead-letter topics included. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(JOB_REQUESTS, 3),
            new TopicSpec(dlq(JOB_REQUESTS), 1),
            new TopicSpec(JOBS, 3),
            new TopicSpec(dlq(JOBS), 1),
            new TopicSpec(TASKS_PLANNED, 3),
            new TopicSpec(dlq(TASKS_PLANNED), 1),
            new TopicSpec(TASKS_READY, 3),
            new TopicSpec(dlq(TASKS_READY), 1),
            new TopicSpec(TASKS_CPU, TASK_TOPIC_PARTITIONS),
            new TopicSpec(dlq(TASKS_CPU), 1),
            new TopicSpec(TASKS_GPU, TASK_TOPIC_PARTITIONS),
            new TopicSpec(dlq(TASKS_GPU), 1),
            new TopicSpec(TASK_EVENTS, 3),
            new TopicSpec(dlq(TASK_EVENTS), 1),
            new TopicSpec(WORKERS, 3),
            new TopicSpec(dlq(WORKERS), 1),
            new TopicSpec(COORDINATION, 3),
            new TopicSpec(dlq(COORDINATION), 1),
            new TopicSpec(JOB_STATUS, 3),
            new TopicSpec(dlq(JOB_STATUS), 1),
            new TopicSpec(FARM_STATUS, 1),
            new TopicSpec(dlq(FARM_STATUS), 1),
            new TopicSpec(PROVISIONING, 1));

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }

    /** The task topic that workers of {@code capability} consume. */
    public static String tasksFor(Capability capability) {
        return switch (capability) {
            case CPU -> TASKS_CPU;
            case GPU -> TASKS_GPU;
        };
    }
}
