"""End-to-end tests of `charter lsp`: the real binary, driven over pipes by a real LSP client
(pytest-lsp on pygls and lsprotocol) and, for what a well-behaved client never sends, by raw
JSON-RPC frames. The binary is $CHARTER_BINARY, else .build/debug/charter of this package."""

import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("CHARTER_BINARY") or str(ROOT / ".build" / "debug" / "charter")
AS_OF = "2026-03-01"
SERVER_COMMAND = [BINARY, "lsp", "--as-of", AS_OF]

PEOPLE = """\
people:
  - { id: alice, name: Alice Ng, email: alice@example.com }
  - { id: bob, name: Bob Stone, email: bob@example.com }
  - { id: carol, name: Carol Diaz, email: carol@example.com }
"""

PAYMENTS_PROGRAM = """\
id: payments
name: Payments Platform
owner: alice
status: active
start: 2026-01-05
target: 2026-12-31
workstreams:
  - { id: api, name: Public API, owner: carol }
allocations:
  - { person: carol, workstream: api, percent: 50 }
"""

PAYMENTS_MILESTONES = """\
milestones:
  - id: M1
    name: Design review
    owner: carol
    date: 2026-02-15
    status: done
    done_on: 2026-02-14
  - id: M2
    name: Beta
    workstream: api
    date: 2026-06-01
    depends_on: [M1, identity/M3]
"""

IDENTITY_PROGRAM = """\
id: identity
name: Identity
owner: bob
status: active
start: 2026-01-05
target: 2026-10-31
"""

IDENTITY_MILESTONES = """\
milestones:
  - { id: M3, name: SSO for merchants, date: 2026-05-01, owner: bob }
"""

FILES = {
    "charter.yaml": "version: 1\n",
    "people.yaml": PEOPLE,
    "programs/payments/program.yaml": PAYMENTS_PROGRAM,
    "programs/payments/milestones.yaml": PAYMENTS_MILESTONES,
    "programs/identity/program.yaml": IDENTITY_PROGRAM,
    "programs/identity/milestones.yaml": IDENTITY_MILESTONES,
}


def write_workspace(root: pathlib.Path) -> pathlib.Path:
    for relative, text in FILES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def workspace(tmp_path):
    return write_workspace(tmp_path / "plans")


def pytest_sessionstart(session):
    if not os.access(BINARY, os.X_OK):
        print(f"charter binary not found at {BINARY}: build it first (swift build)", file=sys.stderr)
