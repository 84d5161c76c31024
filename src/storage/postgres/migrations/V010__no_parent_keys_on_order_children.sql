-- Issue 7: order lines and subscription events without a foreign key to the row they belong to,
-- on PostgreSQL only.
--
-- Under SERIALIZABLE, PostgreSQL checks such a key by reading the parent's primary-key index
-- with a predicate lock on the page it reads. IDs are time-ordered (docs/adr/0014), so every new
-- order and subscription lands in the same last leaf page of its primary key: each order's check
-- locked the page that every concurrent order inserts into, a read/write conflict with each of
-- them. With four sessions placing orders (bench/pg_orders.sh), 15% of the transactions failed
-- to serialize and ran again, and 68% once an order's writes were queued (Statement::Queue);
-- without these two keys, 4 in 8,000 did.
--
-- The keys guarded nothing the code does not: the children are written only by the repository
-- method that writes their parent, or has just updated it, in the same transaction
-- (SqlOrderRepository::Insert; SqlSubscriptionRepository::Insert and Update), and orders and
-- subscriptions are never deleted. SQLite, which takes no predicate locks, keeps both keys.
ALTER TABLE order_line_items DROP CONSTRAINT order_line_items_order_id_fkey;
ALTER TABLE subscription_events DROP CONSTRAINT subscription_events_subscription_id_fkey;
