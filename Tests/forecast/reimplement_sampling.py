#!/usr/bin/env python3
"""An independent reimplementation of `charter forecast`'s sampling (docs/forecast.md), in numpy.

    python3 Tests/forecast/reimplement_sampling.py CHARTER REPO [--iterations N] [--seed S]

REPO: a history written by Scripts/generate-forecast-history.py (its milestones have no
`start`; a dependency is always on an earlier milestone of the same program). It reads the
completion observations charter fits on (`charter forecast --observations`), checks them
against the plans at the tip, refits the model from them alone — Kaplan–Meier per program and
for the workspace, conditioned on each open milestone's lateness, the program shrunk toward
the workspace, a shared program draw per iteration — samples it with numpy's generator (not
charter's), pushes the draws through the dependencies, and compares every quantile and
probability charter printed with its own within Monte Carlo error. Exit 0 when all agree, 1
with the disagreements listed, 77 when numpy is missing.
"""
import argparse, datetime, json, os, subprocess, sys

try:
    import numpy as np
except ImportError:
    print("numpy is not installed (python3 -m pip install numpy)", file=sys.stderr)
    sys.exit(77)
import yaml

BEYOND = 10**9  # a day number no plan reaches: "not reached within what the data covers"


def day_number(text):
    return datetime.date.fromisoformat(str(text)).toordinal()


def charter(binary, repo, *arguments):
    done = subprocess.run([binary, "forecast", *arguments], cwd=repo, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"charter forecast {' '.join(arguments)} exited {done.returncode}: {done.stderr}")
    return json.loads(done.stdout)


class Curve:
    """Cumulative probability of completion by day `days[i]` is `cdf[i]` (steps; may stop below 1)."""

    def __init__(self, days, cdf):
        self.days = np.asarray(days, dtype=np.int64)
        self.cdf = np.asarray(cdf, dtype=np.float64)

    @staticmethod
    def kaplan_meier(days, reached, lateness):
        """Given still open `lateness` days after the first plan: the product-limit estimate
        over the event times at or after it (the risk set: observations followed that long)."""
        days = np.asarray(days, dtype=np.int64)
        reached = np.asarray(reached, dtype=bool)
        times = np.unique(days[reached])
        times = times[times >= lateness]
        at_risk = np.array([(days >= t).sum() for t in times], dtype=np.float64)
        events = np.array([(days[reached] == t).sum() for t in times], dtype=np.float64)
        survival = np.cumprod(1 - events / at_risk) if len(times) else np.array([])
        return Curve(times, 1 - survival)

    def at(self, grid):
        """The step function's value on each day of `grid` (0 before the first step)."""
        index = np.searchsorted(self.days, grid, side="right")
        padded = np.concatenate([[0.0], self.cdf])
        return padded[index]

    @staticmethod
    def mixture(a, weight, b):
        grid = np.union1d(a.days, b.days)
        return Curve(grid, weight * a.at(grid) + (1 - weight) * b.at(grid))

    def draw(self, u):
        """Inverse transform: the first day whose probability exceeds u; BEYOND past the curve."""
        index = np.searchsorted(self.cdf, u, side="right")
        padded = np.concatenate([self.days, [BEYOND]])
        return padded[index]


def plans_at_tip(repo):
    milestones = {}
    programs_dir = os.path.join(repo, "programs")
    for program in sorted(os.listdir(programs_dir)):
        with open(os.path.join(programs_dir, program, "milestones.yaml")) as handle:
            for item in yaml.safe_load(handle)["milestones"]:
                milestones[f"{program}/{item['id']}"] = {
                    "program": program, "date": day_number(item["date"]), "done": item.get("status") == "done",
                    "done_on": day_number(item["done_on"]) if "done_on" in item else None,
                    "depends_on": [f"{program}/{d}" for d in item.get("depends_on", [])]}
    return milestones


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("charter")
    parser.add_argument("repo")
    parser.add_argument("--iterations", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ours", type=int, default=200000, help="our own iterations")
    args = parser.parse_args()
    args.charter = os.path.abspath(args.charter)
    problems = []

    fitted = charter(args.charter, args.repo, "--rev", "HEAD", "--observations", "--format", "json")
    forecast = charter(args.charter, args.repo, "--rev", "HEAD", "--format", "json",
                       "--iterations", str(args.iterations), "--seed", str(args.seed))
    as_of = day_number(fitted["as_of"])
    if fitted["as_of"] != forecast["as_of"]:
        problems.append(f"as_of {fitted['as_of']} vs {forecast['as_of']}")
    plans = plans_at_tip(args.repo)
    observations = {o["ref"]: o for o in fitted["observations"]}

    # The export against the plans: first planned = the tip's date (the generator never re-dates),
    # a reached milestone's days = done_on - date, an open one followed through the as-of day
    # (censored at the day after it).
    for ref, plan in plans.items():
        o = observations.get(ref)
        if o is None:
            problems.append(f"{ref}: no observation"); continue
        expected = (plan["done_on"] - plan["date"], True) if plan["done"] else (as_of + 1 - plan["date"], False)
        if day_number(o["first_planned"]) != plan["date"] or (o["days"], o["reached"]) != expected:
            problems.append(f"{ref}: observation {o} but the plans say {datetime.date.fromordinal(plan['date'])}, {expected}")
    completions = sum(o["reached"] for o in observations.values())
    if completions < fitted["minimum_completions"]:
        sys.exit("too few completions for this check: the general class applies")

    # The model, refitted from the observations alone.
    everything = list(observations.values())
    by_program = {}
    for o in everything:
        by_program.setdefault(o["program"], []).append(o)
    def columns(rows):
        return [r["days"] for r in rows], [r["reached"] for r in rows]
    curves = {}
    for ref, plan in plans.items():
        if plan["done"]:
            continue
        first = day_number(observations[ref]["first_planned"])
        lateness = as_of - first
        workspace = Curve.kaplan_meier(*columns(everything), lateness)
        own = by_program[plan["program"]]
        program = Curve.kaplan_meier(*columns(own), lateness)
        at_risk = sum(r["days"] >= lateness for r in own)
        weight = at_risk / (at_risk + fitted["shrinkage"])
        curves[ref] = (first, Curve.mixture(program, weight, workspace))

    # Sampling: one uniform per program per iteration, used instead of a milestone's own with
    # probability `correlation`; then the forward pass (no spans: start = finish).
    rng = np.random.default_rng(20261203)
    n = args.ours
    programs = sorted({p["program"] for p in plans.values()})
    program_draw = {p: rng.random(n) for p in programs}
    finish = {}
    def order(ref):
        return (plans[ref]["program"], int(ref.split("/M")[1]))
    for ref in sorted(plans, key=order):
        plan = plans[ref]
        if plan["done"]:
            finish[ref] = np.full(n, plan["done_on"], dtype=np.int64); continue
        first, curve = curves[ref]
        shared = rng.random(n) < fitted["correlation"]
        u = np.where(shared, program_draw[plan["program"]], rng.random(n))
        drawn = curve.draw(u)
        own = np.where(drawn >= BEYOND, BEYOND, first + drawn)
        for dependency in plan["depends_on"]:
            own = np.maximum(own, finish[dependency])
        finish[ref] = np.where(own >= BEYOND, BEYOND, np.maximum(own, as_of))
    ends = {p: np.max([finish[r] for r in plans if plans[r]["program"] == p], axis=0) for p in programs}

    # Agreement within Monte Carlo error: charter's q-quantile D must satisfy our F(D) >= q - tol
    # and F(D - 1) <= q + tol; a quantile charter calls beyond must be one our F never reaches.
    def tolerance(p):
        return 4.5 * np.sqrt(max(p * (1 - p), 0.0025) * (1 / n + 1 / args.iterations)) + 0.0001
    def compare(label, samples, reported):
        for key, q in (("p50", 0.5), ("p85", 0.85), ("p95", 0.95)):
            quantile = reported[key]
            tol = tolerance(q)
            if quantile["beyond"]:
                reachable = np.mean(samples < BEYOND)
                if reachable > q + tol:
                    problems.append(f"{label} {key}: charter says beyond, we reach it with {reachable:.4f}")
                continue
            d = day_number(quantile["date"])
            at, before = np.mean(samples <= d), np.mean(samples <= d - 1)
            if at < q - tol or before > q + tol:
                problems.append(f"{label} {key}: charter {quantile['date']}, our F(D)={at:.4f}, F(D-1)={before:.4f}")
    compared = 0
    for program in forecast["programs"]:
        compare(f"program {program['program']} end", ends[program["program"]], program)
        with open(os.path.join(args.repo, "programs", program["program"], "program.yaml")) as handle:
            target = yaml.safe_load(handle).get("target")
        if target is not None:
            ours = np.mean(ends[program["program"]] <= day_number(target))
            if program["probability_meets_target"] is None or abs(ours - program["probability_meets_target"]) > tolerance(ours):
                problems.append(f"program {program['program']} meets target: charter {program['probability_meets_target']}, ours {ours:.4f}")
        for m in program["milestones"]:
            if m["fixed"]:
                continue
            compared += 1
            samples = finish[m["ref"]]
            compare(m["ref"], samples, m)
            for key, horizon in (("probability_within_90", as_of + 90), ("probability_within_180", as_of + 180),
                                 ("probability_within_365", as_of + 365),
                                 ("probability_by_planned", plans[m["ref"]]["date"])):
                ours = np.mean(samples <= horizon)
                if abs(ours - m[key]) > tolerance(ours):
                    problems.append(f"{m['ref']} {key}: charter {m[key]}, ours {ours:.4f}")
    if compared == 0:
        problems.append("no open milestone to compare")
    for problem in problems:
        print(problem)
    print(f"{compared} open milestones and {len(programs)} program ends compared; {len(problems)} disagreements")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
