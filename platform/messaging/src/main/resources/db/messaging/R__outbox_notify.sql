-- Wakes the outbox relay when events are committed: a statement that inserts outbox rows queues a notification on
-- the channel <schema>_outbox, which PostgreSQL delivers only when (and if) the transaction commits, once per
-- transaction. The relay LISTENs on it and still polls now and then in case a notification was missed.
create or replace function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify(tg_table_schema || '_outbox', '');
    return null;
end
$$;

drop trigger if exists outbox_event_notify on outbox_event;
create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();
