package app

// These tests move the window between real stores: SQLite files in
// t.TempDir() and desks on the private PostgreSQL the tests start
// (internal/pgtest), so they import storage; the app itself does not.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/internal/pgtest"
	"copydesk/storage"
	"copydesk/storage/postgres"
)

var _ deskStore = (*postgres.DB)(nil)

// memSecrets is a keyring in memory; broken makes it a machine with none.
type memSecrets struct {
	kept   map[string]string
	broken bool
}

func (m *memSecrets) password(key string) (string, error) {
	if m.broken {
		return "", errNoKeyring
	}
	return m.kept[key], nil
}

func (m *memSecrets) keep(key, pw string) error {
	if m.broken {
		return errNoKeyring
	}
	m.kept[key] = pw
	return nil
}

func (m *memSecrets) forget(key string) error {
	if m.broken {
		return errNoKeyring
	}
	delete(m.kept, key)
	return nil
}

// openStore opens a real store as the app's command does: a file is made
// when missing, a desk must be set up already.
func openStore(dsn string) (Store, error) {
	mode := storage.OpenOrCreate
	if storage.IsURL(dsn) {
		mode = storage.OpenExisting
	}
	return storage.Open(context.Background(), dsn, mode)
}

// fileGUI opens the window on a new SQLite file holding one story, with a
// link that switches stores as Run does.
func fileGUI(t *testing.T) (*gui, fyne.Window, *deskLink, string) {
	t.Helper()
	newTestApp(t)
	path := filepath.Join(t.TempDir(), "mine.db")
	st, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.CreateStory(context.Background(), &editor.Story{Headline: "My own story", Body: "Typed at home."}, editor.RevisionMeta{Kind: editor.RevisionCheckpoint}); err != nil {
		t.Fatal(err)
	}
	g, w := openTestGUI(t, st)
	link := &deskLink{open: openStore, keys: &memSecrets{kept: map[string]string{}}, shown: g}
	link.install = func(key string, st Store) {
		t.Cleanup(func() { st.Close() })
		link.shown.stop()
		ng := newGUI(w, st, syncRun, syncRun)
		ng.desk, link.shown = link, ng
		w.SetContent(ng.build())
		ng.start()
	}
	g.desk = link
	return g, w, link, path
}

// newDesk sets up a desk on the private server: alice is an editor, dana
// the desk, and a story is ready to publish. It returns the URL of the
// database for a user.
func newDesk(t *testing.T) (srv *pgtest.Server, url func(user string) string, storyID string) {
	t.Helper()
	srv = pgtest.Get(t)
	name := srv.NewDatabase(t)
	url = func(user string) string { return srv.URL(name, user) }
	ctx := context.Background()
	owner, err := storage.Open(ctx, url(pgtest.Superuser), storage.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	desk := owner.(storage.Desk)
	if err := desk.Init(ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct {
		name string
		role editor.Role
	}{{"alice", editor.RoleEditor}, {"dana", editor.RoleDesk}} {
		if err := desk.AddMember(ctx, m.name, m.role, ""); err != nil {
			t.Fatal(err)
		}
	}
	s := &editor.Story{Headline: "Council sets its budget", Byline: "Jo Reporter",
		Body: "The council set its budget on Monday, raising spending on roads.\n\nThe leader said it was fair.", Status: editor.StatusReady}
	if err := owner.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionCheckpoint}); err != nil {
		t.Fatal(err)
	}
	return srv, url, s.ID
}

func TestConnectingToADeskShowsItInTheStatusBar(t *testing.T) {
	_, url, _ := newDesk(t)
	g, _, link, path := fileGUI(t)
	if want := "Database: " + path; g.dbLabel.Text != want {
		t.Errorf("on a file the status bar says %q, want %q", g.dbLabel.Text, want)
	}
	g.connectDesk()
	c := link.dialog
	if c == nil || g.topDialog() != c.box {
		t.Fatal("File ▸ Connect to a shared desk… showed no dialog")
	}
	c.url.SetText(url("alice"))
	c.box.submit()
	if link.shown == g {
		t.Fatalf("the window stayed on the file; the dialog says %q", c.message.Text)
	}
	ng := link.shown
	srv := pgtest.Get(t)
	want := fmt.Sprintf("Connected to %s/%s as alice (editor)", srv.Dir, dbName(url("alice")))
	if ng.dbLabel.Text != want {
		t.Errorf("on the desk the status bar says %q, want %q", ng.dbLabel.Text, want)
	}
	if got := ng.list.length(); got != 1 {
		t.Errorf("the desk's list shows %d stories, want its 1", got)
	}
	if got := ng.prefs.author(); got != "alice" {
		t.Errorf("revisions on the desk are authored by %q, want the database user alice", got)
	}
	p := ng.prefs.p
	if got := p.String(prefLastDB); got != url("alice") {
		t.Errorf("remembered for the next start: %q, want %q", got, url("alice"))
	}
	if got := p.StringList(prefRecentDesks); len(got) != 1 || got[0] != url("alice") {
		t.Errorf("recent desks = %q", got)
	}
	// The next time, the dialog offers the desk, and the way back to a file.
	ng.connectDesk()
	if link.dialog.url.Text != url("alice") || len(link.dialog.recent.Options) != 1 {
		t.Errorf("the dialog offers %q and recent %q", link.dialog.url.Text, link.dialog.recent.Options)
	}
	link.dialog.box.cancel()
	ng.openFile(path)
	if link.shown.dbLabel.Text != "Database: "+path || ng.prefs.p.String(prefLastDB) != path {
		t.Errorf("back on the file the status bar says %q, remembered %q", link.shown.dbLabel.Text, ng.prefs.p.String(prefLastDB))
	}
}

func TestConnectDialogSaysWhyADeskCannotBeUsed(t *testing.T) {
	srv, url, _ := newDesk(t)
	empty := srv.NewDatabase(t)
	for _, tt := range []struct {
		name, url string
		want      []string
	}{
		{"not a URL", "desk.example/news", []string{"postgres:// URL"}},
		{"nothing listening", "postgres://alice@127.0.0.1:1/news?connect_timeout=5", []string{"127.0.0.1:1", "nothing is listening"}},
		{"unknown user", url("mallory"), []string{"refused user mallory", "administrator"}},
		{"no desk set up", srv.URL(empty, "alice"), []string{"has no copydesk desk", "desk init"}},
		{"no such database", srv.URL("no_such_news", "alice"), []string{`no database "no_such_news"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, _, link, path := fileGUI(t)
			g.connectDesk()
			c := link.dialog
			c.url.SetText(tt.url)
			c.box.submit()
			got := c.message.Text
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("connecting to %s says %q, want %q in it", tt.url, got, w)
				}
			}
			if strings.Contains(got, "\n") || !c.message.Visible() || g.topDialog() != c.box {
				t.Errorf("the message %q is not one line in the dialog still open", got)
			}
			if link.shown != g || g.dbLabel.Text != "Database: "+path || g.prefs.p.String(prefLastDB) != "" {
				t.Errorf("a failed connection moved the window: %q, remembered %q", link.shown.dbLabel.Text, g.prefs.p.String(prefLastDB))
			}
			if c.connecting || c.progress.Visible() || c.box.buttons[1].Disabled() {
				t.Errorf("after the answer the dialog is still connecting")
			}
		})
	}
}

func TestARefusedPublishNamesTheRoleAndChangesNothing(t *testing.T) {
	_, url, id := newDesk(t)
	for _, tt := range []struct {
		user      string
		refused   bool
		wantAfter editor.Status
	}{
		{"alice", true, editor.StatusReady},
		{"dana", false, editor.StatusPublished},
	} {
		t.Run(tt.user, func(t *testing.T) {
			g, w, link, _ := fileGUI(t)
			g.connectDesk()
			link.dialog.url.SetText(url(tt.user))
			link.dialog.box.submit()
			g = link.shown
			g.openStory(id)
			if g.story.loaded == nil || g.story.loaded.ID != id {
				t.Fatalf("the story did not open: %q", dialogText(g))
			}
			before, err := g.store.Revisions(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			g.story.status.SetSelected("Published")
			if openDialog(g, "Publish this story?") == nil {
				t.Fatalf("no publish dialog; dialogs say %q", dialogText(g))
			}
			tapButton(t, w, "Publish")
			s, err := g.store.Story(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			after, _ := g.store.Revisions(context.Background(), id)
			if s.Status != tt.wantAfter {
				t.Errorf("as %s the story is %s after publishing, want %s", tt.user, s.Status, tt.wantAfter)
			}
			if !tt.refused {
				if len(g.dialogs) != 0 || len(after) != len(before)+1 || after[len(after)-1].Author != tt.user {
					t.Errorf("as the desk: dialogs say %q, revisions %d → %d, last by %q", dialogText(g), len(before), len(after), after[len(after)-1].Author)
				}
				return
			}
			want := "Only the desk role may publish a story, and alice is not in it, so nothing was changed."
			if d := openDialog(g, "Moving the story to Published failed"); d == nil || !strings.Contains(dialogText(g), want) {
				t.Errorf("the refusal says %q, want %q", dialogText(g), want)
			}
			if g.story.status.Selected != "Ready" || len(after) != len(before) {
				t.Errorf("after the refusal the status shows %q and revisions %d → %d", g.story.status.Selected, len(before), len(after))
			}
		})
	}
}

func TestRefreshShowsOthersSaves(t *testing.T) {
	_, url, _ := newDesk(t)
	for _, tt := range []struct {
		name  string
		other func(t *testing.T, g *gui, path string) string
	}{
		{"sqlite", func(t *testing.T, g *gui, path string) string { return path }},
		{"postgres", func(t *testing.T, g *gui, path string) string {
			g.connectDesk()
			g.desk.dialog.url.SetText(url("alice"))
			g.desk.dialog.box.submit()
			return url("dana")
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, w, link, path := fileGUI(t)
			dsn := tt.other(t, g, path)
			g = link.shown
			n := g.list.length()
			other, err := openStore(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			s := &editor.Story{Headline: "Filed from another desk", Body: "Saved by someone else."}
			if err := other.CreateStory(context.Background(), s, editor.RevisionMeta{Kind: editor.RevisionCheckpoint}); err != nil {
				t.Fatal(err)
			}
			if g.list.length() != n {
				t.Fatalf("the list changed before a refresh")
			}
			w.Canvas().Unfocus()
			pressKey(w, fyne.KeyF5)
			if got := g.list.length(); got != n+1 {
				t.Fatalf("after F5 the list shows %d stories, want %d", got, n+1)
			}
			if row, ok := g.list.item(0); !ok || row.Headline != s.Headline {
				t.Errorf("the newest row is %+v, want %q", row, s.Headline)
			}
		})
	}
}

func TestSwitchingKeepsUnsavedChangesInTheFileFirst(t *testing.T) {
	_, url, _ := newDesk(t)
	g, w, link, _ := fileGUI(t)
	typeAtEnd(g.story.body, " More words.")
	g.connectDesk()
	if openDialog(g, "Unsaved changes") == nil || link.dialog != nil {
		t.Fatalf("connecting with unsaved changes did not ask first; dialogs %v", g.dialogs)
	}
	tapButton(t, w, "Keep them and go on")
	wc, err := g.store.WorkingCopy(context.Background(), g.story.loaded.ID, g.prefs.owner())
	if err != nil || !strings.Contains(string(wc.Content), "More words.") {
		t.Fatalf("the unsaved words are not kept in the file: %v, %v", wc, err)
	}
	link.dialog.url.SetText(url("alice"))
	link.dialog.box.submit()
	if link.shown == g {
		t.Fatalf("did not switch: %q", link.dialog.message.Text)
	}
}

func TestTheDeskPasswordIsAskedAndKept(t *testing.T) {
	srv, url, _ := newDesk(t)
	allowPasswordOnly(t, srv, "pwuser", "s3cret pw")
	key := srv.TCPURL(dbName(url("x")), "pwuser")
	for _, broken := range []bool{false, true} {
		t.Run(fmt.Sprintf("keyring broken %v", broken), func(t *testing.T) {
			g, _, link, _ := fileGUI(t)
			keys := link.keys.(*memSecrets)
			keys.broken = broken
			g.connectDesk()
			c := link.dialog
			c.url.SetText(key)
			c.box.submit()
			if !strings.HasPrefix(c.message.Text, "This desk needs a password") || link.shown != g {
				t.Fatalf("without a password the dialog says %q", c.message.Text)
			}
			if g.win.Canvas().Focused() != c.password {
				t.Errorf("the password field does not have the keyboard")
			}
			test.Type(c.password, "s3cret pw")
			c.box.submit()
			if link.shown == g {
				t.Fatalf("with the password the dialog says %q", c.message.Text)
			}
			ng := link.shown
			if strings.Contains(ng.prefs.p.String(prefLastDB), "s3cret") || !strings.Contains(ng.dbLabel.Text, "as pwuser") {
				t.Errorf("remembered %q, status bar %q", ng.prefs.p.String(prefLastDB), ng.dbLabel.Text)
			}
			if broken {
				if !strings.Contains(ng.saveState.Text, "no system keyring") || len(ng.dialogs) != 0 {
					t.Errorf("a machine without a keyring: status %q, dialogs %v", ng.saveState.Text, ng.dialogs)
				}
				return
			}
			if keys.kept[key] != "s3cret pw" {
				t.Fatalf("the keyring holds %q", keys.kept)
			}
			// Next time the keyring answers for it.
			ng.connectDesk()
			link.dialog.box.submit()
			if link.shown == ng {
				t.Errorf("with the kept password the dialog says %q", link.dialog.message.Text)
			}
		})
	}
}

// allowPasswordOnly makes the private server ask user for a password over
// TCP (its other users keep trust), creating user with password pw.
func allowPasswordOnly(t *testing.T, srv *pgtest.Server, user, pw string) {
	t.Helper()
	ctx := context.Background()
	if err := srv.Exec(ctx, "postgres", pgtest.Superuser, `DROP ROLE IF EXISTS `+user,
		`CREATE ROLE `+user+` LOGIN PASSWORD '`+pw+`' IN ROLE editor`); err != nil {
		t.Fatal(err)
	}
	hba := filepath.Join(srv.Dir, "data", "pg_hba.conf")
	old, err := os.ReadFile(hba)
	if err != nil {
		t.Fatal(err)
	}
	line := "host all " + user + " 127.0.0.1/32 scram-sha-256\n"
	if err := os.WriteFile(hba, append([]byte(line), old...), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := srv.Exec(ctx, "postgres", pgtest.Superuser, `SELECT pg_reload_conf()`); err != nil {
		t.Fatal(err)
	}
	// The server reads the file again a moment later: wait until it asks.
	for i := 0; ; i++ {
		st, err := openStore(srv.TCPURL("postgres", user))
		if errors.Is(err, editor.ErrLogin) {
			return
		}
		if st != nil {
			st.Close()
		}
		if i == 100 {
			t.Fatalf("the server never asked %s for a password: %v", user, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// dbName is the database a pgtest URL names.
func dbName(url string) string {
	return strings.Split(strings.Split(url, "@/")[1], "?")[0]
}

func TestAtStartTheDeskUsedLastOpens(t *testing.T) {
	_, url, _ := newDesk(t)
	down := "postgres://alice@127.0.0.1:1/news?connect_timeout=5"
	for _, tt := range []struct {
		name, dsn string
		given     bool
		// want is the status bar, or the reason the window gives.
		want, dialog string
	}{
		{"remembered desk", url("alice"), false, "Connected to", ""},
		{"remembered desk that is down", down, false, "Database: ", "127.0.0.1:1/news: nothing is listening there"},
		{"desk on the command line that is down", down, true, "", "nothing is listening there"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, link, path := fileGUI(t)
			var opened Store
			var openErr error
			install := func(key string, st Store, err error) {
				opened, openErr = st, err
				if err == nil {
					link.install(key, st)
				}
			}
			openAtStart(link, tt.dsn, path, tt.given, install)()
			switch {
			case tt.given:
				if opened != nil || openErr == nil || !strings.Contains(openErr.Error(), tt.dialog) {
					t.Errorf("a desk named on the command line that is down: %v, %v", opened, openErr)
				}
			case !strings.HasPrefix(link.shown.dbLabel.Text, tt.want):
				t.Errorf("the status bar says %q, want it to start %q", link.shown.dbLabel.Text, tt.want)
			case tt.dialog != "":
				if link.dialog == nil || link.dialog.url.Text != tt.dsn || !strings.Contains(link.dialog.message.Text, tt.dialog) {
					t.Errorf("the window on the file does not offer the desk again saying why: %q, %q", link.dialog.url.Text, link.dialog.message.Text)
				}
			}
		})
	}
}
