package export

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
)

// The export keeps its own records in a dot-folder of the output folder.
const (
	metaDir      = ".copydesk"
	manifestPath = metaDir + "/manifest.tsv"
	manifestNew  = metaDir + "/manifest.tsv.new"
	journalPath  = metaDir + "/commit.tsv"
	// busyPath exists while an export runs and holds its process ID; finding
	// it from a process that has gone means that export stopped before its end
	// and may have left staged files.
	busyPath = metaDir + "/busy"
	// lockPath is flocked for the whole export, before anything is read, so
	// that two exports started together cannot both claim the folder.
	lockPath = metaDir + "/lock"
	// Staged files sit beside the files they replace, under names no slug
	// can take (slugs hold no dot).
	stagePrefix  = ".staged-"
	manifestHead = "copydesk export manifest 2"
)

// entry is what the manifest remembers of one file: what it is, the key of
// the inputs it was made from, and the hash of its bytes. Both are 128-bit
// XXH3: they detect change, they are not a defence against tampering.
type entry struct {
	kind Kind
	id   string
	key  [16]byte
	sum  [16]byte
}

// manifest maps a file's path to its entry.
type manifest map[string]entry

// readManifest parses the manifest of the previous export, read as data;
// a missing or unreadable one is an empty manifest, so the next export
// writes everything.
func readManifest(data []byte) manifest {
	m, err := parseManifest(data)
	if err != nil {
		return manifest{}
	}
	return m
}

func parseManifest(data []byte) (manifest, error) {
	text := string(data) // one copy; every path and ID is a part of it
	head, rest, ok := strings.Cut(text, "\n")
	if !ok || head != manifestHead {
		return nil, errors.New("not a manifest")
	}
	m := make(manifest, strings.Count(rest, "\n"))
	for len(rest) > 0 {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		var f [5]string
		for i := range f {
			var ok bool
			f[i], line, ok = strings.Cut(line, "\t")
			if ok != (i < 4) {
				return nil, errors.New("bad manifest line")
			}
		}
		var e entry
		e.kind, e.id = internKind([]byte(f[1])), f[2]
		if strings.IndexByte(e.id, '\\') >= 0 {
			e.id = unescapeField(e.id)
		}
		if len(f[3]) != 2*len(e.key) || len(f[4]) != 2*len(e.sum) {
			return nil, errors.New("bad manifest hash")
		}
		if _, err := hex.Decode(e.key[:], []byte(f[3])); err != nil {
			return nil, err
		}
		if _, err := hex.Decode(e.sum[:], []byte(f[4])); err != nil {
			return nil, err
		}
		m[f[0]] = e
	}
	return m, nil
}

// manifestFiles lists the files of a manifest, by path, all unchanged: the
// report of an export with nothing to do, made without decoding the hashes
// or building a map.
func manifestFiles(data []byte) ([]File, error) {
	text := string(data) // one copy; every path and ID is a part of it
	head, rest, ok := strings.Cut(text, "\n")
	if !ok || head != manifestHead {
		return nil, errors.New("not a manifest")
	}
	files := make([]File, 0, strings.Count(rest, "\n"))
	for len(rest) > 0 {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		p, line, ok1 := strings.Cut(line, "\t")
		kind, line, ok2 := strings.Cut(line, "\t")
		id, _, ok3 := strings.Cut(line, "\t")
		if !ok1 || !ok2 || !ok3 {
			return nil, errors.New("bad manifest line")
		}
		if strings.IndexByte(id, '\\') >= 0 {
			id = unescapeField(id)
		}
		files = append(files, File{Path: p, Kind: internKind([]byte(kind)), ID: id, State: StateUnchanged})
	}
	if !slices.IsSortedFunc(files, byPath) {
		slices.SortFunc(files, byPath)
	}
	return files, nil
}

func byPath(a, b File) int { return strings.Compare(a.Path, b.Path) }

// internKind returns the Kind constant spelled by b, without allocating for
// the known ones.
func internKind(b []byte) Kind {
	for _, k := range []Kind{KindArticle, KindNinjs, KindSection, KindPage, KindFront, KindFeed, KindSitemap, KindAsset, KindRedirect} {
		if string(b) == string(k) {
			return k
		}
	}
	return Kind(b)
}

// encode writes the manifest sorted by path, so the same site gives the same bytes.
func (m manifest) encode() []byte {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.Grow(len(paths) * 200)
	b.WriteString(manifestHead + "\n")
	var hexbuf [32]byte
	for _, p := range paths {
		e := m[p]
		b.WriteString(p)
		b.WriteByte('\t')
		b.WriteString(string(e.kind))
		b.WriteByte('\t')
		b.WriteString(escapeField(e.id))
		b.WriteByte('\t')
		hex.Encode(hexbuf[:], e.key[:])
		b.Write(hexbuf[:])
		b.WriteByte('\t')
		hex.Encode(hexbuf[:], e.sum[:])
		b.Write(hexbuf[:])
		b.WriteByte('\n')
	}
	return b.Bytes()
}

var fieldEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`)
var fieldUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n")

func escapeField(s string) string   { return fieldEscaper.Replace(s) }
func unescapeField(s string) string { return fieldUnescaper.Replace(s) }

// op is one step of committing an export, in folder dir of the output: a
// staged file renamed into place, or, when from is empty, an old file removed.
type op struct {
	dir      string
	from, to string // names inside dir
}

func (o op) path(name string) string {
	if o.dir == "" {
		return name
	}
	return o.dir + "/" + name
}

// commit makes the staged export the site: it records every step in a journal
// first, so that an export interrupted half-way through (a crash, a power
// cut) is finished by the next one, then performs them and installs the new
// manifest.
//
// Until the journal is in place nothing public has changed, so on a failure
// then (a full disk) run removes everything staged and the site is exactly
// as it was. Once it is, the steps are finished by this export or, if it
// fails or is killed, by the next one.
func commit(root *os.Root, dirs map[string]*os.Root, ops []op, m manifest) error {
	var j bytes.Buffer
	for _, o := range ops {
		fmt.Fprintf(&j, "%s\t%s\t%s\n", o.dir, o.from, o.to)
	}
	// The folder's state says what the site was made from; until the
	// commit is done it says nothing.
	if err := root.Remove(statePath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export: removing %s: %w", statePath, err)
	}
	if err := writeFileAtomic(root, manifestNew, m.encode()); err != nil {
		return err
	}
	if err := writeFileAtomic(root, journalPath, j.Bytes()); err != nil {
		return err
	}
	return replay(root, dirs, ops)
}

// recoverCommit finishes a commit that a previous export started but did not
// end. It does nothing when there is none.
func recoverCommit(root *os.Root) error {
	data, err := root.ReadFile(journalPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("export: reading the unfinished export's journal: %w", err)
	}
	var ops []op
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("export: the unfinished export's journal %s is damaged; remove the folder %s and export again", journalPath, metaDir)
		}
		ops = append(ops, op{dir: f[0], from: f[1], to: f[2]})
	}
	return replay(root, nil, ops)
}

// replay performs the journal's steps; each is safe to repeat. dirs holds
// open folders to work in by name, which saves resolving every path; any
// folder not in it is reached through root. Each folder's steps run in
// order, and folders in parallel.
func replay(root *os.Root, dirs map[string]*os.Root, ops []op) error {
	byDir := map[string][]op{}
	var order []string
	for _, o := range ops {
		if _, ok := byDir[o.dir]; !ok {
			order = append(order, o.dir)
		}
		byDir[o.dir] = append(byDir[o.dir], o)
	}
	errs := make([]error, len(order))
	var wg sync.WaitGroup
	for i, dir := range order {
		d := dirs[dir]
		if d == nil {
			sub, err := openDir(root, dir)
			if err != nil {
				return err
			}
			defer sub.Close()
			d = sub
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = replayDir(d, byDir[dir])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := root.Rename(manifestNew, manifestPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export: saving the manifest: %w", err)
	}
	if err := root.Remove(journalPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export: removing the journal: %w", err)
	}
	return nil
}

func replayDir(d *os.Root, ops []op) error {
	for _, o := range ops {
		if o.from == "" {
			if err := d.Remove(o.to); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("export: removing %s: %w", o.path(o.to), err)
			}
			continue
		}
		if err := d.Rename(o.from, o.to); err != nil {
			if _, serr := d.Lstat(o.from); errors.Is(serr, fs.ErrNotExist) {
				continue // renamed before an interruption
			}
			return fmt.Errorf("export: moving %s into place: %w", o.path(o.to), err)
		}
	}
	return nil
}

// openDir makes folder dir of the output if need be and opens it; "" is the
// output folder itself.
func openDir(root *os.Root, dir string) (*os.Root, error) {
	if dir == "" {
		dir = "."
	}
	if err := root.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: making folder %s: %w", dir, err)
	}
	d, err := root.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("export: opening folder %s: %w", dir, err)
	}
	return d, nil
}

// writeFileAtomic writes data to a temporary file beside name and renames it
// into place.
func writeFileAtomic(root *os.Root, name string, data []byte) error {
	tmp := name + ".tmp"
	err := root.WriteFile(tmp, data, 0o644)
	if err == nil && failWrite != nil {
		if ferr := failWrite(name); ferr != nil {
			_ = root.WriteFile(tmp, data[:len(data)/2], 0o644)
			err = ferr
		}
	}
	if err != nil {
		_ = root.Remove(tmp)
		return fmt.Errorf("export: writing %s: %w", name, err)
	}
	if err := root.Rename(tmp, name); err != nil {
		return fmt.Errorf("export: writing %s: %w", name, err)
	}
	return nil
}
