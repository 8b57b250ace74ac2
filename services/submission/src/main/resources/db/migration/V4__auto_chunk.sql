-- autoChunk jobs: the target task duration, and how far segmentation planned them (from TaskPlanned).
alter table job add column auto_target_seconds integer;
alter table job add column tasks_planned   integer not null default 0;
alter table job add column frames_planned  bigint  not null default 0;
alter table job add column wave_chunk_size integer not null default 0;
alter table job add column plan_complete   boolean not null default true;
