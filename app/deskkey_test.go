package app

import (
	"context"
	"errors"
	"testing"
	"time"

	"copydesk/editor"
)

func TestDeskKeyKeepsNoPassword(t *testing.T) {
	for _, tt := range []struct {
		in, key, pw string
		bad         bool
	}{
		{in: "postgres://alice@desk.example/news?sslmode=require", key: "postgres://alice@desk.example/news?sslmode=require"},
		{in: " postgresql://alice:s%40cret@desk.example:5433/news ", key: "postgresql://alice@desk.example:5433/news", pw: "s@cret"},
		{in: "postgres://desk.example/news?password=pw&sslmode=require&user=bob", key: "postgres://desk.example/news?sslmode=require&user=bob", pw: "pw"},
		{in: "postgres://alice@/news?host=/run/postgresql", key: "postgres://alice@/news?host=/run/postgresql"},
		{in: "desk.example/news", bad: true},
		{in: "mysql://alice@desk.example/news", bad: true},
		{in: "postgres://alice@desk.example:port/news", bad: true},
	} {
		key, pw, err := deskKey(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("deskKey(%q) = %q, want an error", tt.in, key)
			}
			continue
		}
		if err != nil || key != tt.key || pw != tt.pw {
			t.Errorf("deskKey(%q) = %q, %q, %v, want %q, %q", tt.in, key, pw, err, tt.key, tt.pw)
		}
		if _, got, _ := deskKey(withPassword(key, pw)); got != pw {
			t.Errorf("withPassword(%q, %q) holds the password %q", key, pw, got)
		}
	}
	if got := withPassword("postgres://desk.example/news?user=bob", "pw"); got != "postgres://bob:pw@desk.example/news?user=bob" {
		t.Errorf("withPassword with the user in the query = %q", got)
	}
}

// fakeDesk is a store on a shared desk, for the status bar's words.
type fakeDesk struct {
	*fakeStore
	role editor.Role
	err  error
}

func (d fakeDesk) Desk() string                              { return "desk.example/news" }
func (d fakeDesk) User() string                              { return "alice" }
func (d fakeDesk) Role(context.Context) (editor.Role, error) { return d.role, d.err }

func TestStatusBarNamesTheDeskUserAndRole(t *testing.T) {
	for _, tt := range []struct {
		store Store
		want  string
	}{
		{newFakeStore(1), "Database: /tmp/fake.db"},
		{fakeDesk{newFakeStore(1), editor.RoleEditor, nil}, "Connected to desk.example/news as alice (editor)"},
		{fakeDesk{newFakeStore(1), editor.RoleDesk, nil}, "Connected to desk.example/news as alice (desk)"},
		{fakeDesk{newFakeStore(1), "", nil}, "Connected to desk.example/news as alice (in no desk role)"},
		{fakeDesk{newFakeStore(1), "", errors.New("connection lost")}, "Connected to desk.example/news as alice"},
	} {
		g, _ := newTestGUI(t, tt.store)
		if g.dbLabel.Text != tt.want {
			t.Errorf("status bar = %q, want %q", g.dbLabel.Text, tt.want)
		}
	}
}

func TestAKeyringThatFailsIsNotAskedAgain(t *testing.T) {
	defer func(w time.Duration) { keyringWait = w }(keyringWait)
	keyringWait = 10 * time.Millisecond
	block := make(chan struct{})
	defer close(block)
	for _, tt := range []struct {
		name string
		f    func() error
	}{
		{"no session bus", func() error { return errors.New(`exec: "dbus-launch": executable file not found`) }},
		{"never answers", func() error { <-block; return nil }},
	} {
		k := &systemKeyring{}
		if _, err := within(k, func() (int, error) { return 0, tt.f() }); err == nil {
			t.Errorf("%s: the first call succeeded", tt.name)
		}
		asked := false
		if _, err := within(k, func() (int, error) { asked = true; return 0, nil }); !errors.Is(err, errNoKeyring) || asked {
			t.Errorf("%s: the second call was made (%v): a broken keyring is asked again", tt.name, err)
		}
	}
}
