-- libs/messaging: one row per (consumer, message) whose effect committed
create table processed_message (
    consumer     text        not null,
    message_id   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);
create index processed_message_processed_at on processed_message (processed_at);
