"""Each kind of Word markup in a returned file, and what the user sees of it after the import: the
mapped party's proposal where the app can make one, else one line of the report that says where the
change is, in the agreement's words, and quotes it."""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from negotiator.domain.returned import CommentReply
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.returned import ReturnedImport
from negotiator.services.session import Workspace, open_workspace
from negotiator.word.importer import read_returned

from .libreoffice import libreoffice_read, require_libreoffice
from .word_markup import WordMarkup

JANE, SAM = "Jane Smith", "Sam Patel"
GPS, HOPE = "Northshire Primary Care Federation", "Hope Street Wellbeing"
AUTHOR_MAP = {JANE: "GP Federation", SAM: "Hope Street"}


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


class Returned:
    """The redline as sent, edited in Word, and imported without changing anything."""

    def __init__(self, ws: Workspace, path: Path) -> None:
        self.ws, self.path = ws, path
        ws.export.export_redline(ALLIANCE, path, "Draft 2", "agreed", "Northshire ICB")
        self.texts = read_returned(path).export_info["anchors"]
        agreement = ws.agreements.agreement(ALLIANCE).id
        self.outline = {n.section.clause_key: n for n in ws.outline.outline(agreement)}

    def anchor(self, key: str, paragraph: int | None = 1) -> str:
        """The export anchor of a clause's paragraph (or its heading, for None)."""
        section = self.outline[key].section.id
        return f"s{section}" if paragraph is None else f"s{section}.p{paragraph}"

    def label(self, key: str) -> str:
        """The section as the report names it: '5.1 Alliance Board: meetings and quorum'."""
        n = self.outline[key]
        return f"{n.number} {n.section.heading}"

    def target(self, key: str) -> str:
        return f"section:{self.outline[key].section.id}"

    def raw(self, key: str) -> str:
        return self.outline[key].section.text

    def edit(self, *edits: Callable[[WordMarkup], object], untracked_as: str | None = None) -> ReturnedImport:
        markup = WordMarkup(self.path)
        for made in edits:
            made(markup)
        markup.save()
        return self.ws.returned.import_file(ALLIANCE, self.path, AUTHOR_MAP, untracked_as, dry_run=True)


@pytest.fixture
def returned(ws: Workspace, tmp_path: Path) -> Returned:
    return Returned(ws, tmp_path / "returned.docx")


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
QUORUM, SHARING, REGISTER = "alliance.board.quorum", "alliance.information.sharing", "alliance.conflicts-of-interest"


@pytest.mark.parametrize("mode", ["agreed", "open"])
def test_the_file_as_sent_imports_as_nothing(ws: Workspace, tmp_path: Path, mode: str) -> None:
    path = tmp_path / "sent.docx"
    ws.export.export_redline(ALLIANCE, path, "Draft 2", mode, "Northshire ICB")
    result = ws.returned.import_file(ALLIANCE, path, AUTHOR_MAP, dry_run=True)
    assert result.plans == [] and result.notes == []


def test_the_fixture_is_marked_as_word_requires(returned: Returned) -> None:
    first = returned.anchor(QUORUM)
    result = returned.edit(lambda m: m.reply(m.comment(first, "Online?", JANE), "Yes.", SAM),
                           lambda m: m.move(first, "at least once a month", returned.anchor(SHARING), JANE),
                           lambda m: m.footnote(first, "See the terms of reference.", JANE))
    assert result.notes
    with zipfile.ZipFile(returned.path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    # one id space for revisions, move ranges, comments and bookmarks, each id used once (WORD-RULES)
    tracked = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "moveFromRangeStart",
               "moveToRangeStart", "bookmarkStart", "comment")
    ids = Counter(element.get(f"{{{W_NS}}}id") for name, data in parts.items()
                  if name.startswith("word/") and name.endswith(".xml")
                  for element in etree.fromstring(data).iter(*(f"{{{W_NS}}}{tag}" for tag in tracked)))
    assert [value for value, count in ids.items() if count > 1] == []
    types = parts["[Content_Types].xml"].decode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    for part in ("comments", "commentsExtended", "commentsIds", "people", "footnotes"):
        assert f"/word/{part}.xml" in types and f'Target="{part}.xml"' in rels
    rsids = etree.fromstring(parts["word/settings.xml"]).find(f"{{{W_NS}}}rsids")
    assert {f"{{{W_NS}}}rsidR", f"{{{W_NS}}}rsidDel"} <= {name for element in etree.fromstring(
        parts["word/document.xml"]).iter() for name in element.attrib} and len(rsids) > 1
    assert b"w15:paraIdParent" in parts["word/commentsExtended.xml"]
    assert b"w15:presenceInfo" in parts["word/people.xml"]


def test_a_tracked_replacement_is_the_partys_proposal(returned: Returned) -> None:
    result = returned.edit(lambda m: m.replace(returned.anchor(QUORUM), "at least once a month",
                                               "at least once a quarter", SAM))
    (plan,) = result.plans
    assert (plan.party, plan.target) == (HOPE, returned.target(QUORUM))
    assert "meet at least once a quarter" in plan.proposed and result.notes == []


def test_a_paragraph_split_by_enter_is_proposed_as_two_paragraphs(returned: Returned) -> None:
    first = returned.anchor(QUORUM)
    text = returned.texts[first]
    at = text.index("and the chair")
    result = returned.edit(lambda m: m.split_paragraph(first, "and the chair", JANE))
    (plan,) = result.plans
    assert plan.party == GPS and f"{text[:at]}\n\n{text[at:]}" in plan.proposed
    assert result.notes == []


def test_two_paragraphs_joined_by_deleting_the_mark_are_proposed_as_one(returned: Returned) -> None:
    first, second = returned.anchor(QUORUM, 1), returned.anchor(QUORUM, 2)
    result = returned.edit(lambda m: m.join(first, JANE))
    (plan,) = result.plans
    assert returned.texts[first] + returned.texts[second] in plan.proposed  # nothing lost, the two run on
    assert plan.proposed.count("\n\n") == returned.raw(QUORUM).count("\n\n") - 1 and result.notes == []


def test_a_deleted_paragraph_is_proposed_gone(returned: Returned) -> None:
    last = returned.anchor(QUORUM, 3)
    result = returned.edit(lambda m: m.delete_paragraph(last, SAM))
    (plan,) = result.plans
    assert plan.party == HOPE and returned.texts[last][:40] not in plan.proposed
    assert returned.texts[returned.anchor(QUORUM, 2)][:40] in plan.proposed


def test_each_formatting_change_is_one_line_naming_the_section(returned: Returned) -> None:
    first = returned.anchor(QUORUM)
    result = returned.edit(lambda m: m.bold(first, "Alliance Board", JANE), lambda m: m.centre(first, JANE))
    assert result.plans == []
    assert sorted(result.notes) == [
        f'A formatting change by Jane Smith in {returned.label(QUORUM)} ("Alliance Board"): the app does not '
        "import it.",
        f"A paragraph formatting change by Jane Smith in {returned.label(QUORUM)} "
        f"(\"{returned.texts[first][:79]}…\"): the app does not import it."]


def test_identical_formatting_changes_are_counted_never_merged(returned: Returned) -> None:
    first = returned.anchor(QUORUM)
    result = returned.edit(lambda m: m.bold(first, "Alliance", JANE), lambda m: m.bold(first, "Alliance", JANE))
    (line,) = result.notes
    assert line.startswith("2 times: A formatting change by Jane Smith in") and '("Alliance")' in line


def test_a_move_is_a_deletion_and_an_insertion_and_reported_once(returned: Returned) -> None:
    words = "operational, clinical"
    result = returned.edit(lambda m: m.move(returned.anchor(SHARING), words, returned.anchor(QUORUM), JANE))
    plans = {plan.target: plan for plan in result.plans}
    assert set(plans) == {returned.target(SHARING), returned.target(QUORUM)}
    assert words not in plans[returned.target(SHARING)].proposed and words in plans[returned.target(QUORUM)].proposed
    assert result.notes == [f'A move by Jane Smith of "{words}" from {returned.label(SHARING)} to '
                            f"{returned.label(QUORUM)}: it is imported as a deletion and an insertion, not as a move."]


def test_a_moved_paragraph_is_proposed_gone_and_arrived_and_reported_once(returned: Returned) -> None:
    moved = returned.anchor(SHARING, 3)
    text = returned.texts[moved]
    result = returned.edit(lambda m: m.move_paragraph(moved, returned.anchor(QUORUM, 1), SAM))
    plans = {plan.target: plan for plan in result.plans}
    assert text[:60] not in plans[returned.target(SHARING)].proposed
    assert f"\n\n{text}\n\n" in plans[returned.target(QUORUM)].proposed  # after the first paragraph
    (line,) = result.notes
    assert line.startswith(f'A move by Sam Patel of "{text[:40]}') and \
        f"from {returned.label(SHARING)} to {returned.label(QUORUM)}:" in line


def test_a_reply_is_read_as_a_reply_and_each_comment_is_its_partys_remark(returned: Returned) -> None:
    first = returned.anchor(REGISTER)
    result = returned.edit(lambda m: m.reply(m.comment(first, "Who keeps the register?", JANE, done=True),
                                             "The alliance manager.", SAM))
    document = read_returned(returned.path)
    assert document.replies == (CommentReply(SAM, "The alliance manager.", JANE, "Who keeps the register?", first),)
    assert [p.comments for p in document.paragraphs if p.comments] == [((JANE, "Who keeps the register?"),)]
    section = returned.target(REGISTER)
    assert [(p.kind, p.party, p.target, p.proposed, p.answers) for p in result.plans] == [
        ("remark", "Northshire Primary Care Federation", section, "Who keeps the register?", None),
        ("remark", "Hope Street Wellbeing", section, "The alliance manager.", None)]  # a reply to no proposal
    assert result.notes == []  # each said once: as a remark


def test_a_reply_saved_without_comments_extended_is_a_comment(returned: Returned) -> None:
    first = returned.anchor(REGISTER)
    result = returned.edit(lambda m: m.reply(m.comment(first, "Who keeps it?", JANE, extended=False),
                                             "The manager.", SAM, extended=False))
    document = read_returned(returned.path)
    assert document.replies == ()
    assert sorted(c for p in document.paragraphs for c in p.comments) == [(JANE, "Who keeps it?"),
                                                                         (SAM, "The manager.")]
    assert sorted(p.proposed for p in result.plans if p.kind == "remark") == ["The manager.", "Who keeps it?"]
    assert result.notes == []


def test_header_footer_and_footnote_changes_say_which_story_and_quote_it(returned: Returned) -> None:
    result = returned.edit(lambda m: m.story_insert("header", " (our copy)", JANE),
                           lambda m: m.story_delete("footer", "Alliance", SAM),
                           lambda m: m.footnote(returned.anchor(QUORUM), "As the chair decides.", JANE))
    assert result.plans == []
    assert result.notes == [
        'A change by Jane Smith in the header was not imported: inserted "(our copy)"; the app imports only the '
        "body and the schedule.",
        'A change by Sam Patel in the footer was not imported: deleted "Alliance"; the app imports only the body '
        "and the schedule.",
        f"A change by Jane Smith in a footnote (its reference is in {returned.label(QUORUM)}) was not imported: "
        'inserted "As the chair decides."; the app imports only the body and the schedule.']


def test_an_untracked_edit_of_the_header_is_quoted(returned: Returned) -> None:
    result = returned.edit(lambda m: m.untracked_story("header", "Subject to contract", "Draft for discussion"))
    note, = result.notes  # the header names the state exported: the round, or the current draft
    assert note.startswith('An edit made with tracking switched off in the header was not imported: it reads '
                           '"Draft for discussion — ') and note.endswith('"; the app imports only the body and the '
                                                                         "schedule.")


def test_title_page_and_closing_changes_say_so_in_words(returned: Returned) -> None:
    result = returned.edit(lambda m: m.replace("kind", "alliance agreement", "alliance compact", SAM),
                           lambda m: m.replace("closing", "not binding", "not enforceable", JANE))
    assert result.plans == []
    assert [n.split(" was not imported")[0] for n in result.notes] == [
        "A change by Sam Patel on the title page", "A change by Jane Smith in the closing paragraphs"]
    assert '"Overarching alliance compact"' in result.notes[0] and "not enforceable" in result.notes[1]


def test_an_untracked_edit_is_the_named_partys_proposal_with_a_warning(returned: Returned) -> None:
    first = returned.anchor(QUORUM)
    result = returned.edit(lambda m: m.untracked(first, "once a month", "once a fortnight"),
                           untracked_as="GP Federation")
    (plan,) = result.plans
    assert plan.party == GPS and "once a fortnight" in plan.proposed and "tracking switched off" in plan.warning


def test_an_untracked_edit_with_no_party_named_is_quoted(returned: Returned) -> None:
    result = returned.edit(lambda m: m.untracked(returned.anchor(QUORUM), "once a month", "once a fortnight"))
    (line,) = result.notes
    assert line.startswith(f"{returned.label(QUORUM)} was edited with tracking switched off") and \
        "once a fortnight" in line


def test_paragraphs_typed_or_deleted_with_tracking_off_are_reported(returned: Returned) -> None:
    gone = returned.anchor(SHARING, 2)
    result = returned.edit(lambda m: m.untracked_paragraph(returned.anchor(QUORUM), "Observers may attend."),
                           lambda m: m.untracked_delete_paragraph(gone), untracked_as="GP Federation")
    assert result.plans == []
    assert result.notes[0] == (f"A paragraph added with tracking switched off in {returned.label(QUORUM)} was not "
                               'imported ("Observers may attend."): propose it in the app if it matters.')
    assert result.notes[1].startswith(f"A paragraph in {returned.label(SHARING)} was deleted with tracking switched "
                                      f'off (it read "{returned.texts[gone][:30]}')


def test_libreoffice_reads_the_fixture_as_the_importer_does(returned: Returned) -> None:
    """An independent word processor opens the marked file and sees the same texts, accepted and
    rejected, the same authors and the same comments: the markup is real, not made to suit the reader."""
    require_libreoffice()
    first, sharing = returned.anchor(QUORUM), returned.anchor(SHARING)
    returned.edit(lambda m: m.replace(first, "at least once a month", "at least once a quarter", SAM),
                  lambda m: m.split_paragraph(first, "and the chair", JANE),
                  lambda m: m.join(returned.anchor(QUORUM, 2), JANE),
                  lambda m: m.delete_paragraph(returned.anchor(SHARING, 3), SAM),
                  lambda m: m.new_paragraph(returned.anchor(REGISTER), "Each member names a deputy.", JANE),
                  lambda m: m.move(sharing, "operational, clinical", returned.anchor(REGISTER, 2), JANE),
                  lambda m: m.bold(returned.anchor(REGISTER, 3), "Alliance Board", SAM),
                  lambda m: m.reply(m.comment(sharing, "Which data?", JANE), "Activity data.", SAM),
                  lambda m: m.replace("closing", "not binding", "not enforceable", JANE))
    document = read_returned(returned.path)
    everyone = set(document.authors) | {"Northshire ICB"}
    seen = libreoffice_read(returned.path)
    assert seen["accepted"] == [t for p in document.paragraphs if (t := p.text_accepting(everyone)) is not None]
    assert seen["rejected"] == [t for p in document.paragraphs if (t := p.text_accepting(set())) is not None]
    assert {JANE, SAM} <= {r["author"] for r in seen["redlines"]}
    assert sorted((c["author"], c["content"]) for c in seen["comments"]) == [(JANE, "Which data?"),
                                                                             (SAM, "Activity data.")]


def test_a_reply_to_one_of_our_comments_answers_its_proposal(ws: Workspace, tmp_path: Path) -> None:
    """The open proposals' redline carries the Federation's rationale as a comment on its change to dispute
    resolution; Hope Street's reader replies to it in Word."""
    path = tmp_path / "open.docx"
    ws.export.export_redline(ALLIANCE, path, "Draft 2", "open", "Northshire ICB")
    info = read_returned(path).export_info
    shown = info["changes"][0]
    proposal = ws.negotiation.proposal(shown["proposal"])
    rationale = proposal.rationale  # the comment on its change in the file
    assert any(c["text"] == rationale and c["proposal"] == proposal.id for c in info["comments"])
    markup = WordMarkup(path)
    markup.reply(markup.ours(rationale, next(iter(shown["anchors"]))), "Hope Street can live with 45 days.", SAM)
    markup.save()
    result = ws.returned.import_file(ALLIANCE, path, AUTHOR_MAP)
    plan, = result.plans
    assert (plan.kind, plan.party, plan.target, plan.answers) == ("remark", "Hope Street Wellbeing", proposal.target,
                                                                  proposal.id)
    remark, = ws.remarks.remarks(ALLIANCE)
    assert remark.answers == proposal.id and remark.text == "Hope Street can live with 45 days."
    assert not any("A reply by" in note for note in result.notes)
