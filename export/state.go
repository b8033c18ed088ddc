package export

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/zeebo/xxh3"

	"copydesk/assets"
	"copydesk/editor"
)

// VersionedSource is a Source that can name the content of its published
// stories without reading them (a store can: every change to a story is a
// new revision). An export from one first compares those versions, the
// pages and the site with what the output folder's last export was made
// from, and when nothing differs and the folder is as it left it, it is
// done without reading a story or rendering a page.
type VersionedSource interface {
	Source
	// PublishedVersions returns the version of every published story, in
	// any order.
	PublishedVersions(ctx context.Context) ([]editor.StoryVersion, error)
}

// The state of an output folder, written by each export once its commit is
// done: the key of everything the site was made from (when the source is
// versioned), and the modification time of each folder that holds its
// files. A file added to, removed from or renamed in a folder changes the
// folder's time, so while the times match, the files of the manifest are
// all there and nothing is staged beside them, and the export need not list
// the folders. A file edited in place changes no folder: Options.Verify
// reads every file.
const (
	statePath = metaDir + "/state.tsv"
	stateHead = "copydesk export state 1"
)

type folderState struct {
	inputs [16]byte // zero when the source was not versioned
	times  map[string]int64
}

// readState reads the folder's state; ok is false when there is none, or
// it cannot be read.
func readState(root *os.Root) (st folderState, ok bool) {
	data, err := root.ReadFile(statePath)
	if err != nil {
		return st, false
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) < 2 || lines[0] != stateHead {
		return st, false
	}
	if in, err := hex.DecodeString(strings.TrimPrefix(lines[1], "inputs\t")); err != nil || len(in) != len(st.inputs) {
		return st, false
	} else {
		copy(st.inputs[:], in)
	}
	st.times = make(map[string]int64, len(lines)-2)
	for _, line := range lines[2:] {
		t, dir, ok := strings.Cut(line, "\t")
		ns, err := strconv.ParseInt(t, 10, 64)
		if !ok || err != nil {
			return folderState{}, false
		}
		st.times[unescapeField(dir)] = ns
	}
	return st, true
}

func (st folderState) encode() []byte {
	var b bytes.Buffer
	b.WriteString(stateHead + "\ninputs\t" + hex.EncodeToString(st.inputs[:]) + "\n")
	dirs := make([]string, 0, len(st.times))
	for dir := range st.times {
		dirs = append(dirs, dir)
	}
	slices.Sort(dirs)
	for _, dir := range dirs {
		fmt.Fprintf(&b, "%d\t%s\n", st.times[dir], escapeField(dir))
	}
	return b.Bytes()
}

// folderTimes stats every folder that holds a file of m, and the folders
// above them.
func folderTimes(root *os.Root, m manifest) (map[string]int64, error) {
	times := map[string]int64{"": 0}
	for p := range m {
		for dir, _ := splitPath(p); dir != ""; dir, _ = splitPath(dir) {
			if _, ok := times[dir]; ok {
				break
			}
			times[dir] = 0
		}
	}
	for dir := range times {
		fi, err := root.Stat(orDot(dir))
		if err != nil {
			return nil, err
		}
		times[dir] = fi.ModTime().UnixNano()
	}
	return times, nil
}

// intact reports whether every folder the state names still has the time
// it had when the state was written.
func (st folderState) intact(root *os.Root) bool {
	if len(st.times) == 0 {
		return false
	}
	for dir, ns := range st.times {
		fi, err := root.Stat(orDot(dir))
		if err != nil || fi.ModTime().UnixNano() != ns {
			return false
		}
	}
	return true
}

// orDot names folder dir for os.Root: "." for the top.
func orDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// saveState writes the folder's state after a commit of manifest m. A
// state that cannot be written costs the next export time, not
// correctness: there is none until then.
func saveState(root *os.Root, inputs [16]byte, m manifest) {
	times, err := folderTimes(root, m)
	if err != nil {
		return
	}
	_ = writeFileAtomic(root, statePath, folderState{inputs: inputs, times: times}.encode())
}

// inputsKey is the key of everything an export from a versioned source
// makes the site from: the code and templates, the site's settings, the
// version of each story shown now, and the pages.
func inputsKey(site Site, versions []editor.StoryVersion, pages []editor.Page) ([16]byte, error) {
	_, _, tmplHash, err := readSiteFiles(assets.Site())
	if err != nil {
		return [16]byte{}, err
	}
	h := xxh3.New128()
	writeStrings(h, keyVersion, site.Name, site.BaseURL, site.Language, site.Description, site.Location.String())
	h.Write(tmplHash[:])
	if !slices.IsSortedFunc(versions, byVersionID) {
		versions = slices.Clone(versions)
		slices.SortFunc(versions, byVersionID)
	}
	for i := range versions {
		v := &versions[i]
		if held(&editor.Story{Embargo: v.Embargo, Expires: v.Expires}, site.Now) {
			continue
		}
		writeStrings(h, v.ID)
		writeInt(h, v.Revision)
	}
	sorted := slices.Clone(pages)
	slices.SortFunc(sorted, func(a, b editor.Page) int { return strings.Compare(a.ID, b.ID) })
	writeInt(h, len(sorted))
	for _, p := range sorted {
		writeStrings(h, p.ID, p.Slug, string(p.Kind), p.Title, p.Summary, p.Body)
		writeInt(h, p.Revision)
		writeTime(h, p.UpdatedAt)
	}
	var key [16]byte
	h.Sum(key[:0])
	return key, nil
}

func byVersionID(a, b editor.StoryVersion) int { return strings.Compare(a.ID, b.ID) }

// unchangedFiles returns the files of the folder's last export when it was
// made from inputs and the folder is as that export left it; ok is false
// when the export has work to do.
func unchangedFiles(root *os.Root, inputs [16]byte, manifestData []byte) (files []File, ok bool) {
	st, ok := readState(root)
	if !ok || st.inputs != inputs || st.inputs == ([16]byte{}) {
		return nil, false
	}
	if _, err := root.Stat(journalPath); !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if !st.intact(root) {
		return nil, false
	}
	files, err := manifestFiles(manifestData)
	if err != nil || len(files) == 0 {
		return nil, false
	}
	return files, true
}
