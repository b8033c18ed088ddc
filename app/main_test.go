package app

import (
	"os"
	"testing"

	"copydesk/internal/pgtest"
)

// TestMain starts the private PostgreSQL the shared-desk tests use.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
