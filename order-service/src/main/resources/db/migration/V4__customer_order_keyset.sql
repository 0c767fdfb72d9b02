-- GET /api/orders?customerId= pages a customer's history newest first with a keyset query,
-- where (placed_at, order_id) < (last page's key) order by placed_at desc, order_id desc;
-- this index serves it in its own order (scanned backwards), so a page reads only its rows
-- and never sorts, however long the history. The primary key (customer_id, order_id) cannot:
-- Snowflake ids come from prefetched batches, so id order is not placing order.
create index customer_order_history on customer_order (customer_id, placed_at, order_id);
