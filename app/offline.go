package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"copydesk/editor"
)

// Offline: when the shared desk cannot be reached the status bar says so,
// editing goes on (autosave keeps the typing in the local journal), and a
// save waits in the journal's queue, in the order it was made. Every few
// seconds the desk is tried again; once it answers the waiting saves are
// sent in order, each merged as any save from a stale base is, and the
// status bar says what was sent. Quitting while saves wait asks first.

// offlineText is what the status bar says while the desk cannot be reached.
const offlineText = "Offline — your typing is kept on this computer"

// retryEvery is how often an unreachable desk is tried again.
const retryEvery = 2 * time.Second

// unreachable reports whether err says the store could not be reached (a
// connection refused, reset or dropped, a server shutting down), rather
// than that it refused what was asked.
func unreachable(err error) bool {
	if err == nil {
		return false
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	var sq interface{ SQLState() string }
	switch {
	case errors.As(err, &ce), errors.Is(err, pgconn.ErrConnClosed),
		errors.As(err, &ne), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	case errors.As(err, &sq):
		// Class 08 is a connection exception; 57P01–57P03 a server shutting
		// down or starting.
		c := sq.SQLState()
		return strings.HasPrefix(c, "08") || c == "57P01" || c == "57P02" || c == "57P03"
	}
	return false
}

// wentOffline is the desk not answering: the status bar says so, and the
// desk is tried again every few seconds until it does.
func (g *gui) wentOffline() {
	g.dbLabel.SetText(offlineText)
	if g.offline {
		return
	}
	g.offline = true
	liveLog("offline")
	if g.retry == nil && g.retryEvery > 0 {
		g.retry, g.retryDone = time.NewTicker(g.retryEvery), make(chan struct{})
		tick(g.retry, g.retryDone, g.sendWaiting)
	}
}

// stopRetry stops trying the desk again.
func (g *gui) stopRetry() {
	if g.retry != nil {
		g.retry.Stop()
		close(g.retryDone)
		g.retry = nil
	}
}

// queueSave puts a save the desk could not take into the journal's queue;
// off the UI goroutine.
func (g *gui) queueSave(d document, base int, meta editor.RevisionMeta, who editor.Owner) error {
	p := &editor.PendingSave{DocID: d.id(), DocKind: d.kind().noun, Base: base, Content: d.content(), Meta: meta, User: who.User, Client: who.Client}
	return g.journal.Enqueue(g.ctx, g.store.Path(), p)
}

// queued is the bookkeeping after a save went into the queue: the fields
// keep the words (they are still not on the desk), and the status bar
// says where they are.
func (g *gui) queued(d document) {
	g.waiting++
	liveLog("queued doc=%s", d.id())
	g.wentOffline()
	text := fmt.Sprintf("“%s” is saved on this computer and will be sent when the desk is back (%s)", d.name(), waitingText(g.waiting))
	g.saveState.SetText(text)
	if g.current != nil && g.current.session().id() == d.id() {
		g.current.session().notify(text + ".")
	}
}

// waitingText is "1 save waiting", "3 saves waiting".
func waitingText(n int) string {
	if n == 1 {
		return "1 save waiting"
	}
	return fmt.Sprintf("%d saves waiting", n)
}

// sentSave is what became of one waiting save.
type sentSave struct {
	p   editor.PendingSave
	out saveOutcome
}

// sendWaiting tries the desk and, when it answers, sends the saves waiting
// in the queue in order, each merged over what others saved meanwhile. It
// stops at the first that fails (the desk gone again, a clash), leaving
// it and the ones after it queued.
func (g *gui) sendWaiting() {
	if g.journal == nil || g.sending {
		return
	}
	g.sending = true
	who := g.prefs.owner()
	g.write(func() func() {
		var sent []sentSave
		pending, err := g.journal.Pending(g.ctx, g.store.Path(), who)
		if err == nil {
			// A cheap question that needs the desk: is it there?
			// (A desk that cannot be reached may say not found as well.)
			if _, err = g.store.WorkingCopy(g.ctx, "", who); errors.Is(err, editor.ErrNotFound) && !unreachable(err) {
				err = nil
			}
		}
		for i := 0; err == nil && i < len(pending); i++ {
			var out saveOutcome
			out, err = g.sendOne(pending[i], who)
			if err == nil {
				sent = append(sent, sentSave{p: pending[i], out: out})
			}
		}
		left := len(pending) - len(sent)
		return func() {
			g.sending = false
			g.waiting = left
			if len(sent) > 0 {
				g.wereSent(sent, left)
			}
			defer g.savesBack()
			switch {
			case unreachable(err):
				g.wentOffline()
			case err != nil:
				g.showStatusError(fmt.Sprintf("Sending the saves waiting on this computer (%s)", waitingText(left)), err)
			default:
				g.backOnline()
			}
		}
	})
}

// sendOne sends one waiting save, merged over the desk's revisions since
// its base; a clash leaves it queued until the person chooses.
func (g *gui) sendOne(p editor.PendingSave, who editor.Owner) (saveOutcome, error) {
	kind := storyKind
	if p.DocKind == pageKind.noun {
		kind = pageKind
	}
	cur, err := kind.read(g.ctx, g.store, p.DocID)
	if err != nil {
		return saveOutcome{}, err
	}
	d, err := cur.withContent(p.Content)
	if err != nil {
		return saveOutcome{}, err
	}
	s := &docSession{g: g, kind: kind}
	out := s.saveMerging(d, p.Base, p.Meta, nil, who)
	switch {
	case out.err != nil:
		return out, out.err
	case out.clash != nil:
		return out, fmt.Errorf("“%s” clashes with %s: open it and save again to choose whose words to keep", d.name(), out.clash.note.who())
	}
	return out, g.journal.Sent(g.ctx, p.ID)
}

// wereSent says what was sent, and brings the open document up to what
// landed when it is among them.
func (g *gui) wereSent(sent []sentSave, left int) {
	var names []string
	for _, s := range sent {
		liveLog("sent doc=%s rev=%d", s.out.doc.id(), s.out.doc.rev())
		text := fmt.Sprintf("“%s” as revision %d", s.out.doc.name(), s.out.doc.rev())
		if s.out.merged != nil {
			text += ", " + s.out.merged.String()
		}
		names = append(names, text)
	}
	text := "Back on the desk: sent " + strings.Join(names, "; ")
	if left > 0 {
		text += fmt.Sprintf(" (%s)", waitingText(left))
	}
	last := sent[len(sent)-1].out.doc
	g.list.reloadKeeping(g.list.selected)
	defer g.saveState.SetText(text)
	if g.current == nil || g.current.session().id() != last.id() {
		return
	}
	s := g.current.session()
	now := g.current.current()
	if sentLast := sent[len(sent)-1].p.Content; bytes.Equal(now.content(), sentLast) || bytes.Equal(now.content(), last.content()) {
		g.keepCursor(func() { s.ed.show(last) })
		s.took(last, true, nil)
	} else {
		// Typed on since the last waiting save: keep that typing over it.
		s.follow(editor.Change{DocID: last.id(), Revision: last.rev()})
	}
	s.notify(text + ".")
}

// backOnline is the desk answering again.
func (g *gui) backOnline() {
	g.stopRetry()
	if !g.offline {
		return
	}
	g.offline = false
	liveLog("online")
	g.showStore()
}

// startQueue counts the saves waiting from an earlier run and sends them.
func (g *gui) startQueue() {
	if g.journal != nil {
		g.sendWaiting()
	}
}
