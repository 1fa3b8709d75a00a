"""The redline's defining property, on the document model: accept all gives the target's clean
export, reject all gives the round's, and every change is under the party that proposed it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.document import Change, Paragraph, Revision, WordDocument, authors, paragraph_texts
from negotiator.domain.errors import InvalidInput
from negotiator.domain.export_layout import AgreementState, SectionText
from negotiator.domain.redline import clean_document, redline_document
from negotiator.domain.terms import TermsSheet
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


@pytest.mark.parametrize("mode", ["agreed", "open", "party:GP Federation", "party:Hope Street"])
def test_accept_all_gives_the_target_and_reject_all_the_round(ws: Workspace, mode: str) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 1", mode, "Northshire ICB")
    accepted = paragraph_texts(redline, accept=True)  # nothing beyond the target: no listing of any kind
    assert accepted == paragraph_texts(ws.export.target_document(ALLIANCE, mode), accept=True)
    assert paragraph_texts(redline, accept=False) == paragraph_texts(
        ws.export.clean_document(ALLIANCE, "Draft 1"), accept=True)
    assert redline.track_revisions


def test_agreed_changes_are_under_the_parties_that_proposed_them(ws: Workspace) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 1", "agreed", "Northshire ICB")
    counts = authors(redline)
    assert counts["Northshire Community Health NHS Trust"] >= 2  # the monthly meetings it proposed
    assert counts["NHS Northshire Integrated Care Board"] >= 1  # the new round line, and its own edit
    comments = {r.revision.comment for b in redline.blocks if hasattr(b, "runs") for r in b.runs
                if r.change is not Change.EQUAL and r.revision.comment}
    # The rationale, then who accepted it (the reason given, when one was, follows a colon).
    assert ("Monthly meetings during the first year keep mobilisation on track.\n"
            "Accepted by NHS Northshire Integrated Care Board: The board can meet monthly while services "
            "mobilise.") in comments


def test_party_mode_shows_only_that_partys_proposals(ws: Workspace) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "party:GP Federation", "Northshire ICB")
    counts = authors(redline)
    assert "Northshire Primary Care Federation" in counts
    assert "Hope Street Wellbeing" not in counts
    accepted = "\n".join(paragraph_texts(redline, accept=True))
    assert "± 1% of the budget" in accepted and "not before 45 Working Days" in accepted


def _remarks(document: object) -> dict[str, list[tuple[str, str]]]:
    """The comments that belong to no change, by the anchor of the paragraph they sit on."""
    found: dict[str, list[tuple[str, str]]] = {}
    for block in document.blocks:
        paragraphs = [block] if isinstance(block, Paragraph) else [
            p for row in block.rows for cell in row.cells for p in cell.paragraphs]
        for paragraph in paragraphs:
            for remark in paragraph.remarks:
                found.setdefault(paragraph.anchor, []).append((remark.author, remark.comment))
    return found


def test_open_mode_shows_rival_wordings_and_rival_terms_bracketed(ws: Workspace) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "open", "Northshire ICB")
    body = "\n".join(paragraph_texts(redline, accept=True))
    assert "not before 45 Working Days" in body  # the uncontested stale proposal, rebased
    # The contested corridor stays; each rival is its party's bracket after it, in the order proposed.
    assert "Risk corridor: ± 2% [3%][1%] of the budget" in body
    corridor = next(p for p in redline.blocks if isinstance(p, Paragraph) and p.anchor == "corridor")
    inserted = {(run.revision.author, run.text.strip(), run.revision.comment) for run in corridor.runs
                if run.change is Change.INSERT}
    assert {(a, t) for a, t, _ in inserted} == {("Northshire Community Health NHS Trust", "[3%]"),
                                                 ("Northshire Primary Care Federation", "[1%]")}
    assert any("A narrow corridor shares savings sooner" in (c or "") for a, _, c in inserted
               if a == "Northshire Primary Care Federation")  # its rationale, as its comment on its bracket
    assert not _remarks(redline)  # nothing competing is left as a bare comment
    assert "every six [three] months" in body  # Hope Street's alternative, bracketed after the words
    rejected = "\n".join(paragraph_texts(redline, accept=False))
    assert "[" not in rejected  # rejecting every change gives the round's wording and values back
    assert "Risk corridor: ± 2% of the budget" in rejected
    assert set(authors(redline)) == {"Northshire Primary Care Federation", "NHS Northshire Integrated Care Board",
                                     "Hope Street Wellbeing", "Northshire Community Health NHS Trust"}


def test_unknown_modes_and_rounds_are_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="not an export mode"):
        ws.export.redline_document(ALLIANCE, "Draft 1", "everything", "Northshire ICB")
    with pytest.raises(InvalidInput, match="names no party"):
        ws.export.redline_document(ALLIANCE, "Draft 1", "party:Meridian", "Northshire ICB")
    with pytest.raises(InvalidInput, match="no round called 'Draft 9'"):
        ws.export.redline_document(ALLIANCE, "Draft 9", exporter="Northshire ICB")


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=40)
paragraphs = st.lists(words, min_size=1, max_size=3).map("\n\n".join)


@st.composite
def states(draw: st.DrawFn) -> tuple[AgreementState, AgreementState]:
    ids = draw(st.lists(st.integers(1, 30), unique=True, max_size=6))
    def sections(chosen: list[int]) -> tuple[SectionText, ...]:
        return tuple(SectionText(i, str(n + 1), 0, draw(words) or "Heading", draw(paragraphs))
                     for n, i in enumerate(chosen))
    base_ids = [i for i in ids if draw(st.booleans())] or ids
    target_ids = [i for i in ids if draw(st.booleans())] or ids
    def state(chosen: list[int], label: str) -> AgreementState:
        return AgreementState("Alliance", "Overarching alliance agreement", (("A", "Commissioner"),), label,
                              date(2027, 4, 1), sections(chosen), TermsSheet(), {})
    return state(base_ids, "Draft 1"), state(target_ids, draw(st.sampled_from(["Draft 1", "Draft 2"])))


@settings(max_examples=60, deadline=None)
@given(states())
def test_the_property_holds_for_any_wording(pair: tuple[AgreementState, AgreementState]) -> None:
    base, target = pair
    revision = Revision("Provider B", datetime(2027, 1, 1, tzinfo=UTC))
    redline = redline_document(base, target, lambda _key: revision)
    assert paragraph_texts(redline, accept=True) == paragraph_texts(clean_document(target), accept=True)
    assert paragraph_texts(redline, accept=False) == paragraph_texts(clean_document(base), accept=True)


# Layers: several parties changing the wording one after another -------------------------------

from negotiator.domain.authorship import Authorship, Layer  # noqa: E402
from negotiator.domain.document import Table  # noqa: E402
from negotiator.domain.export_layout import layout, unit_texts  # noqa: E402

EXPORTER = Revision("Exporting Party", datetime(2027, 3, 1, tzinfo=UTC))
VOCABULARY = ["the", "Provider", "shall", "pay", "within", "30", "days", ",", ".", " ", "\n\n", "Board"]
phrase = st.lists(st.sampled_from(VOCABULARY) | st.text(alphabet=st.characters(blacklist_categories=("Cs",)),
                                                          max_size=4), max_size=14).map(" ".join)


def _state(sections: dict[int, tuple[str, str]], order: list[int], label: str) -> AgreementState:
    texts = tuple(SectionText(i, str(n + 1), 0, sections[i][0], sections[i][1]) for n, i in enumerate(order))
    return AgreementState("Alliance", "Overarching alliance agreement", (("A", "Commissioner"),), label,
                          date(2027, 4, 1), texts, TermsSheet(), {})


@st.composite
def layered(draw: st.DrawFn) -> tuple[AgreementState, list[AgreementState], list[Layer]]:
    """A round and the states after each of up to four parties' changes: words reworded, paragraphs
    and sections added or taken out, two sections swapped."""
    sections = {i: (draw(st.sampled_from(["Payment", "Board", "Term"])), draw(phrase)) for i in range(1, 5)}
    order = list(sections)
    base = _state(sections, order, "Draft 1")
    states, layers = [], []
    previous = unit_texts(layout(base))
    for n in range(draw(st.integers(1, 4))):
        sections, order, moved = dict(sections), list(order), set()
        for _ in range(draw(st.integers(1, 3))):
            action = draw(st.sampled_from(["reword", "reword", "add", "remove", "swap"]))
            if action == "reword" and order:
                sid = draw(st.sampled_from(order))
                words = sections[sid][1].split(" ")
                at = draw(st.integers(0, len(words)))
                cut = draw(st.integers(0, 3))
                words[at:at + cut] = [f"L{n}w{k}" for k in range(draw(st.integers(0, 3)))] + draw(
                    st.lists(st.sampled_from(VOCABULARY), max_size=2))
                sections[sid] = (sections[sid][0], " ".join(words))
            elif action == "add":
                sid = 10 * (n + 1) + len(sections)
                sections[sid] = (f"New clause {n}", draw(phrase))
                order.insert(draw(st.integers(0, len(order))), sid)
            elif action == "remove" and len(order) > 1:
                order.remove(draw(st.sampled_from(order)))
            elif action == "swap" and len(order) > 1:
                at = draw(st.integers(0, len(order) - 2))
                order[at], order[at + 1] = order[at + 1], order[at]
                moved |= {f"s{order[at]}", f"s{order[at]}.body", f"s{order[at + 1]}", f"s{order[at + 1]}.body"}
        state = _state(sections, order, "Draft 1")  # the label is the exporter's: no layer changes it
        texts = unit_texts(layout(state))
        changed: dict[str, str | None] = {k: v for k, v in texts.items() if previous.get(k) != v}
        changed.update({k: None for k in previous if k not in texts})
        layers.append(Layer(Revision(f"Party {n}", datetime(2027, 1, 1 + n, tzinfo=UTC)), changed, frozenset(moved)))
        states.append(state)
        previous = texts
    return base, states, layers


def _changes(document: WordDocument) -> list[tuple[str, str, str, str]]:
    """(author, change, paragraph anchor, text) of every tracked run, paragraph mark ("¶") and row ("")."""
    found = []
    for block in document.blocks:
        paragraphs = [block] if isinstance(block, Paragraph) else [p for row in block.rows for c in row.cells
                                                                   for p in c.paragraphs]
        for paragraph in paragraphs:
            found += [(r.revision.author, r.change.value, paragraph.anchor or "", r.text) for r in paragraph.runs
                      if r.change is not Change.EQUAL]
            if paragraph.mark is not Change.EQUAL:
                found.append((paragraph.mark_revision.author, paragraph.mark.value, paragraph.anchor or "", "¶"))
        if isinstance(block, Table):
            found += [(row.revision.author, row.change.value, "", "") for row in block.rows
                      if row.change is not Change.EQUAL]
    return found


@settings(max_examples=80, deadline=None)
@given(layered())
def test_each_change_goes_to_a_layer_that_made_it(case: tuple[AgreementState, list[AgreementState], list[Layer]]
                                                  ) -> None:
    base, states, layers = case
    final = replace(states[-1], label="Current draft")
    redline = redline_document(base, final, Authorship(layers, lambda _key: EXPORTER))
    assert paragraph_texts(redline, accept=True) == paragraph_texts(clean_document(final), accept=True)
    assert paragraph_texts(redline, accept=False) == paragraph_texts(clean_document(base), accept=True)
    authors_of = {layer.revision.author for layer in layers}
    touched = {layer.revision.author: {k.split(".")[0] for k in layer.texts} | {k.split(".")[0] for k in layer.moved}
               for layer in layers}
    for author, change, anchor, text in _changes(redline):
        if author == EXPORTER.author:
            assert anchor == "round"  # the new round label, and nothing else
            continue
        assert author in authors_of
        if anchor.startswith("s"):  # a section's paragraph: the author's layer touched that section
            assert anchor.split(".")[0] in touched[author]
        if change == "insert":  # words a layer wrote are never put down to an earlier layer
            assert all(int(n) <= int(author.split()[-1]) for n in re.findall(r"L(\d)w", text))
    assert any(author == EXPORTER.author for author, _, _, _ in _changes(redline))
