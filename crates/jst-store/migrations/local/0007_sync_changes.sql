-- Monitor JST local.db, schema 7: what an applied release changed (new years, new indicators,
-- revised series), so Synchronizacja can say it. Never edit this file; add a new one.

ALTER TABLE sync_log ADD COLUMN changes TEXT;
