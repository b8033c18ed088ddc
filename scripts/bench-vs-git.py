#!/usr/bin/env python3
"""make bench-vs-git: the same edits saved by copydesk and committed to git.

Two histories, each made twice from the same edits: 200 small edits of the
wire sample story, and 50 edits of a 10,000-word story. Each edit is saved
with `copydesk update` and the same file (less its `revision:` line, which
git needs no help with) is committed to a git repository, which is then
packed with `git gc --aggressive`. Printed side by side, with ratios:

- bytes: the pages the revisions use in SQLite (dbstat: page bytes less the
  unused, for the revisions table and its document numbers) against the
  size of git's pack;
- the start of each program with no work (`copydesk help`, `git --version`),
  which the commands' times include;
- times of `show --rev N` against `git show REV:story.md`, `diff A B`
  against `git diff --word-diff`, and `revisions` against `git log`, each
  the median of interleaved runs of the real binaries (absolute times are
  noisy on a shared machine; the ratios are what to read).

Usage: bench-vs-git.py BIN SAMPLE
"""

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 15


def run(*args, cwd=None, env=None, capture=True):
    p = subprocess.run(args, cwd=cwd, env=env, capture_output=capture, text=True)
    if p.returncode != 0:
        sys.exit(f"bench-vs-git: {' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def split_md(md):
    """Front matter and body of a `show --format md` file."""
    m = re.match(r"(---\n.*?\n---\n)(.*)", md, re.S)
    if not m:
        sys.exit("bench-vs-git: show --format md printed no front matter")
    return m.group(1), m.group(2)


def small_edit(rng, body, vocab):
    """Replace, insert or delete a word or two somewhere in the body."""
    spans = [m.span() for m in re.finditer(r"[A-Za-z’']+", body)]
    a, b = spans[rng.randrange(len(spans))]
    choice = rng.random()
    if choice < 0.5:
        return body[:a] + rng.choice(vocab) + body[b:]
    if choice < 0.8:
        return body[:a] + " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 3))) + " " + body[a:]
    return body[:a] + body[b:].lstrip(" ")


class History:
    """One story saved by copydesk and committed to git, edit by edit."""

    def __init__(self, root, name, binary):
        self.dir = os.path.join(root, name)
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "copydesk.db")
        self.repo = os.path.join(self.dir, "git")
        self.bin = binary
        self.env = dict(os.environ, COPYDESK_AUTHOR="bench", GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
                        GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org", GIT_PAGER="cat", PAGER="cat")
        self.commits = []
        self.full = 0
        run("git", "init", "-q", self.repo, env=self.env)

    def cd(self, *args):
        return run(self.bin, "--db", self.db, *args, env=self.env)

    def start(self, path):
        out = self.cd("import", path)
        self.id = out.split("\t", 1)[0].strip()
        self.commit(self.cd("show", self.id, "--format", "md"), "import")

    def commit(self, md, note):
        text = re.sub(r"(?m)^revision: \d+\n", "", md)
        with open(os.path.join(self.repo, "story.md"), "w") as f:
            f.write(text)
        self.full += len(text.encode())
        run("git", "add", "story.md", cwd=self.repo, env=self.env)
        run("git", "commit", "-q", "-m", note, cwd=self.repo, env=self.env)
        self.commits.append(run("git", "rev-parse", "HEAD", cwd=self.repo, env=self.env).strip())

    def edit(self, rng, vocab, n):
        md = self.cd("show", self.id, "--format", "md")
        head, body = split_md(md)
        for _ in range(n):
            before = body
            while body == before:
                body = small_edit(rng, before, vocab)
        md = head + body
        path = os.path.join(self.dir, "edit.md")
        with open(path, "w") as f:
            f.write(md)
        note = f"edit {len(self.commits)}"
        self.cd("update", self.id, path, "--note", note)
        self.commit(md, note)

    def sizes(self):
        run("git", "gc", "-q", "--aggressive", "--prune=now", cwd=self.repo, env=self.env)
        pack = os.path.join(self.repo, ".git", "objects", "pack")
        git = sum(os.path.getsize(os.path.join(pack, f)) for f in os.listdir(pack) if f.endswith(".pack"))
        used = run("sqlite3", self.db, "SELECT sum(pgsize - unused), sum(payload) FROM dbstat "
                   "WHERE name IN ('revisions', 'revision_docs', 'sqlite_autoindex_revision_docs_1')").strip().split("|")
        return int(used[0]), int(used[1]), git

    def timings(self, rng):
        n = len(self.commits)
        cases = {"show --rev N": [], "git show": [], "diff A B": [], "git diff --word-diff": [],
                 "revisions": [], "git log": [], "help": [], "git --version": []}

        def timed(key, *args, cwd=None):
            t = time.perf_counter()
            run(*args, cwd=cwd, env=self.env)
            cases[key].append(time.perf_counter() - t)

        for _ in range(RUNS):
            rev = rng.randint(1, n)
            a = rng.randint(1, n - 1)
            b = rng.randint(a + 1, n)
            timed("show --rev N", self.bin, "--db", self.db, "show", self.id, "--rev", str(rev))
            timed("git show", "git", "show", f"{self.commits[rev - 1]}:story.md", cwd=self.repo)
            timed("diff A B", self.bin, "--db", self.db, "diff", self.id, str(a), str(b))
            timed("git diff --word-diff", "git", "diff", "--word-diff", self.commits[a - 1], self.commits[b - 1], cwd=self.repo)
            timed("revisions", self.bin, "--db", self.db, "revisions", self.id)
            timed("git log", "git", "log", cwd=self.repo)
            timed("help", self.bin, "help")
            timed("git --version", "git", "--version")
        return {k: statistics.median(v) * 1000 for k, v in cases.items()}


def long_story(rng, vocab, words):
    paras, count = [], 0
    while count < words:
        n = min(rng.randint(40, 90), words - count)
        sentence = " ".join(rng.choice(vocab) for _ in range(n))
        paras.append(sentence[0].upper() + sentence[1:] + ".")
        count += n
    return ("---\ntitle: A long read on the China threat\nauthor: Bench Reporter\nsection: politics\n---\n\n"
            + "\n\n".join(paras) + "\n")


def report(name, h, rng, edits):
    used, payload, git = h.sizes()
    t = h.timings(rng)
    print(f"\n{name}: {len(h.commits)} revisions ({edits}), {h.full:,} bytes as full copies")
    print(f"  {'measure':<34} {'copydesk':>12} {'git':>12} {'copydesk/git':>13}")
    print(f"  {'bytes (SQLite pages used / pack)':<34} {used:>12,} {git:>12,} {used / git:>13.2f}")
    print(f"  {'  (revision rows payload)':<34} {payload:>12,}")
    for ours, theirs in (("show --rev N", "git show"), ("diff A B", "git diff --word-diff"), ("revisions", "git log")):
        label = f"{ours} / {theirs}, ms"
        print(f"  {label:<34} {t[ours]:>12.1f} {t[theirs]:>12.1f} {t[ours] / t[theirs]:>13.2f}")
    label = "start: help / git --version, ms"
    print(f"  {label:<34} {t['help']:>12.1f} {t['git --version']:>12.1f} {t['help'] / t['git --version']:>13.2f}")
    return used <= git, all(t[o] <= 2 * t[g] for o, g in (("show --rev N", "git show"), ("diff A B", "git diff --word-diff"), ("revisions", "git log")))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, sample = os.path.abspath(sys.argv[1]), sys.argv[2]
    for tool in ("git", "sqlite3"):
        if shutil.which(tool) is None:
            sys.exit(f"bench-vs-git: {tool} is not installed (the Makefile target installs it)")
    rng = random.Random(16)
    with open(sample, encoding="utf-8") as f:
        vocab = sorted(set(re.findall(r"[A-Za-z]+", f.read())))
    root = tempfile.mkdtemp(prefix="bench-vs-git-")
    try:
        print(f"bench-vs-git: {run('git', '--version').strip()}; copydesk {binary}; medians of {RUNS} interleaved runs")
        results = []
        h = History(root, "sample", binary)
        h.start(sample)
        for _ in range(200):
            h.edit(rng, vocab, 1)
        results.append(report("200 small edits of the wire sample", h, rng, "one word changed, added or cut each"))

        long = os.path.join(root, "long.md")
        with open(long, "w") as f:
            f.write(long_story(rng, vocab, 10000))
        h = History(root, "long", binary)
        h.start(long)
        for _ in range(50):
            h.edit(rng, vocab, 3)
        results.append(report("50 edits of a 10,000-word story", h, rng, "three words changed, added or cut each"))
        print()
        print("bytes ≤ git's pack on both:", "met" if all(r[0] for r in results) else "NOT met")
        print("show --rev, diff, revisions within 2× git's time on both:", "met" if all(r[1] for r in results) else "NOT met")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
