#!/usr/bin/env bash
# Benchmarks the history index (docs/history-index.md) on a history shaped like a real planning
# repository: 1,500 commits that all touch plans, 20 programs of about 50 milestones whose dates
# move, beside `git log --format=%H -- programs/` on the same repository in the same run.
# Cold: `--no-cache`. Warm: after `charter cache build`. Incremental: one new plan commit before
# each run, so each run indexes exactly one commit. Then CPU time and peak RSS of each command
# (/usr/bin/time -v), for a shared machine where wall time is disturbed.
# Usage: Benchmarks/history-index.sh [WORKDIR]   (needs hyperfine)
source "$(dirname "$0")/common.sh"
work="${1:-/tmp/charter-history-index-bench}"
bench_machine
rm -rf "$work"
python3 Benchmarks/generate.py history "$work" --programs 20 --commits 1500 --milestones 50 >&2
cd "$work"
git config user.name bench; git config user.email bench@example.com
blobs=$(git rev-list --objects --all -- programs | git cat-file --batch-check='%(objecttype) %(objectsize) %(rest)' \
  | awk '$1 == "blob" && $3 ~ /^programs\// {n++; s += $2} END {printf "%d distinct plan blobs, %.1f MB", n, s / 1e6}')
echo "history: $(git rev-list --count HEAD) commits, $(git log --format=%H -- programs/ | wc -l) touching programs/, $blobs"
milestone=$(CHARTER_NO_CACHE=1 "$charter" slips --top 1 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["milestones"][0]["milestone"])')
echo "history of $milestone"

echo "== cold (no index)"
hyperfine -N --warmup 1 --min-runs 5 \
  "$charter changes --format json --no-cache" \
  "$charter slips --no-cache" \
  "git log --format=%H -- programs/"

"$charter" cache build >/dev/null
"$charter" cache status
echo "== warm"
hyperfine -N --warmup 2 --min-runs 10 \
  "$charter slips" \
  "$charter history $milestone" \
  "$charter changes --format json" \
  "$charter changes --ids" \
  "git log --format=%H -- programs/"

echo "== incremental: one new plan commit before each run"
file=$(git ls-files 'programs/*/risks.yaml' | sed -n 1p)
hyperfine -N --min-runs 10 \
  --prepare "sh -c 'echo \"# bench \$\$\" >> $file && git commit -qam bench'" \
  "$charter changes --format json"

echo "== CPU time and peak RSS (one run each)"
measure() {
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak RSS: $*" "$@" >/dev/null
}
measure "$charter" changes --format json --no-cache
measure "$charter" slips --no-cache
measure "$charter" slips
measure "$charter" history "$milestone"
measure "$charter" changes --format json
measure git log --format=%H -- programs/
