-- Centralised dispatch: the queue of ready tasks, the tasks handed to workers, and what heartbeats add.

-- Worker calibration score, the partitions of its task topic it consumes, and the leases it holds (JSON text).
alter table worker add column score double precision not null default 0;
alter table worker add column partitions text not null default '[]';
alter table worker add column leases text not null default '[]';

-- When assignment first saw a task of each job: the job's place in the queue among jobs of equal priority.
create table job_seen (
    job_id     varchar(200) primary key,
    first_seen timestamptz  not null
);

-- The newest attempt announced per task: a redelivered or older TaskReady is ignored.
create table task_attempt (
    task_id varchar(200) primary key,
    attempt integer      not null
);

-- Ready tasks waiting for a free worker (one attempt per task), ranked by the dispatch order.
create table pending_task (
    task_id       varchar(200) primary key,
    attempt       integer      not null,
    job_id        varchar(200) not null,
    capability    varchar(10)  not null,
    min_cores     integer,
    min_memory_mb integer,
    priority      integer      not null,
    preview       boolean      not null,
    job_seen_at   timestamptz  not null,
    task_order    integer      not null,
    ready_at      timestamptz  not null,
    task_json     text         not null
);
create index pending_task_rank on pending_task
    (capability, preview desc, priority desc, job_seen_at, task_order, task_id);
create index pending_task_job on pending_task (job_id);

-- Tasks handed to a worker and not finished yet: the capacity they take.
create table dispatched_task (
    task_id       varchar(200) primary key,
    attempt       integer      not null,
    job_id        varchar(200) not null,
    capability    varchar(10)  not null,
    worker_id     varchar(200) not null,
    dispatched_at timestamptz  not null,
    started       boolean      not null default false,
    started_at    timestamptz
);
create index dispatched_task_capability on dispatched_task (capability);

-- One row per capability: the dispatcher locks it (FOR UPDATE SKIP LOCKED), so one replica dispatches a
-- capability at a time and two replicas never fill the same free slot.
create table dispatch_lock (
    capability varchar(10) primary key
);
insert into dispatch_lock (capability) values ('cpu'), ('gpu');
