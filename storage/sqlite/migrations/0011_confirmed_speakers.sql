-- Who confirmed a quote's speaker and when (RFC 3339); '' and NULL for an
-- attribution nobody has confirmed, a suggestion.
ALTER TABLE quotes ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN confirmed_at TEXT;
