-- jst-server schema 5 (PostgreSQL): the plan beside the execution of budget reports (MF files):
-- the association's analysts compare them; releases carry the execution only.
-- Never edit this file; add a new one.
CREATE TABLE budget_plans (
    indicator   TEXT COLLATE "C" NOT NULL,
    year        INTEGER NOT NULL,
    teryt       TEXT COLLATE "C" NOT NULL,
    plan        DOUBLE PRECISION NOT NULL,
    source      TEXT COLLATE "C" NOT NULL,
    updated_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (indicator, year, teryt)
);
