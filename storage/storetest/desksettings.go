package storetest

import (
	"errors"
	"reflect"
	"testing"

	"copydesk/editor"
)

func testDeskSettings(t *testing.T, open Opener) {
	first := open(t, Fixture{Now: tickingClock()})
	got, err := first.DeskSettings(ctx)
	if err != nil || got.RequireConfirmedSpeakers || got.ConfirmedSpeakersSaved || got.HouseWords != nil {
		t.Fatalf("DeskSettings() on a new store = %+v, %v; want the defaults, none saved", got, err)
	}
	s := &editor.DeskSettings{HouseWords: []string{" Walthamstow ", "chingford", "", "Chingford", "Aardvarkia"}, RequireConfirmedSpeakers: true}
	if err := first.SaveDeskSettings(ctx, s); err != nil {
		t.Fatalf("SaveDeskSettings(%+v) = %v", s, err)
	}
	want := editor.DeskSettings{HouseWords: []string{"Aardvarkia", "chingford", "Walthamstow"}, RequireConfirmedSpeakers: true, ConfirmedSpeakersSaved: true}
	// A second handle on the same database, as another copy of the app on
	// the desk, reads what the first saved.
	second := open(t, Fixture{Now: tickingClock(), Share: first})
	for _, db := range []struct {
		name string
		get  func() (editor.DeskSettings, error)
	}{{"first", func() (editor.DeskSettings, error) { return first.DeskSettings(ctx) }}, {"second", func() (editor.DeskSettings, error) { return second.DeskSettings(ctx) }}} {
		got, err := db.get()
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s DeskSettings() = %+v, %v; want %+v", db.name, got, err, want)
		}
	}

	for _, w := range []string{"Leytonstone", "WALTHAMSTOW"} {
		if err := second.AddHouseWord(ctx, w); err != nil {
			t.Fatalf("AddHouseWord(%q) = %v", w, err)
		}
	}
	got, err = first.DeskSettings(ctx)
	want.HouseWords = []string{"Aardvarkia", "chingford", "Leytonstone", "Walthamstow"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after AddHouseWord, DeskSettings() = %+v, %v; want %+v", got, err, want)
	}

	for _, bad := range []string{"two words", "", "  "} {
		var ve *editor.ValidationError
		if err := first.AddHouseWord(ctx, bad); !errors.As(err, &ve) || ve.Field != "house words" {
			t.Errorf("AddHouseWord(%q) = %v, want a validation error on house words", bad, err)
		}
	}
	if err := first.SaveDeskSettings(ctx, &editor.DeskSettings{HouseWords: []string{"ok", "not ok"}}); err == nil {
		t.Errorf("SaveDeskSettings with %q = nil, want a validation error", "not ok")
	}
	if got, _ := first.DeskSettings(ctx); !reflect.DeepEqual(got, want) {
		t.Errorf("a refused SaveDeskSettings changed the settings to %+v, want %+v", got, want)
	}

	if err := first.SaveDeskSettings(ctx, &editor.DeskSettings{}); err != nil {
		t.Fatalf("SaveDeskSettings(empty) = %v", err)
	}
	if got, err := second.DeskSettings(ctx); err != nil || got.RequireConfirmedSpeakers || !got.ConfirmedSpeakersSaved || got.HouseWords != nil {
		t.Errorf("after saving empty settings, DeskSettings() = %+v, %v; want the defaults, saved", got, err)
	}
}
