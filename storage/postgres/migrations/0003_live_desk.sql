-- The live desk. Working copies belong to a person and one copy of the app
-- (its client ID): the key gains client. A working copy kept before has no
-- client, so that any of its owner's copies of the app finds it and the
-- next autosave adopts it.
ALTER TABLE working_copies ADD COLUMN client text NOT NULL DEFAULT '';
ALTER TABLE working_copies DROP CONSTRAINT working_copies_pkey;
ALTER TABLE working_copies ADD PRIMARY KEY (owner, doc_id, client);

-- Presence: the last heartbeat of each running copy of the app; a row
-- older than a few seconds (editor.PresenceTTL) no longer counts. Everyone
-- sees everyone's; each writes only their own, and may clear anyone's that
-- is long dead.
CREATE TABLE presence (
    user_name text NOT NULL DEFAULT session_user,
    client    text NOT NULL,
    doc_id    text NOT NULL DEFAULT '',
    typing    boolean NOT NULL DEFAULT false,
    seen_at   timestamptz NOT NULL,
    PRIMARY KEY (user_name, client)
);
ALTER TABLE presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY presence_read ON presence FOR SELECT USING (true);
CREATE POLICY presence_beat ON presence FOR INSERT WITH CHECK (user_name = session_user);
CREATE POLICY presence_move ON presence FOR UPDATE
    USING (user_name = session_user) WITH CHECK (user_name = session_user);
CREATE POLICY presence_clear ON presence FOR DELETE
    USING (user_name = session_user OR seen_at < now() - interval '1 hour');

-- The change feed: one row per new revision, numbered in commit order, and
-- a NOTIFY on channel copydesk_changes for the copies of the app that
-- LISTEN. The trigger runs at commit (deferred) and takes a lock that it
-- holds until the commit is done, so that a row numbered n is visible
-- before any numbered above n: a reader asking for what came after its
-- cursor never skips a save that commits late. Kept by the trigger alone;
-- no role writes to it.
CREATE TABLE changes (
    id       bigserial PRIMARY KEY,
    doc_id   text NOT NULL,
    doc_kind text NOT NULL,
    seq      integer NOT NULL,
    kind     text NOT NULL,
    author   text NOT NULL,
    at       timestamptz NOT NULL
);

CREATE FUNCTION copydesk_note_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('copydesk changes'));
    INSERT INTO changes (doc_id, doc_kind, seq, kind, author, at)
        VALUES (NEW.doc_id, NEW.doc_kind, NEW.seq, NEW.kind, NEW.author, NEW.created_at)
        RETURNING id INTO n;
    PERFORM pg_notify('copydesk_changes', n::text);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER revisions_feed AFTER INSERT ON revisions
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION copydesk_note_change();
CREATE TRIGGER changes_immutable BEFORE UPDATE OR DELETE ON changes
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse('the change feed is never rewritten');
CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse('the change feed is never rewritten');
