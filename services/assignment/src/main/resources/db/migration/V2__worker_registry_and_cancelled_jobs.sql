-- The worker registry: one row per worker, upserted by every heartbeat. Replicas share it.
-- gpus is JSON text, not jsonb: Hibernate Reactive's PostgreSQL client cannot read a jsonb array into an entity.
create table worker (
    worker_id   varchar(200) primary key,
    capability  varchar(10)  not null,
    slots       integer      not null,
    free_slots  integer      not null,
    cores       integer      not null,
    memory_mb   bigint       not null,
    gpus        text         not null default '[]',  -- JSON array of {model, memoryMb}
    gpu_source  varchar(20),
    state       varchar(20)  not null,
    host        varchar(255),
    last_seen   timestamptz  not null
);
create index worker_capability on worker (capability);

-- Jobs cancelled by studios: their not-yet-dispatched tasks are never dispatched.
create table cancelled_job (
    job_id       varchar(200) primary key,
    reason       text,
    cancelled_at timestamptz  not null
);
