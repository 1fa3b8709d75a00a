"""Word exports of the demo negotiation, read back by LibreOffice and by our own reader:
accept all gives the clean target, reject all the clean round, each change under its party."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from negotiator.domain.document import paragraph_texts
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from negotiator.word.check import check_docx
from negotiator.word.reader import read_paragraphs
from tests.libreoffice import libreoffice_read, require_libreoffice
from tests.test_word_writer import libreoffice_redlines

MODES = ["agreed", "open", "party:GP Federation"]


@pytest.fixture
def ws(demo_path: Path) -> Workspace:
    opened = open_workspace(demo_path, "Test Drafter")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def libreoffice():
    require_libreoffice()
    return libreoffice_read


@pytest.mark.parametrize("mode", MODES)
def test_redline_in_libreoffice_accepts_to_the_target_and_rejects_to_the_round(
        ws: Workspace, tmp_path: Path, libreoffice, mode: str) -> None:
    out = tmp_path / "redline.docx"
    report = ws.export.export_redline(ALLIANCE, out, "Draft 1", mode, "Northshire ICB")
    assert check_docx(out) == []
    target = paragraph_texts(ws.export.target_document(ALLIANCE, mode), accept=True)
    round_text = paragraph_texts(ws.export.clean_document(ALLIANCE, "Draft 1"), accept=True)
    read = libreoffice(out)
    assert read["accepted"] == target  # nothing more: no appendix, and rival wordings only as bracketed alternatives
    assert read["rejected"] == round_text
    assert read_paragraphs(out, accept=True) == target
    assert read_paragraphs(out, accept=False) == round_text
    authors = Counter(r["author"] for r in read["redlines"])
    assert set(authors) == set(report.changes)
    assert "Northshire Community Health NHS Trust" in authors  # its accepted monthly meetings
    document = ws.export.redline_document(ALLIANCE, "Draft 1", mode, "Northshire ICB")
    assert authors == libreoffice_redlines(document)  # the number of changes per author, as Word lists them


def test_rationales_become_comments_by_the_proposing_party(ws: Workspace, tmp_path: Path, libreoffice) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 1", "party:GP Federation", "Northshire ICB")
    comments = libreoffice(out)["comments"]
    assert {"author": "Northshire Primary Care Federation",
            "content": "Make the minimum escalation period explicit before mediation."} in comments


def test_competing_wordings_and_terms_are_bracketed_alternatives(ws: Workspace, tmp_path: Path, libreoffice) -> None:
    """Hope Street and the Community Trust propose rival wordings of the conflicts clause, and the Trust and
    the Federation rival risk corridors: each is its party's tracked alternative in square brackets after
    the words or the value it would replace, with its rationale as that party's comment."""
    out = tmp_path / "open.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open", "Northshire ICB")
    read = libreoffice(out)
    conflicts = next(line for line in read["accepted"] if "register of declared interests" in line)
    assert "every six [three] months" in conflicts and "on the alliance [each Alliance Member's] website" in conflicts
    assert "Risk corridor: ± 2% [3%][1%] of the budget" in read["accepted"]
    assert "Risk corridor: ± 2% of the budget" in read["rejected"]
    by_party = {(r["author"], (r["text"] or "").strip()) for r in read["redlines"] if r["type"] == "Insert"}
    assert ("Hope Street Wellbeing", "[three]") in by_party
    assert ("Northshire Community Health NHS Trust", "[each Alliance Member's]") in by_party
    assert ("Northshire Community Health NHS Trust", "[3%]") in by_party
    assert ("Northshire Primary Care Federation", "[1%]") in by_party
    comments = {(c["author"], c["content"]) for c in read["comments"]}
    assert any(a == "Hope Street Wellbeing" and "Quarterly review" in c for a, c in comments)  # its rationale
    assert any(a == "Northshire Primary Care Federation" and "A narrow corridor shares savings sooner" in c
               for a, c in comments)
    assert not any(c.startswith("Competing proposal") for _, c in comments)  # shown, not listed
    assert read["rejected"] == paragraph_texts(ws.export.clean_document(ALLIANCE, "Draft 2"), accept=True)
    assert read["accepted"] == paragraph_texts(ws.export.target_document(ALLIANCE, "open"), accept=True)


def test_clean_export_has_numbering_schedule_header_and_no_revisions(ws: Workspace, tmp_path: Path,
                                                                     libreoffice) -> None:
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out, "Draft 2")
    read = libreoffice(out)
    assert read["redlines"] == [] and read["accepted"] == read["rejected"]
    texts = read["accepted"]
    assert texts[0] == ALLIANCE and "Subject to contract" in texts
    assert any(t.startswith("Draft 2, ") for t in texts)
    assert "Alliance Board: meetings and quorum" in texts  # the heading, with no typed number
    assert not any(t.startswith("5.1") for t in texts)
    assert "Invoices paid within" in texts and "thirty (30) days" in texts
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode()
        header = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))
        footer = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer"))
        settings = archive.read("word/settings.xml").decode()
    assert "w:numPr" in body and "Subject to contract — Draft 2" in header and "PAGE" in footer
    assert "w:trackRevisions" not in settings


def test_the_file_carries_the_library_and_the_head_of_its_record(ws: Workspace, tmp_path: Path) -> None:
    from negotiator.storage.negotiation_store import EventLog
    from negotiator.word.importer import read_returned

    with ws.export.library.unit_of_work() as session:
        head = EventLog(session).head()
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    info = read_returned(out).export_info
    assert info["record_head"] == head and len(head) == 64 and info["library"]
    ws.negotiation.propose_term(ALLIANCE, "payment.days", "20", "Hope Street", "Cash flow.")
    ws.export.export_clean(ALLIANCE, out)
    assert read_returned(out).export_info["record_head"] != head  # the proposal moved the record on


def test_redline_keeps_tracking_on_for_the_counterparty(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open", "Northshire ICB")
    with zipfile.ZipFile(out) as archive:
        assert "w:trackRevisions" in archive.read("word/settings.xml").decode()


def test_a_firms_own_template_is_used(ws: Workspace, tmp_path: Path) -> None:
    from docx import Document

    template = tmp_path / "firm.docx"
    firm = Document()
    firm.styles["Normal"].font.name = "Georgia"
    firm.save(template)
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out, template=template)
    with zipfile.ZipFile(out) as archive:
        assert "Georgia" in archive.read("word/styles.xml").decode()


def test_bad_export_requests_are_refused(ws: Workspace, tmp_path: Path) -> None:
    from negotiator.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="does not exist"):
        ws.export.export_clean(ALLIANCE, tmp_path / "no" / "such.docx")
    with pytest.raises(InvalidInput, match=r"\.docx"):
        ws.export.export_clean(ALLIANCE, tmp_path / "agreement.pdf")
    with pytest.raises(InvalidInput, match="template"):
        ws.export.export_clean(ALLIANCE, tmp_path / "a.docx", template=tmp_path / "missing.docx")


# Any wording, written to a real .docx: the property still holds -------------------------------

from datetime import UTC, date, datetime  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from negotiator.domain.document import Revision  # noqa: E402
from negotiator.domain.export_layout import AgreementState, SectionText  # noqa: E402
from negotiator.domain.redline import clean_document, redline_document  # noqa: E402
from negotiator.domain.terms import TermsSheet  # noqa: E402
from negotiator.word.writer import write_docx  # noqa: E402

SAMPLES = ["payment", "within", "30", "days", " ", "\t", "\n", "😀", "مرحبا", "שלום", "é", "\x07", "x" * 300, "."]
wording = st.lists(st.sampled_from(SAMPLES) | st.text(max_size=8), max_size=12).map("".join)


@st.composite
def agreement_pair(draw: st.DrawFn) -> tuple[AgreementState, AgreementState]:
    def sections() -> tuple[SectionText, ...]:
        count = draw(st.integers(0, 3))
        return tuple(SectionText(i + 1, str(i + 1), 0, draw(wording).replace("\n", " ") or "Heading",
                                 "\n\n".join(draw(st.lists(wording, min_size=1, max_size=3)))) for i in range(count))

    def state(label: str) -> AgreementState:
        return AgreementState("Alliance", "Overarching alliance agreement", (("North ICB", "Commissioner"),), label,
                              date(2027, 4, 1), sections(), TermsSheet(), {})
    return state("Draft 1"), state("Draft 2")


def _xml_safe(texts: list[str]) -> list[str]:
    """What a .docx can hold: a carriage return is a line break, other control characters (and the
    two non-characters U+FFFE and U+FFFF) become U+FFFD."""
    out = []
    for text in texts:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        out.append("".join("\ufffd" if (ord(c) < 32 and c not in "\t\n") or c in "\ufffe\uffff" else c
                           for c in text))
    return out


@settings(max_examples=30, deadline=None)
@given(pair=agreement_pair())
def test_any_wording_survives_the_word_file(pair: tuple[AgreementState, AgreementState], tmp_path_factory) -> None:
    base, target = pair
    revision = Revision("Provider B", datetime(2027, 1, 1, tzinfo=UTC), "Because")
    redline = redline_document(base, target, lambda _key: revision)
    out = tmp_path_factory.mktemp("prop") / "redline.docx"
    warnings = write_docx(redline, out)
    assert check_docx(out) == []
    assert read_paragraphs(out, accept=True) == _xml_safe(paragraph_texts(clean_document(target), accept=True))
    assert read_paragraphs(out, accept=False) == _xml_safe(paragraph_texts(clean_document(base), accept=True))
    if any("\x07" in s.text or "\x07" in s.heading for s in base.sections + target.sections):
        assert warnings


def test_every_export_ends_with_an_execution_page_with_a_block_for_each_party(ws: Workspace, tmp_path: Path,
                                                                            libreoffice) -> None:
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out)
    text = libreoffice(out)["accepted"]
    execution = text.index("Execution")
    assert execution > text.index("Schedule: commercial terms")  # after the schedule, on its own page
    parties = ws.agreements.agreement(ALLIANCE).signatories
    blocks = [line for line in text[execution:] if line.startswith("Signed for and on behalf of ")]
    assert blocks == [f"Signed for and on behalf of {s.party.name} ({s.role.label})" for s in parties]
    for label in ("Signature:", "Name of signatory:", "Position:", "Date:"):
        assert sum(line.startswith(label) for line in text[execution:]) == len(parties)


def test_the_title_page_names_the_round_issued_until_the_agreement_changes(ws: Workspace, tmp_path: Path) -> None:
    from negotiator.domain.document import paragraph_texts as texts

    ws.act_as("Northshire ICB")
    ws.rounds.issue_round(ALLIANCE, "Draft 3")
    issued = texts(ws.export.clean_document(ALLIANCE), accept=True)
    assert any(line.startswith("Draft 3, ") for line in issued)
    assert not any(line.startswith("Current draft") for line in issued)
    redline = texts(ws.export.redline_document(ALLIANCE, "Draft 2", "agreed", "Northshire ICB"), accept=True)
    assert any(line.startswith("Draft 3, ") for line in redline)  # what the redline leads to is that round
    proposal = ws.negotiation.propose_term(ALLIANCE, "payment.days", "25", "Hope Street", "Cash flow")
    ws.negotiation.decide(proposal.id, "accept", "Northshire ICB")
    changed = texts(ws.export.clean_document(ALLIANCE), accept=True)
    assert any(line.startswith("Current draft, ") for line in changed)


def test_a_redline_between_two_rounds_leads_from_the_first_to_the_second(ws: Workspace, tmp_path: Path,
                                                                         libreoffice) -> None:
    out = tmp_path / "between.docx"
    report = ws.export.export_redline(ALLIANCE, out, "Draft 1", "agreed", "Northshire ICB", to_round="Draft 2")
    assert check_docx(out) == []
    read = libreoffice(out)
    draft1 = paragraph_texts(ws.export.clean_document(ALLIANCE, "Draft 1"), accept=True)
    draft2 = paragraph_texts(ws.export.clean_document(ALLIANCE, "Draft 2"), accept=True)
    assert read["accepted"] == draft2 and read["rejected"] == draft1
    assert draft1 != draft2 and set(report.changes) - {"Northshire ICB"}  # the parties' own changes, by party
    with pytest.raises(Exception, match="issued before"):
        ws.export.redline_document(ALLIANCE, "Draft 2", "agreed", "Northshire ICB", to_round="Draft 1")


def test_the_demo_alliance_has_a_defined_terms_section_drawn_from_the_starter_library(ws: Workspace, tmp_path: Path,
                                                                                      libreoffice) -> None:
    import re

    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out)
    text = libreoffice(out)["accepted"]
    heading = next(i for i, line in enumerate(text) if line.endswith("Definitions and interpretation"))
    definitions = [line for line in text[heading + 1:heading + 20] if re.match(r'^\S*"[^"]+" means ', line)]
    defined = [re.search(r'"([^"]+)"', line).group(1) for line in definitions]
    assert "Alliance Board" in defined and "Working Day" in defined and defined == sorted(defined)
    # Each term it defines is one the agreement uses elsewhere: a definition of nothing misleads.
    elsewhere = " ".join(text[:heading] + text[heading + 1 + len(definitions) + 1:])
    assert [term for term in defined if term not in elsewhere] == []


def test_each_starter_definition_defines_a_term_its_agreement_uses() -> None:
    import re
    import tomllib

    from negotiator.locations import starter_library_file

    clauses = tomllib.loads(starter_library_file().read_text(encoding="utf-8"))["clause"]
    definitions = [c for c in clauses if c["category"] == "Definitions"]
    assert {c["key"] for c in definitions} == {"alliance.definitions", "subcontract.definitions"}
    for clause in definitions:
        prefix = clause["key"].split(".")[0] + "."
        others = " ".join(c["text"] for c in clauses if c["key"].startswith(prefix) and c is not clause)
        defined = re.findall(r'^"([^"]+)" means ', clause["text"], re.MULTILINE)
        assert len(defined) >= 7 and [term for term in defined if term not in others] == [], clause["key"]
