#!/usr/bin/env bash
# Benchmarks `charter report` on a generated history over N programs (HTML and markdown),
# with and without a baseline tag.
# Usage: Benchmarks/report.sh [PROGRAMS] [COMMITS] [WORKDIR]   (needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
programs="${1:-200}"; commits="${2:-1000}"; work="${3:-/tmp/charter-report-bench}"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }
swift build -c release --static-swift-stdlib --product charter >&2
charter="$PWD/.build/release/charter"
rm -rf "$work"
python3 Benchmarks/generate.py history "$work" --programs "$programs" --commits "$commits" >&2
cd "$work"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "history: $(git rev-list --count HEAD) commits over $programs programs"
hyperfine -N --warmup 1 --min-runs 5 \
  "$charter report --out /tmp/charter-report-bench.html" \
  "$charter report --format markdown --out /tmp/charter-report-bench.md"
git tag -a charter/baseline/bench -m "bench baseline" "$(git rev-list HEAD | sed -n 100p)"
hyperfine -N --warmup 1 --min-runs 5 \
  "$charter report --out /tmp/charter-report-bench.html" \
  "$charter report --since HEAD~50 --out /tmp/charter-report-bench.html"
ls -la /tmp/charter-report-bench.html /tmp/charter-report-bench.md
