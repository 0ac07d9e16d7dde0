-- Monitor JST local.db, schema 6: contributing own values to the association (opt-in per
-- indicator), the outbox of submissions and what the server answered for each value.
-- Never edit this file; add a new one.

CREATE TABLE contributed_indicators (
    code   TEXT PRIMARY KEY REFERENCES indicators (code),
    since  TEXT NOT NULL
);

-- A submission is stored before it is sent and resent with the same bytes and id until the
-- server's answer is recorded (DESIGN §7).
CREATE TABLE outbox (
    submission_id  TEXT PRIMARY KEY,
    body           BLOB NOT NULL,
    created_at     TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'answered')),
    response       TEXT,
    answered_at    TEXT
);

-- The server's last word on each contributed (indicator, year): the value it accepted and its
-- rev, or a conflict with the server's value, shown side by side and never written over ours.
CREATE TABLE contribution_state (
    indicator     TEXT NOT NULL,
    year          INTEGER NOT NULL,
    sent_value    REAL NOT NULL,
    result        TEXT NOT NULL,
    server_rev    INTEGER,
    server_value  REAL,
    at            TEXT NOT NULL,
    PRIMARY KEY (indicator, year)
);
