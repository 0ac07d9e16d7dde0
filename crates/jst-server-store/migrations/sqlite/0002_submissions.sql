-- jst-server schema 2: values contributed by member units and the submissions that brought them.
-- Contributed values are never published per unit (DESIGN §8): only the release builder's
-- aggregates leave this database. Never edit this file; add a new one.

CREATE TABLE contributions (
    teryt       TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    value       REAL NOT NULL,
    status      TEXT,
    rev         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (teryt, indicator, year)
) WITHOUT ROWID;

CREATE TABLE contribution_history (
    teryt       TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    value       REAL NOT NULL,
    rev         INTEGER NOT NULL,
    replaced_at TEXT NOT NULL
);

-- Every accepted submission with the response it got, so a retry gets the same answer.
CREATE TABLE submissions (
    id           TEXT PRIMARY KEY,
    token_id     INTEGER NOT NULL REFERENCES tokens (id),
    teryt        TEXT NOT NULL,
    body_sha256  TEXT NOT NULL,
    response     TEXT NOT NULL,
    received_at  TEXT NOT NULL
);
