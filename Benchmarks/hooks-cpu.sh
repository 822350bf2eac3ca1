#!/usr/bin/env bash
# What charter's pre-commit + commit-msg hooks add to `git commit` on the bundled example, in
# CPU time (user + system of git and every process it starts, `perf stat -e task-clock`),
# which a shared machine disturbs far less than wall time. Many commits in a loop, the commit
# with hooks and with --no-verify alternated; prints medians. Two kinds of commit: a one-line
# change to a plan file, and one to NOTES.md (no plan file: the hooks must not start charter).
# Usage: Benchmarks/hooks-cpu.sh [COMMITS] [WORKDIR]   (needs perf: apt-get install linux-perf)
# CHARTER=/path/to/charter measures that binary instead of building the release one.
# BEFORE=/path/to/other/charter measures that binary too, with the hooks it installs, in a
# second copy of the example, commit for commit alternated with CHARTER's: a before/after
# comparison that the machine's load disturbs alike.
commits="${1:-40}"
work="${2:-/tmp/charter-hooks-cpu}"
command -v perf >/dev/null || { echo "perf is needed: apt-get install linux-perf" >&2; exit 2; }
source "$(dirname "$0")/hooks-common.sh"
# Each binary commits in its own copy of the example, with the hooks it installs itself.
binaries=("$CHARTER")
[ -n "${BEFORE:-}" ] && binaries+=("$BEFORE")
for index in "${!binaries[@]}"; do
  git clone -q "$work/example" "$work/repo$index"
  (cd "$work/repo$index" && CHARTER="${binaries[$index]}" "${binaries[$index]}" hooks install pre-commit commit-msg >/dev/null)
  echo "repo$index: ${binaries[$index]} ($("${binaries[$index]}" --version))"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

# CPU milliseconds of one command (with its children), after staging a one-line change to FILE.
cpu_ms() {
  local file=$1; shift
  echo "# bench $RANDOM" >> "$file" && git add "$file"
  perf stat -x, -e task-clock -o "$work/stat" "$@" >/dev/null 2>&1
  awk -F, '/task-clock/ {print $1}' "$work/stat"
}

median() { sort -n | awk '{v[NR]=$1} END {printf "%.2f", (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

plan=$(git -C "$work/example" ls-files 'programs/*/risks.yaml' | sed -n 1p)
for case in "$plan" NOTES.md; do
  for index in "${!binaries[@]}"; do : > "$work/with$index"; : > "$work/without$index"; done
  for _ in $(seq "$commits"); do
    for index in "${!binaries[@]}"; do
      cd "$work/repo$index"
      export CHARTER="${binaries[$index]}"
      cpu_ms "$case" git commit -q -m bench >> "$work/with$index"
      cpu_ms "$case" git commit -q --no-verify -m bench >> "$work/without$index"
    done
  done
  for index in "${!binaries[@]}"; do
    with=$(median < "$work/with$index"); without=$(median < "$work/without$index")
    echo "repo$index, $case: git commit $with ms CPU, --no-verify $without ms CPU, added by the hooks $(echo "$with - $without" | bc) ms (median of $commits each)"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
