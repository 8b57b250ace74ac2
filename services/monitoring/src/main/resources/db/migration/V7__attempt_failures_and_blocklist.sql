-- Issue 5: the reason of every failed or stalled attempt, a per-job error limit and a per-job worker blocklist.

-- One row per attempt that ended badly, written in the transaction of the state change: FAILED (the worker reported
-- TaskFailed: exit code or message, log tail) or STALLED (its lease expired).
create table task_attempt (
    task_id   varchar(120) not null,
    attempt   integer      not null,
    job_id    varchar(100) not null,
    worker_id varchar(200),
    outcome   varchar(20)  not null,
    reason    text         not null,
    ended_at  timestamptz  not null,
    primary key (task_id, attempt)
);
create index task_attempt_job on task_attempt (job_id, ended_at desc);

-- job.error_limit: failed attempts after which the job FAILS (null or 0: no limit); job.failed_attempts counts them
-- since the job was submitted or last retried. job.blocklist_threshold: failures of one worker on the job after
-- which it is blocklisted for the job (null or 0: never). Both come from JobSubmitted.
alter table job add column error_limit         integer;
alter table job add column blocklist_threshold integer;
alter table job add column failed_attempts     integer not null default 0;

-- Failures of each worker on each job since its blocklist entry was last cleared; `times` counts how often the
-- worker was blocklisted for the job (part of the JobWorkerBlocklisted ce_id).
create table job_worker (
    job_id         varchar(100) not null,
    worker_id      varchar(200) not null,
    failures       integer      not null,
    blocklisted    boolean      not null default false,
    times          integer      not null default 0,
    blocklisted_at timestamptz,
    primary key (job_id, worker_id)
);
