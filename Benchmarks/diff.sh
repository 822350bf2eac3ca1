#!/usr/bin/env bash
# Benchmarks `charter diff` (release build) on the bundled example history and on a generated
# history of N programs, beside `git diff --stat` on the same revisions. Needs hyperfine
# (Debian: apt-get install hyperfine).
#
#   Benchmarks/diff.sh [PROGRAMS] [WORKDIR]
#
# Builds with `swift build -c release --scratch-path .build-diff` unless CHARTER names a binary.
set -euo pipefail
cd "$(dirname "$0")/.."
programs="${1:-1000}"
work="${2:-/tmp/charter-diff-bench}"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }

if [[ -z ${CHARTER:-} ]]; then
  swift build -c release --scratch-path .build-diff --product charter >&2
  CHARTER="$PWD/.build-diff/release/charter"
fi
rm -rf "$work" && mkdir -p "$work"
bash examples/build-history.sh "$work/example" >/dev/null
python3 Benchmarks/generate.py history "$work/large" --programs "$programs" --commits 50 >&2

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "charter: $CHARTER"

cd "$work/example"
hyperfine --warmup 3 --min-runs 20 -N \
  "$CHARTER diff 7ab9dfa^!" \
  "$CHARTER diff abb82bf~1 abb82bf --format markdown" \
  "$CHARTER diff 267c387 HEAD --format json" \
  "$CHARTER diff" \
  "git diff --stat 267c387 HEAD"

cd "$work/large"
root=$(git rev-list --max-parents=0 HEAD)
second=$(git rev-list --reverse HEAD | sed -n 2p)  # sed reads everything: no SIGPIPE under pipefail
# A worktree edit: slip one milestone of the first program by a week.
first_program=$(cd programs && for folder in */; do echo "${folder%/}"; break; done)
hyperfine --warmup 2 --min-runs 10 -N \
  "$CHARTER diff HEAD~1 HEAD" \
  "$CHARTER diff HEAD~10 HEAD" \
  "$CHARTER diff $second HEAD" \
  "$CHARTER diff $second HEAD --format markdown" \
  "$CHARTER diff $root^!" \
  "$CHARTER diff" \
  "$CHARTER diff --staged" \
  "git diff --stat $second HEAD"
hyperfine --runs 3 -N "$CHARTER diff --no-incremental HEAD~1 HEAD"
echo "worktree with one program edited (programs/$first_program):"
sed -i '0,/date: 2026-/s/date: 2026-/date: 2027-/' "programs/$first_program/milestones.yaml"
hyperfine --warmup 2 --min-runs 10 -N "$CHARTER diff"
git checkout -q -- programs
