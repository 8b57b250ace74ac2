-- Jobs a studio suspended (JobSuspended) and resumed (JobResumed): while `suspended`, the job's queued tasks stay in
-- pending_task but are not dispatched. `sequence` is the job's newest lifecycle command applied: an older or
-- redelivered suspend or resume changes nothing (suspend 1, resume 2, suspend 3 arrive in order on one partition).
create table suspended_job (
    job_id     varchar(200) primary key,
    sequence   bigint       not null,
    suspended  boolean      not null,
    changed_at timestamptz  not null
);
create index suspended_job_held on suspended_job (job_id) where suspended;
