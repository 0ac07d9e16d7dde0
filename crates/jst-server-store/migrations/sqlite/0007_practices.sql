-- jst-server schema 7: the good-practice base (Baza Dobrych Praktyk, DESIGN §8). A practice is
-- kept as the checked JSON document the release carries; units propose over the API and only
-- the association publishes. Never edit this file; add a new one.

CREATE TABLE practices (
    id            INTEGER PRIMARY KEY,
    status        TEXT NOT NULL CHECK (status IN ('proposed', 'published')),
    -- The practice as checked (jst_server::Practice without its id), never HTML.
    document      TEXT NOT NULL,
    -- The unit whose token proposed it; NULL for practices the association imported.
    proposed_by   TEXT,
    created_at    TEXT NOT NULL,
    published_at  TEXT
);

-- Attachments by the SHA-256 of their bytes: the same file attached twice is kept once.
CREATE TABLE practice_attachments (
    sha256      TEXT PRIMARY KEY,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    bytes       BLOB NOT NULL
) WITHOUT ROWID;
