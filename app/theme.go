package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The app's colours where Fyne's defaults fall short of WCAG AA (4.5:1 for
// text) against the backgrounds they are drawn on: Fyne's light theme draws
// disabled text and hints in #e3e3e3 on white (1.3:1), amber warnings in
// #ff9800 (2.2:1) and its success and error colours near 1.5:1 and 3.7:1;
// its dark theme draws disabled text in #39393a on #28292e. Every colour
// here is checked against every background it meets by TestThemeContrast.
// Only the colours that carry text or a state (and dark's tap flash) are
// replaced; the backgrounds and the rest are Fyne's.
var deskPalette = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:          rgb(0x1f, 0x1f, 0x1f),
		theme.ColorNameDisabled:            rgb(0x5f, 0x5f, 0x5f),
		theme.ColorNamePlaceHolder:         rgb(0x5f, 0x5f, 0x5f),
		theme.ColorNamePrimary:             rgb(0x1c, 0x5f, 0xd4),
		theme.ColorNameHyperlink:           rgb(0x1c, 0x5f, 0xd4),
		theme.ColorNameForegroundOnPrimary: rgb(0xff, 0xff, 0xff),
		theme.ColorNameError:               rgb(0xb3, 0x26, 0x1e),
		theme.ColorNameForegroundOnError:   rgb(0xff, 0xff, 0xff),
		theme.ColorNameWarning:             rgb(0x8a, 0x4d, 0x00), // amber, dark enough to read on white
		theme.ColorNameForegroundOnWarning: rgb(0xff, 0xff, 0xff),
		theme.ColorNameSuccess:             rgb(0x17, 0x69, 0x2c),
		theme.ColorNameForegroundOnSuccess: rgb(0xff, 0xff, 0xff),
		colorNameInserted:                  rgb(0x13, 0x73, 0x33),
		colorNameDeleted:                   rgb(0xb3, 0x26, 0x1e),
	},
	theme.VariantDark: {
		theme.ColorNameForeground:          rgb(0xf3, 0xf3, 0xf3),
		theme.ColorNameDisabled:            rgb(0x9e, 0x9e, 0x9e),
		theme.ColorNamePlaceHolder:         rgb(0xb2, 0xb2, 0xb2),
		theme.ColorNamePrimary:             rgb(0x7c, 0xac, 0xf8),
		theme.ColorNameHyperlink:           rgb(0x7c, 0xac, 0xf8),
		theme.ColorNameForegroundOnPrimary: rgb(0x17, 0x17, 0x18),
		theme.ColorNameError:               rgb(0xff, 0x8a, 0x80),
		theme.ColorNameForegroundOnError:   rgb(0x17, 0x17, 0x18),
		theme.ColorNameWarning:             rgb(0xff, 0xb7, 0x4d),
		theme.ColorNameForegroundOnWarning: rgb(0x17, 0x17, 0x18),
		theme.ColorNameSuccess:             rgb(0x81, 0xc9, 0x95),
		theme.ColorNameForegroundOnSuccess: rgb(0x17, 0x17, 0x18),
		// Fyne's white at 40% flashes the text on a tapped row down to 4.2:1.
		theme.ColorNamePressed: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x33},
		colorNameInserted:      rgb(0x81, 0xc9, 0x95),
		colorNameDeleted:       rgb(0xf2, 0x8b, 0x82),
	},
}

func rgb(r, g, b uint8) color.Color { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

// deskColor is the app's colour n in variant v, falling back to Fyne's.
func deskColor(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if v != theme.VariantDark {
		v = theme.VariantLight
	}
	if c, ok := deskPalette[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}
