-- What the website export remembers of each story until the next export
-- (editor.ExportMemo): the revision it read, a hash of what it read, and
-- for the stories the feeds carry, the body as rendered under its key.
CREATE TABLE export_memos (
    story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    sum      BLOB NOT NULL,
    html_key BLOB,
    html     BLOB
) WITHOUT ROWID;

-- The heads of the published stories (every column but the body), read by
-- every export, from this index alone: the body comes before most columns
-- in a row, so reading them from the table walks every body's overflow
-- pages. A column added to stories belongs here too (the export's query
-- plan test says so).
CREATE INDEX stories_heads ON stories (status, id, slug, headline, standfirst, byline, dateline, credit, section, tags,
    rules_page, revision, created_at, updated_at, published_at, kicker, slugline, genre, ed_note, language, rights,
    source, feed_id, urgency, embargo, expires, subjects, media, aliases, target_words);
