#!/bin/sh
# Makes plain `git diff` and `git log -p --ext-diff` show Charter's semantic diff for plan files.
#
#   examples/git-diff-driver/setup.sh [WORKSPACE]     (default: the current folder)
#
# 1. Sets `diff.charter.command` in the repository's config. git never takes commands from a
#    repository's own files, so every clone runs this once (or sets it with `git config --global`).
# 2. Adds the three attribute lines to WORKSPACE/.gitattributes (next to charter.yaml) unless
#    they are there; commit that file so everyone's `git diff` picks the driver.
#
# CHARTER names the binary when `charter` is not on PATH.
set -eu
workspace=${1:-.}
charter=${CHARTER:-charter}
quoted=$(printf '%s' "$charter" | sed "s/'/'\\\\''/g")
git -C "$workspace" config diff.charter.command "'$quoted' diff --git-external-diff"
attributes="$workspace/.gitattributes"
for line in 'charter.yaml diff=charter' 'people.yaml diff=charter' 'programs/*/*.yaml diff=charter'; do
    grep -qxF "$line" "$attributes" 2>/dev/null || printf '%s\n' "$line" >>"$attributes"
done
echo "git diff now shows Charter's semantic diff of plan files here; commit $attributes to share the attributes."
