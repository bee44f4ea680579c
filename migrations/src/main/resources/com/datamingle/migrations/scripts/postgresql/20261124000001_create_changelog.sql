-- // create changelog
-- The table in which every applied migration is recorded, with the SHA-256 of its script
-- (datamingle fills CHECKSUM after each run; MyBatis Migrations writes the other columns).
CREATE TABLE ${changelog} (
    ID NUMERIC(20,0) NOT NULL PRIMARY KEY,
    APPLIED_AT VARCHAR(25) NOT NULL,
    DESCRIPTION VARCHAR(255) NOT NULL,
    CHECKSUM VARCHAR(64)
);

-- //@UNDO

DROP TABLE ${changelog};
