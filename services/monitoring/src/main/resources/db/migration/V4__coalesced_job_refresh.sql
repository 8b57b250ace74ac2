-- A job whose tasks changed since its progress was last published. Task events only set the flag (in their own
-- transaction); the job refresher re-evaluates flagged jobs (release of waiting tasks, job state, one JobProgress)
-- a few times a second, so a 1,000-task job costs one evaluation per interval, not one per task event.
alter table job add column dirty boolean not null default false;
create index job_dirty on job (updated_at) where dirty;
