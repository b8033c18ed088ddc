package app

import (
	"strings"
	"testing"
)

func TestOthersOnTheStoryAreShown(t *testing.T) {
	st, gs, _ := openDesk(t)
	for i, name := range []string{"ann", "bob"} {
		gs[i].prefs.p.SetString(prefAuthor, name)
		gs[i].presence()
		gs[i].list.list.Select(0)
	}
	ann, bob := gs[0], gs[1]
	id := bob.story.sess.id()
	ann.beat()
	bob.beat()
	if got := bob.story.sess.presence.Text; !strings.HasPrefix(got, "Ann is editing · seen ") || bob.story.sess.presence.Hidden {
		t.Errorf("bob's editor says %q (hidden %v), want Ann is editing", got, bob.story.sess.presence.Hidden)
	}
	if got := bob.presentOn(id); !strings.HasPrefix(got, "Ann is editing") {
		t.Errorf("bob's story list says %q, want Ann is editing", got)
	}
	typeAtEnd(ann.story.body, " More words.")
	ann.beat()
	bob.beat()
	if got := bob.story.sess.presence.Text; !strings.HasPrefix(got, "Ann is typing · seen ") {
		t.Errorf("after ann typed, bob's editor says %q", got)
	}
	if got := ann.story.sess.presence.Text; !strings.HasPrefix(got, "Bob is editing") {
		t.Errorf("ann's editor says %q, want Bob is editing", got)
	}
	if err := st.Leave(ann.ctx, ann.live.me); err != nil {
		t.Fatal(err)
	}
	bob.beat()
	if got := bob.story.sess.presence.Text; got != "" || !bob.story.sess.presence.Hidden {
		t.Errorf("after ann left, bob's editor says %q", got)
	}
}
