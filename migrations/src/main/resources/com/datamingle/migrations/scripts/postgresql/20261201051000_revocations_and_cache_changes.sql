-- // revocations and cache changes
-- Written by `datamingle db migrate` from the declared schema, reviewed. Revoked WorkOS sessions
-- and users' sign-outs, remembered while a token they refuse could still be valid; and the
-- changes a running server reads to drop what it caches (SQLite; PostgreSQL uses NOTIFY).

-- add table revoked_sessions
CREATE TABLE revoked_sessions (
    session_id VARCHAR(128) NOT NULL PRIMARY KEY,
    workos_user_id VARCHAR(100) NOT NULL,
    revoked_at TIMESTAMPTZ NOT NULL,
    forget_after TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_revoked_sessions_forget_after ON revoked_sessions (forget_after);

-- add table user_sign_outs
CREATE TABLE user_sign_outs (
    workos_user_id VARCHAR(100) NOT NULL PRIMARY KEY,
    signed_out_at TIMESTAMPTZ NOT NULL,
    forget_after TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_user_sign_outs_forget_after ON user_sign_outs (forget_after);

-- add table cache_changes
CREATE TABLE cache_changes (
    seq INTEGER NOT NULL PRIMARY KEY,
    payload VARCHAR(2000) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- //@UNDO

-- undo: add table cache_changes
DROP TABLE cache_changes;

-- undo: add table user_sign_outs
DROP TABLE user_sign_outs;

-- undo: add table revoked_sessions
DROP TABLE revoked_sessions;
