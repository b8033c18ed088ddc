package storetest

import (
	"testing"
	"time"

	"copydesk/editor"
)

// testConfirmedSpeakers: who confirmed a quote's speaker, and when, is kept
// with the quote and versioned with the story; an earlier revision still has
// the attribution as the suggestion it was.
func testConfirmedSpeakers(t *testing.T, open Opener) {
	db := openStore(t, open)
	body := "Councillor Mark Dobson said: “The plan is sound.” Sarah Hill said: “It is not.”"
	s := &editor.Story{Headline: "Plan", Body: body, Quotes: []editor.Quote{
		{Speaker: "Mark Dobson", Role: "Councillor", Text: "The plan is sound.", Verb: "said"},
		{Speaker: "Sarah Hill", Text: "It is not.", Verb: "said"},
	}}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	first := s.Revision
	at := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	if err := s.Quotes[1].ConfirmSpeaker("Ann Editor", at); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveStory(ctx, s, s.Revision, editor.RevisionMeta{Note: "speaker confirmed"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		seq       int
		confirmed []string // ConfirmedBy per quote
	}{
		{"latest", 0, []string{"", "Ann Editor"}},
		{"the revision before", first, []string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustStory(t, db, s.ID)
			if tt.seq > 0 {
				var err error
				if got, _, err = db.StoryRevision(ctx, s.ID, tt.seq); err != nil {
					t.Fatal(err)
				}
			}
			if len(got.Quotes) != len(tt.confirmed) {
				t.Fatalf("%d quotes, want %d", len(got.Quotes), len(tt.confirmed))
			}
			for i, q := range got.Quotes {
				if q.ConfirmedBy != tt.confirmed[i] || q.SpeakerConfirmed() != (tt.confirmed[i] != "") {
					t.Errorf("quote %d confirmed by %q, want %q", i, q.ConfirmedBy, tt.confirmed[i])
				}
				switch {
				case tt.confirmed[i] == "" && q.ConfirmedAt != nil:
					t.Errorf("quote %d unconfirmed but confirmed at %v", i, q.ConfirmedAt)
				case tt.confirmed[i] != "" && (q.ConfirmedAt == nil || !q.ConfirmedAt.Equal(at)):
					t.Errorf("quote %d confirmed at %v, want %v", i, q.ConfirmedAt, at)
				}
			}
		})
	}
}
