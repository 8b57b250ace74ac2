-- Decentralized mode relays a ready task to its capability's task topic without choosing a worker: its
-- dispatched_task row names no worker until a TaskStarted says which one took it.
alter table dispatched_task alter column worker_id drop not null;
