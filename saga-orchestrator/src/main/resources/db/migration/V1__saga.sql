-- One PlaceOrder saga per orchestrated order; its id is the order id.
create table saga (
    order_id     bigint      primary key,
    customer_id  bigint      not null,
    amount_cents bigint      not null check (amount_cents >= 0),
    currency     text        not null,
    lines        jsonb       not null,
    state        text        not null,
    reason       text,
    attempt      int         not null default 0,
    -- when the current step counts as failed; null once the saga is over
    deadline     timestamptz,
    version      int         not null,
    started_at   timestamptz not null,
    updated_at   timestamptz not null,
    check ((deadline is null) = (state in ('APPROVED', 'REJECTED', 'CANCELLED')))
);

create index saga_by_state on saga (state, started_at desc);
create index saga_by_deadline on saga (deadline) where deadline is not null;

-- Everything that happened to a saga, in order: what it received, what it sent, timeouts.
create table saga_history (
    order_id   bigint      not null references saga (order_id),
    seq        bigserial   not null,
    at         timestamptz not null,
    kind       text        not null,
    type       text        not null,
    from_state text,
    to_state   text        not null,
    message_id text,
    detail     text,
    primary key (order_id, seq)
);
