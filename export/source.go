package export

import (
	"context"
	"fmt"
	"os"
	"time"

	"copydesk/editor"
)

// Source is where ExportFrom reads the site's content, and where it keeps
// what it saw for the next export (a store satisfies it). Reading a story
// whole costs most of an export that has little to write, so an export reads
// the heads of every published story, then whole only the stories whose
// files it has to write.
type Source interface {
	// PublishedHeads returns every published story without its Body,
	// Quotes and Corrections, in any order; a story with no headline keeps
	// its Body, which its title is made from.
	PublishedHeads(ctx context.Context) ([]editor.Story, error)
	// StoriesByID returns these stories whole, in any order.
	StoriesByID(ctx context.Context, ids []string) ([]editor.Story, error)
	// Pages returns every site page.
	Pages(ctx context.Context) ([]editor.Page, error)
	// ExportMemos returns what the last exports remembered of each story,
	// without HTML.
	ExportMemos(ctx context.Context) ([]editor.ExportMemo, error)
	// ExportHTML returns the memos of these stories with their HTML.
	ExportHTML(ctx context.Context, ids []string) ([]editor.ExportMemo, error)
	// SaveExportMemos stores memos, replacing the stories' earlier ones,
	// and forgets the HTML of every story not in keepHTML.
	SaveExportMemos(ctx context.Context, memos []editor.ExportMemo, keepHTML []string) error
}

// sliceSource is the content of an export handed over whole, with nothing
// remembered between exports.
type sliceSource struct {
	stories []editor.Story
	pages   []editor.Page
}

func (s sliceSource) PublishedHeads(context.Context) ([]editor.Story, error) { return s.stories, nil }
func (s sliceSource) Pages(context.Context) ([]editor.Page, error)           { return s.pages, nil }

func (s sliceSource) StoriesByID(_ context.Context, ids []string) ([]editor.Story, error) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	var out []editor.Story
	for _, st := range s.stories {
		if want[st.ID] {
			out = append(out, st)
		}
	}
	return out, nil
}

func (sliceSource) ExportMemos(context.Context) ([]editor.ExportMemo, error) { return nil, nil }
func (sliceSource) ExportHTML(context.Context, []string) ([]editor.ExportMemo, error) {
	return nil, nil
}
func (sliceSource) SaveExportMemos(context.Context, []editor.ExportMemo, []string) error { return nil }

// ExportFrom is ExportWith reading from src: it writes the website for the
// published stories and every page of src into outDir, reading whole only
// the stories whose files change, and leaves in src what the next export
// needs to do the same. The files are the ones ExportWith writes for the
// same content, byte for byte.
//
// The memos are saved once the site is in place; a failure to save them
// (a user who may not write them) costs the next export time, not
// correctness, and is not an error of this one.
func ExportFrom(ctx context.Context, outDir string, site Site, src Source, opt Options) (*Report, error) {
	start := time.Now()
	if outDir == "" {
		return nil, fmt.Errorf("export: no output folder given")
	}
	if err := site.normalize(); err != nil {
		return nil, err
	}
	out, err := openOutput(outDir)
	if err != nil {
		return nil, err
	}
	defer out.close()
	// What the folder's last export wrote is read while the source is asked
	// what it has.
	manifestRead := make(chan []byte, 1)
	go func() {
		data, _ := out.root.ReadFile(manifestPath)
		manifestRead <- data
	}()
	var pages []editor.Page
	var inputs [16]byte
	var versions []editor.StoryVersion
	vs, versioned := src.(VersionedSource)
	if versioned {
		if versions, err = vs.PublishedVersions(ctx); err != nil {
			return nil, fmt.Errorf("export: reading the published stories: %w", err)
		}
		if pages, err = src.Pages(ctx); err != nil {
			return nil, fmt.Errorf("export: reading the site pages: %w", err)
		}
		if inputs, err = inputsKey(site, versions, pages); err != nil {
			return nil, err
		}
	}
	manifestData := <-manifestRead
	if versioned && !opt.Verify {
		if files, ok := unchangedFiles(out.root, inputs, manifestData); ok {
			if opt.Progress != nil {
				opt.Progress(len(files), len(files))
			}
			return &Report{Files: files, DurationMS: time.Since(start).Milliseconds()}, nil
		}
	}

	// There is work to do. The manifest is parsed and the templates are
	// loaded on goroutines of their own while the stories are read.
	oldRead := make(chan manifest, 1)
	go func() { oldRead <- readManifest(manifestData) }()
	type loaded struct {
		k   kit
		err error
	}
	kitLoaded := make(chan loaded, 1)
	go func() {
		k, err := loadKit()
		kitLoaded <- loaded{k, err}
	}()
	heads, memos, cached, err := readHeadsFrom(ctx, out.root, src, versions, versioned)
	old := <-oldRead
	kl := <-kitLoaded
	if err != nil {
		return nil, err
	}
	if kl.err != nil {
		return nil, kl.err
	}
	if pages == nil {
		if pages, err = src.Pages(ctx); err != nil {
			return nil, fmt.Errorf("export: reading the site pages: %w", err)
		}
	}
	b, err := newBuild(site, kl.k, heads, pages, memos, cached)
	if err != nil {
		return nil, err
	}
	b.ctx, b.src, b.inputs, b.old = ctx, src, inputs, old
	files, err := b.run(ctx, out, opt)
	if err != nil {
		return nil, err
	}
	if versioned {
		infos := make(map[string]*storyInfo, len(b.stories))
		for _, si := range b.stories {
			infos[si.head.ID] = si
		}
		saveHeads(out.root, heads, infos)
	}
	if learned, keep := b.memos(); len(learned) > 0 {
		_ = src.SaveExportMemos(ctx, learned, keep)
	}
	return &Report{Files: files, DurationMS: time.Since(start).Milliseconds()}, nil
}

// readHeadsFrom reads the heads of the published stories: from the folder's
// cache of heads those whose version it has, when the source is versioned
// and the cache is there, and the others from the source; or, without a
// cache, every head and the memos from the source.
func readHeadsFrom(ctx context.Context, root *os.Root, src Source, versions []editor.StoryVersion, versioned bool) (heads []editor.Story, memos []editor.ExportMemo, cached map[string]*cachedHead, err error) {
	if versioned {
		cached = readHeads(root)
	}
	var missing []string
	for _, v := range versions {
		if c := cached[v.ID]; c == nil || c.s.Revision != v.Revision {
			missing = append(missing, v.ID)
		}
	}
	// Reading a story whole to take its head, then whole again to render
	// it, pays when few stories changed; when many did, their heads are
	// read as heads.
	if len(missing) > len(versions)/4 {
		cached = nil
	}
	if cached == nil {
		if memos, err = src.ExportMemos(ctx); err != nil {
			return nil, nil, nil, fmt.Errorf("export: reading what the last export kept: %w", err)
		}
		if heads, err = src.PublishedHeads(ctx); err != nil {
			return nil, nil, nil, fmt.Errorf("export: reading the published stories: %w", err)
		}
		return heads, memos, nil, nil
	}
	heads = make([]editor.Story, 0, len(versions))
	for _, v := range versions {
		if c := cached[v.ID]; c != nil && c.s.Revision == v.Revision {
			heads = append(heads, c.s)
		}
	}
	read, err := src.StoriesByID(ctx, missing)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("export: reading the stories: %w", err)
	}
	for i := range read {
		if read[i].Status == editor.StatusPublished {
			heads = append(heads, headOf(&read[i]))
		}
	}
	return heads, nil, cached, nil
}
