-- The newsroom fields (issue 15): text fields named as editor.StoryFields
-- names them, the urgency, the embargo and expiry times, and the subjects,
-- media and old paths as JSON lists.
ALTER TABLE stories ADD COLUMN slugline TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN genre TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN ed_note TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN rights TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN feed_id TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN urgency INTEGER NOT NULL DEFAULT 0 CHECK (urgency BETWEEN 0 AND 9);
ALTER TABLE stories ADD COLUMN embargo TEXT;
ALTER TABLE stories ADD COLUMN expires TEXT;
ALTER TABLE stories ADD COLUMN subjects TEXT NOT NULL DEFAULT '[]';
ALTER TABLE stories ADD COLUMN media TEXT NOT NULL DEFAULT '[]';
ALTER TABLE stories ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
-- A feed's cancellation notice finds the story it names by the feed's ID.
CREATE INDEX stories_feed_id ON stories (feed_id) WHERE feed_id <> '';
