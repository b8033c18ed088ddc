package wire

import "testing"

func TestIsOrganisationName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Mark Dobson", false},
		{"Sarah Hill", false},
		{"David G. Victor", false},
		{"Iain Duncan Smith", false},
		{"Anna Holt", false},
		{"Starlight Housing", true},
		{"the No Campaign", true},
		{"the Chinese government", true},
		{"Norwell Bank", true},
		{"NATO", true},
		{"Westminster City Council", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsOrganisationName(tt.name); got != tt.want {
			t.Errorf("IsOrganisationName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
