-- libs/idempotency: the first response to each (route, Idempotency-Key), replayed to repeats
create table idempotency_key (
    scope           text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    status          int         not null,
    content_type    text,
    location        text,
    body            bytea       not null,
    created_at      timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
