#!/usr/bin/env python3
"""Times `charter lsp` on a workspace: the first load, then diagnostics after edits.

    Benchmarks/lsp.py CHARTER WORKSPACE [--edits N] [--as-of YYYY-MM-DD] [--edit depends_on|owner]

First load: from `initialized` to the answer of the first request (the server loads and
validates the whole workspace before answering it). Each edit is an incremental didChange in
one milestones file that breaks a `depends_on` entry (or restores it) — with `--edit owner`, one
risks file's first `owner` instead (no milestone changes: the milestone network is kept); the time is from sending
it to receiving the publishDiagnostics for that file that shows (or clears) the finding. Also
reports the server's CPU time (user+sys from /proc) and peak RSS. Standard library only.
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import time


class Server:
    def __init__(self, command, cwd):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for_diagnostics(self, uri, predicate):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri \
                    and predicate(message["params"]["diagnostics"]):
                return message["params"]["diagnostics"]

    def cpu_seconds(self):
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def peak_rss_kib(self):
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("charter")
    parser.add_argument("workspace")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--as-of", default="2026-04-27")
    parser.add_argument("--edit", choices=["depends_on", "owner"], default="depends_on")
    args = parser.parse_args()
    root = pathlib.Path(args.workspace).resolve()
    programs = sorted(p.name for p in (root / "programs").iterdir())
    file_name, marker, code = {
        "depends_on": ("milestones.yaml", "depends_on: [", "unknown-reference"),
        "owner": ("risks.yaml", "owner: ", "unknown-person"),
    }[args.edit]
    target = next(root / "programs" / name / file_name for name in programs[len(programs) // 2:]
                  if (root / "programs" / name / file_name).exists())
    text = target.read_text()
    uri = target.as_uri()

    server = Server([os.path.abspath(args.charter), "lsp", "--as-of", args.as_of], root)
    server.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}})
    cpu_before = server.cpu_seconds()
    started = time.perf_counter()
    server.notify("initialized", {})
    server.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    first_load = time.perf_counter() - started
    first_load_cpu = server.cpu_seconds() - cpu_before

    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    # The first `depends_on: [` entry (or `owner: ` value) of the file: break it by appending "x", then remove the "x".
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if marker in l)
    character = lines[line].index(marker) + len(marker)
    rest = lines[line][character:]
    end = character + min([rest.index(c) for c in ",]" if c in rest] or [len(rest)])
    edit_range_insert = {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}}
    edit_range_delete = {"start": {"line": line, "character": end}, "end": {"line": line, "character": end + 1}}

    def has_unknown(items):
        return any(item.get("code") == code for item in items)

    timings = []
    cpu_before = server.cpu_seconds()
    version = 1
    for edit in range(args.edits):
        version += 1
        breaking = edit % 2 == 0
        change = {"range": edit_range_insert, "text": "x"} if breaking else {"range": edit_range_delete, "text": ""}
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        server.wait_for_diagnostics(uri, has_unknown if breaking else (lambda items: not has_unknown(items)))
        timings.append(time.perf_counter() - started)
    edits_cpu = server.cpu_seconds() - cpu_before
    rss = server.peak_rss_kib()
    server.request("shutdown", None)
    server.notify("exit", None)
    server.process.wait(timeout=30)

    timings.sort()
    print(f"workspace: {root} ({len(programs)} programs); edited {target.relative_to(root)}")
    print(f"first load: {first_load * 1000:.0f} ms wall, {first_load_cpu * 1000:.0f} ms CPU (user+sys)")
    print(f"diagnostics after an edit ({args.edits} edits): median {statistics.median(timings) * 1000:.1f} ms, "
          f"p90 {timings[int(len(timings) * 0.9) - 1] * 1000:.1f} ms, max {timings[-1] * 1000:.1f} ms wall; "
          f"{edits_cpu / args.edits * 1000:.1f} ms CPU per edit")
    print(f"peak RSS: {rss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
