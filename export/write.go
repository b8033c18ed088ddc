package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/zeebo/xxh3"

	"copydesk/editor"
)

// output is an output folder held by this export.
type output struct {
	root   *os.Root
	unlock func()
}

// openOutput makes the output folder if need be, claims it, and finishes
// any commit an earlier export left unfinished.
func openOutput(outDir string) (_ *output, err error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("export: making the output folder: %w", err)
	}
	root, err := os.OpenRoot(outDir)
	if err != nil {
		return nil, fmt.Errorf("export: opening the output folder: %w", err)
	}
	if err := root.MkdirAll(metaDir, 0o755); err != nil {
		root.Close()
		return nil, fmt.Errorf("export: making %s in the output folder: %w", metaDir, err)
	}
	unlock, err := lockFolder(root)
	if err != nil {
		root.Close()
		return nil, err
	}
	o := &output{root: root, unlock: unlock}
	if err := recoverCommit(root); err != nil {
		o.close()
		return nil, err
	}
	return o, nil
}

// close releases the folder.
func (o *output) close() {
	_ = o.root.Remove(busyPath)
	o.unlock()
	o.root.Close()
}

// run renders every unit whose inputs changed, stages the files that differ
// from what is on disk beside them, and commits them.
func (b *build) run(ctx context.Context, out *output, opt Options) (_ []File, err error) {
	root := out.root
	defer func() {
		// A failure before the commit's journal is in place changed nothing
		// public: nothing staged may stay behind in the site's folders.
		if _, jerr := root.Stat(journalPath); err != nil && errors.Is(jerr, fs.ErrNotExist) {
			removeLeftovers(root)
		}
	}()
	old := b.old
	if !opt.AllowRemoval {
		if err := b.checkRemoval(old); err != nil {
			return nil, err
		}
	}
	// With the folder held and any unfinished commit finished, whatever is
	// staged was left by an export that failed or was killed. While every
	// folder has the time the last export left it with, there is nothing
	// staged in them and every file of the manifest is there.
	st, _ := readState(root)
	intact := !opt.Verify && st.intact(root)
	if intact {
		removeMetaLeftovers(root)
	} else {
		removeLeftovers(root)
	}
	// A folder that is new (or empty, with nothing of the last export in it)
	// is written whole under a staged name and renamed into place at the
	// end, one rename instead of one per file.
	oldDirs := map[string]bool{}
	for p := range old {
		dir, _ := splitPath(p)
		oldDirs[dir] = true
	}
	dirs := map[string]*os.Root{}
	handles := map[string]*os.File{} // the same folders, for writeFileAt
	fresh := map[string]bool{}
	closeDirs := func() {
		for dir, d := range dirs {
			d.Close()
			delete(dirs, dir)
		}
		for dir, f := range handles {
			f.Close()
			delete(handles, dir)
		}
	}
	defer closeDirs()
	// Only a folder at the top with no planned folder inside it (a story's
	// old path may be "articles/2019/old/") is staged whole.
	planned := map[string]bool{}
	for _, u := range b.units {
		for _, f := range u.files {
			dir, _ := splitPath(f.path)
			planned[dir] = true
		}
	}
	holdsFolders := map[string]bool{}
	for dir := range planned {
		for i := strings.IndexByte(dir, '/'); i >= 0; i = next(dir, i) {
			holdsFolders[dir[:i]] = true
		}
	}
	for _, u := range b.units {
		for _, f := range u.files {
			dir, _ := splitPath(f.path)
			if dirs[dir] != nil {
				continue
			}
			open := dir
			if dir != "" && !strings.Contains(dir, "/") && !holdsFolders[dir] && !oldDirs[dir] && emptyDir(root, dir) {
				fresh[dir] = true
				open = stagePrefix + "dir-" + dir
			}
			if dirs[dir], err = openDir(root, open); err != nil {
				return nil, err
			}
			if handles[dir], err = dirs[dir].Open("."); err != nil {
				return nil, fmt.Errorf("export: opening folder %s: %w", dir, err)
			}
		}
	}
	var present map[string]bool
	if intact {
		present = make(map[string]bool, len(old))
		for p := range old {
			present[p] = true
		}
	} else {
		present = listFiles(dirs)
		if opt.Verify {
			dropChanged(dirs, old, present)
		}
	}

	results, err := b.renderAll(ctx, dirs, handles, fresh, present, old, opt.Progress)
	if err == nil {
		err = ctx.Err()
	}
	closeDirs()
	if err != nil {
		return nil, err
	}

	next := make(manifest, len(old))
	var files []File
	var ops []op
	for i, u := range b.units {
		for j, f := range u.files {
			r := results[i][j]
			next[f.path] = entry{kind: f.kind, id: u.id, key: r.key, sum: r.sum}
			st := StateUnchanged
			if r.staged != "" {
				st = StateWritten
				if dir, name := splitPath(f.path); !fresh[dir] {
					ops = append(ops, op{dir: dir, from: r.staged, to: name})
				}
			}
			files = append(files, File{Path: f.path, Kind: f.kind, ID: u.id, State: st})
		}
	}
	var freshDirs []string
	for dir := range fresh {
		freshDirs = append(freshDirs, dir)
	}
	sort.Strings(freshDirs)
	for _, dir := range freshDirs {
		// Remove the empty folder first: renaming onto it works on Linux only.
		ops = append(ops, op{to: dir}, op{from: stagePrefix + "dir-" + dir, to: dir})
	}
	var gone []string
	for p := range old {
		if _, ok := next[p]; !ok {
			gone = append(gone, p)
		}
	}
	sort.Strings(gone)
	for _, p := range gone {
		dir, name := splitPath(p)
		ops = append(ops, op{dir: dir, to: name})
		files = append(files, File{Path: p, Kind: old[p].kind, ID: old[p].id, State: StateRemoved})
	}
	if err := commit(root, dirs, ops, next); err != nil {
		return nil, err
	}
	saveState(root, b.inputs, next)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// checkRemoval refuses an export that would remove more than half of the
// articles the last export into the folder wrote.
func (b *build) checkRemoval(old manifest) error {
	kept := map[string]bool{}
	for _, u := range b.units {
		for _, f := range u.files {
			kept[f.path] = true
		}
	}
	articles, removed := 0, 0
	for p, e := range old {
		if e.kind != KindArticle {
			continue
		}
		articles++
		if !kept[p] {
			removed++
		}
	}
	if removed*2 > articles {
		return &RemovalError{Removed: removed, Articles: articles}
	}
	return nil
}

// ErrBusy is returned when another export is writing to the same folder.
var ErrBusy = errors.New("another export is writing to this folder")

// lockFolder claims the output folder for this export: it flocks lockPath,
// then creates busyPath with the process ID in it, for the message another
// export gives. A busyPath left by a process that is no longer running is
// taken over. unlock releases the flock.
func lockFolder(root *os.Root) (unlock func(), err error) {
	busy := func() error {
		data, _ := root.ReadFile(busyPath)
		if other, _ := strconv.Atoi(strings.TrimSpace(string(data))); other > 0 {
			return fmt.Errorf("export: %w (process %d); wait for it to finish, or remove %s if it is not running", ErrBusy, other, busyPath)
		}
		return fmt.Errorf("export: %w; wait for it to finish", ErrBusy)
	}
	unlock, ok, err := flockFolder(root)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, busy()
	}
	pid := []byte(strconv.Itoa(os.Getpid()) + "\n")
	f, err := root.OpenFile(busyPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		_, err = f.Write(pid)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			unlock()
			return nil, fmt.Errorf("export: claiming the output folder: %w", err)
		}
		return unlock, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		unlock()
		return nil, fmt.Errorf("export: claiming the output folder: %w", err)
	}
	data, _ := root.ReadFile(busyPath)
	other, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	if other > 0 && (other == os.Getpid() || processRunning(other)) {
		unlock()
		return nil, busy()
	}
	if err := root.WriteFile(busyPath, pid, 0o644); err != nil {
		unlock()
		return nil, fmt.Errorf("export: claiming the output folder: %w", err)
	}
	return unlock, nil
}

// removeLeftovers removes everything an export that failed or was killed
// can leave: staged files and folders, and the temporary files and unused
// new manifest in the export's own folder.
func removeLeftovers(root *os.Root) {
	removeStaged(root)
	removeMetaLeftovers(root)
}

// removeMetaLeftovers removes the temporary files and unused new manifest
// an export can leave in its own folder.
func removeMetaLeftovers(root *os.Root) {
	_ = root.Remove(manifestNew)
	if f, err := root.Open(metaDir); err == nil {
		names, _ := f.Readdirnames(-1)
		f.Close()
		for _, n := range names {
			if strings.HasSuffix(n, ".tmp") {
				_ = root.Remove(metaDir + "/" + n)
			}
		}
	}
}

// removeStaged removes what an unfinished export staged: files beside their
// targets, and whole staged folders, all named with stagePrefix.
func removeStaged(root *os.Root) {
	const maxDepth = 8 // old paths nest a few folders deep: 2019/03/18/title/
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		f, err := root.Open(dir)
		if err != nil {
			return
		}
		entries, _ := f.ReadDir(-1)
		f.Close()
		for _, e := range entries {
			p := e.Name()
			if dir != "." {
				p = dir + "/" + p
			}
			switch {
			case strings.HasPrefix(e.Name(), stagePrefix):
				_ = root.RemoveAll(p)
			case e.IsDir() && depth < maxDepth && !(depth == 0 && e.Name() == metaDir):
				walk(p, depth+1)
			}
		}
	}
	walk(".", 0)
}

// emptyDir reports whether folder dir of the output is missing or empty.
func emptyDir(root *os.Root, dir string) bool {
	f, err := root.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil {
		return false
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	return len(names) == 0 && errors.Is(err, io.EOF)
}

// next is the index of the slash after the one at i in p, or -1.
func next(p string, i int) int {
	if j := strings.IndexByte(p[i+1:], '/'); j >= 0 {
		return i + 1 + j
	}
	return -1
}

// splitPath splits a slash path into its folder ("" for the top) and name.
func splitPath(p string) (dir, name string) {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i], p[i+1:]
	}
	return "", p
}

// fileResult is what happened to one file: its key and sum, and the name it
// was staged under, beside it, when it needs writing.
type fileResult struct {
	key    [16]byte
	sum    [16]byte
	staged string
}

// renderAll runs the units on every core: the stories' files first, then
// the rest, whose keys take every story's hash. A story whose files are up
// to date by its memo is never read whole; the others are read in batches
// on a goroutine of their own, so that reading overlaps rendering, and
// each is dropped again once its files are made.
func (b *build) renderAll(ctx context.Context, dirs map[string]*os.Root, handles map[string]*os.File, fresh, present map[string]bool, old manifest, progress func(done, total int)) ([][]fileResult, error) {
	folders := make(map[string]folder, len(dirs))
	for dir, d := range dirs {
		folders[dir] = newFolder(d, handles[dir])
	}
	total := 0
	for _, u := range b.units {
		total += len(u.files)
	}
	results := make([][]fileResult, len(b.units))
	var (
		mu       sync.Mutex
		done     int
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	failed := func() error {
		mu.Lock()
		defer mu.Unlock()
		return firstErr
	}
	next := make(chan int)
	var stories sync.WaitGroup // story units sent and not yet done
	var wg sync.WaitGroup
	// Twice as many workers as cores: creating a file blocks in the kernel
	// for longer than rendering one takes, and a worker waiting there holds
	// no core, so the others keep both busy.
	for n := 0; n < 2*runtime.GOMAXPROCS(0); n++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			w := &worker{b: b, h: &bufHash{}, id: n, dirs: folders, fresh: fresh, present: present}
			for i := range next {
				res, err := w.do(old, i)
				if si := b.units[i].story; si != nil {
					if si.read {
						si.release()
					}
					stories.Done()
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				results[i] = res
				done += len(b.units[i].files)
				if progress != nil {
					progress(done, total)
				}
				mu.Unlock()
			}
		}(n)
	}
	// A story's files that are up to date by its memo are settled here, and
	// never go to a worker.
	var wanted, rest []int
	h := &bufHash{}
	settled := 0
	for i, u := range b.units {
		if u.story == nil {
			rest = append(rest, i)
			continue
		}
		if u.story.known {
			if key := b.unitKey(h, u); b.upToDate(old, present, u, key) {
				res := make([]fileResult, len(u.files))
				for j, f := range u.files {
					res[j] = fileResult{key: key, sum: old[f.path].sum}
				}
				results[i] = res
				settled += len(u.files)
				continue
			}
		}
		wanted = append(wanted, i)
	}
	mu.Lock()
	done += settled
	if progress != nil && settled > 0 {
		progress(done, total)
	}
	mu.Unlock()
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	batches := make(chan []int, 1)
	go b.readStories(readCtx, wanted, batches, fail)
	send := func(i int) bool {
		if failed() != nil {
			return false
		}
		if b.units[i].story != nil {
			stories.Add(1)
		}
		select {
		case <-ctx.Done():
			if b.units[i].story != nil {
				stories.Done()
			}
			return false
		case next <- i:
			return true
		}
	}
	ok := true
	for batch := range batches {
		for _, i := range batch {
			if ok = ok && send(i); !ok {
				stopReading()
				break
			}
		}
	}
	stories.Wait()
	for _, i := range rest {
		if ok = ok && send(i); !ok {
			break
		}
	}
	close(next)
	wg.Wait()
	err := failed()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	return results, nil
}

// readBatch is how many stories one query reads whole.
const readBatch = 128

// readStories reads the stories of the story units whole, a batch at a time,
// and sends each batch on once its stories are in place; it closes out.
func (b *build) readStories(ctx context.Context, units []int, out chan<- []int, fail func(error)) {
	defer close(out)
	for lo := 0; lo < len(units); lo += readBatch {
		batch := units[lo:min(lo+readBatch, len(units))]
		infos := make([]*storyInfo, len(batch))
		for j, i := range batch {
			infos[j] = b.units[i].story
		}
		if err := b.readWhole(ctx, infos); err != nil {
			fail(err)
			return
		}
		select {
		case out <- batch:
		case <-ctx.Done():
			return
		}
	}
}

// readWhole reads these stories whole from the source into their infos.
func (b *build) readWhole(ctx context.Context, infos []*storyInfo) error {
	ids := make([]string, len(infos))
	for j, si := range infos {
		ids[j] = si.s.ID
	}
	stories, err := b.src.StoriesByID(ctx, ids)
	if err != nil {
		return fmt.Errorf("export: reading the stories: %w", err)
	}
	byID := make(map[string]*editor.Story, len(stories))
	for k := range stories {
		byID[stories[k].ID] = &stories[k]
	}
	for _, si := range infos {
		s, ok := byID[si.s.ID]
		if !ok {
			return fmt.Errorf("export: the story %q (%s) was removed while the export ran; export again", si.s.Title(), si.s.ID)
		}
		si.take(s)
	}
	return nil
}

// unitKey is the key of the inputs of unit u's files.
func (b *build) unitKey(h hash.Hash, u *unit) [16]byte {
	h.Reset()
	h.Write(b.global[:])
	writeStrings(h, u.id)
	for _, f := range u.files {
		writeStrings(h, f.path)
	}
	u.key(h)
	var key [16]byte
	h.Sum(key[:0])
	return key
}

// upToDate reports whether the last export made every file of u from inputs
// with this key, and the files are still there.
func (b *build) upToDate(old manifest, present map[string]bool, u *unit, key [16]byte) bool {
	for _, f := range u.files {
		e, ok := old[f.path]
		if !ok || e.key != key || e.kind != f.kind || !present[f.path] {
			return false
		}
	}
	return true
}

// worker renders units one at a time, reusing its buffers.
type worker struct {
	b    *build
	h    hash.Hash
	id   int
	seq  int
	dirs map[string]folder
	// fresh marks the folders being written whole under a staged name; their
	// files take their own names at once.
	fresh map[string]bool
	// present holds the paths of the regular files in the output's folders
	// when the export began, read once rather than checked one by one.
	present map[string]bool
	buf     bytes.Buffer // the page being rendered
	body    bytes.Buffer // a story's body HTML
	aux     bytes.Buffer // a second file made with the page (ninjs)
}

func (w *worker) do(old manifest, i int) ([]fileResult, error) {
	u := w.b.units[i]
	key := w.b.unitKey(w.h, u)
	res := make([]fileResult, len(u.files))
	if w.b.upToDate(old, w.present, u, key) {
		for j, f := range u.files {
			res[j] = fileResult{key: key, sum: old[f.path].sum}
		}
		return res, nil
	}
	contents, err := u.render(w)
	if err != nil {
		return nil, fmt.Errorf("export: %s: %w", u.files[0].path, err)
	}
	for j, f := range u.files {
		sum := xxh3.Hash128(contents[j]).Bytes()
		res[j] = fileResult{key: key, sum: sum}
		if e, ok := old[f.path]; ok && e.sum == sum && w.exists(f.path) {
			continue
		}
		w.seq++
		dir, name := splitPath(f.path)
		if !w.fresh[dir] {
			name = stagePrefix + strconv.Itoa(w.id) + "-" + strconv.Itoa(w.seq)
		}
		if err := w.dirs[dir].write(name, contents[j]); err != nil {
			return nil, fmt.Errorf("export: writing %s: %w", f.path, err)
		}
		res[j].staged = name
	}
	return res, nil
}

func (w *worker) exists(p string) bool { return w.present[p] }

// listFiles lists the names in each folder, by path, reading the folders in
// parallel.
func listFiles(dirs map[string]*os.Root) map[string]bool {
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		present = map[string]bool{}
	)
	for dir, d := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := d.Open(".")
			if err != nil {
				return
			}
			// Names only: asking each entry's type costs a stat per file here.
			entries, _ := f.Readdirnames(-1)
			f.Close()
			prefix := ""
			if dir != "" {
				prefix = dir + "/"
			}
			names := make([]string, 0, len(entries))
			for _, e := range entries {
				names = append(names, prefix+e)
			}
			mu.Lock()
			for _, n := range names {
				present[n] = true
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return present
}

// dropChanged takes out of present every file of the last export whose
// bytes are no longer the ones it wrote, so that it is written again.
func dropChanged(dirs map[string]*os.Root, old manifest, present map[string]bool) {
	paths := make([]string, 0, len(old))
	for p := range old {
		if dir, _ := splitPath(p); present[p] && dirs[dir] != nil {
			paths = append(paths, p)
		}
	}
	changed := make([]bool, len(paths))
	parallel(len(paths), func(i int) {
		dir, name := splitPath(paths[i])
		data, err := dirs[dir].ReadFile(name)
		changed[i] = err != nil || xxh3.Hash128(data).Bytes() != old[paths[i]].sum
	})
	for i, p := range paths {
		if changed[i] {
			delete(present, p)
		}
	}
}
