-- Notes between editor and subeditor, anchored to words of a story's body.
-- They are kept beside the story, not in its revisions (editor.Note says why);
-- every save of the story moves their anchors. Desk init grants the editor
-- role what it needs here.
CREATE TABLE notes (
    id          text PRIMARY KEY,
    story_id    text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    text        text NOT NULL,
    author      text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    resolved    boolean NOT NULL DEFAULT false,
    resolved_by text NOT NULL DEFAULT '',
    resolved_at timestamptz,
    detached    boolean NOT NULL DEFAULT false,
    anchor      jsonb NOT NULL
);
CREATE INDEX notes_by_story ON notes (story_id, created_at);
