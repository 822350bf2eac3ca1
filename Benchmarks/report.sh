#!/usr/bin/env bash
# Benchmarks `charter report` on a generated history over N programs (HTML and markdown),
# with and without a baseline tag.
# Usage: Benchmarks/report.sh [PROGRAMS] [COMMITS] [WORKDIR]   (needs hyperfine)
source "$(dirname "$0")/common.sh"
programs="${1:-200}"; commits="${2:-1000}"; work="${3:-/tmp/charter-report-bench}"
bench_machine
rm -rf "$work"
python3 Benchmarks/generate.py history "$work" --programs "$programs" --commits "$commits" >&2
cd "$work"
# Five rounds of KPI measurements in every program (the generator writes no kpis.yaml), so the
# report also walks the KPI history.
for round in 1 2 3 4 5; do
  for folder in programs/*/; do
    printf 'kpis:\n  - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 500, target: 300, current: %d, as_of: 2026-0%d-01 }\n  - { id: K2, name: Uptime, unit: "%%", baseline: 99, target: 99.9, current: 99.%d, as_of: 2026-0%d-01 }\n' \
      $((500 - round * 20)) "$round" "$round" "$round" > "$folder/kpis.yaml"
  done
  git add -A programs && git -c user.name=Bench -c user.email=bench@example.com commit -qm "Measure KPIs (round $round)"
done
echo "history: $(git rev-list --count HEAD) commits over $programs programs"
hyperfine -N --warmup 1 --min-runs 5 \
  "$charter report --out /tmp/charter-report-bench.html" \
  "$charter report --format markdown --out /tmp/charter-report-bench.md"
git tag -a charter/baseline/bench -m "bench baseline" "$(git rev-list HEAD | sed -n 100p)"
hyperfine -N --warmup 1 --min-runs 5 \
  "$charter report --out /tmp/charter-report-bench.html" \
  "$charter report --since HEAD~50 --out /tmp/charter-report-bench.html"
ls -la /tmp/charter-report-bench.html /tmp/charter-report-bench.md
