-- Monitor JST local.db, schema 1: the unit's own data. Never edit this file; add a new one.

CREATE TABLE register_loads (
    id          INTEGER PRIMARY KEY,
    as_of       TEXT NOT NULL,              -- "stan na" of the TERC snapshot
    source      TEXT NOT NULL,              -- file name or "wbudowany"
    loaded_at   TEXT NOT NULL,
    loaded_by   TEXT NOT NULL,
    units       INTEGER NOT NULL
);

-- Units of the TERYT register. `identity` survives a gmina's kind-digit change (first 6 digits);
-- `teryt` is the current full code. Units are never deleted, only ended (valid_to).
CREATE TABLE units (
    id           INTEGER PRIMARY KEY,
    identity     TEXT NOT NULL UNIQUE,
    teryt        TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('gmina_miejska', 'gmina_wiejska',
                     'gmina_miejsko_wiejska', 'miasto_na_prawach_powiatu', 'powiat', 'wojewodztwo')),
    name         TEXT NOT NULL,
    name_folded  TEXT NOT NULL,
    powiat       TEXT,                      -- 4-digit powiat of a gmina (not of a city county)
    voivodeship  TEXT NOT NULL,             -- 2-digit code
    alias        TEXT,                      -- powiat code of a miasto na prawach powiatu
    valid_from   TEXT NOT NULL,
    valid_to     TEXT
);
CREATE INDEX units_alias ON units (alias) WHERE alias IS NOT NULL;

CREATE TABLE unit_changes (
    id               INTEGER PRIMARY KEY,
    unit_id          INTEGER NOT NULL REFERENCES units (id),
    register_load_id INTEGER NOT NULL REFERENCES register_loads (id),
    change           TEXT NOT NULL CHECK (change IN ('created', 'renamed', 'recoded',
                         'rekinded', 'ended', 'restored')),
    old_value        TEXT,
    new_value        TEXT
);

CREATE TABLE own_unit (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    demo       INTEGER NOT NULL CHECK (demo IN (0, 1)),
    chosen_at  TEXT NOT NULL,
    chosen_by  TEXT NOT NULL
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- One namespace of indicator codes (DESIGN §4.1).
CREATE TABLE indicators (
    code          TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^A-Z0-9_]*'),
    name_pl       TEXT NOT NULL,
    name_en       TEXT,
    unit          TEXT NOT NULL,
    polarity      TEXT NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better', 'neutral')),
    area          TEXT,
    definition    TEXT,
    formula       TEXT,
    source        TEXT,
    structural    INTEGER NOT NULL DEFAULT 0 CHECK (structural IN (0, 1)),
    person_count  INTEGER NOT NULL DEFAULT 0 CHECK (person_count IN (0, 1)),
    origin        TEXT NOT NULL CHECK (origin IN ('catalogue', 'local', 'sample'))
);

-- Own values; `sample` marks clearly labelled demo values ("dane przykładowe").
CREATE TABLE observations (
    indicator   TEXT NOT NULL REFERENCES indicators (code),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    value       REAL NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('wstepne', 'ostateczne')),
    source      TEXT,
    note        TEXT,
    sample      INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (indicator, year)
);

CREATE TABLE observation_history (
    id          INTEGER PRIMARY KEY,
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    old_value   REAL,
    new_value   REAL,
    old_status  TEXT,
    new_status  TEXT,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL
);

-- Every change of a value is kept, whoever writes it.
CREATE TRIGGER observations_history_insert AFTER INSERT ON observations BEGIN
    INSERT INTO observation_history (indicator, year, old_value, new_value, old_status,
                                     new_status, changed_at, changed_by)
    VALUES (NEW.indicator, NEW.year, NULL, NEW.value, NULL, NEW.status, NEW.updated_at,
            NEW.updated_by);
END;

CREATE TRIGGER observations_history_update AFTER UPDATE ON observations
WHEN OLD.value IS NOT NEW.value OR OLD.status IS NOT NEW.status BEGIN
    INSERT INTO observation_history (indicator, year, old_value, new_value, old_status,
                                     new_status, changed_at, changed_by)
    VALUES (NEW.indicator, NEW.year, OLD.value, NEW.value, OLD.status, NEW.status,
            NEW.updated_at, NEW.updated_by);
END;

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    os_user  TEXT NOT NULL,
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL
);
