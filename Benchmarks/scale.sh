#!/usr/bin/env bash
# The 10,000-program figures of docs/performance.md ("Scale: 10,000 programs"): time and peak
# memory of `charter validate` (worktree and --rev HEAD) on a generated workspace of N programs,
# and of `charter changes --format json` over a generated history of the same size.
# Needs GNU time (/usr/bin/time, Debian: apt-get install time); not hyperfine, since what is
# measured is peak resident memory as much as time.
#
# Usage: Benchmarks/scale.sh [PROGRAMS] [COMMITS] [PLAN-COMMITS] [WORKDIR] [RUNS]
#   defaults: 10000 programs; a history of 1000 commits, about 400 touching plans; /tmp/charter-scale; 3 runs
# Generated repositories are kept in WORKDIR and reused when they exist (generating 10,000
# programs takes minutes); delete WORKDIR to start afresh. CHARTER=path measures another binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
programs="${1:-10000}"; commits="${2:-1000}"; plans="${3:-400}"; work="${4:-/tmp/charter-scale}"; runs="${5:-3}"
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }
if [ -z "${CHARTER:-}" ]; then
  CHARTER="$(bash Scripts/build-release.sh)"
fi

workspace="$work/workspace-$programs"
history="$work/history-$programs-$commits-$plans"
mkdir -p "$work"
if [ ! -d "$workspace/.git" ]; then
  rm -rf "$workspace"
  python3 Benchmarks/generate.py workspace "$workspace" --programs "$programs" >&2
  git -C "$workspace" init -q && git -C "$workspace" add -A \
    && git -C "$workspace" -c user.name=bench -c user.email=bench@example.com commit -qm "generated workspace"
fi
if [ ! -d "$history/.git" ]; then
  rm -rf "$history"
  python3 Benchmarks/generate.py history "$history" --programs "$programs" --commits "$commits" --plan-commits "$plans" >&2
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workspace: $programs programs, $(du -sh --exclude=.git "$workspace" | cut -f1) of YAML, $(grep -c '^  - id:' "$workspace"/programs/*/milestones.yaml | awk -F: '{s+=$2} END {print s}') milestones"
echo "history: $(git -C "$history" rev-list --count HEAD) commits, $(git -C "$history" log --format=%H -- programs/ | wc -l) touching programs/"
printf '%-34s %8s %8s %8s %10s %5s\n' command "wall s" "user s" "sys s" "peak MB" exit

# Runs a command RUNS times in DIR and prints wall, user and system time and peak RSS of each run.
measure() {
  local dir=$1 label=$2; shift 2
  for _ in $(seq "$runs"); do
    local status=0
    (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>&1) || status=$?
    read -r wall user sys kb < <(tail -1 "$work/time.txt")
    printf '%-34s %8s %8s %8s %10d %5s\n' "$label" "$wall" "$user" "$sys" $((kb / 1024)) "$status"
  done
}

measure "$workspace" "validate" "$CHARTER" validate --as-of 2026-04-27
measure "$workspace" "validate --rev HEAD" "$CHARTER" validate --rev HEAD --as-of 2026-04-27
measure "$history" "changes --format json" "$CHARTER" changes --format json
