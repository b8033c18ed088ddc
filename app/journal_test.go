package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage/journal"
)

func TestTheJournalKeepsTypingTheDeskLost(t *testing.T) {
	st, _, _ := openDesk(t)
	j, err := journal.Open(filepath.Join(t.TempDir(), journal.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	ctx := context.Background()
	g, _ := openTestGUIWith(t, st, func(g *gui) { g.journal = j })
	g.prefs.p.SetString(prefAuthor, "ann")
	g.list.list.Select(0)
	id, who := g.story.sess.id(), g.prefs.owner()
	replaceIn(t, g.story.body, "on Tuesday", "on Tuesday at noon")
	g.autosave()
	if wc, err := j.WorkingCopy(ctx, st.Path(), id, who); err != nil || !strings.Contains(string(wc.Content), "at noon") {
		t.Fatalf("the journal holds %v, %v; want the typing", wc, err)
	}
	// The desk loses the working copy (a server restored from a backup, say).
	if err := st.DropWorkingCopy(ctx, id, who); err != nil {
		t.Fatal(err)
	}
	g2, _ := openTestGUIWith(t, st, func(g *gui) { g.journal = j })
	g2.list.list.Select(0)
	if !strings.Contains(g2.story.body.Text, "at noon") || !g2.story.sess.banner.Visible() {
		t.Fatalf("after a restart the body is %q (banner %v), want the journal's typing recovered", g2.story.body.Text, g2.story.sess.banner.Visible())
	}
	saveAs(g2, "ann")
	if _, err := j.WorkingCopy(ctx, st.Path(), id, who); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("after the save the journal still holds a copy (err %v)", err)
	}
}
