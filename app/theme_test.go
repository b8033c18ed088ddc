package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// luminance is a colour's relative luminance as WCAG 2.x defines it.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// contrast is the WCAG contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// over draws c (which may be translucent) on the opaque bg.
func over(c, bg color.Color) color.Color {
	f, b := color.NRGBAModel.Convert(c).(color.NRGBA), color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

func TestContrastMatchesWCAGExamples(t *testing.T) {
	for _, tc := range []struct {
		a, b color.Color
		want float64
	}{
		{rgb(0, 0, 0), rgb(0xff, 0xff, 0xff), 21},
		{rgb(0x77, 0x77, 0x77), rgb(0xff, 0xff, 0xff), 4.48},
		{rgb(0xff, 0xff, 0xff), rgb(0xff, 0xff, 0xff), 1},
	} {
		if got := contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestThemeContrast: every colour the app draws text or a state in (the
// text, hints and disabled text, links and tabs, the error, amber warning and
// success labels, the words inserted and deleted in Compare, and the text on
// coloured buttons) reads at WCAG AA, 4.5:1, on every background it is drawn
// on, with the hover and selection tints over them, in the light and the dark
// theme, whether chosen or followed from the system.
func TestThemeContrast(t *testing.T) {
	const aa = 4.5
	plain := []fyne.ThemeColorName{ // the surfaces text sits on
		theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameButton,
		theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground,
	}
	textOnPlain := []fyne.ThemeColorName{
		theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameDisabled,
		theme.ColorNamePrimary, theme.ColorNameHyperlink,
		theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess,
		colorNameInserted, colorNameDeleted,
	}
	type pair struct {
		text, bg fyne.ThemeColorName
		tints    []fyne.ThemeColorName // drawn over bg, one at a time
	}
	var pairs []pair
	for _, text := range textOnPlain {
		for _, bg := range plain {
			pairs = append(pairs, pair{text: text, bg: bg, tints: []fyne.ThemeColorName{theme.ColorNameHover}})
		}
	}
	pairs = append(pairs,
		pair{text: theme.ColorNameForeground, bg: theme.ColorNameInputBackground, tints: []fyne.ThemeColorName{theme.ColorNameSelection}},
		pair{text: theme.ColorNameForeground, bg: theme.ColorNameBackground, tints: []fyne.ThemeColorName{theme.ColorNameSelection, theme.ColorNamePressed}},
		pair{text: theme.ColorNameDisabled, bg: theme.ColorNameDisabledButton},
		pair{text: theme.ColorNameForegroundOnPrimary, bg: theme.ColorNamePrimary},
		pair{text: theme.ColorNameForegroundOnError, bg: theme.ColorNameError},
		pair{text: theme.ColorNameForegroundOnWarning, bg: theme.ColorNameWarning},
		pair{text: theme.ColorNameForegroundOnSuccess, bg: theme.ColorNameSuccess},
	)
	test.NewTempApp(t)
	for _, tc := range []struct {
		name    string
		chosen  string
		variant fyne.ThemeVariant
	}{
		{"light", "light", theme.VariantDark}, // chosen: the system's variant is ignored
		{"dark", "dark", theme.VariantLight},
		{"system light", "system", theme.VariantLight},
		{"system dark", "system", theme.VariantDark},
	} {
		th := &deskTheme{variant: tc.chosen, scale: 1}
		for _, p := range pairs {
			bg := th.Color(p.bg, tc.variant)
			backs := []color.Color{bg}
			for _, tint := range p.tints {
				backs = append(backs, over(th.Color(tint, tc.variant), bg))
			}
			text := th.Color(p.text, tc.variant)
			for i, back := range backs {
				if got := contrast(over(text, back), back); got < aa {
					under := string(p.bg)
					if i > 0 {
						under = string(p.tints[i-1]) + " over " + under
					}
					t.Errorf("%s: %s %v on %s %v: contrast %.2f:1, want at least %.1f:1", tc.name, p.text, text, under, back, got, aa)
				}
			}
		}
	}
}

// TestFirstStartFollowsTheSystemTheme: with nothing in Preferences the
// theme is the system's variant, light or dark; a theme chosen in
// Preferences wins over the system's.
func TestFirstStartFollowsTheSystemTheme(t *testing.T) {
	for _, tc := range []struct {
		pref   string // "" for none set
		system fyne.ThemeVariant
		want   fyne.ThemeVariant
	}{
		{"", theme.VariantDark, theme.VariantDark},
		{"", theme.VariantLight, theme.VariantLight},
		{"light", theme.VariantDark, theme.VariantLight},
		{"dark", theme.VariantLight, theme.VariantDark},
		{"system", theme.VariantDark, theme.VariantDark},
	} {
		a := test.NewTempApp(t)
		if tc.pref != "" {
			a.Preferences().SetString(prefTheme, tc.pref)
		}
		applyTheme(a)
		th := a.Settings().Theme()
		got := th.Color(theme.ColorNameBackground, tc.system)
		if want := deskColor(theme.ColorNameBackground, tc.want); got != want {
			t.Errorf("preference %q, system %v: background %v, want %v (variant %v)", tc.pref, tc.system, got, want, tc.want)
		}
	}
}
