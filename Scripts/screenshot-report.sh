#!/usr/bin/env bash
# Renders the status report of the bundled example (its history carries the baseline q1-plan) and
# screenshots it in headless Chromium at desktop and phone widths, for the README and docs:
#   docs/images/report-desktop.png, docs/images/report-narrow.png, and the report and its
#   markdown in /tmp/charter-report-example/.
# Usage: Scripts/screenshot-report.sh   (needs chromium; builds charter in release mode)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "chromium is needed: apt-get install chromium" >&2; exit 2; }
charter="$(bash Scripts/build-release.sh)"
out=/tmp/charter-report-example
rm -rf "$out" && mkdir -p "$out"
bash examples/build-history.sh "$out/acme" >/dev/null
cd "$out/acme"
# The example's history carries the baseline q1-plan (tagged after the mobile merge, before the slips).
"$charter" report --as-of 2026-04-27 --out "$out/report.html"
"$charter" report --as-of 2026-04-27 --format markdown --out "$out/report.md"
# The desktop shot: one program (the one with KPIs) and a short change log, so its whole page fits.
"$charter" report payments-v2 --max-changes 3 --as-of 2026-04-27 --out "$out/payments.html"
cd - >/dev/null
shoot() {
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$1" --window-size="$2" "file://$out/$3" 2>/dev/null
}
shoot docs/images/report-desktop.png 1280,2500 payments.html
shoot docs/images/report-narrow.png 390,1600 report.html
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$out/report.pdf" "file://$out/report.html" 2>/dev/null
ls -la docs/images/report-*.png "$out"/report.*
for image in docs/images/report-*.png; do
  [ "$(stat -c %s "$image")" -lt 400000 ] || echo "warning: $image is 400 KB or more" >&2
done
