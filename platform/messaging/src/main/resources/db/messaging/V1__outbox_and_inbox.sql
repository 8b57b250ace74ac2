-- Transactional outbox: an event row is written in the same transaction as the state it describes,
-- and the relay publishes it to Kafka at least once, then deletes it.
create table outbox_event (
    id          bigserial    primary key,
    event_id    varchar(200) not null,
    topic       varchar(200) not null,
    record_key  varchar(200),
    partition_no integer,
    event_type  varchar(200) not null,
    source      varchar(200) not null,
    subject     varchar(200),
    payload     text         not null,
    created_at  timestamptz  not null default now()
);

-- Idempotent inbox: the ce_id of every event a consumer applied, written in the state's transaction.
create table inbox_event (
    consumer    varchar(100) not null,
    event_id    varchar(200) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index inbox_event_received_at on inbox_event (received_at);
