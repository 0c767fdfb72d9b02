-- the largest fencing token that wrote the row: a write with a token that is not larger
-- comes from a lock holder whose lease expired, and is refused
alter table stock add column fence bigint not null default 0;

-- one reservation per order, all or nothing; RELEASED with no lines is a tombstone that
-- refuses a later ReserveStock for a closed order
create table reservation (
    order_id         bigint      primary key,
    status           text        not null check (status in ('RESERVED', 'COMMITTED', 'RELEASED', 'REJECTED')),
    saga_style       text        check (saga_style in ('orchestrated', 'choreographed')),
    reason           text,
    unavailable_skus text[]      not null default '{}',
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index reservation_open on reservation (order_id) where status = 'RESERVED';

create table reservation_line (
    order_id bigint  not null references reservation (order_id),
    sku      text    not null references product (sku),
    quantity integer not null check (quantity > 0),
    primary key (order_id, sku)
);
create index reservation_line_sku on reservation_line (sku);

-- write-back totals of the Redis counters (loss-tolerant: see README)
create table product_counter (
    sku           text        primary key,
    views         bigint      not null default 0,
    price_lookups bigint      not null default 0,
    updated_at    timestamptz not null default now()
);
