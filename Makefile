# copydesk — make help lists the targets.
#
# Every target builds with the same tags (TAGS) so the cgo parts (SQLite, GLFW)
# compile once and stay in Go's build cache.

SHELL      := /bin/bash
GO         ?= go
TAGS       := sqlite_fts5
GOFLAGS_CD := -tags '$(TAGS)'
# bin/copydesk is the command line (cmd/copydesk-cli): no Fyne, OpenGL or
# X11, no Markdown or HTML library, so it starts like a shell tool. It execs
# bin/copydesk-window, the whole program (cmd/copydesk: the desktop app and
# every command), for the window and for import, export and sample.
BIN        := bin/copydesk
WINDOW_BIN := bin/copydesk-window
export CGO_ENABLED := 1

# Debian packages needed to build (cgo: SQLite, GLFW/OpenGL).
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# Hunspell dictionaries for the body's spelling (en-GB is the default).
SPELL_PKGS := hunspell-en-gb hunspell-en-us
# Validators the export tests run (Nu Html Checker needs a JRE; jing checks Atom).
TEST_PKGS  := jing
JRE_PKG    := default-jre-headless
VNU_JAR    := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
# The shared-desk tests start a private PostgreSQL of their own (internal/pgtest).
PG_PKGS    := postgresql
# Extra packages for screenshots of the real window.
SHOT_PKGS  := xvfb xdotool imagemagick x11-utils

# Fyne with the patch in third_party/fyne (its README says why):
# every target builds in the Go workspace bin/go.work, which
# scripts/fyne-patched.sh prepares. A plain `go build` uses Fyne unpatched.
WORK := bin/go.work
export GOWORK := $(CURDIR)/$(WORK)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# apt_install installs the packages in $(1) that dpkg does not report as installed.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: help deps test-deps pg-deps build run test race vet lint bench bench-export bench-import bench-desk bench-vs-git fuzz crashtest-cli screenshots crashtest uitest startup startup-vs-git window-rss package clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  %-13s %s\n", $$1, $$2 }'

deps: $(WORK) ## install the system packages the build needs, and the Hunspell dictionaries (apt-get)
	$(call apt_install,$(BUILD_PKGS) $(SPELL_PKGS))

$(WORK): go.mod $(wildcard third_party/fyne/*.patch) scripts/fyne-patched.sh
	$(call apt_install,patch)
	./scripts/fyne-patched.sh

build: deps ## build bin/copydesk (the command line) and bin/copydesk-window (the desktop app, and import, export and sample, which bin/copydesk hands to it)
	$(GO) build $(GOFLAGS_CD) -o $(WINDOW_BIN) ./cmd/copydesk
	$(GO) build $(GOFLAGS_CD) -o $(BIN) ./cmd/copydesk-cli

run: build ## build and open the desktop app on the default database (bin/copydesk execs bin/copydesk-window)
	./$(BIN)

vet: deps ## go vet every package
	$(GO) vet $(GOFLAGS_CD) ./...

test-deps: ## install the validators the export tests use: jing, a JRE, the Nu Html Checker (npm, in tools/vnu)
	$(call apt_install,$(TEST_PKGS))
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(JRE_PKG); }
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends npm; }
	@[ -f $(VNU_JAR) ] || (cd tools/vnu && npm ci --no-audit --no-fund --ignore-scripts)
	@java -jar $(VNU_JAR) --version >/dev/null

pg-deps: ## install PostgreSQL (Debian's postgresql, apt-get) for the shared-desk tests, when it is absent; no service of it is used
	$(call apt_install,$(PG_PKGS))
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "no initdb under /usr/lib/postgresql/*/bin after installing $(PG_PKGS)"; exit 1; }

# COPYDESK_TEST_PG=require: a PostgreSQL that cannot be started fails the
# tests that need it instead of skipping them.
test: deps test-deps pg-deps vet ## install what the tests need, then go vet and all tests (SQLite and a private PostgreSQL the tests start)
	COPYDESK_TEST_PG=require $(GO) test $(GOFLAGS_CD) -count=1 ./...

race: deps test-deps pg-deps ## all tests under the race detector (a second build of every package; clean on the tree)
	COPYDESK_TEST_PG=require $(GO) test $(GOFLAGS_CD) -race -count=1 ./...

FUZZTIME ?= 30s

# The seed corpus of every fuzz target (its f.Add calls and testdata/fuzz/)
# already runs in `make test`; this fuzzes each target for FUZZTIME.
fuzz: deps ## run every fuzz target for FUZZTIME each (default 30s; FUZZTIME=60s make fuzz) and print its executions
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint: deps ## staticcheck every package (settings in staticcheck.conf)
	$(GO) run $(STATICCHECK) $(GOFLAGS_CD) ./...

bench: deps ## run the benchmarks and print their figures
	$(GO) test $(GOFLAGS_CD) -run '^$$' -bench . -benchmem ./...

bench-export: build ## export 10,000 articles: in memory (Go benchmark), then by the real binary against Hugo (Debian's hugo) in the same run; incremental and no-change times, peak memory, database size, ratios
	$(call apt_install,time hugo)
	$(GO) test $(GOFLAGS_CD) -run '^$$' -bench 'BenchmarkExport' -benchtime 1x -count 1 -timeout 20m ./export/
	./scripts/bench-export-db.sh

bench-import: build ## time the real binary importing 2,000 plain-text wire stories and 1,000 NITF files, file by file and in one transaction, then a 1,000-post Hugo archive and its export
	$(call apt_install,time)
	./scripts/bench-import.sh

bench-desk: deps pg-deps ## 200 simulated editors on a pool of 20 connections saving edits to 50 stories for 2 minutes, on a private PostgreSQL and on one SQLite file: saves/s, p50/p99, merges, clashes, lost updates
	$(GO) run $(GOFLAGS_CD) ./scripts/benchdesk -editors 200 -stories 50 -pool 20 -duration 2m

screenshots: build ## save PNGs of the main screens under docs/ (runs the real binary under Xvfb; the exported page in headless Chromium)
	$(call apt_install,$(SHOT_PKGS) chromium)
	./scripts/screenshots.sh

clean: ## remove built files
	rm -rf bin dist

crashtest: build ## type in the real window, kill -9 it two seconds later, check the words come back
	$(call apt_install,$(SHOT_PKGS))
	./scripts/crashtest.sh

crashtest-cli: build ## SIGKILL `update` and `export` at random moments, 320 kills: integrity_check after each, every acknowledged revision kept, every revision rebuilt, the site re-exported byte-identical
	./scripts/crashtest-cli.sh

uitest: build ## the keyboard in the real window (Xvfb, xdotool): Ctrl+Shift+Q, Escape, a click in the third paragraph and typing keep every paragraph
	$(call apt_install,$(SHOT_PKGS))
	./scripts/uitest.sh

startup: build ## time the real binary from exec to a usable window on 10,000 stories (under Xvfb)
	$(call apt_install,$(SHOT_PKGS))
	./scripts/startup.sh

startup-vs-git: build ## time headless commands (--version, revisions, show --rev, diff) next to git doing the same work on the same edits, interleaved, with ratios (RUNS=21)
	./scripts/startup-vs-git.sh

window-rss: build ## the real window's RSS under Xvfb before and after opening 100 stories one after another (OPENS, STORIES, SETTLE)
	$(call apt_install,$(SHOT_PKGS))
	./scripts/window-rss.sh

FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4

package: build ## build the Linux installable archive (dist/copydesk.tar.xz) with Fyne's packaging tool, from FyneApp.toml and the icon; it installs the whole program (bin/copydesk-window) as copydesk
	@# The tool bumps Build in FyneApp.toml and rewrites it; the committed file is put back afterwards.
	@# It names the package and the installed program after the executable's file name.
	rm -rf dist && mkdir -p dist/exe && cp FyneApp.toml dist/FyneApp.toml.orig && cp $(WINDOW_BIN) dist/exe/copydesk
	$(GO) run $(FYNE_TOOL) package --os linux --exe dist/exe/copydesk --name copydesk --release; \
	  status=$$?; cp dist/FyneApp.toml.orig FyneApp.toml; rm -r dist/FyneApp.toml.orig dist/exe; exit $$status
	mv copydesk.tar.xz dist/copydesk.tar.xz
	@tar -tJf dist/copydesk.tar.xz
	@echo "dist/copydesk.tar.xz: unpack it and run 'make user-install' (or 'sudo make install') inside"

bench-vs-git: build ## the same edits saved by copydesk and committed to git (200 small edits of the sample, 50 of a 10,000-word story): bytes, show --rev, diff and revisions against git gc --aggressive's pack, git show, git diff --word-diff and git log, with ratios
	$(call apt_install,git sqlite3 python3)
	./scripts/bench-vs-git.py $(BIN) assets/sample/pa-duncan-smith-china-threat.txt
