#!/usr/bin/env bash
# Wall time that pre-commit + commit-msg add to `git commit` on the bundled example (hyperfine, with
# user + system CPU), for two kinds of commit: a change to NOTES.md only (no plan file: the hooks
# must not start charter) and a one-line change to a plan file. Each copy of the example has its own
# hooks and `git commit` alternates with `git commit --no-verify` in it; rounds go copy by copy, so
# a before/after pair sees about the same load. Also measured, on the NOTES.md commit: the floors,
# a pre-commit that only runs the `git diff-index` charter's asks (with a commit-msg that exits), and
# two hooks that only `exit 0`.
# Usage: Benchmarks/hooks-wall.sh [RUNS] [ROUNDS] [WORKDIR]   (needs hyperfine)
# CHARTER=/path/to/charter measures that binary's hooks instead of building the release one;
# BEFORE=/path/to/other/charter adds a copy with the hooks that binary installs.
runs="${1:-40}" rounds="${2:-3}" work="${3:-/tmp/charter-hooks-wall}"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }
source "$(dirname "$0")/hooks-common.sh"
declare -A binary=([after]="$CHARTER" [floor]="$CHARTER" [exit0]="$CHARTER")
copies=(after floor exit0)
if [ -n "${BEFORE:-}" ]; then binary[before]="$BEFORE"; copies=(before after floor exit0); fi
for copy in "${copies[@]}"; do
  git clone -q "$work/example" "$work/$copy"
  hooks="$work/$copy/.git/hooks"
  case $copy in
    before|after) (cd "$work/$copy" && CHARTER="${binary[$copy]}" "${binary[$copy]}" hooks install pre-commit commit-msg >/dev/null) ;;
    floor) printf '#!/bin/sh\ngit diff-index --cached --quiet HEAD -- programs charter.yaml people.yaml 2>/dev/null\nexit 0\n' > "$hooks/pre-commit"
           printf '#!/bin/sh\nexit 0\n' > "$hooks/commit-msg" ;;
    exit0) printf '#!/bin/sh\nexit 0\n' > "$hooks/pre-commit"; cp "$hooks/pre-commit" "$hooks/commit-msg" ;;
  esac
  chmod 755 "$hooks/pre-commit" "$hooks/commit-msg"
  echo "$copy: ${binary[$copy]} ($("${binary[$copy]}" --version))"
done
plan=$(git -C "$work/example" ls-files 'programs/*/risks.yaml' | sed -n 1p)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for round in $(seq "$rounds"); do
  for file in NOTES.md "$plan"; do
    for copy in "${copies[@]}"; do
      [ "$file" = NOTES.md ] || [ "$copy" = before ] || [ "$copy" = after ] || continue
      cd "$work/$copy"
      export CHARTER="${binary[$copy]}"
      hyperfine -N --warmup 3 --runs "$runs" --prepare "sh -c 'echo \"# bench \$\$\" >> $file && git add $file'" \
        --export-json "$work/result.json" "git commit -q -m bench" "git commit -q --no-verify -m bench" >/dev/null
      python3 - "$work/result.json" "$round" "$file" "$copy" <<'PY'
import json, sys
hooks, plain = json.load(open(sys.argv[1]))["results"]
ms = lambda seconds: seconds * 1000
cpu = lambda result: ms(result["user"] + result["system"])
print(f"round {sys.argv[2]}, {sys.argv[3]}, {sys.argv[4]}: git commit {ms(hooks['mean']):.2f} ms mean / {ms(hooks['median']):.2f} median,"
      f" --no-verify {ms(plain['mean']):.2f} / {ms(plain['median']):.2f}; added {ms(hooks['mean'] - plain['mean']):.2f} ms mean,"
      f" {ms(hooks['median'] - plain['median']):.2f} median, {cpu(hooks) - cpu(plain):.2f} ms CPU")
PY
    done
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
