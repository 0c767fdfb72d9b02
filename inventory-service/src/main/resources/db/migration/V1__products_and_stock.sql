create table product (
    sku         text        primary key,
    name        text        not null,
    price_cents bigint      not null check (price_cents >= 0),
    currency    text        not null,
    updated_at  timestamptz not null default now()
);

-- invariant 2 of the audit: initial = available + reserved + sold, none negative
create table stock (
    sku       text   primary key references product (sku),
    initial   bigint not null check (initial >= 0),
    available bigint not null check (available >= 0),
    reserved  bigint not null default 0 check (reserved >= 0),
    sold      bigint not null default 0 check (sold >= 0),
    check (initial = available + reserved + sold)
);
