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

-- The change feed: one row per new revision, with the transaction that
-- wrote it. copydesk NOTIFYs channel copydesk_changes after the commit, in
-- a statement of its own (a NOTIFY inside the save would make every save
-- on the server wait for the one before to reach the disk), for the copies
-- of the app that LISTEN. A reader asks for the rows of the
-- transactions that have ended since it last asked (xid below the oldest
-- still running), so that a save that commits late is never skipped and no
-- save waits for another's commit to be numbered. Kept by the trigger
-- alone; no role writes to it.
CREATE TABLE changes (
    id       bigserial PRIMARY KEY,
    xid      xid8 NOT NULL DEFAULT pg_current_xact_id(),
    doc_id   text NOT NULL,
    doc_kind text NOT NULL,
    seq      integer NOT NULL,
    kind     text NOT NULL,
    author   text NOT NULL,
    at       timestamptz NOT NULL
);
CREATE INDEX changes_by_xid ON changes (xid, id);

CREATE FUNCTION copydesk_note_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO changes (doc_id, doc_kind, seq, kind, author, at)
        VALUES (NEW.doc_id, NEW.doc_kind, NEW.seq, NEW.kind, NEW.author, NEW.created_at);
    RETURN NULL;
END $$;
CREATE TRIGGER revisions_feed AFTER INSERT ON revisions
    FOR EACH ROW EXECUTE FUNCTION copydesk_note_change();
CREATE TRIGGER changes_immutable BEFORE UPDATE OR DELETE ON changes
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse('the change feed is never rewritten');
CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse('the change feed is never rewritten');
