package wire

import (
	"context"
	"errors"
	"fmt"

	"copydesk/editor"
)

// Batch is an import of many files, done one file at a time so that a bad
// file costs only itself: the command line's `import` and the desktop app's
// File ▸ Import… both run one, and so report the same results and the same
// reasons.
type Batch struct {
	// Read returns a file's bytes; its error is the file's reason.
	Read func(name string) ([]byte, error)
	// Status, when set, is given to every story whatever its file says
	// (`import --status draft`).
	Status editor.Status
	// Save saves one file's story (in a transaction of its own) and returns
	// it as saved; nil makes the batch a dry run that saves nothing.
	Save func(ctx context.Context, name string, r *Result) (*editor.Story, error)
	// Notice, when set, applies a feed's cancellation or withdrawal notice
	// to the story it names (or, in a dry run, finds that story) and
	// returns it; its error is the file's reason. Without it a notice is
	// refused like a file in no known format.
	Notice func(ctx context.Context, name string, n *Notice) (*editor.Story, error)
	// Progress, when set, is told how many files are done.
	Progress func(done, total int)
}

// Outcome is what became of one file of a batch.
type Outcome struct {
	Name   string
	Result *Result       // what was read; nil when the file could not be read
	Story  *editor.Story // the story saved (or marked by a notice); nil in a dry run or when it failed
	Notice *Notice       // the notice the file is, when it is one
	Err    error         // why the file was not imported; nil when it was (or would be)
}

// Run reads, and unless it is a dry run saves, each file in turn. It stops
// early only when ctx is cancelled; the files not reached then have ctx's
// error as their reason.
func (b Batch) Run(ctx context.Context, names []string) []Outcome {
	out := make([]Outcome, len(names))
	for i, name := range names {
		out[i].Name = name
		if err := ctx.Err(); err != nil {
			out[i].Err = err
			continue
		}
		out[i].Result, out[i].Err = b.parse(name)
		var ne *NoticeError
		if errors.As(out[i].Err, &ne) && b.Notice != nil {
			out[i].Notice = &ne.Notice
			out[i].Story, out[i].Err = b.Notice(ctx, name, out[i].Notice)
		} else if out[i].Err == nil && b.Save != nil {
			out[i].Story, out[i].Err = b.Save(ctx, name, out[i].Result)
		}
		if b.Progress != nil {
			b.Progress(i+1, len(names))
		}
	}
	return out
}

// ErrReaderFailed is wrapped by the reason of a file whose reading crashed
// copydesk's reader (a bug): the batch goes on with the next file.
var ErrReaderFailed = errors.New("copydesk's reader failed on this file (a bug; please report it with the file)")

// parse reads one file. A panic in a reader is that file's failure, not the
// batch's: it is recovered and given as the file's reason.
func (b Batch) parse(name string) (r *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, &editor.FileError{Name: name, Err: fmt.Errorf("%w: %v", ErrReaderFailed, p)}
		}
	}()
	data, err := b.Read(name)
	if err != nil {
		return nil, err
	}
	r, err = ParseFile(name, data)
	if err != nil {
		return nil, err
	}
	r.File = name
	if b.Status != "" {
		r.SetStatus(b.Status)
	}
	return r, nil
}

// Failed counts the outcomes that have a reason.
func Failed(outcomes []Outcome) int {
	n := 0
	for _, o := range outcomes {
		if o.Err != nil {
			n++
		}
	}
	return n
}

// Reason is why the file was not imported, naming the file when the error
// itself does not; nil when it was imported.
func (o Outcome) Reason() error {
	var fe *editor.FileError
	if o.Err == nil || errors.As(o.Err, &fe) {
		return o.Err
	}
	return &editor.FileError{Name: o.Name, Err: o.Err}
}
