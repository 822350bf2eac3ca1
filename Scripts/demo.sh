#!/usr/bin/env bash
# The README's first command: builds charter (release) and runs it on the bundled example
# workspace, whose git history is replayed into ./demo/acme by examples/build-history.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-dependencies.sh
echo "==> Building charter (release, Swift runtime linked statically: a self-contained binary that starts in a few milliseconds)" >&2
charter="$(bash Scripts/build-release.sh)"
demo="$PWD/demo/acme"
rm -rf "$demo"
bash examples/build-history.sh "$demo" >/dev/null
cd "$demo"

bold=""; plain=""
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m'; plain=$'\033[0m'; fi
step() { printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"; "$@" || true; }

echo
echo "The example: three programs (payments-v2, identity, mobile-app) and a closed pilot phase (payments-pilot) with $(git rev-list --count HEAD) commits of history in $demo"
step git log --oneline --graph
echo
echo "Validate today's plans. Nothing is wrong with the YAML, but stored status has gone stale:"
echo "milestones still 'planned' long after their date are flagged against today's date."
step "$charter" validate
echo
echo "Validate the plans as they were in each commit (judged on the commit's own date)."
echo "One commit removed a milestone another program still depended on:"
for rev in $(git rev-list --reverse HEAD); do
  printf '%s %-62s ' "$(git rev-parse --short "$rev")" "$(git log -1 --format=%s "$rev" | cut -c1-60)"
  "$charter" validate --rev "$rev" | tail -n 1 || true
done
bad=$(git log --format=%h --grep='Remove wallets milestone' -1)
step "$charter" validate --rev "$bad"
echo
echo "What the slip commit changed, by meaning (not by line): 'charter diff REV^!'"
slip=$(git log --format=%h --grep='Slip Payments Beta' -1)
step "$charter" diff "$slip^!"
echo
echo "The change log: one change-request record per plan commit, with impact and approvals"
echo "(the merged pull request is one record). The three most recent:"
step "$charter" changes --max-count 3
echo
echo "The CI gate over the whole history: one commit slipped a milestone 21 days without the"
echo "approval charter.yaml requires."
step "$charter" check "$(git rev-list --max-parents=0 HEAD)..HEAD"
unapproved=$(git log --format=%h --grep='MFA rollout moves' -1)
echo
echo "A late approval, recorded as a git note (no history rewrite); the gate then passes:"
step "$charter" approve "$unapproved" --as bob --role sponsor
step "$charter" check "$(git rev-list --max-parents=0 HEAD)..HEAD"
echo
echo "Lessons learned: the closed pilot's retrospective, each lesson with what it refers to:"
step "$charter" lessons
echo
echo "A later commit moves Beta (payments-v2/M2), which lesson L1 refers to: the lesson comes back,"
echo "with its recommendation and the change request it was learned in, in the diff, the PR comment and the gate:"
again=$(git log --format=%h --grep='Slip Payments Beta (M2) one week' -1)
step "$charter" diff "$again^!"
step "$charter" check "$again^!"
echo
echo "KPIs: where each stands against its target, and every measurement committed over the history:"
step "$charter" kpis --history
echo
echo "Variance from the baseline q1-plan (the tag charter/baseline/q1-plan, made after the mobile merge):"
step "$charter" variance payments-v2
echo
echo "What drives each end date: forecast, critical path and slack, across programs (as of the last commit):"
step "$charter" schedule payments-v2 --as-of 2026-04-27
echo
echo "Which milestones keep slipping, and which risks have been open longest:"
step "$charter" slips --top 5
echo
echo "One self-contained status report (Gantt charts, risk heat map, budget, KPIs, change log):"
step "$charter" report --as-of 2026-04-27 --out "$(dirname "$demo")/status-report.html"
echo "Open $(dirname "$demo")/status-report.html in a browser; 'charter report --format markdown' gives the Mermaid version."
echo
echo "Try next:  cd $demo && $charter changes --format markdown   |   $charter diff HEAD~5 HEAD --format markdown   |   $charter hooks install   |   $charter rules"
