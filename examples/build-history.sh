#!/usr/bin/env bash
# Builds the bundled Acme example workspace as a real git repository.
#
#   examples/build-history.sh DEST
#
# Creates a fresh repository at DEST (which must not exist or be empty) and replays
# examples/acme/steps/NN-slug/ in order. Each step folder holds:
#   - the plan files to write, at their workspace paths, with their full contents
#     (steps are cumulative: a step's files overwrite what earlier steps wrote);
#   - DELETE (optional): workspace paths to remove in that step, one per line;
#   - COMMIT: header lines, a blank line, then the full commit message. Headers:
#       author: Name <email>            required
#       date: 2026-01-12T10:00:00+00:00 required; author and committer date
#       committer: Name <email>         optional; defaults to the author
#       branch: NAME                    optional; commit on NAME (created from main if new)
#       merge: NAME                     optional; instead of files, merge NAME into main
#                                       with --no-ff and this message
#       tag: NAME                       optional; after the commit, make the baseline NAME:
#                                       the annotated tag charter/baseline/NAME, tagged by
#                                       the author at the step's date
#       tag-message: TEXT               optional; the tag's message (default: Baseline NAME)
#
# The result is deterministic: identities and dates come from COMMIT, and nothing is
# read from the user's or the system's git configuration, so the commit ids are the
# same on every run and every machine.
set -euo pipefail

die() { printf 'build-history.sh: %s\n' "$*" >&2; exit 2; }

[[ $# -eq 1 && $1 != -* ]] || { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
DEST=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STEPS=$HERE/acme/steps
[[ -d $STEPS ]] || die "no steps folder at $STEPS"
if [[ -e $DEST ]]; then
    [[ -d $DEST && -z $(ls -A "$DEST") ]] || die "$DEST exists and is not an empty folder"
fi

# Nothing from the environment may leak into the commits.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_NAMESPACE \
      GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
      GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE GIT_TEMPLATE_DIR
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_TERMINAL_PROMPT=0 LC_ALL=C
# Older git (< 2.32) ignores GIT_CONFIG_GLOBAL and reads $HOME/.gitconfig: point HOME at an empty folder.
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export HOME=$SCRATCH

mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
git -c init.defaultBranch=main init -q --template= "$DEST"

g() {
    git -C "$DEST" \
        -c user.name=charter-examples -c user.email=examples@charter.invalid \
        -c core.autocrlf=false -c core.hooksPath=/dev/null -c commit.gpgSign=false \
        -c tag.gpgSign=false -c merge.log=false -c gc.auto=0 "$@"
}

# "Name <email>" -> sets the named variables to name and email.
split_ident() {
    local value=$1 name email
    [[ $value =~ ^(.+)\ \<([^<>]+)\>$ ]] || die "bad identity '$value' (want: Name <email>)"
    name=${BASH_REMATCH[1]}
    email=${BASH_REMATCH[2]}
    printf -v "$2" '%s' "$name"
    printf -v "$3" '%s' "$email"
}

current_branch=main
switch_to() {
    local branch=$1
    [[ $branch == "$current_branch" ]] && return 0
    if g rev-parse -q --verify "refs/heads/$branch" >/dev/null; then
        g checkout -q "$branch"
    else
        g checkout -q -b "$branch" main
    fi
    current_branch=$branch
}

count=0
for step in "$STEPS"/*/; do
    step=${step%/}
    slug=$(basename "$step")
    [[ -f $step/COMMIT ]] || die "$slug: no COMMIT file"

    author='' date='' committer='' branch='' merge='' tag='' tag_message=''
    message=$SCRATCH/message
    : >"$message"
    in_header=1
    while IFS= read -r line || [[ -n $line ]]; do
        if ((in_header)); then
            if [[ -z $line ]]; then in_header=0; continue; fi
            [[ $line =~ ^([a-z-]+):\ (.*)$ ]] || die "$slug/COMMIT: bad header line '$line'"
            case ${BASH_REMATCH[1]} in
                author) author=${BASH_REMATCH[2]} ;;
                date) date=${BASH_REMATCH[2]} ;;
                committer) committer=${BASH_REMATCH[2]} ;;
                branch) branch=${BASH_REMATCH[2]} ;;
                merge) merge=${BASH_REMATCH[2]} ;;
                tag) tag=${BASH_REMATCH[2]} ;;
                tag-message) tag_message=${BASH_REMATCH[2]} ;;
                *) die "$slug/COMMIT: unknown header '${BASH_REMATCH[1]}'" ;;
            esac
        else
            printf '%s\n' "$line" >>"$message"
        fi
    done <"$step/COMMIT"
    [[ -n $author && -n $date ]] || die "$slug/COMMIT: author and date are required"
    [[ -s $message ]] || die "$slug/COMMIT: empty commit message"
    [[ -z $merge || -z $branch ]] || die "$slug/COMMIT: merge and branch exclude each other"

    split_ident "$author" an ae
    split_ident "${committer:-$author}" cn ce
    export GIT_AUTHOR_NAME=$an GIT_AUTHOR_EMAIL=$ae GIT_AUTHOR_DATE=$date
    export GIT_COMMITTER_NAME=$cn GIT_COMMITTER_EMAIL=$ce GIT_COMMITTER_DATE=$date

    if [[ -n $merge ]]; then
        switch_to main
        g rev-parse -q --verify "refs/heads/$merge" >/dev/null || die "$slug: no branch '$merge' to merge"
        g merge -q --no-ff --no-edit --cleanup=whitespace -F "$message" "$merge"
    else
        switch_to "${branch:-main}"
        if [[ -f $step/DELETE ]]; then
            while IFS= read -r path || [[ -n $path ]]; do
                [[ -z $path || $path == \#* ]] && continue
                g rm -q -- "$path"
            done <"$step/DELETE"
        fi
        while IFS= read -r -d '' file; do
            rel=${file#"$step"/}
            [[ $rel == COMMIT || $rel == DELETE ]] && continue
            mkdir -p "$(dirname "$DEST/$rel")"
            cp "$file" "$DEST/$rel"
            chmod 0644 "$DEST/$rel"
        done < <(find "$step" -type f -print0 | sort -z)
        g add -A
        ! g diff --cached --quiet || die "$slug: the step changes nothing"
        g commit -q --no-verify --cleanup=whitespace -F "$message"
    fi
    if [[ -n $tag ]]; then
        # The tagger is the step's author, at the step's date: the same tag object on every run.
        GIT_COMMITTER_NAME=$an GIT_COMMITTER_EMAIL=$ae \
            g tag -a -m "${tag_message:-Baseline $tag}" "charter/baseline/$tag"
    fi
    count=$((count + 1))
done

switch_to main
[[ -z $(g status --porcelain) ]] || die "worktree not clean after replay"
printf 'Built %d commits in %s; HEAD is %s\n' "$count" "$DEST" "$(g rev-parse --short HEAD)"
