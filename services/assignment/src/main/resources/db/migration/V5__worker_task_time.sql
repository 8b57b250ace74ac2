-- The recent mean task time of each worker (an exponentially weighted mean of the render times its TaskCompleted
-- report). It sizes the worker's local queue: workers finishing tasks in well under a second get a few tasks queued
-- beyond their free slots, so they never wait for a dispatch round trip between two short tasks.
alter table worker add column task_millis double precision;
