-- Suspend, resume and retry-failed: the job's lifecycle commands are numbered per job (1, 2, 3, ...). The number is
-- part of the event's ce_id (suspend, resume, suspend are three events) and JobProgress says up to which command
-- monitoring had applied, so a state monitoring published before the newest command is not applied.
alter table job add column lifecycle_sequence bigint not null default 0;
