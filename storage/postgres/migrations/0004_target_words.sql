-- A story's length target in words ("400"), or '' for none.
ALTER TABLE stories ADD COLUMN target_words text NOT NULL DEFAULT '';
