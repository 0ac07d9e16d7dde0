-- Monitor JST peers.db, schema 6: the values once more, year-major. One block per (indicator,
-- year) holds every unit's value as a little-endian f64 at the slot of its unit key (NaN: no
-- value), so a comparison over all units of a year reads a few hundred blocks instead of
-- hundreds of thousands of rows (measured: docs/benchmarks.md). peer_values stays the record;
-- the store rebuilds the blocks of every (indicator, year) a change touches, in the same
-- transaction, and fills this table on the first open after this migration. Never edit this
-- file; add a new one.

CREATE TABLE peer_blocks (
    indicator  INTEGER NOT NULL,
    year       INTEGER NOT NULL,
    block      BLOB NOT NULL,
    PRIMARY KEY (indicator, year)
);
