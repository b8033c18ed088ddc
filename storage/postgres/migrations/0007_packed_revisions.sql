-- Packed revisions (docs/contract.md, "Packed revisions"): content becomes a
-- revpack record (a deflated snapshot, or a binary delta on the body's text
-- and on the JSON frame around it), depth counts the deltas since the last
-- snapshot (0 for a snapshot, which snapshot also says) and chain_bytes
-- their stored bytes. The migration's Go step (packRevisions) rebuilds
-- every revision, checks its SHA-256, re-encodes it in place and turns the
-- trigger that keeps revisions immutable back on; only the owner runs it.
ALTER TABLE revisions DISABLE TRIGGER revisions_immutable;
ALTER TABLE revisions ADD COLUMN depth integer NOT NULL DEFAULT 0;
