-- Issue 3: a task DAG inside a job and jobs depending on other jobs.

-- Tasks: their dependencies (task ids of the same job, a JSON array), what they are and their dispatch order.
-- The full TaskPlanned stays in `planned`; these columns are the ones monitoring and operators query on.
alter table task add column depends_on text        not null default '[]';
alter table task add column kind       varchar(20) not null default 'render';
alter table task add column part       varchar(20) not null default 'chunk';
alter table task add column task_order integer     not null default 0;
alter table task add column preview    boolean     not null default false;
update task set task_order = task_index;

-- Jobs: the strategy and the jobs they depend on (a JSON array of job ids). `submitted` is true once the job's
-- JobSubmitted was seen: until then its dependencies are unknown, so none of its tasks is released.
alter table job add column strategy   varchar(20);
alter table job add column depends_on text    not null default '[]';
alter table job add column submitted  boolean not null default false;
-- jobs recorded before this migration had no dependencies
update job set submitted = true;
create index job_depends_on on job using gin ((depends_on::jsonb));
