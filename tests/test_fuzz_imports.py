"""Fuzzing what reaches the library: returned redlines, negotiation packages and typed terms with
nasty text and values. Each either goes in whole or is refused with a message, and a refusal leaves
the library row for row as it was: never a crash, never a partial write."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from negotiator.domain.errors import InvalidInput
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace

from .hostile_packages import reseal, zip_bytes
from .nasty_text import carriable_text, nasty_numbers, nasty_text
from .test_hostile_imports import _fingerprint
from .word_edits import WordEdit

MAPPING = {"Jane Smith": "GP Federation"}
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-imports-"))
SLOW = settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def library_copy(template: Path, uid: str | None = None) -> Iterator[tuple[Path, Workspace]]:
    """A fresh copy of a library for one example (with its own uid when it plays another laptop)."""
    path = Path(tempfile.mkdtemp(dir=FOLDER)) / "library.sqlite"
    shutil.copyfile(template, path)
    if uid is not None:
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE library_info SET value = ? WHERE key = 'uid'", (uid,))
        connection.close()
    ws = open_workspace(path, "Test Drafter")
    try:
        yield path, ws
    finally:
        ws.close()
        shutil.rmtree(path.parent)


def refused_cleanly(path: Path, action: object) -> bool:
    """Run ``action``; True when it was refused with a message and the library is as it was."""
    before = _fingerprint(path)
    try:
        action()
    except InvalidInput as error:
        assert str(error).strip()
        str(error).encode("utf-8")
        assert _fingerprint(path) == before
        return True
    return False


# Returned redlines -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def redline(demo_template: Path) -> tuple[bytes, str]:
    """The agreed redline since Draft 2 and the export anchor of the quorum clause's first paragraph."""
    with library_copy(demo_template) as (_, ws):
        out = FOLDER / "redline.docx"
        ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
        agreement = ws.agreements.agreement(ALLIANCE).id
        section = next(n.section for n in ws.outline.outline(agreement)
                       if n.section.clause_key == "alliance.board.quorum")
        return out.read_bytes(), f"s{section.id}.p1"


# What Word can carry (lxml refuses the rest when the counterparty's file is built), which still
# includes characters the app refuses in wording, such as DEL and the C1 controls.
word_text = st.one_of(carriable_text(), st.sampled_from(["", " ", "\x7f", "x" * 100_001]))


@SLOW
@given(word_text, word_text, word_text)
@example("5 Working Days", "New heading", "its wording\x7f")  # the second proposal fails after the first was made
@example("\u202eסעיף 5\u202c 😀", "العقد", "x" * 100_001)
@example("{{payment days}}", "H", "B")  # a broken placeholder, typed in Word
def test_a_returned_redline_is_imported_whole_or_not_at_all(demo_template: Path, redline: tuple[bytes, str],
                                                             replacement: str, heading: str, body: str) -> None:
    data, quorum = redline
    with library_copy(demo_template) as (path, ws):
        returned = path.parent / "returned.docx"
        returned.write_bytes(data)
        edit = WordEdit(returned)
        edit.replace_words(quorum, "10 Working Days", replacement, "Jane Smith")
        edit.insert_paragraphs_after(quorum, [("Heading2", heading), ("", body)], "Jane Smith")
        edit.save()
        count = len(ws.negotiation.proposals(ALLIANCE))
        if refused_cleanly(path, lambda: ws.returned.import_file(ALLIANCE, returned, MAPPING, "GP Federation")):
            return
        made = len(ws.negotiation.proposals(ALLIANCE)) - count
        assert made >= 1  # the quorum clause's wording changed, so at least that proposal


# Negotiation packages ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package_entries(demo_template: Path) -> dict[str, bytes]:
    """The entries of a good package the ICB sends."""
    with library_copy(demo_template) as (_, ws):
        out = FOLDER / "good.negotiation"
        ws.packages.export(ALLIANCE, "Northshire ICB", out)
    with zipfile.ZipFile(out) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


_TARGETS = [("agreement.json", ("title",)), ("agreement.json", ("terms", "payment", "annual_value")),
            ("agreement.json", ("terms", "risk_share", "shares", 0, "gain")), ("agreement.json", ("terms",)),
            ("agreement.json", ("terms", "duration", "start")), ("agreement.json", ("parties", 0, "role")),
            ("sections.json", (0, "text")), ("sections.json", (1, "heading")), ("parties.json", (0, "name")),
            ("proposals.json", (0, "proposed")), ("proposals.json", (0, "rationale")),
            ("proposals.json", (0, "target")),
            ("rounds.json", (0, "terms")), ("rounds.json", (0, "label"))]
_values = st.one_of(nasty_text(long=False), nasty_numbers(), st.none(), st.integers(), st.just({}), st.just([]))


@SLOW
@given(st.sampled_from(_TARGETS), _values)
@example(("agreement.json", ("terms",)), {})  # KeyError escaped the import
@example(("rounds.json", (0, "terms")), {"risk_share": []})  # so did a TypeError
@example(("agreement.json", ("terms", "duration", "start")), "9999-12-01")  # saved; the wording then crashed
@example(("sections.json", (0, "text")), "\x00")
@example(("agreement.json", ("title",)), "0")  # a title of digits was then taken for an id that did not exist
@example(("sections.json", (0, "text")), "{{risk_share.north.gain}}")  # wording naming a term it does not have
def test_a_package_with_nasty_content_is_imported_whole_or_not_at_all(
        starter_template: Path, package_entries: dict[str, bytes], target: tuple[str, tuple], value: object) -> None:
    part, where = target
    data = json.loads(package_entries[part])
    holder = data
    for step in where[:-1]:
        holder = holder[step]
    holder[where[-1]] = value
    entries = reseal({**package_entries, part: json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")})
    with library_copy(starter_template, uid="uid-receiver") as (path, ws):
        package = path.parent / "fuzzed.negotiation"
        package.write_bytes(zip_bytes(entries))
        if not refused_cleanly(path, lambda: ws.packages.import_file(package)):
            agreement = ws.agreements.agreement(data["title"] if part == "agreement.json" and where == ("title",)
                                                else json.loads(package_entries["agreement.json"])["title"])
            ws.outline.rendered(agreement.id)  # the wording renders from the imported terms


# Typed terms and wording through the services ----------------------------------------------------


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["payment.days", "payment.annual_value", "duration.start",
                                           "duration.initial_term", "risk_share.provider-b.gain", "nosuch"]),
                          st.one_of(nasty_numbers(), nasty_text(max_pieces=5))), min_size=1, max_size=4),
       nasty_text(max_pieces=10))
@example([("duration.start", "2999-12-31"), ("duration.initial_term", "600")], "\ud800")  # SQLite refused it
def test_typed_input_is_saved_or_refused_without_a_trace(demo_template: Path, edits: list[tuple[str, str]],
                                                                 wording: str) -> None:
    with library_copy(demo_template) as (path, ws):
        agreement = ws.agreements.agreement(ALLIANCE)
        ws.act_as("Northshire ICB")
        for name, raw in edits:  # under negotiation, terms change by proposal, checked as a direct edit would be
            refused_cleanly(path, lambda name=name, raw=raw: ws.negotiation.propose_term(ALLIANCE, name, raw,
                                                                                         "Northshire ICB", "why"))
        section = ws.outline.outline(agreement.id)[0].section
        refused_cleanly(path, lambda: ws.negotiation.propose_wording(ALLIANCE, section.id, wording,
                                                                     "GP Federation", wording))
        refused_cleanly(path, lambda: ws.negotiation.propose_new_section(ALLIANCE, wording, wording, None,
                                                                         "GP Federation", "why"))
        refused_cleanly(path, lambda: ws.agreements.add_party(wording, wording, "nhs_trust"))
        refused_cleanly(path, lambda: ws.rounds.issue_round(ALLIANCE, wording, "Northshire ICB"))
        refused_cleanly(path, lambda: ws.agreements.update_agreement(agreement.id, title=wording))
        ws.outline.rendered(agreement.id)  # whatever was saved still renders
        ws.export.export_clean(agreement.id, path.parent / "clean.docx")  # and exports


def test_a_refused_second_proposal_takes_the_first_one_back_with_it(demo_template: Path,
                                                                    redline: tuple[bytes, str]) -> None:
    data, quorum = redline
    with library_copy(demo_template) as (path, ws):
        returned = path.parent / "returned.docx"
        returned.write_bytes(data)
        edit = WordEdit(returned)
        edit.replace_words(quorum, "10 Working Days", "5 Working Days", "Jane Smith")  # a good proposal first
        edit.insert_paragraphs_after(quorum, [("Heading2", "Deputies"), ("", "A deputy may attend.\x7f")],
                                     "Jane Smith")  # then one whose wording the app refuses (DEL)
        edit.save()
        plan = ws.returned.import_file(ALLIANCE, returned, MAPPING, "GP Federation", dry_run=True)
        assert [p.kind for p in plan.plans] == ["wording", "new_section"]
        assert refused_cleanly(path, lambda: ws.returned.import_file(ALLIANCE, returned, MAPPING, "GP Federation"))


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\ud800", "\uffff"])
def test_what_word_cannot_hold_is_refused_where_it_is_typed(demo_path: Path, bad: str) -> None:
    """Before these were refused, a NUL in a party's name, a round label or a title was saved (to be
    replaced in every Word export), and a lone surrogate took the app down inside SQLite."""
    ws = open_workspace(demo_path, "Test Drafter")
    try:
        agreement = ws.agreements.agreement(ALLIANCE)
        ws.act_as("Northshire ICB")  # so that it is the name that is refused, not the missing party
        typed = f"Name{bad}"
        for action in (lambda: ws.agreements.add_party(typed, "N", "nhs_trust"),
                       lambda: ws.agreements.add_party("New Trust", typed, "nhs_trust"),
                       lambda: ws.rounds.issue_round(ALLIANCE, typed, "Northshire ICB"),
                       lambda: ws.agreements.update_agreement(agreement.id, title=typed),
                       lambda: ws.negotiation.propose_new_section(ALLIANCE, typed, "Text", None, "GP Federation",
                                                                  "why")):
            assert refused_cleanly(demo_path, action)
    finally:
        ws.close()
