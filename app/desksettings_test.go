package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"copydesk/editor"
	"copydesk/storage"
)

// TestOwnConfirmedSpeakersBecomesTheDesksOnce starts the window with a
// person's own "every speaker must be confirmed" from before it was a desk
// setting: it is carried into the desk's settings when the desk never saved
// them, yields to the desk's when it did, and is said each time, once.
func TestOwnConfirmedSpeakersBecomesTheDesksOnce(t *testing.T) {
	for _, tt := range []struct {
		name      string
		own       *bool                  // the old preference; nil when never set
		desk      *editor.DeskSettings   // saved on the desk before the start; nil for none
		want      bool                   // the desk's setting after the start
		says      string                 // in the dialog shown, "" for none
		deskStore func(*testing.T) Store // nil: a new SQLite file
	}{
		{name: "own on, desk never saved", own: ptr(true), want: true, says: "has been turned on for the desk"},
		{name: "own on, desk saved off", own: ptr(true), desk: &editor.DeskSettings{}, want: false, says: "The desk has it turned off"},
		{name: "own on, desk saved on", own: ptr(true), desk: &editor.DeskSettings{RequireConfirmedSpeakers: true}, want: true},
		{name: "own off", own: ptr(false), want: false},
		{name: "never set", want: false},
		{name: "own on, an editor on a shared desk", own: ptr(true), want: false, says: "Only the desk role may", deskStore: editorOnDesk},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var st Store
			if tt.deskStore != nil {
				if testing.Short() {
					t.Skip("starts a PostgreSQL server")
				}
				st = tt.deskStore(t)
			} else {
				st = openSQLite(t, func(ctx context.Context, db storage.Store) {
					if tt.desk != nil {
						if err := db.SaveDeskSettings(ctx, tt.desk); err != nil {
							t.Fatal(err)
						}
					}
				})
			}
			newTestApp(t)
			p := fyne.CurrentApp().Preferences()
			if tt.own != nil {
				p.SetBool(prefOwnConfirmed, *tt.own)
			}
			g, _ := openTestGUI(t, st)
			got, err := st.DeskSettings(context.Background())
			if err != nil || got.RequireConfirmedSpeakers != tt.want || g.settings.RequireConfirmedSpeakers != tt.want {
				t.Errorf("after the start the desk requires confirmed speakers: %v (%v), the window %v; want %v",
					got.RequireConfirmedSpeakers, err, g.settings.RequireConfirmedSpeakers, tt.want)
			}
			if says := dialogText(g); tt.says == "" && g.topDialog() != nil || !strings.Contains(says, tt.says) {
				t.Errorf("the dialog says %q, want %q", says, tt.says)
			}
			if p.BoolWithFallback(prefOwnConfirmed, true) == p.BoolWithFallback(prefOwnConfirmed, false) {
				t.Errorf("the old preference is still kept after the start")
			}
			// The next start has nothing to carry, and says nothing.
			g2, _ := openTestGUI(t, st)
			if g2.topDialog() != nil {
				t.Errorf("the next start shows %q", dialogText(g2))
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// editorOnDesk is alice, an editor, on a shared desk that never saved its
// settings.
func editorOnDesk(t *testing.T) Store {
	_, url, _ := newDesk(t)
	st, err := storage.Open(context.Background(), url("alice"), storage.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
