-- jst-server schema 3: the last published mean of each contributed aggregate and who it was
-- computed from, so a mean stays unchanged until at least 3 contributors joined or left
-- (DESIGN §8). Server-side only: release files never name contributors.
-- Never edit this file; add a new one.

CREATE TABLE published_means (
    grp           TEXT NOT NULL,
    indicator     TEXT NOT NULL,
    year          INTEGER NOT NULL,
    mean          REAL NOT NULL,
    contributors  TEXT NOT NULL,
    PRIMARY KEY (grp, indicator, year)
);
