package sqlite

import (
	"context"
	"database/sql"

	"copydesk/editor"
)

// settingConfirmedSpeakers is desk_settings' name for
// editor.DeskSettings.RequireConfirmedSpeakers ("true" or "false").
const settingConfirmedSpeakers = "require_confirmed_speakers"

// DeskSettings reads the desk's shared settings and its house words (in
// order, ignoring case); a desk that never saved any has the defaults.
func (d *DB) DeskSettings(ctx context.Context) (editor.DeskSettings, error) {
	var s editor.DeskSettings
	var v string
	err := d.rdb.QueryRowContext(ctx, `SELECT value FROM desk_settings WHERE name = ?`, settingConfirmedSpeakers).Scan(&v)
	if err != nil && err != sql.ErrNoRows {
		return s, err
	}
	s.RequireConfirmedSpeakers, s.ConfirmedSpeakersSaved = v == "true", err == nil
	rows, err := d.rdb.QueryContext(ctx, `SELECT word FROM house_words ORDER BY word COLLATE NOCASE`)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return s, err
		}
		s.HouseWords = append(s.HouseWords, w)
	}
	return s, rows.Err()
}

// SaveDeskSettings replaces the desk's settings and house words with s
// (normalised first).
func (d *DB) SaveDeskSettings(ctx context.Context, s *editor.DeskSettings) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		v := "false"
		if s.RequireConfirmedSpeakers {
			v = "true"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO desk_settings (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, settingConfirmedSpeakers, v); err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM house_words`); err != nil {
			return false, err
		}
		for _, w := range s.HouseWords {
			if _, err := tx.ExecContext(ctx, `INSERT INTO house_words (word) VALUES (?)`, w); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}

// AddHouseWord adds one word to the house words; one already there
// (ignoring case) is no error.
func (d *DB) AddHouseWord(ctx context.Context, word string) error {
	if err := editor.ValidHouseWord(word); err != nil {
		return err
	}
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		_, err := tx.ExecContext(ctx, `INSERT INTO house_words (word) VALUES (?) ON CONFLICT DO NOTHING`, word)
		return err == nil, err
	})
}
