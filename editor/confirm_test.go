package editor_test

import (
	"errors"
	"testing"
	"time"

	"copydesk/editor"
)

func TestConfirmSpeaker(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 30, 15, 999, time.FixedZone("CET", 3600))
	tests := []struct {
		name, by, speaker string
		field             string // the field the refusal names, "" for none
	}{
		{"confirmed", "Ann Editor", "Mark Dobson", ""},
		{"spaces trimmed", "  Ann Editor ", "Mark Dobson", ""},
		{"nobody confirming", "  ", "Mark Dobson", "confirmed_by"},
		{"no speaker to confirm", "Ann Editor", "", "speaker"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := editor.Quote{ID: "q1", Speaker: tt.speaker, Text: "words"}
			err := q.ConfirmSpeaker(tt.by, at)
			if tt.field != "" {
				var fe *editor.ValidationError
				if !errors.As(err, &fe) || fe.Field != tt.field {
					t.Fatalf("ConfirmSpeaker = %v, want a refusal naming %s", err, tt.field)
				}
				if q.SpeakerConfirmed() {
					t.Error("refused, but the quote is confirmed")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !q.SpeakerConfirmed() || q.ConfirmedBy != "Ann Editor" || q.ConfirmedAt == nil ||
				!q.ConfirmedAt.Equal(time.Date(2026, 3, 4, 9, 30, 15, 0, time.UTC)) {
				t.Errorf("confirmed = %v by %q at %v", q.SpeakerConfirmed(), q.ConfirmedBy, q.ConfirmedAt)
			}
		})
	}
}

func TestCheckUnconfirmedSpeakers(t *testing.T) {
	tests := []struct {
		name    string
		confirm []bool // per quote of checkedStory
		require bool
		want    string
	}{
		{"all confirmed", []bool{true, true}, false, ""},
		{"one unconfirmed warns", []bool{true, false}, false, "warning:unconfirmed_speaker"},
		{"every unconfirmed speaker warns", []bool{false, false}, false, "warning:unconfirmed_speaker warning:unconfirmed_speaker"},
		{"required: an error", []bool{false, true}, true, "error:unconfirmed_speaker"},
		{"required, all confirmed", []bool{true, true}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, people := checkedStory(t)
			for i, c := range tt.confirm {
				if !c {
					s.Quotes[i].ConfirmedBy = ""
				}
			}
			fs := editor.CheckWith(s, people, editor.CheckOptions{RequireConfirmedSpeakers: tt.require})
			if got := kinds(fs); got != tt.want {
				t.Fatalf("CheckWith() = %q (%+v), want %q", got, fs, tt.want)
			}
			if got := editor.HasErrors(fs); got != tt.require && tt.want != "" {
				t.Errorf("HasErrors = %v, want %v", got, tt.require)
			}
			for i, f := range fs {
				if f.QuoteID == "" || f.Field != "quotes" {
					t.Errorf("finding %d names no quote: %+v", i, f)
				}
			}
		})
	}
}

func TestCheckSkipsQuotesWithNoSpeaker(t *testing.T) {
	s, people := checkedStory(t)
	s.Quotes[0].Speaker, s.Quotes[0].ConfirmedBy = "", ""
	for _, f := range editor.Check(s, people) {
		if f.Kind == editor.KindUnconfirmedSpeaker {
			t.Errorf("a quote with no speaker is reported as unconfirmed too: %+v", f)
		}
	}
}
