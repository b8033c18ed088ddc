-- Packed revisions (docs/contract.md, "Packed revisions"): each row holds a
-- revision's content as a revpack record (a deflated snapshot, or a binary
-- delta on the body's text and on the JSON frame around it), with its
-- metadata packed: the document as a small number (revision_docs), the kind
-- as 1 import, 2 checkpoint, 3 status, 4 restore, 5 correction, the time in
-- microseconds since 1970 (UTC), the SHA-256 as its 32 bytes. depth counts
-- the deltas since the last snapshot (0 for a snapshot) and chain_bytes
-- their stored bytes. The migration's Go step (packRevisions) rebuilds
-- every revision of revisions_v1, checks its SHA-256 and writes it packed.
ALTER TABLE revisions RENAME TO revisions_v1;
DROP TRIGGER revisions_feed;

CREATE TABLE revision_docs (
    n        INTEGER PRIMARY KEY,
    doc_id   TEXT NOT NULL UNIQUE,
    doc_kind TEXT NOT NULL CHECK (doc_kind IN ('story', 'page'))
);

CREATE TABLE revisions (
    doc         INTEGER NOT NULL REFERENCES revision_docs (n),
    seq         INTEGER NOT NULL CHECK (seq > 0),
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 5),
    author      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    sha256      BLOB NOT NULL CHECK (length(sha256) = 32),
    words       INTEGER NOT NULL,
    depth       INTEGER NOT NULL,
    chain_bytes INTEGER NOT NULL,
    data        BLOB NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TRIGGER revisions_feed AFTER INSERT ON revisions BEGIN
    INSERT INTO changes (doc_id, doc_kind, seq, kind, author, at)
    SELECT d.doc_id, d.doc_kind, NEW.seq,
           CASE NEW.kind WHEN 1 THEN 'import' WHEN 2 THEN 'checkpoint' WHEN 3 THEN 'status'
                         WHEN 4 THEN 'restore' ELSE 'correction' END,
           NEW.author,
           strftime('%Y-%m-%dT%H:%M:%S', NEW.created_at / 1000000, 'unixepoch')
               || printf('.%06dZ', NEW.created_at % 1000000)
    FROM revision_docs d WHERE d.n = NEW.doc;
END;
