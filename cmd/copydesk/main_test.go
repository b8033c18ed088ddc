package main

import (
	"os"
	"testing"

	"copydesk/internal/pgtest"
)

// asMain makes the test binary run as copydesk itself, so that a test can
// start real processes of it (two saves at once from two programs).
const asMain = "COPYDESK_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(pgtest.Main(m))
}
