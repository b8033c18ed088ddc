package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os/user"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// This file moves the window between stores: File ▸ Connect to a shared
// desk… (a PostgreSQL URL, its password from the system keyring or asked),
// File ▸ Use a file on this computer… (back to SQLite), the desk or file
// remembered for the next start, the status bar naming the desk and the
// user, and Refresh, which reads the lists again to show others' saves.

// Preference keys for the store the app opens.
const (
	// prefLastDB is the store used last, a file path or a desk's URL
	// without its password: the app opens it at the next start unless
	// --db or COPYDESK_DB names another.
	prefLastDB = "last_database"
	// prefRecentDesks lists the desks connected to, newest first.
	prefRecentDesks = "recent_desks"
)

// recentDesks is how many desks the Connect dialog offers.
const recentDesks = 6

// deskStore is a store on a shared desk (storage/postgres): the status bar
// names the desk, the database user and the user's role; the user is the
// author of every revision saved there.
type deskStore interface {
	// Desk is host/database.
	Desk() string
	User() string
	// Role is the strongest desk role the user is in; "" when none.
	Role(ctx context.Context) (editor.Role, error)
}

// deskLink is how the window moves to another store: Run sets it up.
type deskLink struct {
	// open opens the store dsn names (a file, or a URL with its password);
	// it blocks, so it runs off the UI goroutine.
	open func(dsn string) (Store, error)
	// install shows the window on st, which key names (a file path, or a
	// desk's URL without its password), closing the store shown before.
	install func(key string, st Store)
	keys    secrets
	// shown is the window's gui now.
	shown *gui
	// dialog is the Connect dialog shown last, for tests to answer.
	dialog *connectDialog
}

// isDeskURL reports whether s names a shared desk rather than a file.
func isDeskURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// deskKey checks a desk's URL and splits off its password: key is the URL
// as it is remembered (never with a password), pw the password it held.
func deskKey(raw string) (key, pw string, err error) {
	raw = strings.TrimSpace(raw)
	if !isDeskURL(raw) {
		return "", "", errors.New("give the desk's address as a postgres:// URL, e.g. postgres://alice@desk.example/news?sslmode=require")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", errors.New("the desk's address is not a URL: write it as postgres://NAME@HOST/DATABASE")
	}
	if u.User != nil {
		if p, ok := u.User.Password(); ok {
			pw = p
			u.User = url.User(u.User.Username())
		}
	}
	if q := u.Query(); q.Has("password") {
		pw = q.Get("password")
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String(), pw, nil
}

// withPassword is the URL key with the password pw in it, for opening.
func withPassword(key, pw string) string {
	if pw == "" {
		return key
	}
	u, err := url.Parse(key)
	if err != nil {
		return key
	}
	name := ""
	if u.User != nil {
		name = u.User.Username()
	}
	if name == "" {
		name = u.Query().Get("user")
	}
	if name == "" {
		// As PostgreSQL's clients do, the user defaults to the system's.
		if cur, err := user.Current(); err == nil {
			name = cur.Username
		}
	}
	u.User = url.UserPassword(name, pw)
	return u.String()
}

// deskHost names the server of a desk's URL for "Connecting to…".
func deskHost(key string) string {
	u, err := url.Parse(key)
	if err != nil {
		return key
	}
	host := u.Host
	if host == "" {
		host = u.Query().Get("host")
	}
	if host == "" {
		host = "this computer"
	}
	return host + u.Path
}

// storeText is what the status bar says of the store: the desk, user and
// role on a shared desk; the file otherwise.
func storeText(st Store, role editor.Role, roleErr error) string {
	d, ok := st.(deskStore)
	if !ok {
		return "Database: " + st.Path()
	}
	text := "Connected to " + d.Desk() + " as " + d.User()
	switch {
	case roleErr != nil:
	case role == "":
		text += " (in no desk role)"
	default:
		text += " (" + string(role) + ")"
	}
	return text
}

// showStore names the store in the status bar; on a shared desk the role
// is read off the UI goroutine.
func (g *gui) showStore() {
	g.dbLabel.SetText(storeText(g.store, "", errors.New("not read yet")))
	d, ok := g.store.(deskStore)
	if !ok {
		return
	}
	g.prefs.deskUser = d.User()
	g.run(func() func() {
		role, err := d.Role(g.ctx)
		return func() { g.dbLabel.SetText(storeText(g.store, role, err)) }
	})
}

// refusal explains an action the desk refused to the user's role.
func refusal(pe *editor.PermissionError) string {
	who := "you are"
	if pe.User != "" {
		who = pe.User + " is"
	}
	return fmt.Sprintf("Only the %s role may %s, and %s not in it, so nothing was changed. "+
		"Ask the desk's administrator to add you to the %s role if this is your job.", pe.Role, pe.Action, who, pe.Role)
}

// refresh reads the lists again from the store, so that what others saved
// on a shared desk shows, and the open document's history with them.
func (g *gui) refresh() {
	keep := ""
	if g.current != nil {
		s := g.current.session()
		keep = s.id()
		if keep != "" {
			s.history.load(keep)
		}
	}
	g.list.reloadKeeping(keep)
	g.pages.reload()
	g.people.reload()
}

// leaveForAnotherStore runs next once the unsaved work on screen is dealt
// with: a person's changes are saved or discarded (leavePerson asks), and
// a document's unsaved changes are saved as a revision or, if the person
// says so, kept as its working copy in this store, where they wait.
func (g *gui) leaveForAnotherStore(next func()) {
	g.leavePerson(func() {
		if g.current == nil || !g.current.session().dirty(g.current.current().content()) {
			next()
			return
		}
		g.askUnsaved("If you go on they are kept in this database, and offered back when you open it here again.",
			"Keep them and go on", func() { g.autosaveThen(next) })
	})
}

// switchTo shows the window on st: the store on screen is closed once its
// queued writes are done, and st is remembered for the next start.
func (g *gui) switchTo(key string, st Store) {
	p := g.prefs.p
	p.SetString(prefLastDB, key)
	if isDeskURL(key) {
		recent := []string{key}
		for _, k := range p.StringList(prefRecentDesks) {
			if k != key && len(recent) < recentDesks {
				recent = append(recent, k)
			}
		}
		p.SetStringList(prefRecentDesks, recent)
	}
	g.desk.install(key, st)
}

// connectDesk is File ▸ Connect to a shared desk….
func (g *gui) connectDesk() {
	if g.desk == nil {
		return
	}
	g.leaveForAnotherStore(func() { g.showConnect("", "") })
}

// useFile is File ▸ Use a file on this computer…: back to a SQLite file.
func (g *gui) useFile() {
	if g.desk == nil {
		return
	}
	g.leaveForAnotherStore(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			g.openFile(r.URI().Path())
		}, g.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
		startInDocuments(d)
		d.Show()
	})
}

// openFile opens the SQLite file at path, off the UI goroutine (a
// migration may run), and switches to it.
func (g *gui) openFile(path string) {
	g.saveState.SetText("Opening " + path + "…")
	link := g.desk
	g.run(func() func() {
		st, err := link.open(path)
		return func() {
			if err != nil {
				g.showError("Opening "+path, err)
				return
			}
			g.switchTo(path, st)
		}
	})
}

// connectDialog is the Connect to a shared desk dialog.
type connectDialog struct {
	g        *gui
	url      *textEntry
	recent   *choiceSelect
	password *textEntry
	remember *widget.Check
	progress *widget.ProgressBarInfinite
	message  *widget.Label
	box      *dialogBox
	// connecting is set while a connection is being tried.
	connecting bool
	// closed is set once the dialog is cancelled: a connection that
	// succeeds after that is closed unused.
	closed bool
}

// showConnect opens the dialog, its address filled with key (else the desk
// used last) and problem, when given, said under it.
func (g *gui) showConnect(key, problem string) *connectDialog {
	c := &connectDialog{g: g}
	recent := g.prefs.p.StringList(prefRecentDesks)
	if key == "" && len(recent) > 0 {
		key = recent[0]
	}
	c.url = newTextEntry(g, false, "e.g. postgres://alice@desk.example/news?sslmode=require")
	c.url.SetText(key)
	c.recent = newChoiceSelect(g, recent, "Choose a desk used before", func(k string) {
		c.url.SetText(k)
		c.password.SetText("")
	})
	c.password = newTextEntry(g, false, "Leave empty if the desk needs none, or keeps it")
	c.password.Password = true
	c.remember = widget.NewCheck("Keep the password in the system keyring", nil)
	c.remember.SetChecked(true)
	c.progress = widget.NewProgressBarInfinite()
	c.progress.Stop()
	c.progress.Hide()
	c.message = widget.NewLabel(problem)
	c.message.Wrapping = fyne.TextWrapWord
	c.message.Importance = widget.DangerImportance
	if problem == "" {
		c.message.Hide()
	}
	intro := widget.NewLabel("A shared desk is one PostgreSQL database the newsroom works in. " +
		"Give its address as the desk's administrator gave it to you.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(&widget.FormItem{Text: "Desk", Widget: c.url, HintText: "postgres://NAME@HOST/DATABASE; add ?sslmode=require over a network"})
	if len(recent) > 0 {
		form.AppendItem(&widget.FormItem{Text: "Used before", Widget: c.recent})
	}
	form.AppendItem(&widget.FormItem{Text: "Password", Widget: c.password})
	form.AppendItem(&widget.FormItem{Text: "", Widget: c.remember})
	content := container.New(&maxWidth{width: 600}, container.NewVBox(intro, form, c.progress, c.message))
	c.box = g.showDialog("Connect to a shared desk", content, c.url,
		choice{label: "Cancel", do: func() { c.closed = true }},
		choice{label: "Connect", check: c.connect})
	c.box.resize(680, 0)
	if g.desk != nil {
		g.desk.dialog = c
	}
	return c
}

// say shows one line under the form; imp colours it.
func (c *connectDialog) say(text string, imp widget.Importance) {
	c.message.Importance = imp
	c.message.SetText(text)
	c.message.Show()
}

// connect tries the desk off the UI goroutine, with the progress bar
// going; the dialog stays up until it answers. It returns false, keeping
// the dialog open: a connection that works closes it.
func (c *connectDialog) connect() bool {
	if c.connecting {
		return false
	}
	key, inline, err := deskKey(c.url.Text)
	if err != nil {
		c.say(err.Error(), widget.DangerImportance)
		c.g.win.Canvas().Focus(c.url)
		return false
	}
	if inline != "" {
		c.password.SetText(inline)
	}
	c.url.SetText(key)
	typed, remember := c.password.Text, c.remember.Checked
	c.connecting = true
	c.box.buttons[1].Disable()
	c.progress.Show()
	c.progress.Start()
	c.say("Connecting to "+deskHost(key)+"…", widget.MediumImportance)
	link := c.g.desk
	c.g.run(func() func() {
		pw, fromKeyring := typed, false
		if pw == "" {
			// A keyring that is not there is as good as one without it.
			if kept, err := link.keys.password(key); err == nil && kept != "" {
				pw, fromKeyring = kept, true
			}
		}
		st, err := link.open(withPassword(key, pw))
		var keepErr error
		if err == nil && typed != "" {
			if remember {
				keepErr = link.keys.keep(key, typed)
			} else {
				link.keys.forget(key)
			}
		}
		return func() { c.answered(key, st, err, typed == "" && !fromKeyring, keepErr) }
	})
	return false
}

// answered takes what the connection came to: the one-line reason it
// failed, said in the dialog, or the switch to the desk.
func (c *connectDialog) answered(key string, st Store, err error, noPassword bool, keepErr error) {
	c.connecting = false
	c.progress.Stop()
	c.progress.Hide()
	c.box.buttons[1].Enable()
	if c.closed {
		if st != nil {
			go st.Close()
		}
		return
	}
	if err != nil {
		text := deskMessage(err)
		if errors.Is(err, editor.ErrLogin) && noPassword {
			text = "This desk needs a password: type it above and connect again. (" + text + ")"
			c.g.win.Canvas().Focus(c.password)
		}
		c.say(text, widget.DangerImportance)
		return
	}
	c.box.hide()
	c.g.switchTo(key, st)
	if keepErr != nil {
		c.g.desk.note("The password is not kept: this computer has no system keyring that answers, so copydesk will ask for it each time.")
	}
}

// note shows text in the status bar of the window now on screen.
func (l *deskLink) note(text string) {
	if l.shown != nil {
		l.shown.saveState.SetText(text)
		l.shown.setStatusLater(text)
	}
}

// deskMessage is err on one line, as the dialog says it. The engine's
// message wraps ErrNotFound for the command line's exit code; the words
// "not found" it ends with tell a person nothing more.
func deskMessage(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if errors.Is(err, editor.ErrNotFound) {
		s = strings.TrimSuffix(s, ": "+editor.ErrNotFound.Error())
	}
	return s
}
