-- The kind of a story's public change note: correction, clarification or
-- update. Notes written before there were kinds are corrections.
ALTER TABLE corrections ADD COLUMN kind TEXT NOT NULL DEFAULT 'correction'
    CHECK (kind IN ('correction', 'clarification', 'update'));
