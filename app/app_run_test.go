package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestSerialRunsInOrder checks the writer runner: jobs run one at a time, in
// the order given, each followed by its UI update.
func TestSerialRunsInOrder(t *testing.T) {
	test.NewTempApp(t)
	write := newSerial()
	var got []int
	done := make(chan struct{})
	const n = 50
	for i := 0; i < n; i++ {
		write(func() func() {
			time.Sleep(time.Duration(n-i) * 10 * time.Microsecond) // earlier jobs are slower
			return func() {
				got = append(got, i)
				if len(got) == n {
					close(done)
				}
			}
		})
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("only %d of %d jobs ran", len(got), n)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("jobs ran in the order %v", got)
		}
	}
}
