-- A forward step (reserving stock, authorizing payment) is re-sent at every deadline
-- until this moment, then compensated; null in the other steps and once the saga is over.
alter table saga add column give_up_at timestamptz;
alter table saga add constraint saga_give_up_only_forward
    check (give_up_at is null or state in ('RESERVING_STOCK', 'AUTHORIZING_PAYMENT'));
