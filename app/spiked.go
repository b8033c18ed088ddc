package app

import (
	"context"

	"copydesk/editor"
)

// The story list's "All statuses" is the working stories: spiked ones are
// listed only when Spiked is chosen.

// listFilter is the store's filter for a page of the list with this status
// ("" for All statuses) in this order.
func listFilter(status editor.Status, order editor.StoryOrder, offset, limit int) editor.StoryFilter {
	return editor.StoryFilter{Status: status, HideSpiked: status == "", Order: order, Offset: offset, Limit: limit}
}

// countListed counts the stories the list shows for this status: for All
// statuses, every story but the spiked.
func countListed(ctx context.Context, st Store, status editor.Status) (int, error) {
	n, err := st.CountStories(ctx, status)
	if err != nil || status != "" {
		return n, err
	}
	spiked, err := st.CountStories(ctx, editor.StatusSpiked)
	return n - spiked, err
}
