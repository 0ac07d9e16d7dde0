-- Monitor JST local.db, schema 13: good practices the unit proposes to the association's base
-- (DESIGN §8). The officer's text is own data: saved before it is sent, kept whatever the
-- server answers, so a failed send can be repeated with the same words.
-- Never edit this file; add a new one.

CREATE TABLE practice_proposals (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    -- The practice as JSON, exactly as it is sent (docs/practices-format.md).
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'not_sent', 'sent')),
    -- Where it was last sent (or tried), the server's number and when it took it.
    server          TEXT,
    server_id       INTEGER,
    sent_at         TEXT,
    -- Why the last try failed: a code the shells branch on, and the reason for people.
    failure_code    TEXT,
    failure         TEXT,
    CHECK ((status = 'sent') = (server_id IS NOT NULL AND sent_at IS NOT NULL))
);
