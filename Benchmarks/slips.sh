#!/usr/bin/env bash
# Benchmarks the slip ledger on a generated history: M commits (about K touching plans) over N
# programs. `charter slips` and `charter history` reuse the change log's one walk, so they are
# timed beside `charter changes --format json` and `git log --format=%H -- programs/` on the same
# repository in the same run.
# Usage: Benchmarks/slips.sh [COMMITS] [PLAN-COMMITS] [PROGRAMS] [WORKDIR]   (needs hyperfine)
source "$(dirname "$0")/common.sh"
commits="${1:-10000}"; plans="${2:-400}"; programs="${3:-200}"; work="${4:-/tmp/charter-slips-bench}"
bench_machine
bench_history "$work" "$commits" "$plans" "$programs"
# The milestone that slipped most: what a director would ask `charter history` about.
milestone=$("$charter" slips --top 1 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["milestones"][0]["milestone"])')
echo "history of $milestone"
hyperfine -N --warmup 1 --min-runs 5 \
  "$charter slips" \
  "$charter history $milestone" \
  "$charter changes --format json" \
  "git log --format=%H -- programs/"
