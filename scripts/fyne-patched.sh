#!/usr/bin/env bash
# Prepares the Go workspace (bin/go.work) that builds copydesk against Fyne
# with the patches in third_party/fyne applied: a copy of the Fyne module
# from the module cache in bin/, patched. The Makefile sets
# GOWORK to it for every target; a plain `go build` uses Fyne unpatched.
# Fails, naming the version, when go.mod no longer requires the one the
# patch was made for: the patch must then be redone or dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
want=v2.7.1
have=$(GOWORK=off go list -m -f '{{.Version}}' fyne.io/fyne/v2)
if [ "$have" != "$want" ]; then
  echo "fyne-patched: third_party/fyne patches fyne.io/fyne/v2 $want, but go.mod requires $have; redo or drop the patch" >&2
  exit 1
fi
# On a new machine the module cache is empty: fetch Fyne before asking where it is.
GOWORK=off go mod download fyne.io/fyne/v2
src=$(GOWORK=off go list -m -f '{{.Dir}}' fyne.io/fyne/v2)
[ -n "$src" ] && [ -d "$src" ] || { echo "fyne-patched: fyne.io/fyne/v2 $want is not in the module cache" >&2; exit 1; }
dst=bin/fyne-$want
if [ ! -f "$dst/go.mod" ]; then
  rm -rf "$dst" && mkdir -p bin
  cp -r "$src" "$dst.tmp" && chmod -R u+w "$dst.tmp" && mv "$dst.tmp" "$dst"
fi
for p in third_party/fyne/*.patch; do
  f=$(sed -n 's|^+++ b/||p' "$p" | head -1)
  cp "$src/$f" "$dst/$f" # from the original each time, so the patch applies once
  patch --quiet -p1 -d "$dst" < "$p"
done
goversion=$(sed -n 's/^go //p' go.mod)
cat > bin/go.work <<WORK
go $goversion

use ..

replace fyne.io/fyne/v2 $want => ./fyne-$want
WORK
