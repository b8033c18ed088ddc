-- The live desk. Working copies belong to a person and one copy of the app
-- (its client ID): the key gains user_name and client. A working copy kept
-- before goes to the author of its document's newest revision (on one
-- person's file, that person), with no client, so that any of that user's
-- copies of the app finds it and the next autosave adopts it.
CREATE TABLE working_copies_by_owner (
    doc_id    TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    client    TEXT NOT NULL DEFAULT '',
    doc_kind  TEXT NOT NULL CHECK (doc_kind IN ('story', 'page')),
    base      INTEGER NOT NULL,
    content   BLOB NOT NULL,
    saved_at  TEXT NOT NULL,
    PRIMARY KEY (doc_id, user_name, client)
);
INSERT INTO working_copies_by_owner (doc_id, user_name, client, doc_kind, base, content, saved_at)
    SELECT w.doc_id,
           coalesce((SELECT r.author FROM revisions r WHERE r.doc_id = w.doc_id ORDER BY r.seq DESC LIMIT 1), ''),
           '', w.doc_kind, w.base, w.content, w.saved_at
    FROM working_copies w;
DROP TABLE working_copies;
ALTER TABLE working_copies_by_owner RENAME TO working_copies;
CREATE INDEX working_copies_by_user ON working_copies (user_name, client, saved_at DESC);

-- Presence: the last heartbeat of each running copy of the app; a row
-- older than a few seconds (editor.PresenceTTL) no longer counts.
CREATE TABLE presence (
    user_name TEXT NOT NULL,
    client    TEXT NOT NULL,
    doc_id    TEXT NOT NULL DEFAULT '',
    typing    INTEGER NOT NULL DEFAULT 0,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (user_name, client)
);

-- The change feed: one row per new revision, in commit order (SQLite has one
-- writer at a time), for the copies of the app that poll it.
CREATE TABLE changes (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id   TEXT NOT NULL,
    doc_kind TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    author   TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE TRIGGER revisions_feed AFTER INSERT ON revisions BEGIN
    INSERT INTO changes (doc_id, doc_kind, seq, kind, author, at)
    VALUES (NEW.doc_id, NEW.doc_kind, NEW.seq, NEW.kind, NEW.author, NEW.created_at);
END;
