-- // workos sync
-- Written by `datamingle db migrate` from the declared schema, reviewed. State of the sync with
-- WorkOS (webhooks and the Events API): per-user WorkOS updated_at and deletion, processed event
-- ids, and the Events API cursor.

-- add table workos_user_sync
CREATE TABLE workos_user_sync (
    workos_user_id TEXT NOT NULL PRIMARY KEY,
    workos_updated_at TIMESTAMP,
    deleted_at TIMESTAMP
);

-- add table workos_events
CREATE TABLE workos_events (
    event_id TEXT NOT NULL PRIMARY KEY,
    event_type TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_workos_events_received_at ON workos_events (received_at);

-- add table sync_cursors
CREATE TABLE sync_cursors (
    name TEXT NOT NULL PRIMARY KEY,
    last_event_id TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- //@UNDO

-- undo: add table sync_cursors
DROP TABLE sync_cursors;

-- undo: add table workos_events
DROP TABLE workos_events;

-- undo: add table workos_user_sync
DROP TABLE workos_user_sync;
