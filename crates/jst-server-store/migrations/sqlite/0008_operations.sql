-- jst-server schema 8: running the server. An audit of who did what on the server (the OS user
-- of a command, `api:<teryt>` of an API action), written in the same transaction as the change
-- it describes; and the day a token was last used, so `token list` tells live tokens from
-- forgotten ones. Never edit this file; add a new one.

CREATE TABLE audit (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    -- A code of jst_server::AuditAction (snake_case).
    action   TEXT NOT NULL,
    -- A JSON object: what was done to what, never a token, its hash or a contributed value.
    details  TEXT NOT NULL
);
CREATE INDEX audit_at ON audit (at);

-- `YYYY-MM-DD` (UTC) of the last authenticated request: a day, so a busy token costs one write
-- a day rather than one per request.
ALTER TABLE tokens ADD COLUMN last_used_on TEXT;
