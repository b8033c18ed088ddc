package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

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
	err := d.pool.QueryRow(ctx, `SELECT value FROM desk_settings WHERE name = $1`, settingConfirmedSpeakers).Scan(&v)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return s, err
	}
	s.RequireConfirmedSpeakers, s.ConfirmedSpeakersSaved = v == "true", err == nil
	rows, err := d.pool.Query(ctx, `SELECT word FROM house_words ORDER BY lower(word), word`)
	if err != nil {
		return s, err
	}
	s.HouseWords, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if len(s.HouseWords) == 0 {
		s.HouseWords = nil
	}
	return s, err
}

// SaveDeskSettings replaces the desk's settings and house words with s
// (normalised first); on a shared desk only the desk role may.
func (d *DB) SaveDeskSettings(ctx context.Context, s *editor.DeskSettings) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	return d.write(ctx, &permission{editor.RoleDesk, "change the desk's settings"}, func(tx pgx.Tx) error {
		v := "false"
		if s.RequireConfirmedSpeakers {
			v = "true"
		}
		if _, err := tx.Exec(ctx, `INSERT INTO desk_settings (name, value) VALUES ($1, $2)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, settingConfirmedSpeakers, v); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM house_words`); err != nil {
			return err
		}
		for _, w := range s.HouseWords {
			if _, err := tx.Exec(ctx, `INSERT INTO house_words (word) VALUES ($1)`, w); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddHouseWord adds one word to the house words; one already there
// (ignoring case) is no error. Anyone on the desk may.
func (d *DB) AddHouseWord(ctx context.Context, word string) error {
	if err := editor.ValidHouseWord(word); err != nil {
		return err
	}
	return d.write(ctx, &permission{editor.RoleEditor, "add a house word"}, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO house_words (word) VALUES ($1) ON CONFLICT DO NOTHING`, word)
		return err
	})
}
