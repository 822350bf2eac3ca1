#!/usr/bin/env bash
# Benchmarks the change log on a generated history: M commits (about K touching plans) over N
# programs, beside `git log --format=%H -- programs/` on the same repository in the same run.
# Usage: Benchmarks/changes.sh [COMMITS] [PLAN-COMMITS] [PROGRAMS] [WORKDIR]   (needs hyperfine)
source "$(dirname "$0")/common.sh"
commits="${1:-10000}"; plans="${2:-400}"; programs="${3:-200}"; work="${4:-/tmp/charter-changes-bench}"
bench_machine
bench_history "$work" "$commits" "$plans" "$programs"
hyperfine -N --warmup 2 --min-runs 10 \
  "$charter changes --ids --all-commits" \
  "git log --format=%H -- programs/"
hyperfine -N -i --warmup 1 --min-runs 5 \
  "$charter changes --format json" \
  "$charter check $(git rev-list --max-parents=0 HEAD)..HEAD"
