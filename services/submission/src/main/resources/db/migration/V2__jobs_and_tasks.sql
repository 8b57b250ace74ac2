-- Jobs accepted by the submission service, with the latest status reported by monitoring.
create table job (
    job_id         varchar(36)  primary key,
    request_id     varchar(200),
    name           varchar(200) not null,
    studio         varchar(64)  not null,
    state          varchar(16)  not null,
    priority       integer      not null,
    capability     varchar(8)   not null,
    min_cores      integer,
    min_memory_mb  integer,
    frame_start    integer      not null,
    frame_end      integer      not null,
    chunk_size     integer      not null,
    output_dir     varchar(4096) not null,
    scene          text         not null,
    tasks_total    integer      not null,
    tasks_by_state text         not null default '{}',
    frames_done    integer      not null default 0,
    frames_total   integer      not null,
    reason         varchar(2000),
    status_version bigint       not null default -1,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint job_request_id_unique unique (request_id)
);
create index job_created_at on job (created_at desc, job_id);
create index job_studio on job (studio);
create index job_state on job (state);

-- Read model of the job's tasks, fed by TaskStatusChanged events of monitoring.
create table job_task (
    task_id     varchar(64)  primary key,
    job_id      varchar(36)  not null,
    task_index  integer      not null,
    frame_start integer      not null,
    frame_end   integer      not null,
    state       varchar(16)  not null,
    attempt     integer      not null,
    worker_id   varchar(200),
    reason      varchar(2000),
    version     bigint       not null,
    updated_at  timestamptz  not null
);
create index job_task_job on job_task (job_id, task_index);
