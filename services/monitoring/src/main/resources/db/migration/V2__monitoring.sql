-- Jobs as monitoring sees them. A row may be created lazily by a TaskPlanned or JobCancelled that overtook the
-- job's JobSubmitted (they travel on different topics); capability and studio are filled in when known.
create table job (
    job_id       varchar(100) primary key,
    studio       varchar(200),
    capability   varchar(10),
    frames_total integer      not null default 0,
    tasks_total  integer      not null default 0,
    state        varchar(20)  not null,
    reason       text,
    version      bigint       not null default 0,
    updated_at   timestamptz  not null default now()
);

-- Tasks: state, the current attempt (the fencing token), the worker holding the lease and when it expires.
create table task (
    task_id          varchar(120) primary key,
    job_id           varchar(100) not null references job (job_id),
    task_index       integer      not null,
    frame_start      integer      not null,
    frame_end        integer      not null,
    capability       varchar(10)  not null,
    state            varchar(20)  not null,
    attempt          integer      not null,
    worker_id        varchar(200),
    lease_expires_at timestamptz,
    frames_done      integer      not null default 0,
    reason           text,
    version          bigint       not null default 0,
    planned          text         not null,
    updated_at       timestamptz  not null default now()
);
create index task_job_state on task (job_id, state);
create index task_capability_state on task (capability, state);
create index task_running_lease on task (lease_expires_at) where state = 'RUNNING';

-- Workers as their heartbeats describe them, for farm status.
create table worker (
    worker_id  varchar(200) primary key,
    capability varchar(10)  not null,
    slots      integer      not null,
    free_slots integer      not null,
    state      varchar(20)  not null,
    last_seen  timestamptz  not null
);
