-- The kicker: the short line above a story's headline ("Exclusive").
ALTER TABLE stories ADD COLUMN kicker TEXT NOT NULL DEFAULT '';
