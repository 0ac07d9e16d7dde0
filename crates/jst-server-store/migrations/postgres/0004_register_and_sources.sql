-- jst-server schema 4 (PostgreSQL). Never edit this file; add a new one.

-- The TERYT register the association imported (`jst-server import register`): imports map codes
-- to it and every release carries it. Without a row the server uses the register compiled in.
CREATE TABLE register (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    data         BYTEA NOT NULL,
    label        TEXT COLLATE "C" NOT NULL,
    as_of        TEXT COLLATE "C" NOT NULL,
    units        BIGINT NOT NULL,
    imported_at  TEXT COLLATE "C" NOT NULL
);

-- Where a public value came from (an MF file, a BDL variable, a CSV file), kept with its history.
ALTER TABLE public_values ADD COLUMN source TEXT COLLATE "C";
ALTER TABLE value_history ADD COLUMN source TEXT COLLATE "C";
