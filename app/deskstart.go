package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// deskMenuItem is a File menu item that moves to another store: there is
// nowhere to move when the window was not given the means (tests).
func (g *gui) deskMenuItem(it *fyne.MenuItem) *fyne.MenuItem {
	it.Disabled = g.desk == nil
	return it
}

// connectAtStart opens the desk dsn names as the app starts, the window
// saying "Connecting to…" meanwhile.
func connectAtStart(w fyne.Window, link *deskLink, dsn, fallback string, given bool, install func(string, Store, error)) {
	label := widget.NewLabel("Connecting to " + deskHost(dsn) + "…")
	bar := widget.NewProgressBarInfinite()
	w.SetContent(container.NewCenter(container.New(&maxWidth{width: 420}, container.NewVBox(label, bar))))
	go func() { fyne.Do(openAtStart(link, dsn, fallback, given, install)) }()
}

// openAtStart opens the desk dsn names, its password from the URL or the
// system keyring, and returns what the window then does, on the UI
// goroutine. A desk remembered from last time that cannot be reached, or
// wants a password nobody gave, leaves the window on the file fallback with
// the Connect dialog open saying why; a desk named on the command line
// (given) that fails is explained as a file that cannot be opened is.
// Either, when it does not answer and this computer's journal can stand in
// for it (link.offline), opens offline instead (offlinestart.go).
func openAtStart(link *deskLink, dsn, fallback string, given bool, install func(string, Store, error)) func() {
	key, pw, err := deskKey(dsn)
	if err != nil {
		return func() { install(dsn, nil, err) }
	}
	if pw == "" {
		if kept, err := link.keys.password(key); err == nil {
			pw = kept
		}
	}
	st, err := link.open(withPassword(key, pw))
	switch {
	case err == nil:
		return func() { install(key, st, nil) }
	case link.offline != nil:
		if ui := link.offline(key, withPassword(key, pw), err); ui != nil {
			return ui // the desk does not answer: offline, on what this computer kept
		}
	}
	switch {
	case given:
		return func() { install(key, nil, err) }
	}
	fst, ferr := link.open(fallback)
	return func() {
		install(fallback, fst, ferr)
		if ferr == nil && link.shown != nil {
			link.shown.showConnect(key, deskMessage(err))
		}
	}
}
