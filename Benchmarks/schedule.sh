#!/usr/bin/env bash
# Benchmarks `charter schedule` (release build) on the bundled example and on a generated
# workspace of N programs, beside `charter validate` on the same workspace (same loading).
# Needs hyperfine. Usage: Benchmarks/schedule.sh [PROGRAMS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
programs="${1:-1000}"
work="${2:-/tmp/charter-bench-schedule}"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }

swift build -c release --static-swift-stdlib --product charter >&2
charter="$PWD/.build/release/charter"
rm -rf "$work" && mkdir -p "$work"
bash examples/build-history.sh "$work/example" >/dev/null
python3 Benchmarks/generate.py workspace "$work/large" --programs "$programs" >&2

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
for name in example large; do
  cd "$work/$name"
  hyperfine --warmup 2 --min-runs 10 -N \
    "$charter validate --as-of 2026-04-27" \
    "$charter schedule --as-of 2026-04-27" \
    "$charter schedule --as-of 2026-04-27 --format json"
done
