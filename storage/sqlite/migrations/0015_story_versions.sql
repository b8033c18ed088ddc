-- The version of each published story (editor.StoryVersion), which every
-- export reads first to tell whether anything changed: from this narrow
-- index, a tenth of the pages of stories_heads.
CREATE INDEX stories_versions ON stories (status, id, revision, embargo, expires);
