package app

import (
	"strings"

	"copydesk/editor"
)

// loadDeskSettings reads the settings the desk shares off the UI goroutine,
// then checks the spelling and the story with them.
func (g *gui) loadDeskSettings() {
	g.run(func() func() {
		s, err := g.store.DeskSettings(g.ctx)
		return func() {
			if err != nil {
				g.showStatusError("Loading the desk's settings", err)
				return
			}
			g.setDeskSettings(s)
			g.carryOwnConfirmed(s)
		}
	})
}

// prefOwnConfirmed is where each person kept "every speaker must be
// confirmed before publishing" before it became a desk setting.
const prefOwnConfirmed = "require_confirmed_speakers"

// carryOwnConfirmed carries a person's own "every speaker must be
// confirmed" from their preferences into the desk's settings, once, when
// the desk has never saved that setting (a desk that has keeps its own),
// and says what became of it. The preference is forgotten afterwards,
// except when the desk could not be reached: then the next start tries
// again.
func (g *gui) carryOwnConfirmed(s editor.DeskSettings) {
	p := g.prefs.p
	if p.BoolWithFallback(prefOwnConfirmed, true) != p.BoolWithFallback(prefOwnConfirmed, false) {
		return // never set
	}
	own := p.Bool(prefOwnConfirmed)
	const title = "Confirmed speakers are a desk setting now"
	const was = "You had “Every speaker must be confirmed before publishing” turned on in your own preferences. It is now one of the desk's settings, the same for everyone on this desk."
	switch {
	case !own:
		p.RemoveValue(prefOwnConfirmed) // off, as the desk is until it says otherwise
		return
	case s.ConfirmedSpeakersSaved:
		p.RemoveValue(prefOwnConfirmed)
		if !s.RequireConfirmedSpeakers {
			g.message(title, was+" The desk has it turned off, so an unconfirmed speaker is a warning; someone with the desk role can turn it on in Preferences.", "OK")
		}
		return
	}
	s.RequireConfirmedSpeakers = true
	g.write(func() func() {
		err := g.store.SaveDeskSettings(g.ctx, &s)
		return func() {
			if unreachable(err) {
				return // kept, for the next start
			}
			p.RemoveValue(prefOwnConfirmed)
			if err != nil {
				g.message(title, was+" It could not be turned on for the desk: "+strings.TrimSuffix(explain(err), ".")+". Ask someone with the desk role to turn it on in Preferences.", "OK")
				return
			}
			s.ConfirmedSpeakersSaved = true
			g.setDeskSettings(s)
			g.message(title, was+" It has been turned on for the desk (Preferences), so an unconfirmed speaker stops publishing.", "OK")
		}
	})
}

// setDeskSettings puts settings read or saved in force.
func (g *gui) setDeskSettings(s editor.DeskSettings) {
	changedChecks := s.RequireConfirmedSpeakers != g.settings.RequireConfirmedSpeakers
	g.settings = s
	g.spellingKnown()
	if changedChecks && g.story.loaded != nil {
		g.story.runChecks() // the findings change severity
	}
}

// checkOptions are the desk's settings for the pre-publication checks.
func (g *gui) checkOptions() editor.CheckOptions {
	return editor.CheckOptions{RequireConfirmedSpeakers: g.settings.RequireConfirmedSpeakers}
}

// spellingKnown tells the speller the words it must take as correct: the
// house words and the words of every name in the people directory.
func (g *gui) spellingKnown() {
	var names []string
	for _, p := range g.people.all {
		names = append(names, p.Name, p.ShortName)
	}
	g.story.spell.setKnown(g.settings.HouseWords, names)
}

// saveDeskSettings stores the desk's settings for everyone on the desk.
func (g *gui) saveDeskSettings(s editor.DeskSettings) {
	g.write(func() func() {
		err := g.store.SaveDeskSettings(g.ctx, &s)
		return func() {
			if err != nil {
				g.showStatusError("Saving the desk's settings", err)
				return
			}
			s.ConfirmedSpeakersSaved = true
			g.setDeskSettings(s)
		}
	})
}

// addHouseWord adds a word to the desk's house words (the right-click menu
// on a misspelt word).
func (g *gui) addHouseWord(word string) {
	g.write(func() func() {
		err := g.store.AddHouseWord(g.ctx, word)
		return func() {
			if err != nil {
				g.showStatusError("Adding “"+word+"” to the house words", err)
				return
			}
			s := g.settings
			s.HouseWords = append(append([]string(nil), s.HouseWords...), word)
			s.Normalize()
			g.setDeskSettings(s)
			g.saveState.SetText("“" + word + "” is a house word now: spelling takes it as correct for everyone on the desk.")
		}
	})
}

// houseWordLines are the house words as Preferences edits them, one a line.
func houseWordLines(text string) []string { return strings.Split(text, "\n") }
