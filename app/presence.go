package app

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"copydesk/editor"
)

// Presence: while a document is open, the window says so to the store
// every few seconds (a heartbeat, with whether its fields changed since the
// last one: typing), and learns who else is where. The story list and the
// editor show the others: "Bob is editing · seen 12:03". A copy that dies
// stops beating, and its entry expires on its own (editor.PresenceTTL).

// presenceStore is a store that keeps presence (storage.Store's Heartbeat,
// Present and Leave).
type presenceStore interface {
	Heartbeat(ctx context.Context, docID string, who editor.Owner, typing bool) error
	Present(ctx context.Context, docID string) ([]editor.Presence, error)
	Leave(ctx context.Context, who editor.Owner) error
}

// beatEvery is how often the window beats, well inside editor.PresenceTTL.
const beatEvery = 3 * time.Second

// presence is what the window knows of the others on the desk.
type presence struct {
	// me is this window's entry: the person, and this copy of the app
	// (the installation's client ID and one of this run's own, so two
	// copies on one machine are two entries).
	me editor.Owner
	// home is the installation's client ID, the start of me.Client, and
	// since when this run has been beating: an entry of this person from
	// this installation last seen before then is a copy that died (killed,
	// or the machine stopped), not a second copy, and is not shown.
	home  string
	since time.Time
	// others are the other copies' last beats, by document.
	others map[string][]editor.Presence
	// beaten is the open document's content at the last beat, to tell
	// typing from looking.
	beaten []byte
	ticker *time.Ticker
	done   chan struct{}
}

// startPresence beats every interval until stop, on a store that keeps
// presence.
func (g *gui) startPresence(every time.Duration) {
	if _, ok := g.store.(presenceStore); !ok {
		return
	}
	p := g.presence()
	p.ticker, p.done = time.NewTicker(every), make(chan struct{})
	tick(p.ticker, p.done, g.beat)
	g.beat()
}

// presence is the window's presence state, made on first use.
func (g *gui) presence() *presence {
	if g.live == nil {
		who := g.prefs.owner()
		home := who.Client
		who.Client += "-" + editor.NewClientID()[:6]
		g.live = &presence{me: who, home: home, since: time.Now(), others: map[string][]editor.Presence{}}
	}
	return g.live
}

// stopPresence stops beating and takes this window off the desk at once.
func (g *gui) stopPresence() {
	ps, ok := g.store.(presenceStore)
	p := g.live
	if !ok || p == nil || p.ticker == nil {
		return
	}
	p.ticker.Stop()
	close(p.done)
	p.ticker = nil
	go func(who editor.Owner) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		ps.Leave(ctx, who)
	}(p.me)
}

// beat tells the store what this window has open and whether it is being
// typed in, and reads where everyone else is.
func (g *gui) beat() {
	ps, ok := g.store.(presenceStore)
	if !ok {
		return
	}
	p := g.presence()
	docID, typing := "", false
	if g.current != nil {
		docID = g.current.session().id()
		c := g.current.current().content()
		typing = p.beaten != nil && !bytes.Equal(c, p.beaten)
		p.beaten = c
	}
	who := p.me
	g.write(func() func() {
		err := ps.Heartbeat(g.ctx, docID, who, typing)
		var all []editor.Presence
		if err == nil {
			all, err = ps.Present(g.ctx, "")
		}
		return func() {
			if err != nil {
				return // presence is a courtesy: the next beat tries again
			}
			g.showPresence(g.live.alive(editor.Others(all, who)))
		}
	})
}

// alive leaves out this person's own earlier runs on this installation
// that have not beaten since this run began: a copy that died leaves its
// last beat behind for up to editor.PresenceTTL, and it is not "someone
// else editing". A second copy running beside this one beats again within
// beatEvery, and shows from then on.
func (p *presence) alive(others []editor.Presence) []editor.Presence {
	out := others[:0:0]
	for _, o := range others {
		if o.User == p.me.User && strings.HasPrefix(o.Client, p.home+"-") && o.SeenAt.Before(p.since) {
			continue
		}
		out = append(out, o)
	}
	return out
}

// showPresence shows the others' beats in the story list and the editor.
func (g *gui) showPresence(others []editor.Presence) {
	p := g.presence()
	p.others = map[string][]editor.Presence{}
	for _, o := range others {
		if o.DocID != "" {
			p.others[o.DocID] = append(p.others[o.DocID], o)
		}
	}
	g.list.list.Refresh()
	for _, ed := range []docEditor{g.story, g.page} {
		s := ed.session()
		text := presenceText(p.others[s.id()])
		if text != s.presence.Text && s.id() != "" {
			liveLog("present doc=%s text=%q", s.id(), text)
		}
		s.presence.SetText(text)
		s.presence.Hidden = text == ""
		s.presence.Refresh()
		if ed.canvas().Visible() {
			ed.canvas().Refresh()
		}
	}
}

// presentOn is what the story list says of who else has document id open.
func (g *gui) presentOn(id string) string {
	if g.live == nil {
		return ""
	}
	return presenceText(g.live.others[id])
}

// presenceText says who has a document open: "Bob is editing · seen
// 12:03", "Ann is typing, Bob is editing · seen 12:04".
func presenceText(ps []editor.Presence) string {
	if len(ps) == 0 {
		return ""
	}
	var parts []string
	var seen time.Time
	for _, p := range ps {
		doing := "is editing"
		if p.Typing {
			doing = "is typing"
		}
		part := upperFirst(p.User) + " " + doing
		if !slices.Contains(parts, part) {
			parts = append(parts, part)
		}
		if p.SeenAt.After(seen) {
			seen = p.SeenAt
		}
	}
	return fmt.Sprintf("%s · seen %s", strings.Join(parts, ", "), seen.Local().Format("15:04"))
}
