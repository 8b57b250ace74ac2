-- autoChunk jobs are planned in waves: true while the newest TaskPlanned of the job said more tasks will follow
-- (TaskPlanned.moreTasks). Such a job is not COMPLETED even when every task planned so far succeeded.
alter table job add column more_tasks boolean not null default false;
