-- Monitor JST local.db, schema 5: peer-data sync. Trust and the rollback watermark live here,
-- with the own data, because peers.db is disposable: deleting it must not reset either.
-- Never edit this file; add a new one.

-- Release keys an administrator added (`jst trust add`); keys pinned in the program are not here.
CREATE TABLE trusted_keys (
    key_id      TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL
);

-- One row per sync attempt, with a machine-readable outcome.
CREATE TABLE sync_log (
    id                 INTEGER PRIMARY KEY,
    at                 TEXT NOT NULL,
    source             TEXT NOT NULL,
    outcome            TEXT NOT NULL CHECK (outcome IN ('applied', 'up_to_date', 'rejected', 'offline')),
    version            INTEGER,
    code               TEXT,
    message            TEXT,
    bytes_downloaded   INTEGER NOT NULL DEFAULT 0,
    chunks_downloaded  INTEGER NOT NULL DEFAULT 0,
    chunks_reused      INTEGER NOT NULL DEFAULT 0
);

-- The highest release applied and the latest issue time seen (rollback and freeze protection).
CREATE TABLE sync_watermark (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    highest_version    INTEGER NOT NULL,
    highest_issued_at  TEXT NOT NULL
);
