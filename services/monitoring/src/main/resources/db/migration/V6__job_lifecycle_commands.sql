-- Suspend, resume and retry-failed (farm.jobs.v1 JobSuspended, JobResumed, JobRetryRequested).
-- job.lifecycle_sequence: the sequence of the newest command applied (older or repeated ones change nothing); every
-- JobProgress carries it, so submission can tell a state published before a command from the answer to it.
alter table job add column lifecycle_sequence bigint not null default 0;
-- task.attempt_base: attempts a task used before its current attempt budget started. A retry-failed requeues a DEAD
-- task with its next attempt (still the fencing token) and sets the base to the attempt it died at, so the task has
-- max-attempts attempts again: it is DEAD once attempt - attempt_base reaches max-attempts.
alter table task add column attempt_base integer not null default 0;
