package editor_test

import (
	"errors"
	"reflect"
	"testing"

	"copydesk/editor"
)

func TestDeskSettingsNormalize(t *testing.T) {
	s := editor.DeskSettings{HouseWords: []string{" Leyton", "", "chingford", "LEYTON", "Aardvark\t"}}
	s.Normalize()
	if want := []string{"Aardvark", "chingford", "Leyton"}; !reflect.DeepEqual(s.HouseWords, want) {
		t.Errorf("Normalize() = %q, want %q", s.HouseWords, want)
	}
}

func TestValidHouseWord(t *testing.T) {
	tests := []struct {
		word string
		ok   bool
	}{
		{"Walthamstow", true},
		{"O'Neill", true},
		{"", false},
		{"two words", false},
		{string(make([]rune, editor.MaxHouseWord+1)), false},
	}
	for _, tt := range tests {
		err := editor.ValidHouseWord(tt.word)
		var ve *editor.ValidationError
		if tt.ok != (err == nil) || (err != nil && (!errors.As(err, &ve) || ve.Field != "house words")) {
			t.Errorf("ValidHouseWord(%q) = %v, want ok %v", tt.word, err, tt.ok)
		}
	}
}
