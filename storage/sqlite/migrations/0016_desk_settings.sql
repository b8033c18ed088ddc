-- The settings a desk shares (editor.DeskSettings), one row each by name,
-- and its house words, which spelling counts as correct. The require
-- confirmed speakers setting was each person's own preference before.
CREATE TABLE desk_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE house_words (
    word TEXT PRIMARY KEY COLLATE NOCASE
);
