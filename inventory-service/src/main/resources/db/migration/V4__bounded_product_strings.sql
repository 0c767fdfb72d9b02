-- The API bounds these (issue 14); the table holds the same bounds so that no other writer
-- (a script, a future endpoint) can store what the API would refuse. GET /api/products pages
-- by sku with a keyset query on the primary key (where sku > :last order by sku limit n).
alter table product add constraint product_sku_length check (char_length(sku) between 1 and 64);
alter table product add constraint product_name_length check (char_length(name) between 1 and 200);
alter table product add constraint product_currency_length check (char_length(currency) = 3);
