-- jst-server schema 3 (PostgreSQL): the last published mean of each contributed aggregate and
-- who it was computed from, so a mean stays unchanged until at least 3 contributors joined or
-- left (DESIGN §8). Server-side only: release files never name contributors.
-- Never edit this file; add a new one.

CREATE TABLE published_means (
    grp           TEXT COLLATE "C" NOT NULL,
    indicator     TEXT COLLATE "C" NOT NULL,
    year          INTEGER NOT NULL,
    mean          DOUBLE PRECISION NOT NULL,
    contributors  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (grp, indicator, year)
);
