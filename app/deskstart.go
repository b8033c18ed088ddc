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
// saying "Connecting to…" meanwhile, its password from the URL or the
// system keyring. A desk remembered from last time that cannot be reached,
// or wants a password nobody gave, leaves the window on the file fallback
// with the Connect dialog open saying why; a desk named on the command
// line (given) that fails is explained as a file that cannot be opened is.
func connectAtStart(w fyne.Window, link *deskLink, dsn, fallback string, given bool, install func(string, Store, error)) {
	key, pw, err := deskKey(dsn)
	if err != nil {
		install(dsn, nil, err)
		return
	}
	label := widget.NewLabel("Connecting to " + deskHost(key) + "…")
	bar := widget.NewProgressBarInfinite()
	w.SetContent(container.NewCenter(container.New(&maxWidth{width: 420}, container.NewVBox(label, bar))))
	go func() {
		if pw == "" {
			if kept, err := link.keys.password(key); err == nil {
				pw = kept
			}
		}
		st, err := link.open(withPassword(key, pw))
		switch {
		case err == nil:
			fyne.Do(func() { install(key, st, nil) })
			return
		case given:
			fyne.Do(func() { install(key, nil, err) })
			return
		}
		fst, ferr := link.open(fallback)
		fyne.Do(func() {
			install(fallback, fst, ferr)
			if ferr == nil && link.shown != nil {
				link.shown.showConnect(key, deskMessage(err))
			}
		})
	}()
}
