#!/usr/bin/env bash
# Benchmarks `charter schedule` (release build) on the bundled example and on a generated
# workspace of N programs, beside `charter validate` on the same workspace (same loading).
# Needs hyperfine. Usage: Benchmarks/schedule.sh [PROGRAMS] [WORKDIR]
source "$(dirname "$0")/common.sh"
programs="${1:-1000}"
work="${2:-/tmp/charter-bench-schedule}"
bench_workspaces "$work" "$programs"

bench_machine
for name in example large; do
  cd "$work/$name"
  hyperfine --warmup 2 --min-runs 10 -N \
    "$charter validate --as-of 2026-04-27" \
    "$charter schedule --as-of 2026-04-27" \
    "$charter schedule --as-of 2026-04-27 --format json"
done
