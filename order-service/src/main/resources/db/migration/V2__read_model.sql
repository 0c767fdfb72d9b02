-- The read side, fed from order.events.v1 (or rebuilt from order_event).
create table order_view (
    order_id    bigint      primary key,
    customer_id bigint      not null,
    status      text        not null,
    total_cents bigint      not null,
    currency    text        not null,
    saga_style  text        not null,
    lines       jsonb       not null,
    placed_at   timestamptz not null,
    updated_at  timestamptz not null,
    version     int         not null
);
create index order_view_customer on order_view (customer_id, placed_at desc);

create table sku_sales (
    sku           text   primary key,
    ordered       bigint not null default 0,
    sold          bigint not null default 0,
    revenue_cents bigint not null default 0,
    currency      text   not null
);

-- the consumer's position, written in the same transaction as the projection
create table projection_offset (
    topic       text   not null,
    partition   int    not null,
    next_offset bigint not null,
    primary key (topic, partition)
);

create table customer_order (
    customer_id bigint      not null,
    order_id    bigint      not null,
    status      text        not null,
    total_cents bigint      not null,
    currency    text        not null,
    placed_at   timestamptz not null,
    primary key (customer_id, order_id)
);
