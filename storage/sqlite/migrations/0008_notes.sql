-- Notes between editor and subeditor, anchored to words of a story's body.
-- They are kept beside the story, not in its revisions (editor.Note says why);
-- every save of the story moves their anchors.
CREATE TABLE notes (
    id            TEXT PRIMARY KEY,
    story_id      TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    resolved      INTEGER NOT NULL DEFAULT 0,
    resolved_by   TEXT NOT NULL DEFAULT '',
    resolved_at   TEXT,
    detached      INTEGER NOT NULL DEFAULT 0,
    anchor_exact  TEXT NOT NULL,
    anchor_prefix TEXT NOT NULL DEFAULT '',
    anchor_suffix TEXT NOT NULL DEFAULT '',
    anchor_start  INTEGER NOT NULL,
    anchor_end    INTEGER NOT NULL
);
CREATE INDEX notes_by_story ON notes (story_id, created_at);
