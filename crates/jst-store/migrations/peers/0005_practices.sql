-- Monitor JST peers.db, schema 5: the good-practice base (Baza Dobrych Praktyk) as the last
-- applied release carries it, replaced with each release. Public and disposable like the rest
-- of peers.db. Never edit this file; add a new one.

CREATE TABLE practices (
    id          INTEGER PRIMARY KEY,      -- the server's id
    title       TEXT NOT NULL,
    area        TEXT NOT NULL,            -- PracticeArea code
    teryt       TEXT NOT NULL,
    unit_name   TEXT NOT NULL,
    unit_kind   TEXT NOT NULL,            -- UnitKind code
    woj         TEXT NOT NULL,            -- first two digits of the TERYT
    population  INTEGER,
    size_class  TEXT,                     -- e.g. '20000-50000' by the unit's kind; NULL without population
    indicators  TEXT NOT NULL,            -- catalogue codes separated by spaces
    json        TEXT NOT NULL             -- the practice as the release carries it
);

CREATE INDEX practices_area ON practices (area);

-- Full-text search folding Polish diacritics (`oswiata` finds "oświata"); rowid = practices.id.
-- The texts are also folded before they are indexed, since ł does not decompose.
CREATE VIRTUAL TABLE practices_fts USING fts5(
    title, unit_name, summary, presentation, keywords,
    tokenize = 'unicode61 remove_diacritics 2'
);
