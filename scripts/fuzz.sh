#!/usr/bin/env bash
# fuzz.sh runs every fuzz target in the module for FUZZTIME each (default
# 30s) and prints the executions each made. A target that finds a crash
# fails the run; Go writes the input under the package's testdata/fuzz/, and
# committing it keeps it in every `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-30s}
TAGS=${TAGS:-sqlite_fts5}
summary=()
status=0
while IFS= read -r line; do
	file=${line%%:*}
	target=$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*).*/\1/' <<<"${line#*:}")
	pkg=./$(dirname "$file")
	echo "== $pkg $target ($FUZZTIME)"
	log=$(mktemp)
	if go test -tags "$TAGS" -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" -parallel "${FUZZPARALLEL:-1}" "$pkg" >"$log" 2>&1; then
		result=ok
	else
		result=FAIL
		status=1
		cat "$log"
	fi
	execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
	summary+=("$(printf '%-4s %-22s %-30s %12s execs' "$result" "$pkg" "$target" "$execs")")
	rm -f "$log"
done < <(grep -rHE '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' --include='*_test.go' --exclude-dir=third_party --exclude-dir=bin . | sed 's#^\./##' | sort)
printf '%s\n' "${summary[@]}"
exit $status
