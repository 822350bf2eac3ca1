#!/usr/bin/env bash
# Benchmarks `charter validate` (release build) on the bundled example and on a generated
# workspace of N programs, beside `git status` on the same repositories. Needs hyperfine
# (Debian: apt-get install hyperfine). Usage: Benchmarks/validate.sh [PROGRAMS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
programs="${1:-1000}"
work="${2:-/tmp/charter-bench}"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }

swift build -c release --static-swift-stdlib --product charter >&2
charter="$PWD/.build/release/charter"
rm -rf "$work" && mkdir -p "$work"
bash examples/build-history.sh "$work/example" >/dev/null
python3 Benchmarks/generate.py workspace "$work/large" --programs "$programs" >&2
git -C "$work/large" init -q && git -C "$work/large" add -A \
  && git -C "$work/large" -c user.name=bench -c user.email=bench@example.com commit -qm "generated workspace"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
for name in example large; do
  cd "$work/$name"
  hyperfine --warmup 3 --min-runs 10 -N \
    "$charter validate --as-of 2026-04-27" \
    "$charter validate --staged --as-of 2026-04-27" \
    "$charter validate --rev HEAD" \
    "git status --porcelain"
done
