-- Customer credit. Money only moves between the buckets (invariant 3 of the audit):
-- credit = balance + held + captured, and no bucket is ever negative.
create table account (
    customer_id    bigint      primary key,
    currency       text        not null,
    credit_cents   bigint      not null,
    balance_cents  bigint      not null,
    held_cents     bigint      not null,
    captured_cents bigint      not null,
    updated_at     timestamptz not null default now(),
    constraint account_buckets_not_negative
        check (credit_cents >= 0 and balance_cents >= 0 and held_cents >= 0 and captured_cents >= 0),
    constraint account_credit_is_the_sum
        check (credit_cents = balance_cents + held_cents + captured_cents)
);

-- One payment per order: the primary key makes authorizing or charging an order twice impossible.
create table payment (
    order_id         bigint      primary key,
    customer_id      bigint      not null,
    amount_cents     bigint      not null check (amount_cents >= 0),
    currency         text        not null,
    status           text        not null check (status in ('AUTHORIZED', 'DECLINED', 'VOIDED', 'CAPTURED')),
    saga_style       text        not null check (saga_style in ('ORCHESTRATED', 'CHOREOGRAPHED')),
    authorization_id text,
    reason           text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index payment_customer on payment (customer_id);

-- Every order seen: amount and saga style from OrderPlaced; closed is the tombstone left by
-- OrderRejected, OrderCancelled or VoidPayment. Its row lock serializes the steps of one order.
create table payment_order (
    order_id     bigint  primary key,
    customer_id  bigint,
    amount_cents bigint,
    currency     text,
    saga_style   text check (saga_style in ('ORCHESTRATED', 'CHOREOGRAPHED')),
    closed       boolean not null default false
);
