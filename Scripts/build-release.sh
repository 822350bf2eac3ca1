#!/usr/bin/env bash
# Builds the release charter binary the way it is installed, demonstrated and measured, and
# prints its path. Every script that needs "the release binary" builds it here, so the figures in
# docs/performance.md and what users install are the same program.
#
#   charter="$(bash Scripts/build-release.sh)"
#
# - `--static-swift-stdlib`: the Swift runtime and Foundation are linked in, so the binary needs
#   no Swift installation where it runs and starts without loading them.
# - `-Xlinker -no-pie` (Linux): a position-dependent executable. A 110 MB position-independent
#   Swift binary has ~90,000 relative relocations, which the dynamic linker applies at every start,
#   dirtying a third of the pages a git hook's run touches; linked at a fixed address, none are
#   applied (docs/performance.md, "Process start"). The cost is address-space randomisation for the
#   executable's own code (libgit2 and libyaml are linked into it); shared libraries, heap and stack
#   stay randomised. Go links its binaries this way by default. CHARTER_PIE=1 keeps a PIE. Only with
#   the static runtime: against the shared libswiftCore, a position-dependent executable breaks its
#   protected symbols (the dynamic linker warns on every run).
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib --product charter)
if [ "$(uname -s)" = Linux ] && [ "${CHARTER_PIE:-0}" != 1 ]; then
  flags+=(-Xlinker -no-pie)
fi
swift build "${flags[@]}" >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
# .build/release is SwiftPM's short name for that folder: print it when it is one.
[ "$(readlink -f .build/release)" = "$(readlink -f "$bin")" ] && bin="$PWD/.build/release"
echo "$bin/charter"
