//go:build !unix

package export

import "os"

// flockFolder has no flock to take here: the busy file, created exclusively,
// is the only claim.
func flockFolder(*os.Root) (unlock func(), ok bool, err error) {
	return func() {}, true, nil
}
