#!/usr/bin/env bash
# Regenerates the generated sections of docs/format.md (field tables and the rule catalogue)
# from the built binary. A test fails when they are out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
charter="${CHARTER_BINARY:-.build/debug/charter}"
[ -x "$charter" ] || swift build --product charter >&2
python3 - "$charter" <<'PY'
import subprocess, sys, re
charter = sys.argv[1]
sections = {
    "fields": subprocess.run([charter, "schema", "--markdown"], check=True, capture_output=True, text=True).stdout,
    "rules": subprocess.run([charter, "rules", "--format", "markdown"], check=True, capture_output=True, text=True).stdout,
}
path = "docs/format.md"
text = open(path, encoding="utf-8").read()
for name, body in sections.items():
    begin, end = f"<!-- BEGIN GENERATED {name} -->", f"<!-- END GENERATED {name} -->"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        sys.exit(f"{path} has no {begin} … {end} section")
    text = pattern.sub(lambda _: f"{begin}\n{body.strip()}\n{end}", text)
open(path, "w", encoding="utf-8").write(text)
print(f"updated {path}", file=sys.stderr)
PY
