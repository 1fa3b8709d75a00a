"""Checks shared by the crash and two-instance tests: run the writer child, and look at a library
after it as a user would find it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from negotiator.domain.errors import NotFound
from negotiator.services.session import Workspace, open_workspace

WRITER = Path(__file__).with_name("crash_writer.py")


def start_writer(library: Path, seed: int, run: int, writes: int, *extra: str) -> subprocess.Popen[str]:
    """Start the writer child on a library; its acknowledgements come on its stdout."""
    return subprocess.Popen([sys.executable, str(WRITER), str(library), str(seed), str(run), str(writes), *extra],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def acknowledgements(output: str) -> list[dict]:
    """The writes a writer reported as committed (a line cut short by a kill is not one)."""
    found = []
    for line in output.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("kind") != "ready":
            found.append(record)
    return found


def integrity(library: Path) -> str:
    """SQLite's own check of the file, read straight from it (WAL and all)."""
    connection = sqlite3.connect(library)
    try:
        return "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def check_library(library: Path, acknowledged: list[dict]) -> dict[str, int]:
    """Assert the library is sound and holds every acknowledged write; return its record counts."""
    assert integrity(library) == "ok"
    workspace = open_workspace(library, "Checker")
    try:
        _, clause_problems = workspace.clauses.verify()
        found = workspace.record.verify()
        _, problems = found.checked, found.texts()
        assert clause_problems == [] and problems == [], (clause_problems, problems)
        for ack in acknowledged:
            try:
                _check_write(workspace, ack)
            except NotFound as missing:
                raise AssertionError(f"an acknowledged write is missing: {ack} ({missing})") from missing
        return _counts(library)
    finally:
        workspace.close()


def _check_write(workspace: Workspace, ack: dict) -> None:
    if ack["kind"] == "revise":
        assert workspace.clauses.version(ack["key"], ack["number"]).content_hash == ack["hash"], ack
    elif ack["kind"] == "propose":
        assert workspace.negotiation.proposal(ack["id"]).proposed == ack["text"], ack
    else:
        assert workspace.negotiation.proposal(ack["id"]).status.value == ack["status"], ack


def _counts(library: Path) -> dict[str, int]:
    connection = sqlite3.connect(library)
    try:
        counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
                  for table in ("clause_version", "proposal", "negotiation_event", "section_version")}
        for action, count in connection.execute("SELECT action, count(*) FROM negotiation_event GROUP BY action"):
            counts[f"event:{action}"] = count
        return counts
    finally:
        connection.close()
