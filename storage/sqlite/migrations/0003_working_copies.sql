-- Working copies: the desktop app's autosaved, unsaved edits of a story or
-- page, one per document, kept apart from the immutable revisions. A deliberate
-- save deletes the row; a crash leaves it to be offered back.
CREATE TABLE working_copies (
    doc_id   TEXT PRIMARY KEY,
    doc_kind TEXT NOT NULL CHECK (doc_kind IN ('story', 'page')),
    base     INTEGER NOT NULL,
    content  BLOB NOT NULL,
    saved_at TEXT NOT NULL
);
