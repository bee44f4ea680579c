-- // create users
-- Users who sign in through WorkOS. Times are milliseconds since the epoch (what sqlite-jdbc
-- stores for a timestamp); ids are UUID text; flags are 0/1.
CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    workos_user_id TEXT NOT NULL,
    email TEXT NOT NULL,
    first_name TEXT,
    last_name TEXT,
    profile_picture_url TEXT,
    is_active BOOLEAN NOT NULL DEFAULT 1,
    is_admin BOOLEAN NOT NULL DEFAULT 0,
    timezone TEXT NOT NULL DEFAULT 'UTC',
    language TEXT NOT NULL DEFAULT 'en',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP,
    last_session_id TEXT,
    CONSTRAINT uq_users_workos_user_id UNIQUE (workos_user_id)
);
CREATE INDEX ix_users_email ON users (email);

-- //@UNDO

DROP INDEX ix_users_email;
DROP TABLE users;
