-- Revisions stored as deltas (DESIGN.md, "Revisions are stored as deltas"):
-- content holds either the whole revision content (snapshot = 1) or an exact
-- delta against the revision before (snapshot = 0); chain_bytes counts the
-- delta bytes stored since the last snapshot, this one included. Every
-- revision written before this migration is a snapshot; the migration's Go
-- step (compactRevisions) then re-encodes them as deltas.
ALTER TABLE revisions ADD COLUMN snapshot INTEGER NOT NULL DEFAULT 1;
ALTER TABLE revisions ADD COLUMN chain_bytes INTEGER NOT NULL DEFAULT 0;
