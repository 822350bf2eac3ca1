#!/usr/bin/env bash
# Installs charter under PREFIX (default /usr/local): a release build of the binary, shell
# completions for bash, zsh and fish (from ArgumentParser's --generate-completion-script) and
# the man page charter(1) (ArgumentParser's generate-manual tool, built from the package's own
# checkout, offline).
#
#   bash Scripts/install.sh                 # /usr/local/bin/charter, completions, man page
#   bash Scripts/install.sh "$HOME/.local"  # no root needed
#   CHARTER_BINARY=.build/debug/charter bash Scripts/install.sh /tmp/p   # install a binary already built
#
# Needs Swift 6 and libgit2-dev (Scripts/install-dependencies.sh installs libgit2).
set -euo pipefail

prefix="${1:-/usr/local}"
cd "$(dirname "$0")/.."
root="$PWD"

binary="${CHARTER_BINARY:-}"
if [ -z "$binary" ]; then
  echo "Building charter (release) ..." >&2
  binary="$(bash Scripts/build-release.sh)"
fi
case "$binary" in /*) ;; *) binary="$root/$binary" ;; esac
[ -x "$binary" ] || { echo "install.sh: no charter binary at $binary" >&2; exit 2; }

bin="$prefix/bin"
bash_dir="$prefix/share/bash-completion/completions"
zsh_dir="$prefix/share/zsh/site-functions"
fish_dir="$prefix/share/fish/vendor_completions.d"
man_dir="$prefix/share/man/man1"
mkdir -p "$bin" "$bash_dir" "$zsh_dir" "$fish_dir" "$man_dir"

# Copy then rename: a charter running from the old file keeps working while it is replaced.
install -m 755 "$binary" "$bin/.charter.new"
mv -f "$bin/.charter.new" "$bin/charter"

"$bin/charter" --generate-completion-script bash > "$bash_dir/charter"
"$bin/charter" --generate-completion-script zsh > "$zsh_dir/_charter"
"$bin/charter" --generate-completion-script fish > "$fish_dir/charter.fish"

# The man page: ArgumentParser's generate-manual reads the binary's --experimental-dump-help.
# Built once from the checkout SwiftPM already has (no network), in its own scratch folder.
parser="$root/.build/checkouts/swift-argument-parser"
if [ ! -d "$parser" ]; then swift package resolve >&2; fi
manual_build="$root/.build/generate-manual"
if swift build -c release --package-path "$parser" --scratch-path "$manual_build" --product generate-manual >&2; then
  pages="$(mktemp -d)"
  "$manual_build/release/generate-manual" "$bin/charter" --output-directory "$pages" >&2
  install -m 644 "$pages/charter.1" "$man_dir/charter.1"
  rm -rf "$pages"
else
  echo "install.sh: could not build generate-manual; no man page installed ('charter --help' has the same text)" >&2
fi

cat >&2 <<DONE
Installed $bin/charter ($("$bin/charter" --version))
  completions: $bash_dir/charter, $zsh_dir/_charter, $fish_dir/charter.fish
  man page:    $man_dir/charter.1 (man charter, with $prefix/share/man on MANPATH)
DONE
