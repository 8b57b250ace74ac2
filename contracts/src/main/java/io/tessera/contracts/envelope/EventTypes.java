package io.tessera.contracts.envelope;

import io.tessera.contracts.coordination.HandOffRequested;
import io.tessera.contracts.coordination.LeaseRevoked;
import io.tessera.contracts.coordination.PeerStatus;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.status.WorkerScaled;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.contracts.tasks.TasksWithdrawn;
import io.tessera.contracts.workers.WorkerHeartbeat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps CloudEvents {@code ce_type} values to event records and back. */
public final class EventTypes {

    private static final String PREFIX = "io.tessera.";

    /** Every event record of the farm. */
    public static final List<Class<? extends TesseraEvent>> ALL = List.of(
            JobSubmitted.class, JobCancelled.class, JobSuspended.class, JobResumed.class, JobRetryRequested.class,
            JobWorkerBlocklisted.class, JobBlocklistCleared.class,
            TaskPlanned.class, TaskReady.class, TasksWithdrawn.class, TaskDispatched.class,
            TaskStarted.class, TaskProgress.class, TaskCompleted.class, TaskFailed.class,
            WorkerHeartbeat.class, PeerStatus.class, HandOffRequested.class, LeaseRevoked.class,
            JobProgress.class, TaskStatusChanged.class, FarmStatus.class, WorkerScaled.class);

    private static final Map<String, Class<? extends TesseraEvent>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    /** The {@code ce_type} of an event class, e.g. {@code io.tessera.TaskCompleted}. */
    public static String typeOf(Class<? extends TesseraEvent> type) {
        return PREFIX + type.getSimpleName();
    }

    /** The event class of a {@code ce_type}, empty when the type is unknown. */
    public static Optional<Class<? extends TesseraEvent>> classOf(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }
}
