-- The version of each published story (editor.StoryVersion), which every
-- export reads first to tell whether anything changed, by an index-only scan.
CREATE INDEX stories_versions ON stories (status, id, revision, embargo, expires);
