-- Monitor JST local.db, schema 2: development strategies. Never edit this file; add a new one.

CREATE TABLE strategies (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    period_from        INTEGER NOT NULL,
    period_to          INTEGER NOT NULL CHECK (period_to >= period_from),
    resolution_number  TEXT,
    resolution_date    TEXT,
    active             INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    sample             INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
-- At most one active strategy.
CREATE UNIQUE INDEX strategies_one_active ON strategies (active) WHERE active = 1;

CREATE TABLE strategy_nodes (
    id           INTEGER PRIMARY KEY,
    strategy_id  INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    parent_code  TEXT,
    level        TEXT NOT NULL CHECK (level IN ('cel_strategiczny', 'cel_operacyjny',
                     'kierunek_dzialan', 'zadanie')),
    title        TEXT NOT NULL,
    weight       REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    position     INTEGER NOT NULL,
    UNIQUE (strategy_id, code)
);

-- An indicator attached to a node; values stay in `observations`, keyed by indicator code, so
-- they survive re-imports of the template.
CREATE TABLE strategy_indicators (
    id              INTEGER PRIMARY KEY,
    node_id         INTEGER NOT NULL REFERENCES strategy_nodes (id) ON DELETE CASCADE,
    indicator       TEXT NOT NULL REFERENCES indicators (code),
    name            TEXT NOT NULL,
    unit            TEXT NOT NULL,
    direction       TEXT CHECK (direction IN ('wzrost', 'spadek', 'utrzymanie')),
    baseline_year   INTEGER NOT NULL,
    baseline_value  REAL NOT NULL,
    target_year     INTEGER NOT NULL CHECK (target_year > baseline_year),
    target_value    REAL NOT NULL,
    weight          REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    tolerance       REAL CHECK (tolerance IS NULL OR tolerance >= 0),
    department      TEXT,
    source          TEXT,
    position        INTEGER NOT NULL,
    UNIQUE (node_id, indicator)
);

CREATE TABLE strategy_milestones (
    strategy_indicator_id  INTEGER NOT NULL REFERENCES strategy_indicators (id) ON DELETE CASCADE,
    year                   INTEGER NOT NULL,
    value                  REAL NOT NULL,
    PRIMARY KEY (strategy_indicator_id, year)
);

-- Notes and explanations, keyed by codes rather than row ids so that a re-import of the
-- template keeps them.
CREATE TABLE strategy_notes (
    id           INTEGER PRIMARY KEY,
    strategy_id  INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    node_code    TEXT,
    indicator    TEXT,
    year         INTEGER,
    text         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
