-- NOT payment-service's data: the simulated external payment provider (package
-- org.dsmastery.payment.simulator) keeps its authorizations here, by idempotency key, so it
-- survives a restart the way a real PSP would. The audit reads it as the PSP's reconciliation
-- report: an order (reference) authorized twice would be a duplicate charge.
create table provider_authorization (
    idempotency_key  text        primary key,
    reference        text,
    outcome          text        not null check (outcome in ('AUTHORIZED', 'DECLINED')),
    authorization_id text        unique,
    amount_cents     bigint      not null,
    currency         text        not null,
    created_at       timestamptz not null default now()
);
create index provider_authorization_reference on provider_authorization (reference);
