-- Monitor JST peers.db, schema 2: datasets may also come from files the user imports
-- (`jst import peers`). SQLite cannot change a CHECK constraint, so the table is rebuilt; the
-- migration runner turns foreign keys off around it and checks them before committing.

CREATE TABLE datasets_new (
    id         TEXT PRIMARY KEY,
    origin     TEXT NOT NULL CHECK (origin IN ('shipped', 'release', 'import')),
    label      TEXT NOT NULL,
    loaded_at  TEXT NOT NULL
);
INSERT INTO datasets_new (id, origin, label, loaded_at)
    SELECT id, origin, label, loaded_at FROM datasets;
DROP TABLE datasets;
ALTER TABLE datasets_new RENAME TO datasets;
