package io.tessera.submission.blocklist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Read model of one worker on one job's blocklist, from monitoring's JobWorkerBlocklisted. */
@Entity
@Table(name = "job_blocklist")
@IdClass(BlocklistEntity.Key.class)
public class BlocklistEntity {

    /** The primary key: job and worker. */
    public record Key(String jobId, String workerId) implements Serializable {

        /** For JPA. */
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "job_id")
    public String jobId;

    @Id
    @Column(name = "worker_id")
    public String workerId;

    /** The worker's failed attempts on the job when it was blocklisted. */
    public int failures;

    /** The reason of its last failed attempt. */
    public String reason;

    /** When it was blocklisted. */
    public Instant since;
}
