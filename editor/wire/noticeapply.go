package wire

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"copydesk/editor"
)

// NoticeStore is what applying a notice needs of a store: the stories a
// feed's item became, and saving one.
type NoticeStore interface {
	StoryIDsByFeedID(ctx context.Context, feedID string) ([]string, error)
	Story(ctx context.Context, id string) (*editor.Story, error)
	SaveStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (saved bool, err error)
}

// NoStoryError is ApplyNotice's refusal of a notice that names a story
// no story in the store came from.
type NoStoryError struct{ Notice Notice }

func (e *NoStoryError) Error() string {
	return fmt.Sprintf("is a notice that %s the story %s, which no story here came from; nothing was imported", e.Notice.Verb(), e.Notice.FeedID)
}

// Verb is what the notice does to its story: "cancels" or "withholds".
func (n *Notice) Verb() string {
	if n.Action == PubWithheld {
		return "withholds"
	}
	return "cancels"
}

// ApplyNotice marks every story the notice names (by the feed's ID, oldest
// first) as the notice says, each in a revision of its own by meta's
// author, noting the file the notice came in; with dryRun it only finds
// them. It returns the stories as they are left (found, for a dry run), or
// a *NoStoryError when none has the feed's ID. Both `copydesk import` and
// the app's File ▸ Import… apply notices with it.
func ApplyNotice(ctx context.Context, st NoticeStore, name string, n *Notice, meta editor.RevisionMeta, dryRun bool) ([]*editor.Story, error) {
	ids, err := st.StoryIDsByFeedID(ctx, n.FeedID)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, &NoStoryError{Notice: *n}
	}
	var out []*editor.Story
	for _, id := range ids {
		cur, err := st.Story(ctx, id)
		if err != nil {
			return out, err
		}
		if dryRun {
			out = append(out, cur)
			continue
		}
		next, m := n.Withdraw(cur, time.Now())
		m.Author, m.Note = meta.Author, m.Note+" ("+filepath.Base(name)+")"
		if _, err := st.SaveStory(ctx, next, cur.Revision, m); err != nil {
			return out, err
		}
		out = append(out, next)
	}
	return out, nil
}
