"""`verify` catches what it claims to: every change made behind the app's back to the record, to what the
record decides (proposals' standing, rounds' frozen text, agreements and their parties), to the version
chains (first, middle or last version deleted) and to the database file; and a document sent earlier
proves a later rewrite of the history."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.clauses import chain_hash
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from tests.library_backends import behind_the_apps_back, true_location

from .test_cli import negotiator

_LAST = "(SELECT max(id) FROM negotiation_event)"
_QUORUM = "(SELECT id FROM clause WHERE key = 'alliance.board.quorum')"
_SECTION = "(SELECT section_id FROM section_version WHERE number = 2 ORDER BY section_id LIMIT 1)"

# (what is done behind the app's back, what verify must say about it)
TAMPERING = {
    "an edited event": (["UPDATE negotiation_event SET actor = 'Mallory' WHERE action = 'accept'"],
                        r"record event \d+ \(accept proposal \d+\): its stored content no longer matches its hash"),
    "a deleted event": (["DELETE FROM negotiation_event WHERE action = 'reject'"],
                        r"its link to the event before is broken"),
    "the last event deleted": ([f"DELETE FROM negotiation_event WHERE id = {_LAST}"],  # it anchored version 3
                               r"clause alliance.board.quorum: version 3 is not in the negotiation record"),
    "two events swapped": (["UPDATE negotiation_event SET id = -1 WHERE id = 5",
                            "UPDATE negotiation_event SET id = 5 WHERE id = 6",
                            "UPDATE negotiation_event SET id = 6 WHERE id = -1"],
                           r"record event 5 .*no longer matches its hash"),
    "a proposal's status": (["UPDATE proposal SET status = 'accepted' WHERE id = 3"],
                            r"proposal 3: it is stored as accepted, but the record says rejected"),
    "a proposal's decider": (["UPDATE proposal SET decided_by = (SELECT id FROM party WHERE short_name = "
                              "'Hope Street') WHERE id = 2"],
                             r"proposal 2: it is stored as decided by Hope Street Wellbeing, but the record says NHS"),
    "a decision's reason": (["UPDATE proposal SET decision_note = 'Because I said so' WHERE id = 3"],
                            r"proposal 3: the reason stored with its decision differs from the record"),
    "a deleted proposal": (["DELETE FROM proposal WHERE id = 6"],
                           r"proposal 6: it is in the negotiation record but was deleted"),
    "a round's frozen text": (["UPDATE round SET snapshot = replace(snapshot, 'every two months', 'every month') "
                               "WHERE label = 'Draft 1'"],
                              r"round \d+ \('Draft 1'\): its frozen text differs from the hash recorded"),
    "a clause's first version deleted": ([f"DELETE FROM clause_version WHERE clause_id = {_QUORUM} AND number = 1"],
                                         r"clause alliance.board.quorum version 2: the version before it is missing"),
    "a clause's middle version deleted": ([f"DELETE FROM clause_version WHERE clause_id = {_QUORUM} AND number = 2"],
                                          r"clause alliance.board.quorum version 3: the version before it is missing"),
    "a clause's last version deleted": ([f"DELETE FROM clause_version WHERE clause_id = {_QUORUM} AND number = 3",
                                         f"UPDATE clause SET latest_number = 2 WHERE id = {_QUORUM}"],
                                        r"clause alliance.board.quorum: version 3 is recorded but missing"),
    "a clause left with no version": ([f"DELETE FROM clause_version WHERE clause_id = {_QUORUM}"],
                                      r"clause alliance.board.quorum: every version was deleted"),
    "a section's last version deleted": ([f"DELETE FROM section_version WHERE section_id = {_SECTION} AND number = 2",
                                          f"UPDATE section SET latest_number = 1 WHERE id = {_SECTION}"],
                                         r"section \d+ of 'Northshire Ageing Well Alliance Agreement': version 2 is "
                                         r"recorded but missing"),
    "a terms version deleted": (["DELETE FROM terms_version WHERE agreement_id = 1"],
                                r"terms of 'Northshire Ageing Well Alliance Agreement': every version was deleted"),
    "an agreement's status": (["UPDATE agreement SET status = 'signed' WHERE id = 1"],
                              r"agreement 1 \('Northshire Ageing Well Alliance Agreement'\): its status does not "
                              r"match the record"),
    "a party slipped in": (["INSERT INTO agreement_party (agreement_id, party_id, role, position) SELECT 1, id, "
                            "'alliance_member', 9 FROM party WHERE short_name = 'Meridian'"],
                           r"agreement 1 .*its parties and roles do not match the record"),
}


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    for text in ("A quorum is three members.", "A quorum is four members."):  # versions 2 and 3 of a clause
        opened.clauses.revise("alliance.board.quorum", text)
    yield opened
    opened.close()


def test_an_untouched_library_checks_out(ws: Workspace) -> None:
    found = ws.record.verify()
    assert found.problems == () and found.checked > 200


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_verify_names_what_was_changed_behind_the_apps_back(ws: Workspace, case: str) -> None:
    statements, expected = TAMPERING[case]
    for statement in statements:
        behind_the_apps_back(true_location(ws), statement)
    problems = ws.record.verify().texts()
    assert any(__import__("re").search(expected, p) for p in problems), problems


def test_sqlites_own_check_of_the_file_is_part_of_verify(demo_path: Path) -> None:
    connection = sqlite3.connect(demo_path)
    # An index that no longer matches its table, as a damaged page would leave it.
    version = connection.execute("PRAGMA schema_version").fetchone()[0]
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_section_agreement_id ON section (position)' "
                       "WHERE name = 'ix_section_agreement_id'")
    connection.execute(f"PRAGMA schema_version={version + 1}")
    connection.commit()
    connection.close()
    result = negotiator("--library", demo_path, "verify")
    assert result.returncode == 1 and "SQLite's own integrity check of the library file failed" in result.stdout


def test_a_document_sent_earlier_catches_a_history_rewritten_since(ws: Workspace, tmp_path: Path) -> None:
    ws.act_as("Northshire ICB")
    docx, package = tmp_path / "clean.docx", tmp_path / "alliance.negotiation"
    ws.export.export_clean(ALLIANCE, docx)
    ws.packages.export(ALLIANCE, "Northshire ICB", package)
    for sent in (docx, package):
        check = ws.record.check_against(sent)
        assert check.holds and "still holds it unchanged" in check.message
    ws.negotiation.propose_term(ALLIANCE, "payment.days", "25", "Hope Street", "Faster")  # the record grows: fine
    assert ws.record.check_against(docx).holds
    # Someone rewrites the history after the documents went out, and rebuilds the chain to hide it.
    location = true_location(ws)
    head = behind_the_apps_back(location, "SELECT max(id) FROM negotiation_event")[0][0]
    behind_the_apps_back(location, f"DELETE FROM negotiation_event WHERE id > {head - 4}")
    for sent in (docx, package):
        check = ws.record.check_against(sent)
        assert not check.holds and "history has been rewritten" in check.message


def test_verify_against_on_the_command_line(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "sent.docx"
    assert negotiator("--library", demo_path, "export", "clean", ALLIANCE, "--out", out).returncode == 0
    holds = negotiator("--library", demo_path, "verify", "--against", out)
    assert holds.returncode == 0 and "still holds it unchanged" in holds.stdout
    with sqlite3.connect(demo_path) as connection:
        connection.execute("DELETE FROM negotiation_event WHERE id = (SELECT max(id) FROM negotiation_event)")
    connection.close()
    rewritten = negotiator("--library", demo_path, "verify", "--against", out)
    assert rewritten.returncode == 1 and "rewritten" in rewritten.stdout
    other = tmp_path / "notes.txt"
    other.write_text("not a document")
    refused = negotiator("--library", demo_path, "verify", "--against", other)
    assert refused.returncode == 2 and "neither a Word export" in refused.stderr


@given(st.lists(st.one_of(st.text(), st.integers(), st.none()), max_size=8))
def test_the_fast_hash_is_the_canonical_json_hash_every_chain_was_made_with(fields: list) -> None:
    try:
        expected = hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate: refused the same way by both
        with pytest.raises(UnicodeEncodeError):
            chain_hash(*fields)
        return
    assert chain_hash(*fields) == expected.hexdigest()
