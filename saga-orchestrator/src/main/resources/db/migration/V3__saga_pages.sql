-- GET /api/sagas pages newest first by (started_at, order_id), with or without a state:
-- keyset queries that read these indexes in order and stop after a page.
drop index saga_by_state;
create index saga_by_state on saga (state, started_at desc, order_id desc);
create index saga_by_start on saga (started_at desc, order_id desc);
