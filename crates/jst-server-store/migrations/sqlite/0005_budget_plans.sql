-- jst-server schema 5: the plan beside the execution of budget reports (MF files): the
-- association's analysts compare them; releases carry the execution only.
-- Never edit this file; add a new one.
CREATE TABLE budget_plans (
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    teryt       TEXT NOT NULL,
    plan        REAL NOT NULL,
    source      TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (indicator, year, teryt)
) WITHOUT ROWID;
