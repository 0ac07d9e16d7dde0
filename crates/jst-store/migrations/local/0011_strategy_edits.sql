-- Monitor JST local.db: the undo stack of the strategy editor. Before each edit in the window
-- the edited strategy's definition (nodes, their indicators, milestones) is copied here under
-- a label saying what the edit did; "cofnij" puts the newest copy back and removes it. Values
-- and notes are keyed by codes and never touched by an edit, so they are not copied. Rows
-- keep codes, not ids, because a restore re-creates the nodes. Never edit this file; add a
-- new one.

CREATE TABLE strategy_edits (
    id           INTEGER PRIMARY KEY,
    strategy_id  INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    label        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX strategy_edits_of_strategy ON strategy_edits (strategy_id, id);

CREATE TABLE strategy_edit_nodes (
    edit_id      INTEGER NOT NULL REFERENCES strategy_edits (id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    parent_code  TEXT,
    level        TEXT NOT NULL,
    title        TEXT NOT NULL,
    weight       REAL NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (edit_id, code)
) WITHOUT ROWID;

CREATE TABLE strategy_edit_indicators (
    edit_id         INTEGER NOT NULL REFERENCES strategy_edits (id) ON DELETE CASCADE,
    node_code       TEXT NOT NULL,
    indicator       TEXT NOT NULL,
    name            TEXT NOT NULL,
    unit            TEXT NOT NULL,
    direction       TEXT,
    baseline_year   INTEGER NOT NULL,
    baseline_value  REAL NOT NULL,
    target_year     INTEGER NOT NULL,
    target_value    REAL NOT NULL,
    weight          REAL NOT NULL,
    tolerance       REAL,
    department      TEXT,
    source          TEXT,
    position        INTEGER NOT NULL,
    PRIMARY KEY (edit_id, node_code, indicator)
) WITHOUT ROWID;

CREATE TABLE strategy_edit_milestones (
    edit_id    INTEGER NOT NULL REFERENCES strategy_edits (id) ON DELETE CASCADE,
    node_code  TEXT NOT NULL,
    indicator  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (edit_id, node_code, indicator, year)
) WITHOUT ROWID;
