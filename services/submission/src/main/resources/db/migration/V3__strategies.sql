-- Segmentation strategies, job dependencies and preview on jobs; progress per part.
alter table job add column strategy     varchar(8) not null default 'FRAMES';
alter table job add column tile_columns integer;
alter table job add column tile_rows    integer;
alter table job add column tile_width   integer;
alter table job add column tile_height  integer;
alter table job add column passes       text       not null default '[]';
alter table job add column depends_on   text       not null default '[]';
alter table job add column preview      boolean    not null default false;
alter table job add column parts        text       not null default '{}';

-- Static task information from TaskPlanned, filled before (or after) the first TaskStatusChanged.
alter table job_task add column kind          varchar(16);
alter table job_task add column part          varchar(16);
alter table job_task add column region_x      integer;
alter table job_task add column region_y      integer;
alter table job_task add column region_width  integer;
alter table job_task add column region_height integer;
alter table job_task add column passes        text not null default '[]';
alter table job_task add column depends_on    text not null default '[]';
alter table job_task add column task_order    integer;
