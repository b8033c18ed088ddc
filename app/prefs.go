package app

import (
	"errors"
	"image/color"
	"net/url"
	"os"
	"os/user"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // the site's time zone is named the same on any machine

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// Preference keys, kept with Fyne's preferences for AppID.
const (
	prefAuthor   = "author"
	prefSiteName = "site_name"
	prefBaseURL  = "base_url"
	prefCredit   = "default_credit"
	prefRules    = "default_rules_page" // the slug of the page put under new stories
	prefTimeZone = "time_zone"          // the website's, an IANA name; "" for UTC
	prefTheme    = "theme"              // system, light or dark
	prefTextSize = "text_size"          // a scale: 0.9, 1, 1.15, 1.3
	// The side columns' widths in pixels, as last dragged.
	prefColumnLeft  = "column_left"
	prefColumnRight = "column_right"
	// This copy of the app's client ID (editor.NewClientID), made once.
	prefClientID = "client_id"
	// The Hunspell dictionary the body's spelling is checked with ("en_GB";
	// spellingOff for none).
	prefDictionary = "spelling_dictionary"
	// The story list's order (editor.StoryOrder): "" newest, urgency or slugline.
	prefStoryOrder = "story_order"
)

// dictionary is the spelling dictionary chosen, en_GB unless another was.
func (p *prefs) dictionary() string { return p.p.StringWithFallback(prefDictionary, defaultDictionary) }

// storyOrder is the story list's order as last chosen; newest first when
// none was, or an unknown one is stored.
func (p *prefs) storyOrder() editor.StoryOrder {
	o := editor.StoryOrder(p.p.String(prefStoryOrder))
	if !slices.Contains(editor.StoryOrders, o) {
		return editor.OrderNewest
	}
	return o
}

func (p *prefs) setStoryOrder(o editor.StoryOrder) { p.p.SetString(prefStoryOrder, string(o)) }

// prefs reads and writes the person's preferences.
type prefs struct {
	p fyne.Preferences
	// deskUser is the database user on a shared desk, where the server
	// makes it the author of every revision.
	deskUser string
}

func newPrefs(p fyne.Preferences) *prefs { return &prefs{p: p} }

// owner is whose the working copies this copy of the app keeps: the
// author, on this client (on a shared desk the store takes the database
// user instead).
func (p *prefs) owner() editor.Owner {
	id := p.p.String(prefClientID)
	if id == "" {
		id = editor.NewClientID()
		p.p.SetString(prefClientID, id)
	}
	return editor.Owner{User: p.author(), Client: id}
}

// author is the name recorded on revisions: the one set in Preferences (asked
// for on first start), else COPYDESK_AUTHOR, else the name the system knows
// the person by, but never an administrator's account ("root").
func (p *prefs) author() string {
	if p.deskUser != "" {
		return p.deskUser
	}
	if a := strings.TrimSpace(p.p.String(prefAuthor)); a != "" {
		return a
	}
	if a := strings.TrimSpace(os.Getenv("COPYDESK_AUTHOR")); a != "" {
		return a
	}
	return systemName()
}

// needsAuthor reports that nobody has said whose name goes on revisions.
func (p *prefs) needsAuthor() bool {
	// On a shared desk the database user is the author, whatever is typed.
	return p.deskUser == "" && strings.TrimSpace(p.p.String(prefAuthor)) == "" && strings.TrimSpace(os.Getenv("COPYDESK_AUTHOR")) == ""
}

// systemName is the person's name as the system knows it: the account's
// full name, else its login name; "" for an administrator's account.
func systemName() string {
	u, err := user.Current()
	if err != nil || u.Uid == "0" || u.Username == "root" {
		return ""
	}
	if n := strings.TrimRight(strings.SplitN(u.Name, ",", 2)[0], " "); n != "" {
		return n
	}
	return u.Username
}

// askAuthor asks, on first start, for the name revisions are saved under.
func (g *gui) askAuthor() {
	name := newTextEntry(g, false, "e.g. Jane Smith")
	name.SetText(systemName())
	problem := &widget.Label{Text: "Write your name: every revision you save records it.", Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	problem.Hide()
	intro := widget.NewLabel("Revisions record who made them. You can change this later in Preferences (Ctrl+,).")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(&widget.FormItem{Text: "Your name", Widget: name, HintText: "Your name, as it appears in the revision history"})
	content := container.New(&maxWidth{width: 520}, container.NewVBox(intro, form, problem))
	b := g.showDialog("Welcome to copydesk", content, name,
		choice{label: "Later"},
		choice{label: "Save", check: func() bool {
			if strings.TrimSpace(name.Text) == "" {
				problem.Show()
				return false
			}
			return true
		}, do: func() { g.prefs.p.SetString(prefAuthor, strings.TrimSpace(name.Text)) }})
	b.resize(560, 0)
}

func (p *prefs) siteName() string      { return p.p.String(prefSiteName) }
func (p *prefs) baseURL() string       { return p.p.String(prefBaseURL) }
func (p *prefs) defaultCredit() string { return p.p.String(prefCredit) }

// timeZone is the IANA name of the zone the website shows times in; "" for UTC.
func (p *prefs) timeZone() string { return p.p.String(prefTimeZone) }

// validTimeZone accepts an empty zone (UTC) or one the system's zone
// database knows by its IANA name.
func validTimeZone(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if _, err := time.LoadLocation(s); err != nil || s == "Local" {
		return errors.New("write the zone's name as in the time zone database, e.g. Europe/London, or leave it empty for UTC")
	}
	return nil
}

// defaultRulesPage is the slug of the site page new stories link under
// them; "" (None) for none.
func (p *prefs) defaultRulesPage() string { return p.p.String(prefRules) }

var themeChoices = []string{"Follow the system", "Light", "Dark"}
var themeValues = []string{"system", "light", "dark"}
var sizeChoices = []string{"Small", "Normal", "Large", "Larger"}
var sizeValues = []float64{0.9, 1, 1.15, 1.3}

// show opens the Preferences dialog.
func (p *prefs) show(g *gui) {
	author := newTextEntry(g, false, "Shown as the author of your revisions")
	author.SetText(p.p.String(prefAuthor))
	site := newTextEntry(g, false, "e.g. The Chingford Guardian")
	site.SetText(p.siteName())
	base := newTextEntry(g, false, "e.g. https://news.example.org")
	base.SetText(p.baseURL())
	base.Validator = validBaseURL
	credit := newTextEntry(g, false, "Put on new stories, e.g. Reporting by Press Association.")
	credit.SetText(p.defaultCredit())
	rulesNames, rulesSlugs := []string{"None"}, []string{""}
	for _, pg := range g.pages.all {
		rulesNames, rulesSlugs = append(rulesNames, pg.Title), append(rulesSlugs, pg.Slug)
	}
	rulesSel := newChoiceSelect(g, rulesNames, "Rules page", nil)
	rulesSel.SetSelectedIndex(indexOf(rulesSlugs, p.defaultRulesPage()))
	zone := newTextEntry(g, false, "e.g. Europe/London (empty for UTC)")
	zone.SetText(p.timeZone())
	zone.Validator = validTimeZone
	themeSel := newChoiceSelect(g, themeChoices, "Theme", nil)
	themeSel.SetSelectedIndex(indexOf(themeValues, p.p.StringWithFallback(prefTheme, "system")))
	sizeSel := newChoiceSelect(g, sizeChoices, "Text size", nil)
	sizeSel.SetSelectedIndex(nearestSize(p.p.FloatWithFallback(prefTextSize, 1)))
	dictNames := append([]string{"Off"}, dictionaries()...)
	dictValues := append([]string{spellingOff}, dictionaries()...)
	if !slices.Contains(dictValues, p.dictionary()) {
		dictNames, dictValues = append(dictNames, p.dictionary()+" (not installed)"), append(dictValues, p.dictionary())
	}
	dictSel := newChoiceSelect(g, dictNames, "Spelling", nil)
	dictSel.SetSelectedIndex(indexOf(dictValues, p.dictionary()))
	house := newTextEntry(g, true, "One word a line: names of places, people and things the paper spells its way")
	house.SetText(strings.Join(g.settings.HouseWords, "\n"))
	house.SetMinRowsVisible(4)
	house.Validator = func(text string) error {
		s := editor.DeskSettings{HouseWords: houseWordLines(text)}
		s.Normalize()
		return s.Validate()
	}
	confirmed := widget.NewCheck("Every speaker must be confirmed before publishing", nil)
	confirmed.SetChecked(g.settings.RequireConfirmedSpeakers)
	form := widget.NewForm(
		&widget.FormItem{Text: "Your name", Widget: author, HintText: "Your name, as it appears in the revision history"},
		&widget.FormItem{Text: "Site name", Widget: site},
		&widget.FormItem{Text: "Site address", Widget: base, HintText: "Links in the exported site and the page preview start with it"},
		&widget.FormItem{Text: "Site time zone", Widget: zone, HintText: "The exported website shows times in it"},
		&widget.FormItem{Text: "Default credit", Widget: credit},
		&widget.FormItem{Text: "Default rules page", Widget: rulesSel, HintText: "Linked under new stories; None for no rules block"},
		&widget.FormItem{Text: "Theme", Widget: themeSel},
		&widget.FormItem{Text: "Text size", Widget: sizeSel},
		&widget.FormItem{Text: "Spelling", Widget: dictSel, HintText: "Hunspell dictionaries installed in " + dictionaryDir},
		&widget.FormItem{Text: "House words", Widget: house, HintText: "Spelt right for everyone on the desk, as are the names in the people directory"},
		&widget.FormItem{Text: "Quotes", Widget: confirmed, HintText: "For everyone on the desk: an unconfirmed speaker is then an error that stops publishing, not a warning"},
	)
	keep := func() {
		p.p.SetString(prefAuthor, strings.TrimSpace(author.Text))
		p.p.SetString(prefSiteName, strings.TrimSpace(site.Text))
		p.p.SetString(prefBaseURL, strings.TrimSpace(base.Text))
		p.p.SetString(prefTimeZone, strings.TrimSpace(zone.Text))
		p.p.SetString(prefCredit, strings.TrimSpace(credit.Text))
		p.p.SetString(prefRules, rulesSlugs[max(rulesSel.SelectedIndex(), 0)])
		p.p.SetString(prefTheme, themeValues[max(themeSel.SelectedIndex(), 0)])
		p.p.SetFloat(prefTextSize, sizeValues[max(sizeSel.SelectedIndex(), 0)])
		if dict := dictValues[max(dictSel.SelectedIndex(), 0)]; dict != p.dictionary() {
			p.p.SetString(prefDictionary, dict)
			g.story.spell.use(dict)
		}
		desk := editor.DeskSettings{HouseWords: houseWordLines(house.Text), RequireConfirmedSpeakers: confirmed.Checked}
		desk.Normalize()
		if !slices.Equal(desk.HouseWords, g.settings.HouseWords) || desk.RequireConfirmedSpeakers != g.settings.RequireConfirmedSpeakers {
			g.saveDeskSettings(desk)
		}
		applyTheme(fyne.CurrentApp())
		if g.current == g.page && g.page.loaded != nil {
			g.page.onChanged() // the preview's link uses the site address
		}
	}
	b := g.showDialog("Preferences", form, author,
		choice{label: "Cancel"},
		choice{label: "Save", check: func() bool { return form.Validate() == nil }, do: keep})
	b.resize(620, 0)
}

// validBaseURL accepts an empty address or an http(s) URL with a host.
func validBaseURL(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("write the site's address in full, e.g. https://news.example.org")
	}
	return nil
}

func indexOf(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return 0
}

func nearestSize(v float64) int {
	best := 1
	for i, s := range sizeValues {
		if abs(s-v) < abs(sizeValues[best]-v) {
			best = i
		}
	}
	return best
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// applyTheme sets the theme and text size from the preferences.
func applyTheme(a fyne.App) {
	p := a.Preferences()
	a.Settings().SetTheme(&deskTheme{variant: p.StringWithFallback(prefTheme, "system"), scale: float32(p.FloatWithFallback(prefTextSize, 1))})
}

// deskTheme is Fyne's theme with a chosen light or dark variant and text size.
type deskTheme struct {
	variant string
	scale   float32
}

func (t *deskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	}
	return deskColor(n, v)
}

func (t *deskTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t *deskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *deskTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText:
		if t.scale > 0 {
			return s * t.scale
		}
	}
	return s
}
