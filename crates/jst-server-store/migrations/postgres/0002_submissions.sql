-- jst-server schema 2 (PostgreSQL): values contributed by member units and the submissions that
-- brought them, as migrations/sqlite/0002_submissions.sql. Contributed values are never
-- published per unit (DESIGN §8): only the release builder's aggregates leave this database.
-- Never edit this file; add a new one.

CREATE TABLE contributions (
    teryt       TEXT COLLATE "C" NOT NULL,
    indicator   TEXT COLLATE "C" NOT NULL,
    year        INTEGER NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    status      TEXT COLLATE "C",
    rev         BIGINT NOT NULL,
    updated_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (teryt, indicator, year)
);

CREATE TABLE contribution_history (
    teryt       TEXT COLLATE "C" NOT NULL,
    indicator   TEXT COLLATE "C" NOT NULL,
    year        INTEGER NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    rev         BIGINT NOT NULL,
    replaced_at TEXT COLLATE "C" NOT NULL
);

-- Every accepted submission with the response it got, so a retry gets the same answer. The
-- primary key is what makes a submission idempotent: a second request with the same id waits
-- for the first one's transaction and then finds its row.
CREATE TABLE submissions (
    id           TEXT COLLATE "C" PRIMARY KEY,
    token_id     BIGINT NOT NULL REFERENCES tokens (id),
    teryt        TEXT COLLATE "C" NOT NULL,
    body_sha256  TEXT COLLATE "C" NOT NULL,
    response     TEXT NOT NULL,
    received_at  TEXT COLLATE "C" NOT NULL
);
