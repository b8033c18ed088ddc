-- What the website export remembers of each story until the next export
-- (editor.ExportMemo): the revision it read, a hash of what it read, and
-- for the stories the feeds carry, the body as rendered under its key.
-- Desk init lets the editor role keep them: whoever exports.
CREATE TABLE export_memos (
    story_id text PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    revision integer NOT NULL,
    sum      bytea NOT NULL,
    html_key bytea,
    html     bytea
);
