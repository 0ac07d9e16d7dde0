-- jst-server's own database, schema 1. Never edit this file; add a new one.

-- The indicator catalogue as last imported (DESIGN §6 catalogue CSV), shipped in every release.
CREATE TABLE catalogue (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    csv          BLOB NOT NULL,
    rows         INTEGER NOT NULL,
    version      TEXT NOT NULL,
    imported_at  TEXT NOT NULL
);

-- Public per-unit values (named: public by law). `rev` grows with every change of the value.
CREATE TABLE public_values (
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    teryt       TEXT NOT NULL,
    value       REAL NOT NULL,
    rev         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (indicator, year, teryt)
) WITHOUT ROWID;

-- Every earlier value, so a revision can be traced.
CREATE TABLE value_history (
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    teryt       TEXT NOT NULL,
    value       REAL NOT NULL,
    rev         INTEGER NOT NULL,
    replaced_at TEXT NOT NULL
);

CREATE TABLE releases (
    version          INTEGER PRIMARY KEY,
    issued_at        TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    manifest_sha256  TEXT NOT NULL
);

-- Unit tokens: only the SHA-256 of a token is stored; the token is shown once.
CREATE TABLE tokens (
    id            INTEGER PRIMARY KEY,
    teryt         TEXT NOT NULL,
    token_sha256  TEXT NOT NULL UNIQUE,
    issued_at     TEXT NOT NULL,
    revoked_at    TEXT
);

CREATE TABLE closed_periods (
    year       INTEGER PRIMARY KEY,
    closed_at  TEXT NOT NULL
);
