#!/usr/bin/env bash
# Measures what charter's hooks add to `git commit` and `git push`: the same commit with the
# hooks (pre-commit + commit-msg) and with --no-verify, alternated by hyperfine in one run, on
# the bundled example and on a generated workspace of N programs; on the example also a commit
# that changes no plan file (the hooks then do not start charter).
# Usage: Benchmarks/hooks.sh [PROGRAMS] [WORKDIR]   (needs hyperfine: apt-get install hyperfine)
source "$(dirname "$0")/common.sh"
programs="${1:-1000}"
work="${2:-/tmp/charter-hooks-bench}"
export PATH="$(dirname "$charter"):$PATH"
export GIT_AUTHOR_NAME="Alice Ng" GIT_AUTHOR_EMAIL="alice@acme.example"
export GIT_COMMITTER_NAME="Alice Ng" GIT_COMMITTER_EMAIL="alice@acme.example"
rm -rf "$work" && mkdir -p "$work"
bash examples/build-history.sh "$work/example" >/dev/null
python3 Benchmarks/generate.py history "$work/large" --programs "$programs" --commits 2 >&2

bench_machine
for name in example large; do
  cd "$work/$name"
  git config user.name "Alice Ng"; git config user.email alice@acme.example
  charter hooks install pre-commit commit-msg >/dev/null
  file=$(git ls-files 'programs/*/risks.yaml' | sed -n 1p)  # sed reads it all: no SIGPIPE under pipefail
  echo "== $name: a one-line change to $file, staged before each run"
  # Each run commits a new comment line; both commands do the same git work.
  hyperfine -N --warmup 3 --min-runs 20 \
    --prepare "sh -c 'echo \"# bench \$\$\" >> $file && git add $file'" \
    "git commit -q -m bench" \
    "git commit -q --no-verify -m bench"
  if [ "$name" = example ]; then
    echo "== $name: a change outside the plans (NOTES.md), staged before each run: charter is not started"
    hyperfine -N --warmup 3 --min-runs 20 \
      --prepare "sh -c 'echo \"bench \$\$\" >> NOTES.md && git add NOTES.md'" \
      "git commit -q -m bench" \
      "git commit -q --no-verify -m bench"
  fi
  cd - >/dev/null
done
