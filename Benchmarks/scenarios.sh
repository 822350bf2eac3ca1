#!/usr/bin/env bash
# Benchmarks `charter scenarios` (release build): 50 open branches over a generated workspace
# of 200 programs, each branch touching 1–3 programs (renaming a milestone, adding a risk,
# trimming a budget line), checked alone, in pairs that touch a common program, and as a queue.
#
#   Benchmarks/scenarios.sh [PROGRAMS] [BRANCHES] [WORKDIR]
#
# Builds with `swift build -c release` unless CHARTER names a binary. Needs GNU time
# (/usr/bin/time) for CPU time and peak memory; uses hyperfine when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
programs="${1:-200}"
branches="${2:-50}"
work="${3:-/tmp/charter-scenarios-bench}"

if [[ -z ${CHARTER:-} ]]; then
  swift build -c release --product charter >&2
  CHARTER="$PWD/.build/release/charter"
fi
rm -rf "$work"
python3 Benchmarks/generate.py workspace "$work" --programs "$programs" >&2
cd "$work"
git init -q -b main && git add -A
git -c user.name=bench -c user.email=bench@example.com commit -qm "generated workspace"

# Each branch: 1–3 programs chosen with a fixed seed, one edit in each. Two branches that pick
# the same program may edit the same lines (a text conflict) or not (a clean merge to check).
python3 - "$branches" <<'PY'
import os, random, re, subprocess, sys
count = int(sys.argv[1])
programs = sorted(os.listdir("programs"))
git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
for number in range(1, count + 1):
    rng = random.Random(number)
    subprocess.run(git + ["checkout", "-q", "-b", f"pr-{number}", "main"], check=True)
    for program in rng.sample(programs, rng.randint(1, 3)):
        folder = f"programs/{program}"
        edit = rng.randrange(3)
        budget = f"{folder}/budget.yaml"
        amounts = list(re.finditer(r"^    amount: (\d+)", open(budget).read(), re.M)) if os.path.exists(budget) else []
        amounts = [match for match in amounts if int(match.group(1)) >= 1000]
        if edit == 2 and amounts:
            path = budget
            text = open(path).read()
            match = amounts[rng.randrange(len(amounts))]
            text = text[:match.start(1)] + str(int(match.group(1)) - 1000) + text[match.end(1):]
        elif edit == 1:
            path = f"{folder}/risks.yaml"
            text = open(path).read() if os.path.exists(path) else "risks:\n"
            owner = re.search(r"^owner: (\S+)", open(f"{folder}/program.yaml").read(), re.M).group(1)
            text += (f"  - id: R9{number:03d}\n    title: Risk raised in pr-{number}\n    owner: {owner}\n"
                     f"    probability: 2\n    impact: 2\n    status: open\n")
        else:
            path = f"{folder}/milestones.yaml"
            text = open(path).read()
            names = [m.start() for m in re.finditer(r"^    name: ", text, re.M)]
            at = names[rng.randrange(len(names))]
            end = text.index("\n", at)
            text = text[:end] + f" (revised in pr-{number})" + text[end:]
        open(path, "w").write(text)
    subprocess.run(["git", "add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qam", f"pr-{number}"], check=True)
subprocess.run(["git", "checkout", "-q", "main"], check=True)
PY

objects_before=$(git count-objects)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workspace: $programs programs, $(git ls-files programs | wc -l) plan files; $branches branches"
"$CHARTER" scenarios --refs 'refs/heads/pr-*' --queue --as-of 2026-03-01 >scenarios.txt || true
sed -n 1p scenarios.txt
grep -c ': text-conflict:' scenarios.txt | sed 's/^/text conflicts: /' || true
grep -c ': conflicting-edits:' scenarios.txt | sed 's/^/conflicting edits: /' || true
/usr/bin/time -v "$CHARTER" scenarios --refs 'refs/heads/pr-*' --queue --as-of 2026-03-01 --format json >/dev/null 2>time.txt || true
grep -E 'Elapsed|User time|System time|Maximum resident' time.txt
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 -N -i \
    "$CHARTER scenarios --refs refs/heads/pr-* --as-of 2026-03-01 --format json" \
    "$CHARTER scenarios --refs refs/heads/pr-* --queue --as-of 2026-03-01 --format json"
else
  for run in 1 2 3 4 5; do
    /usr/bin/time -f "run $run (with --queue): %e s wall, %U s user, %S s sys, %M KiB" \
      "$CHARTER" scenarios --refs 'refs/heads/pr-*' --queue --as-of 2026-03-01 --format json >/dev/null || true
  done
fi
echo "loose objects before: $objects_before; after: $(git count-objects) (nothing is written)"
