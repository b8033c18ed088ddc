-- copydesk on PostgreSQL, version 1: stories, pages, people, revisions,
-- working copies and the search index, with the rules a shared desk keeps
-- whatever client or role writes to it (DESIGN.md, "The shared desk").
-- A story's current quotes and corrections are held in its row (jsonb), so
-- the row changes only as a whole, with a new revision.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Search folds case and accents ("cafe" finds "café") and keeps every word:
-- a newsroom searches names, not English stems.
CREATE TEXT SEARCH CONFIGURATION copydesk_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION copydesk_search
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

CREATE TABLE stories (
    id           text PRIMARY KEY,
    slug         text NOT NULL UNIQUE,
    headline     text NOT NULL DEFAULT '',
    standfirst   text NOT NULL DEFAULT '',
    byline       text NOT NULL DEFAULT '',
    dateline     text NOT NULL DEFAULT '',
    body         text NOT NULL DEFAULT '',
    credit       text NOT NULL DEFAULT '',
    section      text NOT NULL DEFAULT '',
    tags         text[] NOT NULL DEFAULT '{}',
    status       text NOT NULL CHECK (status IN ('draft', 'subbing', 'ready', 'published', 'spiked')),
    rules_page   text NOT NULL DEFAULT '',
    revision     integer NOT NULL CHECK (revision > 0),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    published_at timestamptz,
    quotes       jsonb NOT NULL DEFAULT '[]',
    corrections  jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX stories_by_updated ON stories (updated_at DESC, id);
CREATE INDEX stories_by_status ON stories (status, updated_at DESC, id);
CREATE INDEX stories_by_id_prefix ON stories (id text_pattern_ops);

CREATE TABLE pages (
    id         text PRIMARY KEY,
    slug       text NOT NULL UNIQUE,
    kind       text NOT NULL CHECK (kind IN ('rules', 'policy', 'about')),
    title      text NOT NULL,
    summary    text NOT NULL DEFAULT '',
    body       text NOT NULL DEFAULT '',
    revision   integer NOT NULL CHECK (revision > 0),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX pages_by_id_prefix ON pages (id text_pattern_ops);

CREATE TABLE people (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    honorific    text NOT NULL DEFAULT '',
    short_name   text NOT NULL DEFAULT '',
    role         text NOT NULL DEFAULT '',
    organisation text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX people_name ON people (lower(name));

-- Every revision of every story and page: content is the whole revision
-- (snapshot) or an exact delta against the one before; never updated or
-- deleted. author is the database user who saved it, set by the server.
CREATE TABLE revisions (
    doc_id      text NOT NULL,
    doc_kind    text NOT NULL CHECK (doc_kind IN ('story', 'page')),
    seq         integer NOT NULL CHECK (seq > 0),
    kind        text NOT NULL CHECK (kind IN ('import', 'checkpoint', 'status', 'restore', 'correction')),
    author      text NOT NULL DEFAULT session_user,
    note        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    sha256      text NOT NULL CHECK (length(sha256) = 64),
    words       integer NOT NULL,
    content     bytea NOT NULL,
    snapshot    boolean NOT NULL,
    chain_bytes integer NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

-- The desktop app's autosaved, unsaved edits: one per document and person,
-- seen only by that person.
CREATE TABLE working_copies (
    owner    text NOT NULL DEFAULT session_user,
    doc_id   text NOT NULL,
    doc_kind text NOT NULL CHECK (doc_kind IN ('story', 'page')),
    base     integer NOT NULL,
    content  bytea NOT NULL,
    saved_at timestamptz NOT NULL,
    PRIMARY KEY (owner, doc_id)
);
ALTER TABLE working_copies ENABLE ROW LEVEL SECURITY;
CREATE POLICY working_copies_own ON working_copies
    USING (owner = session_user) WITH CHECK (owner = session_user);

-- The search index: one row per story, page, quote or person, kept by the
-- triggers below, so that no role writes to it.
CREATE TABLE search_docs (
    kind  text NOT NULL CHECK (kind IN ('story', 'page', 'quote', 'person')),
    ref   text NOT NULL,
    story text NOT NULL DEFAULT '',
    title text NOT NULL,
    body  text NOT NULL,
    tsv   tsvector GENERATED ALWAYS AS (
              setweight(to_tsvector('copydesk_search'::regconfig, title), 'A') ||
              setweight(to_tsvector('copydesk_search'::regconfig, body), 'B')) STORED,
    PRIMARY KEY (kind, ref)
);
CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);
CREATE INDEX search_docs_by_story ON search_docs (story) WHERE story <> '';

CREATE FUNCTION copydesk_join(VARIADIC parts text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(string_agg(p, E'\n\n'), '') FROM unnest(parts) AS p WHERE p <> ''
$$;

CREATE FUNCTION copydesk_index_story() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM search_docs WHERE story = NEW.id;
    INSERT INTO search_docs (kind, ref, story, title, body) VALUES ('story', NEW.id, NEW.id, NEW.headline,
        copydesk_join(NEW.standfirst, NEW.byline, NEW.body, NEW.credit, array_to_string(NEW.tags, ' ')));
    INSERT INTO search_docs (kind, ref, story, title, body)
        SELECT 'quote', q->>'id', NEW.id, coalesce(q->>'speaker', ''), coalesce(q->>'text', '')
        FROM jsonb_array_elements(NEW.quotes) AS q;
    RETURN NULL;
END $$;
CREATE TRIGGER stories_index AFTER INSERT OR UPDATE ON stories
    FOR EACH ROW EXECUTE FUNCTION copydesk_index_story();

CREATE FUNCTION copydesk_index_page() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO search_docs (kind, ref, title, body) VALUES ('page', NEW.id, NEW.title, copydesk_join(NEW.summary, NEW.body))
        ON CONFLICT (kind, ref) DO UPDATE SET title = excluded.title, body = excluded.body;
    RETURN NULL;
END $$;
CREATE TRIGGER pages_index AFTER INSERT OR UPDATE ON pages
    FOR EACH ROW EXECUTE FUNCTION copydesk_index_page();

CREATE FUNCTION copydesk_index_person() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO search_docs (kind, ref, title, body) VALUES ('person', NEW.id,
            trim(NEW.honorific || ' ' || NEW.name), copydesk_join(NEW.short_name, NEW.role, NEW.organisation))
        ON CONFLICT (kind, ref) DO UPDATE SET title = excluded.title, body = excluded.body;
    RETURN NULL;
END $$;
CREATE TRIGGER people_index AFTER INSERT OR UPDATE ON people
    FOR EACH ROW EXECUTE FUNCTION copydesk_index_person();

-- copydesk_owner: the user owns the desk's tables (the administrator who ran
-- desk init, or a superuser); the rules for roles do not bind them.
CREATE FUNCTION copydesk_owner() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.revisions'::regclass), 'USAGE')
$$;

-- copydesk_may: the user has the rights of role need (editor, subeditor,
-- desk; each group is a member of the one before).
CREATE FUNCTION copydesk_may(need text) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
    IF copydesk_owner() THEN
        RETURN true;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = need) THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(current_user, need, 'USAGE');
END $$;

-- copydesk_status_role is editor.StatusRole: the role a move between two
-- statuses needs.
CREATE FUNCTION copydesk_status_role(from_status text, to_status text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN from_status = to_status THEN 'editor'
        WHEN to_status IN ('published', 'spiked') OR from_status IN ('published', 'spiked') THEN 'desk'
        ELSE 'subeditor' END
$$;

-- A story or page row changes only together with its next revision, in one
-- transaction: no UPDATE can make it read other than its latest revision.
CREATE FUNCTION copydesk_guard_document() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    need text;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.id <> OLD.id OR NEW.created_at <> OLD.created_at OR NEW.revision <> OLD.revision + 1
            OR NOT EXISTS (SELECT 1 FROM revisions WHERE doc_id = NEW.id AND seq = NEW.revision)) THEN
        RAISE EXCEPTION 'copydesk: a % changes only together with its next revision; save it with copydesk', TG_ARGV[0]
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_TABLE_NAME = 'stories' THEN
        need := copydesk_status_role(CASE WHEN TG_OP = 'UPDATE' THEN OLD.status ELSE 'draft' END, NEW.status);
        IF NOT copydesk_may(need) THEN
            RAISE EXCEPTION 'copydesk: only the % role may move a story from % to %', need,
                CASE WHEN TG_OP = 'UPDATE' THEN OLD.status ELSE 'new' END, NEW.status
                USING ERRCODE = 'insufficient_privilege', HINT = need;
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER stories_guard BEFORE INSERT OR UPDATE ON stories
    FOR EACH ROW EXECUTE FUNCTION copydesk_guard_document('story');
CREATE TRIGGER pages_guard BEFORE UPDATE ON pages
    FOR EACH ROW EXECUTE FUNCTION copydesk_guard_document('page');

-- Revisions: the author is the database user who saved it (the owner may
-- give another, to copy a desk in with its history); restoring needs a
-- subeditor; nothing is ever updated or deleted.
CREATE FUNCTION copydesk_new_revision() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF copydesk_owner() THEN
        NEW.author := coalesce(NEW.author, session_user);
    ELSE
        IF coalesce(NEW.author, '') NOT IN ('', session_user) THEN
            RAISE EXCEPTION 'copydesk: the author of a revision is the database user who saves it, %', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.author := session_user;
    END IF;
    IF NEW.kind = 'restore' AND NOT copydesk_may('subeditor') THEN
        RAISE EXCEPTION 'copydesk: only the subeditor role may restore an old revision'
            USING ERRCODE = 'insufficient_privilege', HINT = 'subeditor';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER revisions_author BEFORE INSERT ON revisions
    FOR EACH ROW EXECUTE FUNCTION copydesk_new_revision();

CREATE FUNCTION copydesk_refuse() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'copydesk: % is never %d: %', TG_TABLE_NAME, lower(TG_OP), TG_ARGV[0]
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER revisions_immutable BEFORE UPDATE OR DELETE ON revisions
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse('history is never rewritten; restore makes a new revision');
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse('history is never rewritten');
CREATE TRIGGER stories_kept BEFORE DELETE ON stories
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse('spike a story instead');
CREATE TRIGGER stories_no_truncate BEFORE TRUNCATE ON stories
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse('spike a story instead');
CREATE TRIGGER pages_kept BEFORE DELETE ON pages
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse('site pages are kept');
CREATE TRIGGER pages_no_truncate BEFORE TRUNCATE ON pages
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse('site pages are kept');
CREATE TRIGGER people_kept BEFORE DELETE ON people
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse('the directory keeps everyone quoted');
CREATE TRIGGER people_no_truncate BEFORE TRUNCATE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse('the directory keeps everyone quoted');
