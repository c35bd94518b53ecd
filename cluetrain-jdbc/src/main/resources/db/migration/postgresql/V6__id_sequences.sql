-- Ids of inbox items, their events and saved replies come from sequences on PostgreSQL, where
-- several processes write at once (SQLite's one connection numbers them as the largest plus one).
CREATE SEQUENCE IF NOT EXISTS inbox_items_id_seq OWNED BY inbox_items.id;
CREATE SEQUENCE IF NOT EXISTS inbox_events_id_seq OWNED BY inbox_events.id;
CREATE SEQUENCE IF NOT EXISTS inbox_replies_id_seq OWNED BY inbox_replies.id;
