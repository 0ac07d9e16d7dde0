-- Monitor JST local.db, schema 9: what the strategy reports print besides figures. The report
-- header is set once (the unit's full name, the coat of arms, author, department); the
-- officer's introduction and per-goal commentary belong to one strategy and evaluation year
-- (node_code '' is the introduction). Never edit this file; add a new one.

CREATE TABLE report_header (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    unit_name     TEXT,
    author        TEXT,
    department    TEXT,
    emblem        BLOB,
    emblem_format TEXT CHECK (emblem_format IN ('png', 'svg')),
    changed_at    TEXT NOT NULL,
    changed_by    TEXT NOT NULL
);

CREATE TABLE report_texts (
    strategy_id INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    node_code   TEXT NOT NULL,
    text        TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    PRIMARY KEY (strategy_id, year, node_code)
);
