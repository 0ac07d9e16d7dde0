-- Monitor JST peers.db, schema 4: aggregates of values contributed by member units, per
-- type_size group (DESIGN §8), replaced with the release that carries them. No unit is named.
-- Never edit this file; add a new one.

CREATE TABLE contributed_aggregates (
    grp        TEXT NOT NULL,
    indicator  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    q1         REAL,
    median     REAL,
    q3         REAL,
    p10        REAL,
    p90        REAL,
    mean       REAL,
    note       TEXT,
    dataset    INTEGER NOT NULL,
    PRIMARY KEY (grp, indicator, year)
) WITHOUT ROWID;
