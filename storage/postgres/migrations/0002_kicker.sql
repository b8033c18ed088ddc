-- The kicker: the short line above a story's headline ("Exclusive").
ALTER TABLE stories ADD COLUMN kicker text NOT NULL DEFAULT '';
