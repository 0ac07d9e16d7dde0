-- Monitor JST local.db, schema 4: saved comparison groups (`custom:NAME`, DESIGN §5.5), the
-- officer's own list of units to compare with. Never edit this file; add a new one.

CREATE TABLE peer_groups (
    name        TEXT PRIMARY KEY CHECK (length(trim(name)) BETWEEN 1 AND 80),
    saved_at    TEXT NOT NULL,
    saved_by    TEXT NOT NULL
);

-- Members by unit identity (first 6 digits of a gmina's TERYT, 4 of a powiat's), so a group
-- survives a register change of a gmina's type digit.
CREATE TABLE peer_group_members (
    group_name  TEXT NOT NULL REFERENCES peer_groups (name) ON DELETE CASCADE ON UPDATE CASCADE,
    identity    TEXT NOT NULL,
    PRIMARY KEY (group_name, identity)
) WITHOUT ROWID;
