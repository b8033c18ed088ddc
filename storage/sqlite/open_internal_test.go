package sqlite

import (
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"

	"copydesk/editor"
)

// TestWriteErrorsSayWhatToDo: SQLite's own words never reach a person.
func TestWriteErrorsSayWhatToDo(t *testing.T) {
	d := &DB{path: "/desk/copydesk.db"}
	tests := []struct {
		code sqlite3.ErrNo
		want string
	}{
		{sqlite3.ErrReadonly, "is read-only, so copydesk cannot save to it; make it writable"},
		{sqlite3.ErrFull, "is full; nothing was saved"},
		{sqlite3.ErrBusy, "is busy"},
	}
	for _, tt := range tests {
		err := d.explainWrite(sqlite3.Error{Code: tt.code})
		if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "attempt to write") {
			t.Errorf("explainWrite(%v) = %q, want %q", tt.code, err, tt.want)
		}
	}
	if _, ok := d.explainWrite(sqlite3.Error{Code: sqlite3.ErrBusy}).(*editor.BusyError); !ok {
		t.Errorf("a busy database is not a *editor.BusyError")
	}
}
