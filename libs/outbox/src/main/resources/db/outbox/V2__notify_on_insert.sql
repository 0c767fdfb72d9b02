-- libs/outbox: wake the relays when a transaction that appended messages commits.
-- NOTIFY is transactional (delivered on commit, dropped on rollback) and PostgreSQL folds
-- identical notifications of one transaction into one, so one per statement is enough.
-- A trigger rather than a NOTIFY from the application saves each append a round trip.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end
$$;

create trigger outbox_message_notify after insert on outbox_message
    for each statement execute function outbox_notify();
