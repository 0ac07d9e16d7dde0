-- jst-server schema 6: experience-exchange groups (grupy wymiany doświadczeń, DESIGN §8). The one
-- place where contributed values are shown by name: to the group's current members only, over
-- the authenticated API, never in a release or a log. Never edit this file; add a new one.

CREATE TABLE gwd_groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    area        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- The group's indicators in the order the association gave them.
CREATE TABLE gwd_indicators (
    group_id   INTEGER NOT NULL REFERENCES gwd_groups (id),
    position   INTEGER NOT NULL,
    indicator  TEXT NOT NULL,
    PRIMARY KEY (group_id, indicator)
) WITHOUT ROWID;

-- Every membership with the signed consent it rests on (document reference and date). A unit
-- that leaves keeps its row with `removed_at`, so the association can show when consent held;
-- only rows without `removed_at` make a unit a member.
CREATE TABLE gwd_members (
    id                 INTEGER PRIMARY KEY,
    group_id           INTEGER NOT NULL REFERENCES gwd_groups (id),
    teryt              TEXT NOT NULL,
    consent_reference  TEXT NOT NULL,
    consent_date       TEXT NOT NULL,
    added_at           TEXT NOT NULL,
    removed_at         TEXT
);

CREATE UNIQUE INDEX gwd_members_current ON gwd_members (group_id, teryt) WHERE removed_at IS NULL;
CREATE INDEX gwd_members_unit ON gwd_members (teryt) WHERE removed_at IS NULL;
