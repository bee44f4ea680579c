-- // create users
-- Users who sign in through WorkOS. The email index uses pattern ops so that both equality and
-- prefix (LIKE 'abc%') lookups can use it whatever the database's collation.
CREATE TABLE users (
    id UUID NOT NULL PRIMARY KEY,
    workos_user_id VARCHAR(100) NOT NULL,
    email VARCHAR(254) NOT NULL,
    first_name VARCHAR(100),
    last_name VARCHAR(100),
    profile_picture_url VARCHAR(2048),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    timezone VARCHAR(64) NOT NULL DEFAULT 'UTC',
    language VARCHAR(35) NOT NULL DEFAULT 'en',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    last_login_at TIMESTAMPTZ,
    last_session_id VARCHAR(128),
    CONSTRAINT uq_users_workos_user_id UNIQUE (workos_user_id)
);
CREATE INDEX ix_users_email ON users (email varchar_pattern_ops);

-- //@UNDO

DROP INDEX ix_users_email;
DROP TABLE users;
