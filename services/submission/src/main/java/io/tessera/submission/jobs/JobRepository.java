package io.tessera.submission.jobs;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Queries over jobs. */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<JobEntity, String> {

    /** The job submitted with {@code requestId}, null when none. */
    public Uni<JobEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResult();
    }

    /** The studio of every stored job among {@code jobIds}, by job id. */
    public Uni<Map<String, String>> studiosOf(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("jobId in ?1", jobIds).map(found -> found.stream()
                .collect(Collectors.toMap(job -> job.jobId, job -> job.studio)));
    }

    /** The job, locked for update until the transaction ends; null when unknown. */
    public Uni<JobEntity> findForUpdate(String jobId) {
        return findById(jobId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The stored jobs among {@code jobIds} by job id, locked for update until the transaction ends, in one query that
     * locks them in job id order (so two transactions locking overlapping sets never deadlock).
     */
    public Uni<Map<String, JobEntity>> lockAll(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find("jobId in ?1", Sort.ascending("jobId"), List.copyOf(new TreeSet<>(jobIds)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(found -> {
                    Map<String, JobEntity> byId = new TreeMap<>();
                    found.forEach(job -> byId.put(job.jobId, job));
                    return byId;
                });
    }

    /** Jobs matching every given filter (null filters are ignored), newest first. */
    public PanacheQuery<JobEntity> search(JobState state, String studio, String requestId) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        if (studio != null) {
            where.add("studio = :studio");
            params.and("studio", studio);
        }
        if (requestId != null) {
            where.add("requestId = :requestId");
            params.and("requestId", requestId);
        }
        Sort newestFirst = Sort.descending("createdAt").and("jobId", Sort.Direction.Descending);
        if (where.isEmpty()) {
            return findAll(newestFirst);
        }
        return find(String.join(" and ", where), newestFirst, params);
    }
}
