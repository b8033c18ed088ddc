-- The newsroom fields (issue 15): text fields named as editor.StoryFields
-- names them, the urgency, the embargo and expiry times, and the subjects,
-- media and old paths as JSON lists.
ALTER TABLE stories ADD COLUMN slugline text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN genre text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN ed_note text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN language text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN rights text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN source text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN feed_id text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN urgency integer NOT NULL DEFAULT 0 CHECK (urgency BETWEEN 0 AND 9);
ALTER TABLE stories ADD COLUMN embargo timestamptz;
ALTER TABLE stories ADD COLUMN expires timestamptz;
ALTER TABLE stories ADD COLUMN subjects jsonb NOT NULL DEFAULT '[]';
ALTER TABLE stories ADD COLUMN media jsonb NOT NULL DEFAULT '[]';
ALTER TABLE stories ADD COLUMN aliases jsonb NOT NULL DEFAULT '[]';
-- A feed's cancellation notice finds the story it names by the feed's ID.
CREATE INDEX stories_feed_id ON stories (feed_id) WHERE feed_id <> '';
