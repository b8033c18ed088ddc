-- The settings a desk shares (editor.DeskSettings), one row each by name,
-- and its house words, which spelling counts as correct. Desk init grants
-- the desk role the settings and the editor role the house words.
CREATE TABLE desk_settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE house_words (
    word text NOT NULL
);
CREATE UNIQUE INDEX house_words_word ON house_words (lower(word));
