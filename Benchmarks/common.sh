# The prelude the benchmark scripts share; source it from a script in Benchmarks/:
#
#   source "$(dirname "$0")/common.sh"
#
# Leaves the shell at the repository root with hyperfine checked and a release `charter` built
# (`$charter`), strict mode on. The functions below make the repositories to measure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }
charter="$(bash Scripts/build-release.sh)"

# The machine the figures come from, for the docs.
bench_machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
}

# WORK/example (the bundled example's history) and WORK/large (a generated workspace of
# PROGRAMS programs, committed once so git-reading commands have a HEAD).
bench_workspaces() {
  local work=$1 programs=$2
  rm -rf "$work" && mkdir -p "$work"
  bash examples/build-history.sh "$work/example" >/dev/null
  python3 Benchmarks/generate.py workspace "$work/large" --programs "$programs" >&2
  git -C "$work/large" init -q && git -C "$work/large" add -A \
    && git -C "$work/large" -c user.name=bench -c user.email=bench@example.com commit -qm "generated workspace"
}

# A generated history in WORK: COMMITS commits, about PLAN_COMMITS touching the plans of
# PROGRAMS programs. Leaves the shell in WORK.
bench_history() {
  local work=$1 commits=$2 plans=$3 programs=$4
  rm -rf "$work"
  python3 Benchmarks/generate.py history "$work" --programs "$programs" --commits "$commits" --plan-commits "$plans" >&2
  cd "$work"
  echo "history: $(git rev-list --count HEAD) commits, $(git log --format=%H -- programs/ | wc -l) touching programs/"
}
