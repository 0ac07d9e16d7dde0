-- Monitor JST peers.db, schema 1: peer and reference data, disposable and re-downloadable.
-- Never edit this file; add a new one.

-- Where a set of values came from: data shipped with the app or a synced release.
CREATE TABLE datasets (
    id         TEXT PRIMARY KEY,
    origin     TEXT NOT NULL CHECK (origin IN ('shipped', 'release')),
    label      TEXT NOT NULL,
    loaded_at  TEXT NOT NULL
);

-- Public statistics per unit; `unit` is the register identity (6 digits for a gmina).
CREATE TABLE public_values (
    indicator  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    unit       TEXT NOT NULL,
    value      REAL NOT NULL,
    flag       TEXT,
    dataset    TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    PRIMARY KEY (indicator, year, unit)
) WITHOUT ROWID;
CREATE INDEX public_values_unit ON public_values (unit, indicator, year);
