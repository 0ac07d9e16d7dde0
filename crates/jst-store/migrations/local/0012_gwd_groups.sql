-- Monitor JST local.db, schema 12: experience-exchange groups (GWD, DESIGN §5.5, §8). The
-- unit's groups as the association's server last listed them, their members and the members'
-- values shared by consent, each with when it was fetched, so comparisons and meeting sheets
-- work offline; and the officer's meeting notes. Own data: a group's values cannot be fetched
-- again once the unit has left or while offline, and the notes are the officer's own words.
-- Never edit this file; add a new one.

CREATE TABLE gwd_groups (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    area        TEXT NOT NULL,
    -- When the server last listed the group (RFC 3339 UTC).
    fetched_at  TEXT NOT NULL
);

CREATE TABLE gwd_group_indicators (
    group_id    TEXT NOT NULL REFERENCES gwd_groups (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    indicator   TEXT NOT NULL,
    PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

CREATE TABLE gwd_group_members (
    group_id    TEXT NOT NULL REFERENCES gwd_groups (id) ON DELETE CASCADE,
    teryt       TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (group_id, teryt)
) WITHOUT ROWID;

-- One year of a group's values as last served, with its ETag.
CREATE TABLE gwd_value_years (
    group_id    TEXT NOT NULL REFERENCES gwd_groups (id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    etag        TEXT,
    fetched_at  TEXT NOT NULL,
    PRIMARY KEY (group_id, year)
) WITHOUT ROWID;

CREATE TABLE gwd_values (
    group_id    TEXT NOT NULL,
    year        INTEGER NOT NULL,
    teryt       TEXT NOT NULL,
    name        TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    value       REAL NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('contributed', 'public')),
    PRIMARY KEY (group_id, year, teryt, indicator),
    FOREIGN KEY (group_id, year) REFERENCES gwd_value_years (group_id, year) ON DELETE CASCADE
) WITHOUT ROWID;

-- Meeting notes outlive the group's copy: no reference to gwd_groups.
CREATE TABLE gwd_notes (
    id          INTEGER PRIMARY KEY,
    group_id    TEXT NOT NULL,
    year        INTEGER,
    text        TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 10000),
    written_at  TEXT NOT NULL,
    written_by  TEXT NOT NULL
);
CREATE INDEX gwd_notes_by_group ON gwd_notes (group_id, written_at);
