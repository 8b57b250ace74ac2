-- Issue 5: per-job error limit and worker blocklist, and the failure reasons of every attempt.

-- The job's effective error limit and blocklist threshold (0: off), and how often its blocklist was cleared (the
-- sequence in the JobBlocklistCleared ce_id). Jobs submitted before had neither.
alter table job add column error_limit         integer not null default 0;
alter table job add column blocklist_threshold integer not null default 0;
alter table job add column blocklist_clears    bigint  not null default 0;

-- Read model of the attempts that ended badly, fed by the FAILED and STALLED TaskStatusChanged of monitoring.
create table job_task_attempt (
    task_id   varchar(64)  not null,
    attempt   integer      not null,
    job_id    varchar(36)  not null,
    outcome   varchar(16)  not null,
    worker_id varchar(200),
    reason    text,
    ended_at  timestamptz  not null,
    primary key (task_id, attempt)
);
create index job_task_attempt_job on job_task_attempt (job_id);

-- Read model of each job's worker blocklist, fed by JobWorkerBlocklisted and JobBlocklistCleared (farm.jobs.v1).
create table job_blocklist (
    job_id    varchar(36)  not null,
    worker_id varchar(200) not null,
    failures  integer      not null,
    reason    text,
    since     timestamptz  not null,
    primary key (job_id, worker_id)
);
