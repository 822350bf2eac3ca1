#!/usr/bin/env python3
"""Synthetic Charter workspaces and git histories for benchmarks.

    generate.py workspace DEST --programs N [--seed S]
    generate.py history DEST --programs N --commits M [--milestones N] [--seed S]

`workspace` writes charter.yaml, people.yaml and programs/<id>/*.yaml into DEST.
`history` creates a git repository at DEST whose first commit is such a workspace
and whose next M-1 commits edit it the way TPMs do: slips that move dependents,
budget changes, risks added and closed, milestones done, added and removed,
decisions superseded, scope changes, re-baselines, pull requests merged with
merge commits. The stream goes through `git fast-import`.

Every state written is valid under the workspace format v1 rules (docs in
PRODUCT.md): no dangling references or cycles, milestone dates after their
dependencies and inside the program's start..target, done milestones carry
done_on, open risks scoring 15+ carry a mitigation, budget lines within the
total, nobody allocated over 100% on any day, supersedes/superseded_by agree.
Overdue planned milestones (a warning) do occur, as in real plans.

The output depends only on the arguments: same seed, same files, same commit ids.
Standard library only; Python 3.8+.
"""

import argparse
import datetime as _dt
import os
import random
import subprocess
import sys
import time

# ---------------------------------------------------------------------------
# Vocabulary

FIRST = """Ada Alan Alice Amara Ana Anil Arjun Ben Bianca Bo Carl Carmen Chen Chloe Dan Dara
Diego Dmitri Elena Eli Emma Erin Farah Felix Fatima Gabe Grace Hana Hugo Ian Ines Ivan Jae
Jamal Jana Jonas Jose Kai Kate Kenji Lara Leo Lina Luca Maya Mei Mia Nadia Nia Noah Olga
Omar Owen Pavel Priya Quinn Rafael Rina Rosa Sam Sara Sean Sofia Tariq Tom Uma Vera Victor
Wei Yara Yusuf Zoe""".split()
LAST = """Abbott Adams Ahmed Alvarez Bauer Becker Brown Campbell Castro Chen Cohen Costa Diaz
Dubois Evans Fischer Garcia Gupta Haddad Hansen Ito Jensen Kim Kowalski Kumar Larsen Lee
Lopez Martin Meyer Moreau Murphy Nakamura Nguyen Novak Okafor Olsen Park Patel Petrov
Quinn Reyes Rossi Sato Schmidt Silva Singh Smith Sousa Tanaka Taylor Torres Walsh Wang
Weber Wilson Wong Yamamoto Young Zhang""".split()
TEAMS = ["payments", "identity", "mobile", "infrastructure", "data", "search", "growth",
         "security", "finance", "program-management", "platform", "support", "ml", "web"]
AREAS = """payments identity checkout search billing ledger onboarding notifications analytics
messaging catalog pricing fraud reporting storage networking observability compliance
inventory shipping returns loyalty ads recommendations sync media docs support accounts
subscriptions tax invoicing auth gateway data-platform warehouse streaming mobile web
partner-api marketplace maps routing""".split()
KINDS = """v2 platform migration modernization launch revamp rollout consolidation
rearchitecture expansion hardening cutover""".split()
WORKSTREAMS = [("api", "Public API"), ("web", "Web app"), ("ios", "iOS app"),
               ("android", "Android app"), ("infra", "Infrastructure"), ("data", "Data pipeline"),
               ("backend", "Backend services"), ("billing", "Billing"), ("search", "Search"),
               ("ml", "Machine learning"), ("security", "Security"), ("qa", "Quality"),
               ("sre", "Reliability"), ("docs", "Documentation"), ("migration", "Migration"),
               ("compliance", "Compliance"), ("growth", "Growth"), ("support", "Support tooling")]
# Milestone names in the order a program meets them.
EARLY = ["Requirements signed off", "Staffing complete", "Vendor selected", "Design review passed",
         "Architecture review passed", "Threat model reviewed", "Data model agreed",
         "API contract frozen", "Prototype demo"]
MIDDLE = ["Staging environment ready", "Integration tests green", "Alpha", "Internal dogfood",
          "Feature complete", "Data migration dry run", "Security review passed",
          "Privacy review passed", "Load test passed", "Accessibility audit passed", "Private beta",
          "Pilot with five customers", "Beta", "Runbooks and on-call ready"]
LATE = ["Documentation published", "Rollout to 10 percent", "Rollout to 50 percent",
        "General availability", "Customer migration complete", "Old API deprecated",
        "Legacy system shut down", "Cost review closed", "Launch retrospective"]
RISK_TITLES = ["{v} API not ready for {m}", "Key engineer on {ws} leaves", "Hiring for {ws} behind plan",
               "Load at launch exceeds capacity plan", "Security review finds blocking issues",
               "Data migration takes longer than the window", "{v} contract signature slips",
               "Dependency on {o} slips", "Regulatory approval delayed in the EU",
               "App store review rejects the release", "Cloud costs exceed forecast",
               "Test environment unstable", "Scope creep from stakeholder requests",
               "Legacy clients cannot upgrade in time", "On-call load slows {ws} work"]
MITIGATIONS = ["Fallback vendor track", "Weekly checkpoint with the vendor", "Contractor budget approved",
               "Load test at 3x forecast before Beta", "Early review slot booked with security",
               "Run the migration in two phases", "Feature flag and staged rollout",
               "Cross-train a second engineer", "Freeze scope after design review",
               "Keep the legacy path running until GA"]
VENDORS = ["Stripe", "Okta", "Twilio", "Datadog", "Snowflake", "Adyen", "Auth0", "Segment"]
DECISIONS = ["Use gRPC between internal services", "Use REST for the public API",
             "Adopt PostgreSQL for the new store", "Build on the shared event bus",
             "Buy rather than build the vendor integration", "Launch in the US first",
             "Feature flags for every rollout step", "Deprecate the v1 endpoints at GA",
             "Single region at launch", "Multi-region active-active", "Use OpenTelemetry for tracing",
             "Monorepo for client code", "Weekly release train", "Keep the legacy client for a year"]
REASONS = ["Vendor moved their delivery date", "Security review found issues to fix first",
           "Two engineers moved to an incident for a week", "Dependency from another program slipped",
           "Scope clarified with stakeholders", "Load test failed in staging",
           "Hiring behind plan", "Procurement took longer than planned",
           "Test environment outage", "Design rework after usability testing",
           "Holiday period not accounted for", "Performance regression found in beta"]
BUDGET_CATEGORIES = ["people", "people", "people", "vendor", "infra", "licences", "hardware",
                     "travel", "training", "contingency"]
SCOPE_ITEMS = ["Partial refunds", "Audit log export", "Dark mode", "Bulk import", "SSO for partners",
               "Webhooks v2", "Usage reports", "EU data residency", "Offline mode", "Multi-currency",
               "Saved searches", "Admin console", "Rate limit dashboard", "CSV export", "Tagging"]

DAY = 86400
AS_OF = _dt.date(2026, 4, 1).toordinal()   # the generated workspace is "as of" this day
BASE = _dt.date(2026, 1, 5).toordinal()


def iso(ordinal, _cache={}):
    s = _cache.get(ordinal)
    if s is None:
        s = _cache[ordinal] = _dt.date.fromordinal(ordinal).isoformat()
    return s


_PLAIN_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._()/%+-'")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def scalar(s):
    """A YAML scalar for a string, plain when that is safe in block and flow context."""
    if (s and s[0].isalnum() and s[-1] != " " and all(c in _PLAIN_OK for c in s)
            and s.lower() not in _RESERVED and not _looks_numeric(s)):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _looks_numeric(s):
    try:
        float(s)
        return True
    except ValueError:
        return s[:4].isdigit() and len(s) >= 8 and s[4] == "-"


def flow_list(items):
    return "[" + ", ".join(scalar(x) for x in items) + "]"


# ---------------------------------------------------------------------------
# Model


class Workspace:
    def __init__(self, n_programs, seed, milestones=None):
        self.rng = random.Random(seed)
        self.milestones = milestones  # about this many per program (default 26..34)
        self.people = []          # (id, name, email, team)
        self.alloc = {}           # person -> [(from, to, percent)]
        self.programs = []        # Program, in index order (cross refs go to lower indexes)
        self.by_id = {}
        self.ms = {}              # "pid/mid" -> milestone dict
        self.dependents = {}      # "pid/mid" -> set of "pid/mid"
        self.names = {}           # person -> (name, email)
        self._make_people(n_programs // 2 + 50)
        for i in range(n_programs):
            self._make_program(i)

    # -- people --------------------------------------------------------------
    def _make_people(self, count):
        rng, seen = self.rng, set()
        pairs = [(f, l) for f in FIRST for l in LAST]
        rng.shuffle(pairs)
        for k in range(count):
            first, last = pairs[k % len(pairs)]
            pid = f"{first}.{last}".lower()
            if pid in seen:
                pid = f"{pid}{k // len(pairs) + 1}"
            seen.add(pid)
            self.people.append((pid, f"{first} {last}", f"{pid}@example.com", rng.choice(TEAMS)))
            self.names[pid] = (f"{first} {last}", f"{pid}@example.com")
            self.alloc[pid] = []

    def person(self):
        return self.rng.choice(self.people)[0]

    def _peak(self, pid, start, end):
        """Highest total allocation of pid on any day in start..end."""
        spans = [(f, t, p) for f, t, p in self.alloc[pid] if f <= end and t >= start]
        if not spans:
            return 0
        points = [start] + [f for f, _, _ in spans if f > start]
        return max(sum(p for f, t, p in spans if f <= d <= t) for d in points)

    # -- programs ------------------------------------------------------------
    def _program_id(self, i):
        combos = getattr(self, "_combos", None)
        if combos is None:
            combos = [f"{a}-{k}" for a in AREAS for k in KINDS]
            random.Random(7).shuffle(combos)
            self._combos = combos
        base = combos[i % len(combos)]
        return base if i < len(combos) else f"{base}-{i // len(combos) + 1}"

    def _make_program(self, index):
        rng = self.rng
        pid = self._program_id(index)
        start = BASE + rng.randint(0, 80)
        target = start + rng.randint(240, 330)
        name = " ".join(w if w == "v2" else w.capitalize() for w in pid.split("-"))
        p = {
            "id": pid, "index": index, "name": name, "owner": self.person(), "sponsor": self.person(),
            "status": "active", "start": start, "target": target, "currency": "USD",
            "total": rng.randint(40, 300) * 10000,
            "objectives": [f"Ship {name} to all customers",
                           f"Cut {rng.choice(['p99 latency', 'cost per request', 'support tickets'])} by {rng.randint(2, 6) * 10} percent"],
            "scope_in": rng.sample(SCOPE_ITEMS, 3), "scope_out": [],
            "workstreams": [], "stakeholders": [], "allocations": [],
            "milestones": [], "risks": [], "lines": [], "decisions": [],
            "next": {"M": 1, "R": 1, "B": 1, "D": 1},
        }
        p["scope_out"] = [x for x in rng.sample(SCOPE_ITEMS, 4) if x not in p["scope_in"]][:2]
        for ws_id, ws_name in rng.sample(WORKSTREAMS, rng.randint(4, 6)):
            p["workstreams"].append((ws_id, ws_name, self.person()))
        roles = ["accountable", "responsible", "consulted", "informed"]
        seen = set()
        for role, who in [("accountable", p["sponsor"]), ("responsible", p["owner"])] + \
                [(rng.choice(roles[2:]), self.person()) for _ in range(rng.randint(1, 3))]:
            if who not in seen:
                seen.add(who)
                p["stakeholders"].append((who, role))
        for ws_id, _, _ in p["workstreams"]:
            for _ in range(rng.randint(1, 2)):
                self._allocate(p, ws_id)
        self.programs.append(p)
        self.by_id[pid] = p
        self._make_milestones(p)
        self._make_risks(p)
        self._make_budget(p)
        self._make_decisions(p)

    def _allocate(self, p, ws_id):
        rng = self.rng
        pct = rng.choice([5, 10, 10, 15, 20, 20, 25, 30])
        f = p["start"] + rng.randint(0, 60)
        t = min(p["target"], f + rng.randint(60, 240))
        for _ in range(12):
            who = self.person()
            if self._peak(who, f, t) + pct <= 100:
                self.alloc[who].append((f, t, pct))
                p["allocations"].append((who, ws_id, pct, f, t))
                return

    def _name(self, k, n, ws_name):
        """Names follow the phases of a program: early ones first, launch ones last."""
        phase = EARLY if k < n * 0.25 else MIDDLE if k < n * 0.75 else LATE
        lo = n * (0 if phase is EARLY else 0.25 if phase is MIDDLE else 0.75)
        width = n * (0.25 if phase is not MIDDLE else 0.5)
        at = (k - lo) / width * len(phase)
        i = min(len(phase) - 1, max(0, int(at + self.rng.uniform(-1.5, 1.5))))
        return f"{phase[i]} ({ws_name})"

    def _make_milestones(self, p):
        rng = self.rng
        per = self.milestones
        n = rng.randint(26, 34) if per is None else rng.randint(max(1, per - per // 6), per + per // 6)
        lo, hi = p["start"] + 7, p["target"] - 7
        slot = (hi - lo) / n
        prev = lo - 1
        for k in range(n):
            date = max(prev + 1, lo + int(k * slot + rng.random() * slot * 0.7))
            prev = date
            ws_id, ws_name, ws_owner = rng.choice(p["workstreams"])
            m = {"id": f"M{k + 1}", "pid": p["id"], "name": self._name(k, n, ws_name),
                 "workstream": ws_id, "owner": ws_owner if rng.random() < 0.7 else self.person(),
                 "date": date, "status": "planned", "deps": []}
            if k > 0 and rng.random() > 0.08:     # about one in twelve starts a parallel track
                local = p["milestones"]
                m["deps"].append(local[-rng.choice([1, 1, 1, 2, 3]) if len(local) >= 3 else -1]["id"])
                if len(local) > 3 and rng.random() < 0.3:
                    extra = rng.choice(local[-6:-1])["id"]
                    if extra not in m["deps"]:
                        m["deps"].append(extra)
            if p["index"] > 0 and rng.random() < 0.12:
                other = self.programs[rng.randint(max(0, p["index"] - 10), p["index"] - 1)]
                earlier = [x for x in other["milestones"] if x["date"] < date - 2]
                if earlier:
                    m["deps"].append(f"{other['id']}/{rng.choice(earlier[-8:])['id']}")
            if not m["deps"] and rng.random() < 0.6:
                m["start"] = max(p["start"], date - rng.randint(14, 60))
            if rng.random() < 0.3:
                m["deliverables"] = rng.sample(["Design doc", "Runbook", "Test report", "Launch checklist",
                                                "Migration guide", "Dashboard", "API reference"], rng.randint(1, 2))
            if date < AS_OF:
                floor = max([self.ms[self.key(p["id"], d)].get("done_on", 0) for d in m["deps"]] + [p["start"]])
                m["status"] = "done"
                m["done_on"] = min(AS_OF - 1, max(floor, date - rng.randint(0, 3)))
            elif date < AS_OF + 21 and rng.random() < 0.3:
                m["status"] = "at-risk"
            p["milestones"].append(m)
            self._index(p["id"], m)
        p["next"]["M"] = n + 1

    @staticmethod
    def key(pid, ref):
        return ref if "/" in ref else f"{pid}/{ref}"

    def _index(self, pid, m):
        k = f"{pid}/{m['id']}"
        self.ms[k] = m
        self.dependents.setdefault(k, set())
        for d in m["deps"]:
            self.dependents.setdefault(self.key(pid, d), set()).add(k)

    def new_risk(self, p, when):
        rng = self.rng
        planned = [m for m in p["milestones"] if m["status"] in ("planned", "at-risk")] or p["milestones"]
        if not planned:
            return None
        prob, impact = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5]), rng.choice([1, 2, 3, 3, 4, 4, 5, 5])
        ws = rng.choice(p["workstreams"])[0]
        title = rng.choice(RISK_TITLES).format(v=rng.choice(VENDORS), ws=ws, m=rng.choice(planned)["id"],
                                               o=rng.choice(self.programs)["id"])
        r = {"id": f"R{p['next']['R']}", "title": title, "owner": self.person(),
             "probability": prob, "impact": impact, "status": "open",
             "affects": sorted({m["id"] for m in rng.sample(planned, min(len(planned), rng.randint(1, 2)))},
                               key=lambda x: int(x[1:])),
             "review_by": when + rng.randint(14, 60)}
        p["next"]["R"] += 1
        if prob * impact >= 12 or rng.random() < 0.4:
            r["mitigation"] = rng.choice(MITIGATIONS)
        return r

    def _make_risks(self, p):
        for _ in range(self.rng.randint(16, 24)):
            r = self.new_risk(p, AS_OF)
            roll = self.rng.random()
            if roll < 0.2:
                r["status"] = "closed"
            elif roll < 0.4:
                r["status"] = "mitigating"
                r.setdefault("mitigation", self.rng.choice(MITIGATIONS))
            elif roll < 0.45:
                r["status"] = "realized"
            p["risks"].append(r)

    def _make_budget(self, p):
        rng = self.rng
        n = rng.randint(12, 18)
        budget = int(p["total"] * rng.uniform(0.78, 0.95))
        weights = [rng.random() + 0.2 for _ in range(n)]
        scale = budget / sum(weights)
        for k, w in enumerate(weights):
            line = {"id": f"B{k + 1}", "category": rng.choice(BUDGET_CATEGORIES),
                    "amount": max(1000, int(w * scale) // 1000 * 1000)}
            if line["category"] != "contingency":
                line["workstream"] = rng.choice(p["workstreams"])[0]
            p["lines"].append(line)
        p["next"]["B"] = n + 1

    def _make_decisions(self, p):
        rng = self.rng
        for k, title in enumerate(rng.sample(DECISIONS, rng.randint(4, 6))):
            d = {"id": f"D{k + 1}", "title": title, "date": p["start"] + rng.randint(-10, 60),
                 "status": rng.choice(["accepted", "accepted", "accepted", "proposed", "rejected"]),
                 "owner": self.person()}
            p["decisions"].append(d)
        p["next"]["D"] = len(p["decisions"]) + 1
        if len(p["decisions"]) >= 4 and rng.random() < 0.4:
            old, new = p["decisions"][1], p["decisions"][-1]
            old["status"], old["superseded_by"] = "superseded", new["id"]
            new["status"], new["supersedes"] = "accepted", old["id"]

    # -- serialisation -------------------------------------------------------
    def charter_yaml(self):
        return ("version: 1\n"
                "policy:\n"
                "  approval_trailer: Approved-by\n"
                "  require_approval:\n"
                "    slip_days: 7\n"
                "    budget_increase_percent: 5\n"
                "    milestone_removed: true\n"
                "  rules:\n"
                "    risk-high-without-mitigation: error\n")

    def people_yaml(self):
        out = ["people:\n"]
        for pid, name, email, team in self.people:
            out.append(f"  - id: {pid}\n    name: {scalar(name)}\n    email: {email}\n    team: {team}\n")
        return "".join(out)

    def program_yaml(self, p):
        o = [f"id: {p['id']}\n", f"name: {scalar(p['name'])}\n", f"owner: {p['owner']}\n",
             f"sponsor: {p['sponsor']}\n", f"status: {p['status']}\n", f"start: {iso(p['start'])}\n",
             f"target: {iso(p['target'])}\n",
             f"budget: {{ currency: {p['currency']}, total: {p['total']} }}\n", "objectives:\n"]
        o += [f"  - {scalar(x)}\n" for x in p["objectives"]]
        o.append(f"scope:\n  in: {flow_list(p['scope_in'])}\n  out: {flow_list(p['scope_out'])}\n")
        o.append("workstreams:\n")
        o += [f"  - {{ id: {i}, name: {scalar(n)}, owner: {w} }}\n" for i, n, w in p["workstreams"]]
        o.append("stakeholders:\n")
        o += [f"  - {{ person: {w}, role: {r} }}\n" for w, r in p["stakeholders"]]
        if p["allocations"]:
            o.append("allocations:\n")
            o += [f"  - {{ person: {w}, workstream: {ws}, percent: {pc}, from: {iso(f)}, to: {iso(t)} }}\n"
                  for w, ws, pc, f, t in p["allocations"]]
        return "".join(o)

    def milestones_yaml(self, p):
        o = ["milestones:\n"]
        for m in p["milestones"]:
            o.append(f"  - id: {m['id']}\n    name: {scalar(m['name'])}\n    workstream: {m['workstream']}\n"
                     f"    owner: {m['owner']}\n")
            if "start" in m:
                o.append(f"    start: {iso(m['start'])}\n")
            o.append(f"    date: {iso(m['date'])}\n")
            if m["status"] != "planned":
                o.append(f"    status: {m['status']}\n")
            if "done_on" in m:
                o.append(f"    done_on: {iso(m['done_on'])}\n")
            if m["deps"]:
                o.append(f"    depends_on: [{', '.join(m['deps'])}]\n")
            if "deliverables" in m:
                o.append(f"    deliverables: {flow_list(m['deliverables'])}\n")
        return "".join(o)

    def risks_yaml(self, p):
        o = ["risks:\n"]
        for r in p["risks"]:
            o.append(f"  - id: {r['id']}\n    title: {scalar(r['title'])}\n    owner: {r['owner']}\n"
                     f"    probability: {r['probability']}\n    impact: {r['impact']}\n    status: {r['status']}\n")
            if "mitigation" in r:
                o.append(f"    mitigation: {scalar(r['mitigation'])}\n")
            if r["affects"]:
                o.append(f"    affects: [{', '.join(r['affects'])}]\n")
            o.append(f"    review_by: {iso(r['review_by'])}\n")
        return "".join(o)

    def budget_yaml(self, p):
        o = [f"# Amounts in {p['currency']}.\nlines:\n"]
        for b in p["lines"]:
            ws = f", workstream: {b['workstream']}" if "workstream" in b else ""
            o.append(f"  - {{ id: {b['id']}, category: {b['category']}{ws}, amount: {b['amount']} }}\n")
        return "".join(o)

    def decisions_yaml(self, p):
        o = ["decisions:\n"]
        for d in p["decisions"]:
            extra = "".join(f", {k}: {d[k]}" for k in ("superseded_by", "supersedes") if k in d)
            o.append(f"  - {{ id: {d['id']}, title: {scalar(d['title'])}, date: {iso(d['date'])}, "
                     f"status: {d['status']}, owner: {d['owner']}{extra} }}\n")
        return "".join(o)

    FILES = ("program", "milestones", "risks", "budget", "decisions")

    def render(self, p, which):
        return getattr(self, f"{which}_yaml")(p)

    def all_files(self):
        yield "charter.yaml", self.charter_yaml()
        yield "people.yaml", self.people_yaml()
        for p in self.programs:
            for f in self.FILES:
                yield f"programs/{p['id']}/{f}.yaml", self.render(p, f)


# ---------------------------------------------------------------------------
# Edits for the history. Each returns (files touched, subject, body lines, trailers)
# or None when it does not apply; a change is applied only when `allowed(pid)` holds
# for every program it touches.


class Editor:
    def __init__(self, ws):
        self.ws = ws
        self.rng = ws.rng
        self.issue = 100

    def ref(self):
        self.issue += self.rng.randint(1, 3)
        return f"#{self.issue}"

    def approver(self, p):
        who = p["sponsor"] if self.rng.random() < 0.7 else self.ws.person()
        name, email = self.ws.names[who]
        return f"{name} <{email}>"

    def planned(self, p):
        return [m for m in p["milestones"] if m["status"] in ("planned", "at-risk")]

    def _shift(self, moves, allowed, today):
        """moves: key -> new date. Pushes dependents as needed; widens targets.
        Returns {key: (old, new)} and {pid: (old target, new target)}, or None."""
        ws = self.ws
        new = dict(moves)
        queue = list(moves)
        while queue:
            k = queue.pop()
            for dk in ws.dependents.get(k, ()):
                m = ws.ms[dk]
                if m["status"] in ("done", "cancelled"):
                    return None
                need = max(new.get(ws.key(m["pid"], d), ws.ms[ws.key(m["pid"], d)]["date"])
                           for d in m["deps"]) + 1
                if new.get(dk, m["date"]) < need:
                    new[dk] = need
                    queue.append(dk)
        touched = sorted({ws.ms[k]["pid"] for k in new})   # sorted: set order varies between runs
        if not all(allowed(pid) for pid in touched):
            return None
        targets = {}
        for pid in touched:
            p = ws.by_id[pid]
            latest = max(new[k] for k in new if ws.ms[k]["pid"] == pid)
            if latest > p["target"]:
                targets[pid] = (p["target"], latest + self.rng.randint(0, 14))
        changes = {}
        for k, d in new.items():
            m = ws.ms[k]
            old = m["date"]
            if d == old:
                continue
            changes[k] = (old, d)
            m["date"] = d
            if "start" in m:
                m["start"] = max(ws.by_id[m["pid"]]["start"], min(m["start"] + (d - old), d))
        for pid, (_, t) in targets.items():
            ws.by_id[pid]["target"] = t
        return changes, targets

    def slip(self, p, allowed, today):
        rng = self.rng
        cands = [m for m in self.planned(p) if m["date"] >= today] or self.planned(p)
        if not cands:
            return None
        m = rng.choice(cands)
        k = f"{p['id']}/{m['id']}"
        roll = rng.random()
        if roll < 0.12:   # pull in
            floor = max([self.ws.ms[self.ws.key(p["id"], d)]["date"] for d in m["deps"]]
                        + [p["start"], today, m.get("start", 0)])
            days = -min(rng.randint(1, 7), m["date"] - floor - 1)
            if days >= 0:
                return None
        else:
            days = rng.randint(1, 6) if roll < 0.5 else rng.randint(7, 14) if roll < 0.85 else rng.randint(15, 45)
        res = self._shift({k: m["date"] + days}, allowed, today)
        if res is None:
            return None
        changes, targets = res
        touched = {self.ws.ms[x]["pid"] for x in changes}
        files = {(pid, "milestones") for pid in touched} | {(pid, "program") for pid in targets}
        reason = rng.choice(REASONS)
        if days > 0:
            subject = f"{p['id']}: slip {m['id']} {m['name']} by {days} day{'s' if days > 1 else ''}"
        else:
            subject = f"{p['id']}: pull {m['id']} {m['name']} in by {-days} day{'s' if days < -1 else ''}"
        body = [f"{m['id']} moves from {iso(changes[k][0])} to {iso(changes[k][1])}."]
        moved = sorted(x for x in changes if x != k)
        if moved:
            body.append("Dependents that move with it: " + ", ".join(moved[:12]) + (" and more." if len(moved) > 12 else "."))
        for pid, (old, new) in sorted(targets.items()):
            body.append(f"{pid} target moves from {iso(old)} to {iso(new)}.")
        trailers = [f"Reason: {reason}"]
        if days >= 7 and rng.random() < 0.85:
            trailers.append(f"Approved-by: {self.approver(p)}")
        trailers.append(f"Refs: {self.ref()}")
        return files, subject, body, trailers

    def rebaseline(self, p, allowed, today):
        planned = [m for m in self.planned(p) if m["date"] >= today]
        if len(planned) < 5:
            return None
        days = self.rng.choice([7, 14, 21, 28])
        res = self._shift({f"{p['id']}/{m['id']}": m["date"] + days for m in planned}, allowed, today)
        if res is None:
            return None
        changes, targets = res
        touched = {self.ws.ms[x]["pid"] for x in changes}
        files = {(pid, "milestones") for pid in touched} | {(pid, "program") for pid in targets}
        body = [f"Every open milestone of {p['id']} moves {days} days later ({len(changes)} milestones in all,",
                "including dependents in other programs)."]
        for pid, (old, new) in sorted(targets.items()):
            body.append(f"{pid} target moves from {iso(old)} to {iso(new)}.")
        trailers = [f"Reason: {self.rng.choice(REASONS)}", f"Approved-by: {self.approver(p)}", f"Refs: {self.ref()}"]
        return files, f"Re-baseline {p['id']} schedule (+{days} days)", body, trailers

    def budget(self, p, allowed, today):
        rng = self.rng
        line = rng.choice(p["lines"])
        pct = rng.choice([-10, -5, 3, 5, 8, 10, 15, 20, 30])
        delta = max(1000, abs(line["amount"] * pct // 100) // 1000 * 1000) * (1 if pct > 0 else -1)
        if line["amount"] + delta < 1000:
            return None
        line["amount"] += delta
        files = {(p["id"], "budget")}
        spent = sum(b["amount"] for b in p["lines"])
        body = [f"{line['id']} ({line['category']}) {'+' if delta > 0 else '-'}${abs(delta):,}."]
        trailers = [f"Reason: {rng.choice(REASONS)}"]
        if spent > p["total"]:
            old = p["total"]
            p["total"] = -(-spent * rng.choice([100, 102, 105]) // 100 // 10000) * 10000
            files.add((p["id"], "program"))
            grow = (p["total"] - old) * 100 / old
            subject = f"{p['id']}: raise budget by ${p['total'] - old:,} (+{grow:.1f}%)"
            body.append(f"Total moves from ${old:,} to ${p['total']:,}.")
            if grow > 5 and rng.random() < 0.9:
                trailers.append(f"Approved-by: {self.approver(p)}")
        else:
            subject = f"{p['id']}: {'increase' if delta > 0 else 'reduce'} budget line {line['id']} by ${abs(delta):,}"
        trailers.append(f"Refs: {self.ref()}")
        return files, subject, body, trailers

    def add_risk(self, p, allowed, today):
        r = self.ws.new_risk(p, today)
        if r is None:
            return None
        p["risks"].append(r)
        score = r["probability"] * r["impact"]
        body = [f"Probability {r['probability']} x impact {r['impact']} = score {score}."]
        if "mitigation" in r:
            body.append(f"Mitigation: {r['mitigation']}.")
        return {(p["id"], "risks")}, f"{p['id']}: add risk {r['id']} ({r['title']})", body, [f"Refs: {self.ref()}"]

    def close_risk(self, p, allowed, today):
        live = [r for r in p["risks"] if r["status"] in ("open", "mitigating")]
        if not live:
            return None
        r = self.rng.choice(live)
        r["status"] = "closed"
        return ({(p["id"], "risks")}, f"{p['id']}: close risk {r['id']}",
                [f"{r['title']}: no longer a threat."], [f"Refs: {self.ref()}"])

    def mark_done(self, p, allowed, today):
        ws = self.ws
        for m in sorted(self.planned(p), key=lambda m: m["date"]):
            deps = [ws.ms[ws.key(p["id"], d)] for d in m["deps"]]
            if all(d["status"] == "done" for d in deps) and m["date"] <= today + 14:
                floor = max([d["done_on"] for d in deps] + [p["start"]])
                m["status"], m["done_on"] = "done", max(floor, min(today, m["date"] + 30))
                return ({(p["id"], "milestones")}, f"{p['id']}: {m['id']} {m['name']} done",
                        [f"Done on {iso(m['done_on'])} (planned {iso(m['date'])})."], [])
        return None

    def add_milestone(self, p, allowed, today):
        rng, ws = self.rng, self.ws
        base = [m for m in self.planned(p) if m["date"] > today]
        if not base:
            return None
        dep = rng.choice(base)
        date = dep["date"] + rng.randint(3, 20)
        files = {(p["id"], "milestones")}
        if date > p["target"]:
            p["target"] = date + rng.randint(0, 14)
            files.add((p["id"], "program"))
        ws_id, ws_name, owner = rng.choice(p["workstreams"])
        m = {"id": f"M{p['next']['M']}", "pid": p["id"], "name": f"{rng.choice(MIDDLE + LATE)} ({ws_name})",
             "workstream": ws_id, "owner": owner, "date": date, "status": "planned", "deps": [dep["id"]]}
        p["next"]["M"] += 1
        p["milestones"].append(m)
        ws._index(p["id"], m)
        return files, f"{p['id']}: add milestone {m['id']} {m['name']}", [f"Due {iso(date)}, after {dep['id']}."], \
            [f"Reason: {rng.choice(['New requirement from stakeholders', 'Split out of an existing milestone', 'Compliance ask'])}",
             f"Refs: {self.ref()}"]

    def remove_milestone(self, p, allowed, today):
        ws = self.ws
        cands = [m for m in self.planned(p) if not ws.dependents.get(f"{p['id']}/{m['id']}")]
        if not cands:
            return None
        m = self.rng.choice(cands)
        k = f"{p['id']}/{m['id']}"
        p["milestones"].remove(m)
        del ws.ms[k], ws.dependents[k]
        for d in m["deps"]:
            ws.dependents[ws.key(p["id"], d)].discard(k)
        files = {(p["id"], "milestones")}
        for r in p["risks"]:
            if m["id"] in r["affects"]:
                r["affects"] = [a for a in r["affects"] if a != m["id"]]
                files.add((p["id"], "risks"))
        trailers = [f"Reason: {self.rng.choice(['Descoped to next year', 'Merged into another milestone', 'No longer needed'])}"]
        if self.rng.random() < 0.9:
            trailers.append(f"Approved-by: {self.approver(p)}")
        trailers.append(f"Refs: {self.ref()}")
        return files, f"{p['id']}: remove milestone {m['id']} {m['name']}", [f"Was due {iso(m['date'])}."], trailers

    def supersede(self, p, allowed, today):
        live = [d for d in p["decisions"] if d["status"] == "accepted" and "superseded_by" not in d]
        if not live:
            return None
        old = self.rng.choice(live)
        title = self.rng.choice([t for t in DECISIONS if t != old["title"]])
        new = {"id": f"D{p['next']['D']}", "title": title,
               "date": today, "status": "accepted", "owner": self.ws.person(), "supersedes": old["id"]}
        p["next"]["D"] += 1
        old["status"], old["superseded_by"] = "superseded", new["id"]
        p["decisions"].append(new)
        return ({(p["id"], "decisions")}, f"{p['id']}: {new['id']} supersedes {old['id']}",
                [f"{new['title']} replaces {old['title']}."], [f"Refs: {self.ref()}"])

    def scope(self, p, allowed, today):
        new = [x for x in SCOPE_ITEMS if x not in p["scope_in"] and x not in p["scope_out"]]
        if not new:
            return None
        item = self.rng.choice(new)
        p["scope_in"].append(item)
        return ({(p["id"], "program")}, f"{p['id']}: add {item} to scope", [],
                [f"Reason: {self.rng.choice(['Customer request', 'Stakeholder review', 'Competitive pressure'])}",
                 f"Refs: {self.ref()}"])

    OPS = [("slip", 34), ("budget", 18), ("add_risk", 12), ("close_risk", 8), ("mark_done", 14),
           ("add_milestone", 4), ("remove_milestone", 3), ("supersede", 3), ("scope", 3), ("rebaseline", 1)]

    def change(self, programs, allowed, today):
        names = [n for n, _ in self.OPS]
        weights = [w for _, w in self.OPS]
        for _ in range(50):
            p = self.rng.choice(programs)
            op = self.rng.choices(names, weights)[0]
            res = getattr(self, op)(p, allowed, today)
            if res is not None:
                return p, res
        raise RuntimeError("no applicable change found")


# ---------------------------------------------------------------------------
# Commands


def write_workspace(ws, dest):
    for rel, text in ws.all_files():
        path = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


def fail(message):
    print(f"generate.py: {message}", file=sys.stderr)
    sys.exit(2)


def check_dest(dest):
    if os.path.exists(dest) and (not os.path.isdir(dest) or os.listdir(dest)):
        fail(f"{dest} exists and is not an empty folder")


def git_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, LC_ALL="C")
    return env


def cmd_workspace(args):
    check_dest(args.dest)
    ws = Workspace(args.programs, args.seed)
    write_workspace(ws, args.dest)
    n_ms = sum(len(p["milestones"]) for p in ws.programs)
    print(f"Wrote {args.programs} programs, {n_ms} milestones, {len(ws.people)} people to {args.dest}")


def cmd_history(args):
    if args.commits < 1:
        fail("--commits must be at least 1")
    check_dest(args.dest)
    started = time.time()
    ws = Workspace(args.programs, args.seed, args.milestones)
    ed = Editor(ws)
    rng = ws.rng
    os.makedirs(args.dest, exist_ok=True)
    env = git_env()
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", "--template=", args.dest],
                   check=True, env=env)
    proc = subprocess.Popen(["git", "-c", "gc.auto=0", "fast-import", "--quiet", "--done"],
                            cwd=args.dest, stdin=subprocess.PIPE, env=env)
    out = proc.stdin
    people = ws.names

    def data(text):
        b = text.encode("utf-8")
        out.write(b"data %d\n" % len(b))
        out.write(b)
        out.write(b"\n")

    clock = [AS_OF * DAY - _dt.date(1970, 1, 1).toordinal() * DAY + 9 * 3600]
    mark = [0]

    def commit(ref, who, subject, body, trailers, files, parent, merge=None, committer=None):
        clock[0] += rng.randint(4, 50) * 60
        mark[0] += 1
        name, email = people[who]
        cname, cemail = committer or (name, email)
        msg = subject + "\n"
        if body:
            msg += "\n" + "\n".join(body) + "\n"
        if trailers:
            msg += "\n" + "\n".join(trailers) + "\n"
        out.write(f"commit {ref}\nmark :{mark[0]}\n"
                  f"author {name} <{email}> {clock[0]} +0000\n"
                  f"committer {cname} <{cemail}> {clock[0]} +0000\n".encode())
        data(msg)
        if parent:
            out.write(f"from :{parent}\n".encode())
        if merge:
            out.write(f"merge :{merge}\n".encode())
        for rel, text in files:
            out.write(f"M 100644 inline {rel}\n".encode())
            data(text)
        out.write(b"\n")
        return mark[0]

    def rendered(keys):
        return [(f"programs/{pid}/{f}.yaml", ws.render(ws.by_id[pid], f)) for pid, f in sorted(keys)]

    main = commit("refs/heads/main", ws.programs[0]["owner"],
                  f"Import plans for {len(ws.programs)} programs", [
                      "Programs, milestones, risks, budgets and decisions as of the planning review."],
                  [f"Refs: {ed.ref()}"], list(ws.all_files()), None)
    made, prs = 1, 0
    # --plan-commits K: about K of the M commits change plans; the rest change other files.
    code_share = 0.0 if args.plan_commits is None else max(0.0, 1.0 - args.plan_commits / max(1, args.commits))
    branch = None   # dict(program ids, tip, base, left, files, title)
    while made < args.commits:
        today = clock[0] // DAY + _dt.date(1970, 1, 1).toordinal()
        if branch and branch["left"] == 0:
            prs += 1
            owner = ws.by_id[next(iter(branch["pids"]))]["owner"]
            main = commit("refs/heads/main", owner,
                          f"Merge pull request #{branch['pr']} from acme/{branch['name']}",
                          [branch["title"]], [f"Approved-by: {ed.approver(ws.by_id[next(iter(branch['pids']))])}"],
                          rendered(branch["files"]), main, merge=branch["tip"],
                          committer=("GitHub", "noreply@github.com"))
            made += 1
            branch = None
            continue
        if branch is None and code_share and rng.random() < code_share:
            # A commit outside the plans (the repository's other work), as in a monorepo.
            n = made % 50
            main = commit("refs/heads/main", ws.person(), f"Refactor module {n}", [], [],
                          [(f"src/module{n}.txt", f"revision {made}\n")], main)
            made += 1
            continue
        if branch is None and args.commits - made > 8 and rng.random() < 0.03:
            p = rng.choice(ws.programs)
            ed.issue += 1
            branch = {"pids": {p["id"]}, "tip": main, "left": rng.randint(2, 5), "files": set(),
                      "pr": ed.issue, "name": f"{p['id']}-replan-{ed.issue}",
                      "title": f"Replan {p['id']} after the quarterly review"}
        # A branch still open must get its remaining commits and its merge in before the end.
        on_branch = branch is not None and (rng.random() < 0.5 or args.commits - made <= branch["left"] + 1
                                            or len(branch["pids"]) == len(ws.programs))
        if on_branch:
            progs = [ws.by_id[x] for x in branch["pids"]]
            allowed = branch["pids"].__contains__
        else:
            locked = branch["pids"] if branch else set()
            progs = [p for p in ws.programs if p["id"] not in locked]
            allowed = (lambda pid, locked=locked: pid not in locked)
        p, (files, subject, body, trailers) = ed.change(progs, allowed, today)
        people_here = [p["owner"]] + [w for _, _, w in p["workstreams"]]
        author = rng.choice(people_here) if rng.random() < 0.8 else ws.person()
        if on_branch:
            branch["tip"] = commit("refs/heads/pr", author, subject, body, trailers, rendered(files), branch["tip"])
            branch["files"] |= files
            branch["left"] -= 1
        else:
            main = commit("refs/heads/main", author, subject, body, trailers, rendered(files), main)
        made += 1
    out.write(b"done\n")
    out.close()
    if proc.wait() != 0:
        fail("git fast-import failed")
    subprocess.run(["git", "update-ref", "-d", "refs/heads/pr"], cwd=args.dest, env=env, check=False,
                   stderr=subprocess.DEVNULL)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=args.dest, env=env, check=True)
    print(f"Wrote {made} commits ({prs} merges) over {args.programs} programs to {args.dest} "
          f"in {time.time() - started:.1f}s")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Synthetic Charter workspaces and histories for benchmarks.")
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("workspace", help="write a workspace of N programs into DEST")
    h = sub.add_parser("history", help="create a git repository at DEST with M commits over N programs")
    for p in (w, h):
        p.add_argument("dest", metavar="DEST")
        p.add_argument("--programs", type=int, required=True, metavar="N")
        p.add_argument("--seed", type=int, default=1, metavar="S")
    h.add_argument("--commits", type=int, required=True, metavar="M")
    h.add_argument("--milestones", type=int, metavar="N",
                   help="about N milestones per program (default 26 to 34); --programs 20 --commits 1500 "
                        "--milestones 50 is shaped like a real planning history (see docs/performance.md)")
    h.add_argument("--plan-commits", type=int, metavar="K",
                   help="about K commits change plans, the others change files outside them (default: all)")
    args = ap.parse_args(argv)
    if args.programs < 1:
        ap.error("--programs must be at least 1")
    (cmd_workspace if args.command == "workspace" else cmd_history)(args)


if __name__ == "__main__":
    main()
