-- libs/outbox: messages committed with the business change, waiting for the relay.
-- A published message is deleted, so "drained" means "empty".
create table outbox_message (
    id           bigserial   primary key,
    message_id   uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    -- the relay's unit of work and of ordering: all messages of one key share a lane
    lane         smallint    not null,
    type         text        not null,
    headers      jsonb       not null,
    payload      text        not null,
    created_at   timestamptz not null default now()
);
create index outbox_message_lane on outbox_message (lane, id);
