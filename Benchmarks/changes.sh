#!/usr/bin/env bash
# Benchmarks the change log on a generated history: M commits (about K touching plans) over N
# programs, beside `git log --format=%H -- programs/` on the same repository in the same run.
# Usage: Benchmarks/changes.sh [COMMITS] [PLAN-COMMITS] [PROGRAMS] [WORKDIR]   (needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
commits="${1:-10000}"; plans="${2:-400}"; programs="${3:-200}"; work="${4:-/tmp/charter-changes-bench}"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }
swift build -c release --static-swift-stdlib --product charter >&2
charter="$PWD/.build/release/charter"
rm -rf "$work"
python3 Benchmarks/generate.py history "$work" --programs "$programs" --commits "$commits" --plan-commits "$plans" >&2
cd "$work"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "history: $(git rev-list --count HEAD) commits, $(git log --format=%H -- programs/ | wc -l) touching programs/"
hyperfine -N --warmup 2 --min-runs 10 \
  "$charter changes --ids --all-commits" \
  "git log --format=%H -- programs/"
hyperfine -N -i --warmup 1 --min-runs 5 \
  "$charter changes --format json" \
  "$charter check $(git rev-list --max-parents=0 HEAD)..HEAD"
