-- autoChunk jobs: how far each is planned. The JobSubmitted is kept so later waves copy its fields.
create table auto_job (
    job_id           varchar(200) primary key,
    job              text         not null,
    scene_key        varchar(64)  not null,
    target_seconds   integer      not null,
    next_index       integer      not null,
    next_frame       bigint       not null,
    wave             integer      not null,
    plan_complete    boolean      not null,
    cancelled        boolean      not null default false,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

-- The tasks of autoChunk jobs with the render time of their first reported completion.
create table auto_task (
    task_id       varchar(220) primary key,
    job_id        varchar(200) not null references auto_job (job_id),
    task_index    integer      not null,
    wave          integer      not null,
    frame_start   integer      not null,
    frame_end     integer      not null,
    render_millis bigint,
    completed_at  timestamptz
);
create index auto_task_job on auto_task (job_id);

-- Frame-time history per scene and capability (SceneKey): sums over every completed task of autoChunk jobs.
create table frame_time (
    scene_key     varchar(64) primary key,
    render_millis bigint      not null,
    frames        bigint      not null,
    tasks         bigint      not null,
    updated_at    timestamptz not null default now()
);
