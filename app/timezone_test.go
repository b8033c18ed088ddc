package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSiteTimeZoneGoesToTheExport: the zone set in Preferences is checked
// there and handed to the export.
func TestSiteTimeZoneGoesToTheExport(t *testing.T) {
	g, w := newTestGUI(t, newFakeStore(3))
	for _, tt := range []struct {
		zone string
		ok   bool
	}{{"Europe/London", true}, {"", true}, {"Mars/Olympus", false}, {"Local", false}} {
		if err := validTimeZone(tt.zone); (err == nil) != tt.ok {
			t.Errorf("validTimeZone(%q) = %v, want ok %v", tt.zone, err, tt.ok)
		}
	}
	g.showPrefs()
	zone := entryWithPlaceholder(t, w, "e.g. Europe/London (empty for UTC)")
	test.Type(zone, "Mars/Olympus")
	g.topDialog().submit()
	if g.topDialog() == nil || g.prefs.timeZone() != "" {
		t.Fatalf("an unknown zone was kept: %q", g.prefs.timeZone())
	}
	entryOf(zone).SetText("Europe/London")
	g.topDialog().submit()
	if g.prefs.timeZone() != "Europe/London" {
		t.Fatalf("time zone kept as %q", g.prefs.timeZone())
	}
	fe := &fakeExport{}
	g.exportSite = fe.export
	g.showExport()
	g.exportDialog.folder.SetText(t.TempDir())
	g.exportDialog.baseURL.SetText("https://news.example.org/")
	tapButton(t, w, "Export")
	if fe.site.TimeZone != "Europe/London" {
		t.Errorf("the export was given the zone %q", fe.site.TimeZone)
	}
}
