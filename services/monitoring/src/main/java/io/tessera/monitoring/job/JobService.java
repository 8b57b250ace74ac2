package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.messaging.sequence.Sequential;
import io.tessera.monitoring.dag.Readiness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/** Applies job lifecycle events from {@code farm.jobs.v1}, each in one transaction with its inbox entry. */
@ApplicationScoped
public class JobService {

    static final String CONSUMER = "monitoring-jobs";
    private static final Logger LOG = Logger.getLogger(JobService.class);

    private final Inbox inbox;
    private final JobRows jobs;
    private final JobTracker tracker;

    JobService(Inbox inbox, JobRows jobs, JobTracker tracker) {
        this.inbox = inbox;
        this.jobs = jobs;
        this.tracker = tracker;
    }

    /**
     * Records the job (or completes the row a TaskPlanned created lazily) with its strategy and the jobs it depends
     * on. The dependency rows are share-locked first (created when still unknown: submission accepted them, so
     * their JobSubmitted is on its way and they count as not completed), so a dependency completing or failing at
     * the same time is never missed. If a dependency already FAILED or was CANCELLED the job FAILS; otherwise the
     * tasks planned so far are re-evaluated (released when every dependency is COMPLETED).
     */
    public Uni<Void> submitted(EventEnvelope envelope, JobSubmitted event) {
        require(event.jobId(), "jobId");
        if (event.frameEnd() < event.frameStart()) {
            throw new InvalidEventException("frameEnd: must not be less than frameStart");
        }
        event.dependsOn().forEach(id -> require(id, "dependsOn"));
        List<String> dependsOn = new ArrayList<>(new TreeSet<>(event.dependsOn()));
        if (dependsOn.contains(event.jobId())) {
            throw new InvalidEventException("dependsOn: a job cannot depend on itself");
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : lockDependencies(dependsOn).chain(states -> jobs.ensureAndLock(event.jobId())
                        .chain(job -> record(job, event, dependsOn, states)))));
    }

    /** Cancels every non-terminal task of the job and the job itself (the jobs depending on it FAIL). */
    public Uni<Void> cancelled(EventEnvelope envelope, JobCancelled event) {
        require(event.jobId(), "jobId");
        String reason = event.reason() == null || event.reason().isBlank() ? "cancelled" : event.reason();
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : jobs.ensureAndLock(event.jobId()).chain(job -> tracker.cancel(job, reason, Instant.now()))));
    }

    private Uni<Map<String, JobState>> lockDependencies(List<String> dependsOn) {
        Map<String, JobState> states = new HashMap<>();
        return Sequential.forEach(dependsOn, id -> jobs.ensureAndLockShared(id).invoke(dep -> states.put(id, dep.state)))
                .replaceWith(states);
    }

    private Uni<Void> record(JobEntity job, JobSubmitted event, List<String> dependsOn, Map<String, JobState> states) {
        Instant now = Instant.now();
        job.studio = event.studio();
        if (event.requirements() != null && event.requirements().capability() != null) {
            job.capability = event.requirements().capability().id();
        }
        job.framesTotal = event.frameEnd() - event.frameStart() + 1;
        job.strategy = event.strategy().id();
        job.dependsOn = Json.write(dependsOn);
        job.submitted = true;
        job.errorLimit = event.errorLimit();
        job.blocklistThreshold = event.blocklistThreshold();
        job.updatedAt = now;
        Optional<String> failed = Readiness.failedJob(dependsOn, states);
        if (failed.isPresent()) {
            LOG.infof("Job %s depends on job %s, which is %s", job.jobId, failed.get(), states.get(failed.get()));
            return tracker.fail(job, "dependency job " + failed.get() + " failed", now);
        }
        return job.tasksTotal > 0 ? tracker.refresh(job, now) : Uni.createFrom().voidItem();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
    }
}
