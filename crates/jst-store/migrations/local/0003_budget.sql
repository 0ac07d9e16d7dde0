-- Monitor JST local.db, schema 3: the unit's own budget execution (Rb-27S revenue, Rb-28S
-- expenditure). Never edit this file; add a new one.

CREATE TABLE budget_lines (
    year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    report       TEXT NOT NULL CHECK (report IN ('Rb-27S', 'Rb-28S')),
    dzial        TEXT NOT NULL CHECK (length(dzial) = 3),
    rozdzial     TEXT NOT NULL CHECK (length(rozdzial) = 5),
    paragraf     TEXT NOT NULL CHECK (length(paragraf) = 4),
    plan         REAL NOT NULL,
    execution    REAL NOT NULL,
    source       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    PRIMARY KEY (year, report, rozdzial, paragraf)
);
