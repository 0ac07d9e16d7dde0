-- Monitor JST peers.db, schema 3: values keyed by small integers instead of repeated text, and
-- no second index, so the national set (12.5 million values) loads in about the time of a raw
-- bulk load and takes less than half the space (measured: docs/benchmarks.md). Never edit this
-- file; add a new one.

CREATE TABLE peer_units (
    id        INTEGER PRIMARY KEY,
    identity  TEXT NOT NULL UNIQUE
);

CREATE TABLE peer_indicators (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE
);

CREATE TABLE datasets_v3 (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    origin     TEXT NOT NULL CHECK (origin IN ('shipped', 'release', 'import')),
    label      TEXT NOT NULL,
    loaded_at  TEXT NOT NULL
);
INSERT INTO datasets_v3 (name, origin, label, loaded_at)
    SELECT id, origin, label, loaded_at FROM datasets ORDER BY id;

-- The store keeps unit, indicator and dataset ids valid itself: foreign-key lookups on every one
-- of millions of inserted rows would double the load time.
CREATE TABLE peer_values (
    indicator  INTEGER NOT NULL,
    year       INTEGER NOT NULL,
    unit       INTEGER NOT NULL,
    value      REAL NOT NULL,
    flag       TEXT,
    dataset    INTEGER NOT NULL,
    PRIMARY KEY (indicator, year, unit)
) WITHOUT ROWID;

INSERT INTO peer_units (identity) SELECT DISTINCT unit FROM public_values ORDER BY unit;
INSERT INTO peer_indicators (code) SELECT DISTINCT indicator FROM public_values ORDER BY indicator;
INSERT INTO peer_values (indicator, year, unit, value, flag, dataset)
    SELECT i.id, p.year, u.id, p.value, p.flag, d.id
    FROM public_values p
    JOIN peer_indicators i ON i.code = p.indicator
    JOIN peer_units u ON u.identity = p.unit
    JOIN datasets_v3 d ON d.name = p.dataset;

DROP TABLE public_values;
DROP TABLE datasets;
ALTER TABLE datasets_v3 RENAME TO datasets;
