package io.tessera.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.Topics;

/**
 * A topic whose records are CloudEvents, with the event type every consumer of the topic reads (so a malformed
 * one must be dead-lettered by each consumer group), a well-formed sample of it, a required id field and a
 * numeric field that the bad inputs break.
 */
enum EventTopic {

    JOBS(Topics.JOBS, "JobCancelled", "jobId", "cancelledAt"),
    TASKS_PLANNED(Topics.TASKS_PLANNED, "TaskPlanned", "taskId", "index"),
    TASKS_READY(Topics.TASKS_READY, "TaskReady", "task", "attempt"),
    TASKS_CPU(Topics.TASKS_CPU, "TaskDispatched", "task", "attempt"),
    TASKS_GPU(Topics.TASKS_GPU, "TaskDispatched", "task", "attempt"),
    TASK_EVENTS(Topics.TASK_EVENTS, "TaskCompleted", "taskId", "attempt"),
    WORKERS(Topics.WORKERS, "WorkerHeartbeat", "workerId", "slots"),
    JOB_STATUS(Topics.JOB_STATUS, "JobProgress", "jobId", "version"),
    FARM_STATUS(Topics.FARM_STATUS, "FarmStatus", "capability", "queuedTasks");

    private static final String AT = "2026-01-01T00:00:00Z";

    private final String topic;
    private final String event;
    private final String idField;
    private final String numberField;

    EventTopic(String topic, String event, String idField, String numberField) {
        this.topic = topic;
        this.event = event;
        this.idField = idField;
        this.numberField = numberField;
    }

    /** The topic's name. */
    String topicName() {
        return topic;
    }

    /** The {@code ce_type} of the sample event. */
    String type() {
        return "io.tessera." + event;
    }

    /** A required field naming what the event is about. */
    String idField() {
        return idField;
    }

    /** A numeric (or, for JobCancelled, timestamp) field. */
    String numberField() {
        return numberField;
    }

    /** A well-formed event of {@link #type()} about made-up ids derived from {@code key}. */
    ObjectNode sample(String key) {
        ObjectNode node = JobsApi.JSON.createObjectNode();
        switch (event) {
            case "JobCancelled" -> node.put("jobId", "job-" + key).put("reason", "flood").put("cancelledAt", AT);
            case "TaskPlanned" -> planned(node, key);
            case "TaskReady" -> {
                planned(node.putObject("task"), key);
                node.put("attempt", 1).put("readyAt", AT);
            }
            case "TaskDispatched" -> {
                planned(node.putObject("task"), key);
                node.put("attempt", 1).put("dispatchedAt", AT).put("assignedWorker", "worker-" + key);
            }
            case "TaskCompleted" -> {
                node.put("taskId", "task-" + key).put("jobId", "job-" + key).put("attempt", 1)
                        .put("workerId", "worker-" + key).put("renderMillis", 5).put("completedAt", AT);
                node.putArray("outputs");
            }
            case "WorkerHeartbeat" -> node.put("workerId", "worker-" + key).put("capability", "cpu").put("slots", 1)
                    .put("freeSlots", 1).put("cores", 2).put("memoryMb", 1024).put("host", "flood").put("pid", 1)
                    .put("state", "IDLE").put("sentAt", AT);
            case "JobProgress" -> node.put("jobId", "job-" + key).put("state", "RUNNING").put("version", 1)
                    .put("at", AT);
            default -> node.put("capability", "cpu").put("queuedTasks", 0).put("runningTasks", 0).put("workers", 1)
                    .put("slots", 1).put("freeSlots", 1).put("at", AT);
        }
        return node;
    }

    private static void planned(ObjectNode node, String key) {
        node.put("taskId", "task-" + key).put("jobId", "job-" + key).put("index", 0).put("taskCount", 1)
                .put("frameStart", 1).put("frameEnd", 1).put("priority", 50).put("scene", "{}")
                .put("outputDir", "flood");
        node.putObject("requirements").put("capability", "cpu");
    }
}
