-- The full-text index keeps no copy of the words it indexes (docs/contract.md,
-- "Search"): search is an FTS5 table with external content, its rows read
-- through search_source from the stories, quotes, pages and people they
-- come from, by search_docs.id (an INTEGER PRIMARY KEY, which VACUUM keeps,
-- where the tables' own rowids may change). Triggers on those four tables
-- keep the index in step with every write, whichever code makes it: before a
-- row changes or goes, its words are taken out of the index as search_source
-- still reads them (FTS5 needs the very words it indexed); after a row is
-- written, its new words go in. search_source is the one place that says
-- what a story, quote, page or person is found by.
DROP TABLE search;

-- Rows left from what no longer exists would find nothing; they go before
-- the index is rebuilt.
DELETE FROM search_docs WHERE NOT EXISTS (SELECT 1 FROM stories WHERE kind = 'story' AND id = ref)
    AND NOT EXISTS (SELECT 1 FROM quotes WHERE kind = 'quote' AND id = ref)
    AND NOT EXISTS (SELECT 1 FROM pages WHERE kind = 'page' AND id = ref)
    AND NOT EXISTS (SELECT 1 FROM people WHERE kind = 'person' AND id = ref);

-- A story is found by its headline (the title column) and by its standfirst,
-- byline, body, credit and tags; a quote by its speaker and words; a page by
-- its title, summary and body; a person by name and by short name, role and
-- organisation. Parts are joined by a blank line, so that a snippet does not
-- run one into the next.
CREATE VIEW search_source (id, title, body) AS
    SELECT d.id, s.headline,
           concat_ws(char(10, 10), nullif(s.standfirst, ''), nullif(s.byline, ''), nullif(s.body, ''),
                     nullif(s.credit, ''),
                     -- the tags, a JSON list of strings, as words: ["a b","c"] reads a b c
                     nullif(replace(substr(s.tags, 3, max(length(s.tags) - 4, 0)), '","', ' '), ''))
    FROM search_docs d JOIN stories s ON s.id = d.ref WHERE d.kind = 'story'
    UNION ALL
    SELECT d.id, q.speaker, q.text
    FROM search_docs d JOIN quotes q ON q.id = d.ref WHERE d.kind = 'quote'
    UNION ALL
    SELECT d.id, p.title, concat_ws(char(10, 10), nullif(p.summary, ''), nullif(p.body, ''))
    FROM search_docs d JOIN pages p ON p.id = d.ref WHERE d.kind = 'page'
    UNION ALL
    SELECT d.id, concat_ws(' ', nullif(p.honorific, ''), p.name),
           concat_ws(char(10, 10), nullif(p.short_name, ''), nullif(p.role, ''), nullif(p.organisation, ''))
    FROM search_docs d JOIN people p ON p.id = d.ref WHERE d.kind = 'person';

-- detail = column: the index keeps which column of a row has a word, not
-- where in it. Search asks for words and their prefixes, never phrases, so
-- it needs no positions, and they were nine tenths of the index (10,000
-- stories of 800 words: 12.2 MB with them, 1.5 MB without); snippet and bm25
-- find a row's words by reading it again (storage/sqlite/search.go says
-- what that costs).
CREATE VIRTUAL TABLE search USING fts5 (
    title,
    body,
    content = 'search_source',
    content_rowid = 'id',
    detail = column,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The store found a story's rows by it; the triggers find each by kind and
-- ref. A story's row no longer names the story twice: story is for quotes.
DROP INDEX search_docs_by_story;
UPDATE search_docs SET story = '' WHERE kind = 'story';

-- The list's indexes ran newest first, so every new or edited story went in
-- at their left edge, where SQLite splits pages in half: they were half
-- empty. In ascending order a change goes in at the right edge and pages
-- fill; the list reads them backwards (updated_at DESC, id is this order
-- backwards), still with no sort.
DROP INDEX stories_by_updated;
DROP INDEX stories_by_status;
CREATE INDEX stories_by_updated ON stories (updated_at, id DESC);
CREATE INDEX stories_by_status ON stories (status, updated_at, id DESC);

-- Stories are never deleted, but a trigger for it costs nothing and keeps
-- the index right if they ever are.
CREATE TRIGGER stories_search_insert AFTER INSERT ON stories BEGIN
    INSERT INTO search_docs (kind, ref) VALUES ('story', NEW.id);
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'story' AND ref = NEW.id);
END;
CREATE TRIGGER stories_search_unindex BEFORE UPDATE OF headline, standfirst, byline, body, credit, tags ON stories BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'story' AND ref = OLD.id);
END;
CREATE TRIGGER stories_search_reindex AFTER UPDATE OF headline, standfirst, byline, body, credit, tags ON stories BEGIN
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'story' AND ref = NEW.id);
END;
CREATE TRIGGER stories_search_delete BEFORE DELETE ON stories BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'story' AND ref = OLD.id);
    DELETE FROM search_docs WHERE kind = 'story' AND ref = OLD.id;
END;

CREATE TRIGGER quotes_search_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO search_docs (kind, ref, story) VALUES ('quote', NEW.id, NEW.story_id);
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'quote' AND ref = NEW.id);
END;
CREATE TRIGGER quotes_search_unindex BEFORE UPDATE OF speaker, text ON quotes BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'quote' AND ref = OLD.id);
END;
CREATE TRIGGER quotes_search_reindex AFTER UPDATE OF speaker, text ON quotes BEGIN
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'quote' AND ref = NEW.id);
END;
CREATE TRIGGER quotes_search_delete BEFORE DELETE ON quotes BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'quote' AND ref = OLD.id);
    DELETE FROM search_docs WHERE kind = 'quote' AND ref = OLD.id;
END;

CREATE TRIGGER pages_search_insert AFTER INSERT ON pages BEGIN
    INSERT INTO search_docs (kind, ref) VALUES ('page', NEW.id);
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'page' AND ref = NEW.id);
END;
CREATE TRIGGER pages_search_unindex BEFORE UPDATE OF title, summary, body ON pages BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'page' AND ref = OLD.id);
END;
CREATE TRIGGER pages_search_reindex AFTER UPDATE OF title, summary, body ON pages BEGIN
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'page' AND ref = NEW.id);
END;
CREATE TRIGGER pages_search_delete BEFORE DELETE ON pages BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'page' AND ref = OLD.id);
    DELETE FROM search_docs WHERE kind = 'page' AND ref = OLD.id;
END;

CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_docs (kind, ref) VALUES ('person', NEW.id);
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'person' AND ref = NEW.id);
END;
CREATE TRIGGER people_search_unindex BEFORE UPDATE OF name, honorific, short_name, role, organisation ON people BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'person' AND ref = OLD.id);
END;
CREATE TRIGGER people_search_reindex AFTER UPDATE OF name, honorific, short_name, role, organisation ON people BEGIN
    INSERT INTO search (rowid, title, body)
        SELECT id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'person' AND ref = NEW.id);
END;
CREATE TRIGGER people_search_delete BEFORE DELETE ON people BEGIN
    INSERT INTO search (search, rowid, title, body)
        SELECT 'delete', id, title, body FROM search_source WHERE id = (SELECT id FROM search_docs WHERE kind = 'person' AND ref = OLD.id);
    DELETE FROM search_docs WHERE kind = 'person' AND ref = OLD.id;
END;

INSERT INTO search (search) VALUES ('rebuild');
