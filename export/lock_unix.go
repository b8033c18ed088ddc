//go:build unix

package export

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// flockFolder takes an exclusive flock on lockPath in the output's own
// folder, without waiting. The kernel drops it when the process ends, however
// it ends, so a killed export never leaves it held. ok is false when another
// export holds it. unlock removes the file, then releases the lock: an export
// that locked the file just before its removal finds, by comparing the file
// it holds with the one the name now gives, that it holds nothing, and tries
// again.
func flockFolder(root *os.Root) (unlock func(), ok bool, err error) {
	for {
		f, err := root.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, false, fmt.Errorf("export: claiming the output folder: %w", err)
		}
		for {
			err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			if !errors.Is(err, syscall.EINTR) {
				break
			}
		}
		if errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, false, nil
		}
		if err != nil {
			f.Close()
			return nil, false, fmt.Errorf("export: claiming the output folder: %w", err)
		}
		held, err1 := f.Stat()
		named, err2 := root.Stat(lockPath)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return func() {
				_ = root.Remove(lockPath)
				f.Close()
			}, true, nil
		}
		f.Close() // removed by the export that held it: lock the new one
	}
}
