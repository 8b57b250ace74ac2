-- Workers blocklisted for a job (JobWorkerBlocklisted from monitoring on farm.jobs.v1): none of the job's tasks is
-- dispatched to them until a JobBlocklistCleared names them or the whole job. Applied in topic order.
create table blocklisted_worker (
    job_id         varchar(200) not null,
    worker_id      varchar(200) not null,
    blocklisted_at timestamptz  not null,
    primary key (job_id, worker_id)
);
