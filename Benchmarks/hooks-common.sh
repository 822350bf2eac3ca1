# The prelude Benchmarks/hooks-cpu.sh and hooks-wall.sh share; source it after setting `work`:
# strict mode, the shell at the repository root, $CHARTER (the release build unless set), a fixed
# committer, and a fresh WORK/example (the bundled example's history) to clone copies from.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${CHARTER:-}" ]; then
  CHARTER="$(bash Scripts/build-release.sh)"
fi
export GIT_AUTHOR_NAME="Alice Ng" GIT_AUTHOR_EMAIL="alice@acme.example"
export GIT_COMMITTER_NAME="Alice Ng" GIT_COMMITTER_EMAIL="alice@acme.example"
rm -rf "$work" && mkdir -p "$work"
bash examples/build-history.sh "$work/example" >/dev/null
