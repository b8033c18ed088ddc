// Package plainlocale stops Fyne from logging an error at start-up on machines
// whose locale is "C" or "POSIX" (common on servers and in CI), where Fyne's
// locale lookup reads "C" as a language tag and fails. It must be imported by
// the main package so that, sorting before fyne.io in import-path order and
// depending on nothing of Fyne's, its init runs before Fyne's.
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LC_ALL") != "" || os.Getenv("LC_MESSAGES") != "" {
		return
	}
	lang := os.Getenv("LANG")
	base, _, _ := strings.Cut(lang, ".")
	if lang == "" || base == "C" || base == "POSIX" {
		// Messages in English; nothing else about the locale changes.
		os.Setenv("LC_MESSAGES", "en")
	}
}
