-- The write side: one stream of events per order. (order_id, version) is the optimistic
-- concurrency check: two writers that loaded the same version cannot both append.
create table order_event (
    seq         bigserial   primary key,
    order_id    bigint      not null,
    version     int         not null,
    type        text        not null,
    payload     jsonb       not null,
    occurred_at timestamptz not null,
    unique (order_id, version)
);
