-- Monitor JST local.db, schema 8: budget reports keep their period (Okres 1–4 of the year, 4 =
-- the whole year), so a half-year report sits beside the year's and unit costs can say which
-- they used. Never edit this file; add a new one.

CREATE TABLE budget_lines_v8 (
    year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    report       TEXT NOT NULL CHECK (report IN ('Rb-27S', 'Rb-28S')),
    period       INTEGER NOT NULL CHECK (period BETWEEN 1 AND 4),
    dzial        TEXT NOT NULL CHECK (length(dzial) = 3),
    rozdzial     TEXT NOT NULL CHECK (length(rozdzial) = 5),
    paragraf     TEXT NOT NULL CHECK (length(paragraf) = 4),
    plan         REAL NOT NULL,
    execution    REAL NOT NULL,
    source       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    PRIMARY KEY (year, report, period, rozdzial, paragraf)
);

-- Lines imported before periods were kept came from yearly files.
INSERT INTO budget_lines_v8 (year, report, period, dzial, rozdzial, paragraf, plan, execution,
                             source, imported_at, imported_by)
SELECT year, report, 4, dzial, rozdzial, paragraf, plan, execution, source, imported_at,
       imported_by
FROM budget_lines;

DROP TABLE budget_lines;
ALTER TABLE budget_lines_v8 RENAME TO budget_lines;
