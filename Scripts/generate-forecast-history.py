#!/usr/bin/env python3
"""Writes a git repository whose plan history has known slip and abandonment distributions.

    python3 Scripts/generate-forecast-history.py DEST [--milestones N] [--seed S] [--abandoned P] [--dependencies P] [--days D]

Milestones of three programs are added every few days, each planned 60 days out. Each is
reached `planned + slip` days later, slip = exponential(mean 45) - 10 (so some are early), or,
with probability P, never reached and never marked cancelled (work stalled). The history ends
900 days (D) after it starts (each program's target), so late milestones are still open at its end (censored). Commits are
written with `git fast-import`, one per day with an event, dated that day: the forecast backtest
(`charter forecast --backtest`) must recover calibration on it. With --dependencies P, each
milestone depends on the previous milestone of its program with probability P (drawn from a
generator of its own, so the slips are the same with or without it): the network the Monte
Carlo pushes dates through.
"""
import argparse, datetime, os, random, subprocess

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dest")
    parser.add_argument("--milestones", type=int, default=150)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--abandoned", type=float, default=0.12)
    parser.add_argument("--dependencies", type=float, default=0.0)
    parser.add_argument("--days", type=int, default=900, help="how long the history runs")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    links = random.Random(args.seed + 1)
    start = datetime.date(2024, 1, 1)
    end_day = args.days
    programs = ["alpha", "beta", "gamma"]
    milestones = []  # (program, id, added, planned, reached or None)
    for index in range(args.milestones):
        added = index * (end_day - 120) // args.milestones
        planned = added + 60
        reached = None if rng.random() < args.abandoned else planned + int(rng.expovariate(1 / 45)) - 10
        reached = max(reached, added + 1) if reached is not None else None
        milestones.append((programs[index % 3], f"M{index + 1}", added, planned, reached))
    depends = {ident: f"M{index - 3}" for index, (_, ident, _, _, _) in enumerate(milestones, start=1)
               if index > 3 and links.random() < args.dependencies}
    days = sorted({m[2] for m in milestones} | {m[4] for m in milestones if m[4] is not None and m[4] <= end_day})
    os.makedirs(args.dest)
    subprocess.run(["git", "init", "-q", "-b", "main", args.dest], check=True)
    stream = []
    def blob(text):
        data = text.encode()
        return f"data {len(data)}\n".encode() + data + b"\n"
    def date(day):
        return start + datetime.timedelta(days=day)
    for day in days:
        stamp = int(datetime.datetime.combine(date(day), datetime.time(12)).replace(tzinfo=datetime.timezone.utc).timestamp())
        files = {"charter.yaml": "version: 1\n"}
        for program in programs:
            files[f"programs/{program}/program.yaml"] = f"id: {program}\nname: {program.title()}\nstatus: active\ntarget: {date(end_day)}\n"
            lines = ["milestones:"]
            for p, ident, added, planned, reached in milestones:
                if p != program or added > day:
                    continue
                after = f", depends_on: [{depends[ident]}]" if ident in depends else ""
                if reached is not None and reached <= day:
                    lines.append(f"  - {{ id: {ident}, date: {date(planned)}, status: done, done_on: {date(reached)}{after} }}")
                else:
                    lines.append(f"  - {{ id: {ident}, date: {date(planned)}{after} }}")
            files[f"programs/{program}/milestones.yaml"] = "\n".join(lines) + "\n"
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"committer Gen <gen@example.com> {stamp} +0000\n".encode())
        stream.append(blob(f"Plans of {date(day)}"))
        for path, text in sorted(files.items()):
            data = text.encode()
            stream.append(f"M 100644 inline {path}\n".encode() + f"data {len(data)}\n".encode() + data + b"\n")
        stream.append(b"\n")
    subprocess.run(["git", "-C", args.dest, "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "-C", args.dest, "checkout", "-q", "main"], check=True)

if __name__ == "__main__":
    main()
