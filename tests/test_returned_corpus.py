"""Nothing in a returned file is dropped without a word (#15, item 1): over a corpus of files marked the
way Word marks a counterparty's edits (tests/word_markup.py), each change the file holds is accounted
for exactly once, by a planned proposal of the mapped party at the right place or by one line of the
import report that says where it is and quotes it, and no line of the report speaks of nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.returned import ReturnedImport
from negotiator.services.session import Workspace, open_workspace
from negotiator.word.importer import read_returned

from .word_markup import Change, WordMarkup

JANE, SAM = "Jane Smith", "Sam Patel"
AUTHOR_MAP = {JANE: "GP Federation", SAM: "Hope Street"}
GPS = "Northshire Primary Care Federation"
PARTY = {JANE: GPS, SAM: "Hope Street Wellbeing", "": GPS}  # "": tracking off, imported as --untracked-as GP Federation
PLANNED = {"insert", "delete", "replace", "new paragraph", "deleted paragraph", "untracked", "join", "split"}


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


@pytest.fixture
def sent(ws: Workspace, tmp_path: Path) -> bytes:
    """The agreed redline since Draft 2 as it went out to the counterparties."""
    out = tmp_path / "sent.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    return out.read_bytes()


class Corpus:
    """The exported text of each anchor, and the agreement's sections, to make edits and check outcomes."""

    def __init__(self, ws: Workspace, sent: bytes, tmp_path: Path) -> None:
        self.ws, self.sent, self.tmp_path = ws, sent, tmp_path
        (tmp_path / "probe.docx").write_bytes(sent)
        self.texts: dict[str, str] = read_returned(tmp_path / "probe.docx").export_info["anchors"]
        agreement = ws.agreements.agreement(ALLIANCE).id
        self.sections = {n.section.id: n for n in ws.outline.outline(agreement)}
        # sections with three paragraphs or more, each edit kind taking one of its own
        self.free = [sid for sid in self.sections if f"s{sid}.p3" in self.texts]
        self.files = 0

    def words(self, anchor: str, start: int, count: int) -> str:
        """Words of an exported paragraph, as they stand in it."""
        return " ".join(self.texts[anchor].split()[start:start + count])

    def file(self, edits: list[Callable[[WordMarkup, Corpus], list[Change]]]) -> tuple[Path, list[Change]]:
        """A returned file with ``edits`` made in Word, and what it holds."""
        self.files += 1
        path = self.tmp_path / f"returned-{self.files}.docx"
        path.write_bytes(self.sent)
        markup = WordMarkup(path)
        changes = [change for edit in edits for change in edit(markup, self)]
        markup.save()
        return path, changes

    def imported(self, path: Path) -> ReturnedImport:
        return self.ws.returned.import_file(ALLIANCE, path, AUTHOR_MAP, "GP Federation", dry_run=True)

    def place(self, change: Change) -> str:
        """Where the report must say the change is."""
        if change.where.startswith("the ") or change.where.startswith("a "):
            return change.where
        if change.where in ("title", "kind", "subject"):
            return "on the title page"
        if change.where == "closing":
            return "in the closing paragraphs"
        if change.where.startswith("term.") or change.where == "schedule":
            return "in the terms schedule"
        n = self.sections[_section(change.where)]
        return f"{n.number} {n.section.heading}"


def _in_section(anchor: str) -> bool:
    return re.fullmatch(r"s\d+\.p\d+", anchor) is not None


def _section(anchor: str) -> int:
    return int(anchor.split(".")[0][1:])


def _flat(text: str) -> str:
    return " ".join(text.split())


def _quotes(line: str, words: str) -> bool:
    return _flat(words)[:30] in _flat(line)


# --- the edit kinds, each in a place of its own ----------------------------------------------------


def _p(corpus: Corpus, slot: int, paragraph: int = 1) -> str:
    return f"s{corpus.free[slot]}.p{paragraph}"


def replace(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    return [m.replace(_p(c, 0), c.words(_p(c, 0), 2, 2), "as the parties agree in writing", author)]


def insert(m: WordMarkup, c: Corpus, author: str = SAM) -> list[Change]:
    return [m.insert(_p(c, 1), c.words(_p(c, 1), 0, 3), " (acting reasonably)", author)]


def delete(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    return [m.delete(_p(c, 2, 2), c.words(_p(c, 2, 2), 1, 3), author)]


def new_paragraph(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    return [m.new_paragraph(_p(c, 3), "Each Alliance Member will publish the minutes within ten days.", author)]


def deleted_paragraph(m: WordMarkup, c: Corpus, author: str = SAM) -> list[Change]:
    return [m.delete_paragraph(_p(c, 4, 3), author)]


def formatting(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    return [m.bold(_p(c, 5), c.words(_p(c, 5), 1, 2), author), m.centre(_p(c, 5, 2), author)]


def twice_bold(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    """The same words made bold in two places of one paragraph: two changes, never merged into one."""
    anchor, word = next((a, w) for a in (_p(c, 6, n) for n in (1, 2, 3)) for w in c.texts[a].split()
                        if c.texts[a].split().count(w) >= 2 and len(w) > 3)
    return [m.bold(anchor, word, author), m.bold(anchor, word, author)]


def move(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    """Words dragged to another section, and a whole paragraph dragged to another."""
    return [m.move(_p(c, 7), c.words(_p(c, 7), 3, 2), _p(c, 8), author),
            m.move_paragraph(_p(c, 19, 2), _p(c, 20, 2), author)]


def comment(m: WordMarkup, c: Corpus, author: str = SAM) -> list[Change]:
    return [m.comment(_p(c, 9), "Should observers be counted here?", author, done=True)]


def thread(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    first = m.comment(_p(c, 10), "Is ten days long enough for the Trust?", author)
    other = SAM if author == JANE else JANE
    return [first, m.reply(first, "Ten days works for Hope Street.", other)]


def thread_without_extended_part(m: WordMarkup, c: Corpus, author: str = SAM) -> list[Change]:
    """As an editor that writes no commentsExtended.xml saves a reply: it reads as a comment."""
    first = m.comment(_p(c, 11), "Who keeps this register?", author, extended=False)
    return [first, m.reply(first, "The alliance manager keeps it.", JANE, extended=False)]


def stories(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    return [m.story_insert("header", " (GP Federation copy)", author), m.story_delete("footer", "Alliance", author),
            m.footnote(_p(c, 12), "The host account is named in Schedule 3.", author)]


def title_and_closing(m: WordMarkup, c: Corpus, author: str = SAM) -> list[Change]:
    return [m.replace("kind", "alliance agreement", "alliance and partnership agreement", author),
            m.replace("closing", "not binding", "not enforceable", author)]


def term(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    return [m.replace("term.payment.days", "thirty (30) days", "twenty (20) days", author)]


def untracked(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    anchor = _p(c, 13, 2)
    return [m.untracked(anchor, c.words(anchor, 1, 2), "in every case")]


def heading(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    anchor = f"s{c.free[14]}"
    return [m.replace(anchor, c.texts[anchor].split()[-1], "arrangements", author)]


def untracked_paragraphs(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    """A paragraph typed, and another deleted, with Track Changes off."""
    return [m.untracked_paragraph(_p(c, 15), "The chair may invite observers without a vote."),
            m.untracked_delete_paragraph(_p(c, 16, 2))]


def untracked_header(m: WordMarkup, c: Corpus, author: str = JANE) -> list[Change]:
    return [m.untracked_story("header", "Subject to contract", "Subject to contract and to board approval")]


def label_cell(m: WordMarkup, c: Corpus, author: str = SAM) -> list[Change]:
    return [m.replace_in_cell("Invoices paid within", "paid", "settled", author)]


def join_and_split(m: WordMarkup, c: Corpus, author: str = SAM) -> list[Change]:
    """A paragraph mark deleted (two paragraphs become one) and one typed inside a paragraph (Enter)."""
    return [m.join(_p(c, 17), author), m.split_paragraph(_p(c, 18), c.words(_p(c, 18), 4, 2), author)]


KINDS = [replace, insert, delete, new_paragraph, deleted_paragraph, formatting, twice_bold, move, comment, thread,
         thread_without_extended_part, stories, title_and_closing, term, untracked, heading, untracked_paragraphs,
         label_cell, join_and_split, untracked_header]


# --- the accounting --------------------------------------------------------------------------------


def account(corpus: Corpus, result: ReturnedImport, changes: list[Change]) -> None:
    """Each change accounted for exactly once, and each line of the report by some change."""
    capacity = [int(m.group(1)) if (m := re.match(r"(\d+) times: ", line)) else 1 for line in result.notes]
    claimed = [0] * len(result.notes)
    planned: set[int] = set()
    for change in changes:
        plans = _plans_for(corpus, result, change)
        planned |= {id(plan) for plan in plans}
        if change.kind in PLANNED and _in_section(change.where):
            assert plans, f"no proposal for {change}"
            continue
        if change.where.startswith("term."):
            assert plans, f"no term proposal for {change}"
            continue
        lines = [i for i, line in enumerate(result.notes) if claimed[i] < capacity[i] and _speaks_of(corpus, line,
                                                                                                  change)]
        carried = [p for p in result.plans if change.kind in ("comment", "reply") and (
            (p.kind == "remark" and change.text in p.proposed and p.party == PARTY[change.author])
            or (change.kind == "comment" and change.text in p.rationale))]
        assert len(lines[:1]) + len(carried) == 1, f"{change} is accounted {len(lines)} + {len(carried)} times:\n" + \
            "\n".join(result.notes)
        if lines and not carried:
            claimed[lines[0]] += 1
        if change.kind == "move":
            assert len(plans) == 2, f"a move is a deletion and an insertion: {plans}"
    unclaimed = [line for line, count, most in zip(result.notes, claimed, capacity, strict=True) if count < most]
    assert not unclaimed, "report lines that speak of no change:\n" + "\n".join(unclaimed)
    assert all(id(plan) in planned or plan.kind == "remark" for plan in result.plans), "a proposal of no change"


def _speaks_of(corpus: Corpus, line: str, change: Change) -> bool:
    if not (_quotes(line, change.text) and corpus.place(change) in line):
        return False
    if change.kind == "reply":
        return line.startswith("A reply by")
    if change.kind == "move":
        return line.startswith("A move by")
    return not line.startswith(("A reply by", "A move by"))


def _plans_for(corpus: Corpus, result: ReturnedImport, change: Change) -> list:
    """The planned proposals that carry the change: the mapped party's, at its place, with its words
    there (or without them, or without the paragraph, for a deletion)."""
    party = PARTY[change.author]
    if change.where.startswith("term."):
        return [p for p in result.plans if p.party == party and p.target == "payment.days" and p.proposed == "20"]
    if not _in_section(change.where):
        return []
    checks = {"insert": [(change.where, change.text, 1)], "new paragraph": [(change.where, change.text, 1)],
              "replace": [(change.where, change.text, 1)], "untracked": [(change.where, change.text, 1)],
              "delete": [(change.where, change.removed, -1)], "deleted paragraph": [(change.where, "\n\n", -1)],
              "move": [(change.where, change.text, -1), (change.to, change.text, 1)],
              "join": [(change.where, "\n\n", -1)], "split": [(change.where, "\n\n", 1)]}.get(change.kind, [])
    found = []
    for anchor, words, sign in checks:
        section = _section(anchor)
        raw = corpus.sections[section].section.text
        for plan in result.plans:
            if plan.party == party and plan.target == f"section:{section}":
                gained = _count(plan.proposed, words) - _count(raw, words)
                if gained * sign > 0:
                    found.append(plan)
    return found


def _count(text: str, words: str) -> int:
    return text.count(words) if words == "\n\n" else _flat(text).count(_flat(words))


# --- the corpus ------------------------------------------------------------------------------------


def test_each_kind_alone_is_accounted_for_exactly_once(ws: Workspace, sent: bytes, tmp_path: Path) -> None:
    corpus = Corpus(ws, sent, tmp_path)
    for kind in KINDS:
        path, changes = corpus.file([kind])
        account(corpus, corpus.imported(path), changes)


def test_a_file_with_everything_at_once_is_accounted_for_exactly_once(ws: Workspace, sent: bytes,
                                                                      tmp_path: Path) -> None:
    corpus = Corpus(ws, sent, tmp_path)
    path, changes = corpus.file(KINDS)
    assert len(changes) >= 20
    account(corpus, corpus.imported(path), changes)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=2, max_size=6, unique=True),
       authors=st.lists(st.sampled_from([JANE, SAM]), min_size=6, max_size=6))
def test_any_mix_is_accounted_for_exactly_once(ws: Workspace, sent: bytes, tmp_path: Path, kinds: list,
                                               authors: list[str]) -> None:
    corpus = Corpus(ws, sent, tmp_path)
    edits = [lambda m, c, kind=kind, author=author: kind(m, c, author)
             for kind, author in zip(kinds, authors, strict=False)]
    path, changes = corpus.file(edits)
    account(corpus, corpus.imported(path), changes)
