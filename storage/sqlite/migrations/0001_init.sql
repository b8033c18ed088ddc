-- copydesk schema, version 1: stories, pages, people, quotes, revisions,
-- corrections and the full-text index. Times are RFC 3339 text in UTC.

CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    headline     TEXT NOT NULL DEFAULT '',
    standfirst   TEXT NOT NULL DEFAULT '',
    byline       TEXT NOT NULL DEFAULT '',
    dateline     TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    credit       TEXT NOT NULL DEFAULT '',
    section      TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '[]',
    status       TEXT NOT NULL CHECK (status IN ('draft', 'subbing', 'ready', 'published', 'spiked')),
    rules_page   TEXT NOT NULL DEFAULT '',
    revision     INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    published_at TEXT
);
CREATE INDEX stories_by_updated ON stories (updated_at DESC, id);
CREATE INDEX stories_by_status ON stories (status, updated_at DESC, id);

CREATE TABLE pages (
    id         TEXT PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('rules', 'policy', 'about')),
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    revision   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE people (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    honorific    TEXT NOT NULL DEFAULT '',
    short_name   TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- The current quotes of each story, in body order; every revision's content
-- holds them too.
CREATE TABLE quotes (
    id            TEXT PRIMARY KEY,
    story_id      TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    person_id     TEXT REFERENCES people (id) ON DELETE SET NULL,
    speaker       TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL,
    verb          TEXT NOT NULL DEFAULT '',
    context       TEXT NOT NULL DEFAULT '',
    said_on       TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    source_kind   TEXT NOT NULL DEFAULT '',
    partial       INTEGER NOT NULL DEFAULT 0,
    verified_by   TEXT NOT NULL DEFAULT '',
    verified_at   TEXT,
    anchor_exact  TEXT NOT NULL DEFAULT '',
    anchor_prefix TEXT NOT NULL DEFAULT '',
    anchor_suffix TEXT NOT NULL DEFAULT '',
    anchor_start  INTEGER NOT NULL DEFAULT 0,
    anchor_end    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quotes_by_story ON quotes (story_id, position);
CREATE INDEX quotes_by_person ON quotes (person_id);

-- Every revision of every story and page, never updated or deleted.
CREATE TABLE revisions (
    doc_id     TEXT NOT NULL,
    doc_kind   TEXT NOT NULL CHECK (doc_kind IN ('story', 'page')),
    seq        INTEGER NOT NULL CHECK (seq > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('import', 'checkpoint', 'status', 'restore', 'correction')),
    author     TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    words      INTEGER NOT NULL,
    content    BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE corrections (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    note     TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (story_id, seq)
);

-- The full-text index: one search_docs row per searchable thing (kind story,
-- page, quote or person; ref its id; story the story it belongs to, for a story
-- its own id), and the FTS5 row with the same rowid holding its words.
CREATE TABLE search_docs (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL CHECK (kind IN ('story', 'page', 'quote', 'person')),
    ref   TEXT NOT NULL,
    story TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, ref)
);
CREATE INDEX search_docs_by_story ON search_docs (story) WHERE story != '';

CREATE VIRTUAL TABLE search USING fts5 (
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
