#!/usr/bin/env bash
# Benchmarks `charter validate` (release build) on the bundled example and on a generated
# workspace of N programs, beside `git status` on the same repositories. Needs hyperfine
# (Debian: apt-get install hyperfine). Usage: Benchmarks/validate.sh [PROGRAMS] [WORKDIR]
source "$(dirname "$0")/common.sh"
programs="${1:-1000}"
work="${2:-/tmp/charter-bench}"
bench_workspaces "$work" "$programs"

bench_machine
for name in example large; do
  cd "$work/$name"
  hyperfine --warmup 3 --min-runs 10 -N \
    "$charter validate --as-of 2026-04-27" \
    "$charter validate --staged --as-of 2026-04-27" \
    "$charter validate --rev HEAD" \
    "git status --porcelain"
done
