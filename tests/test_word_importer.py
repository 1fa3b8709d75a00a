"""Reading a counterparty's returned .docx: hostile files are refused in plain words, quickly and
without inflating them; a file the app exported and Word edited reads back with its anchors, each
author's changes, comments, export information and everything the app cannot import."""

from __future__ import annotations

import json
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from negotiator.domain.document import Cell, Paragraph, Row, Run, Table, WordDocument
from negotiator.domain.errors import InvalidInput
from negotiator.domain.returned import ReportedChange, ReturnedDocument, ReturnedParagraph, TrackedChange
from negotiator.word.importer import read_returned
from negotiator.word.names import anchor_for_bookmark, bookmark_name
from negotiator.word.reader import read_paragraphs
from negotiator.word.writer import docx_bytes, write_docx
from tests import hostile_docx
from tests.hostile_docx import HOSTILE, W_NS, minimal_parts, write_zip
from tests.libreoffice import libreoffice_read, require_libreoffice, stop_libreoffice

W = f"{{{W_NS}}}"
JANE = "Jane Smith"
DATE = "2026-03-10T10:00:00Z"
COMMENT = "The ICB replaced the Commissioner on 1 July 2022."
NEW_PARAGRAPH = "Late payment interest accrues at 2% above the Bank of England base rate."
TYPED_AFTER_S3 = "Data is shared through the shared care record."


def text(words: str, style: str = "Normal", **kwargs: object) -> Paragraph:
    """A paragraph of one unchanged run."""
    return Paragraph((Run(words),), style, **kwargs)


def cell(words: str, anchor: str | None = None) -> Cell:
    """A table cell of one paragraph."""
    return Cell((text(words, anchor=anchor),))


def agreement() -> WordDocument:
    """An export: numbered headings s1…s4, their body paragraphs, and the terms schedule."""
    return WordDocument((
        text("Integrated Care Services Agreement", "Title"),
        text("Definitions", "Heading 1", numbered=True, anchor="s1"),
        text("In this Agreement the Commissioner means NHS Northshire Integrated Care Board.", anchor="s1.p1"),
        text("Words in the singular include the plural.", anchor="s1.p2"),
        text("Payment", "Heading 1", numbered=True, anchor="s2"),
        text("The ICB shall pay each valid invoice within 30 days of receipt.", anchor="s2.p1"),
        text("Invoices are sent monthly in arrears.", anchor="s2.p2"),
        text("Data sharing", "Heading 1", numbered=True, anchor="s3"),
        text("Each party shares activity data monthly.", anchor="s3.p1"),
        Table((Row((cell("Term"), cell("Value")), header=True),
               Row((cell("Payment days"), cell("30", anchor="term.payment.days")))), anchor="schedule.terms"),
        text("Signed for and on behalf of the parties.", anchor="s4.p1"),
    ), header="Subject to contract — Draft 2", footer="Integrated Care Services Agreement — page ",
        track_revisions=True)


def export_info(document: WordDocument) -> dict:
    """What an export records: the agreement, the round, and each anchor with its exported text."""
    anchors: dict[str, str] = {}

    def visit(paragraph: Paragraph) -> None:
        if paragraph.anchor:
            anchors[paragraph.anchor] = "".join(run.text for run in paragraph.runs)

    for block in document.blocks:
        if isinstance(block, Paragraph):
            visit(block)
        else:
            if block.anchor:
                anchors[block.anchor] = ""
            for row in block.rows:
                for c in row.cells:
                    for paragraph in c.paragraphs:
                        visit(paragraph)
    return {"agreement": "Northshire community services", "round": 2, "party": "NHS Northshire ICB",
            "exported": "2026-03-02T09:15:00Z", "anchors": anchors}


# --- editing a .docx the way Word writes a counterparty's edits ---------------------------------


class Package:
    """The parts of a .docx, to edit with lxml and write back."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.next_id = 9000

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed."""
        return etree.fromstring(self.parts[name])

    def put(self, name: str, root: etree._Element) -> None:
        """Part ``name`` replaced by ``root``."""
        self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def new_id(self) -> str:
        """An id no part of the export uses (revisions, comments)."""
        self.next_id += 1
        return str(self.next_id)

    def save(self, path: Path) -> Path:
        """The edited package written to ``path``."""
        return write_zip(path, self.parts)


def stamped(package: Package, tag: str, author: str = JANE) -> etree._Element:
    """A ``w:ins``/``w:del``/``w:rPrChange``… with id, author and date, as Word writes it."""
    return etree.Element(W + tag, {W + "id": package.new_id(), W + "author": author, W + "date": DATE})


def run(words: str, deleted: bool = False) -> etree._Element:
    """A ``w:r`` holding ``words`` in ``w:t`` (``w:delText`` when deleted)."""
    r = etree.Element(W + "r")
    t = etree.SubElement(r, W + ("delText" if deleted else "t"))
    t.text = words
    if words != words.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def wrapped(package: Package, tag: str, words: str) -> etree._Element:
    """A run of ``words`` inside a stamped ``w:ins`` or ``w:del``."""
    wrapper = stamped(package, tag)
    wrapper.append(run(words, deleted=tag == "del"))
    return wrapper


def paragraph_of(body: etree._Element, anchor: str) -> etree._Element:
    """The ``w:p`` holding the export's bookmark for ``anchor``."""
    (start,) = [b for b in body.iter(W + "bookmarkStart") if b.get(W + "name") == bookmark_name(anchor)]
    return start.getparent()


def replace_tracked(package: Package, p: etree._Element, old: str, new: str,
                    comment_id: str | None = None) -> None:
    """Word's tracked replacement of ``old`` by ``new`` in ``p``: before, w:del, w:ins, after."""
    r = next(r for r in p.iter(W + "r") if old in "".join(t.text or "" for t in r.iter(W + "t")))
    whole = "".join(t.text or "" for t in r.iter(W + "t"))
    before, after = whole.split(old, 1)
    pieces: list[etree._Element] = []
    if before:
        pieces.append(run(before))
    pieces.append(wrapped(package, "del", old))
    if comment_id is not None:
        pieces.append(etree.Element(W + "commentRangeStart", {W + "id": comment_id}))
    pieces.append(wrapped(package, "ins", new))
    if comment_id is not None:
        pieces.append(etree.Element(W + "commentRangeEnd", {W + "id": comment_id}))
        reference = etree.Element(W + "r")
        etree.SubElement(etree.SubElement(reference, W + "rPr"), W + "rStyle", {W + "val": "CommentReference"})
        etree.SubElement(reference, W + "commentReference", {W + "id": comment_id})
        pieces.append(reference)
    if after:
        pieces.append(run(after))
    for piece in pieces:
        r.addprevious(piece)
    r.getparent().remove(r)


def add_comment(package: Package, comment_id: str, author: str, words: str) -> None:
    """A w:comment in word/comments.xml, with the part's content type and relationship if new."""
    name = "word/comments.xml"
    if name not in package.parts:
        package.put(name, etree.Element(W + "comments", nsmap={"w": W_NS}))
        types = package.xml("[Content_Types].xml")
        ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
        etree.SubElement(types, ct + "Override", {
            "PartName": "/word/comments.xml",
            "ContentType": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"})
        package.put("[Content_Types].xml", types)
        rels = package.xml("word/_rels/document.xml.rels")
        rel = "{http://schemas.openxmlformats.org/package/2006/relationships}"
        etree.SubElement(rels, rel + "Relationship", {
            "Id": "rId900", "Target": "comments.xml",
            "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"})
        package.put("word/_rels/document.xml.rels", rels)
    comments = package.xml(name)
    comment = etree.SubElement(comments, W + "comment", {W + "id": comment_id, W + "author": author,
                                                         W + "date": DATE, W + "initials": "JS"})
    p = etree.SubElement(comment, W + "p")
    r = etree.SubElement(p, W + "r")
    etree.SubElement(r, W + "annotationRef")
    p.append(run(words))
    package.put(name, comments)


def word_edits(exported: Path, returned: Path) -> Path:
    """Jane Smith's edits, written as Word writes them."""
    package = Package(exported)
    document = package.xml("word/document.xml")
    body = document.find(W + "body")
    # a tracked replacement in s1.p1, commented
    comment_id = package.new_id()
    replace_tracked(package, paragraph_of(body, "s1.p1"), "Commissioner", "ICB", comment_id)
    add_comment(package, comment_id, JANE, COMMENT)
    # an untracked edit: just a w:t's text
    t = next(paragraph_of(body, "s1.p2").iter(W + "t"))
    t.text = "Words in the singular include the plural and the other way round."
    # a tracked change in the schedule's cell
    replace_tracked(package, paragraph_of(body, "term.payment.days"), "30", "45")
    # a new paragraph after s2.p1: the mark and the runs inserted, no bookmark
    new = etree.Element(W + "p")
    etree.SubElement(etree.SubElement(new, W + "pPr"), W + "rPr").append(stamped(package, "ins"))
    new.append(wrapped(package, "ins", NEW_PARAGRAPH))
    paragraph_of(body, "s2.p1").addnext(new)
    # a formatting change: s2.p2 made bold, tracked
    r = next(paragraph_of(body, "s2.p2").iter(W + "r"))
    r_pr = etree.Element(W + "rPr")
    etree.SubElement(r_pr, W + "b")
    etree.SubElement(r_pr, W + "bCs")
    change = stamped(package, "rPrChange")
    etree.SubElement(change, W + "rPr")
    r_pr.append(change)
    r.insert(0, r_pr)
    # Enter typed at the end of s3.p1, then a sentence: s3.p1's mark inserted, the new text after it
    p = paragraph_of(body, "s3.p1")
    p_pr = p.find(W + "pPr")
    if p_pr is None:
        p_pr = etree.Element(W + "pPr")
        p.insert(0, p_pr)
    etree.SubElement(p_pr, W + "rPr").append(stamped(package, "ins"))
    typed = etree.Element(W + "p")
    typed.append(wrapped(package, "ins", TYPED_AFTER_S3))
    p.addnext(typed)
    package.put("word/document.xml", document)
    # a change in the header
    header_name = next(name for name in package.parts if name.startswith("word/header"))
    header = package.xml(header_name)
    next(header.iter(W + "p")).append(wrapped(package, "ins", " (counterparty copy)"))
    package.put(header_name, header)
    return package.save(returned)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "agreement-round-2.docx"
    write_docx(agreement(), path, export_info=export_info(agreement()))
    return path


@pytest.fixture(scope="module")
def returned_path(exported: Path) -> Path:
    return word_edits(exported, exported.with_name("returned.docx"))


@pytest.fixture(scope="module")
def returned(returned_path: Path) -> ReturnedDocument:
    return read_returned(returned_path)


@pytest.fixture(scope="session")
def libreoffice():
    require_libreoffice()
    yield libreoffice_read
    stop_libreoffice()


def by_anchor(document: ReturnedDocument) -> dict[str, ReturnedParagraph]:
    """The anchored paragraphs by anchor."""
    return {p.anchor: p for p in document.paragraphs if p.anchor is not None}


def views(document: ReturnedDocument, authors: set[str]) -> list[str]:
    """The paragraph texts with ``authors``' changes accepted and every other change rejected."""
    return [t for p in document.paragraphs if (t := p.text_accepting(authors)) is not None]


# --- hostile files ------------------------------------------------------------------------------


def refusal(path: Path) -> tuple[str, float, int]:
    """The refusal's message, how long it took and the peak memory Python allocated meanwhile."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InvalidInput) as refused:
            read_returned(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return str(refused.value), time.perf_counter() - started, peak


@pytest.mark.parametrize("case", list(HOSTILE))
def test_each_hostile_file_is_refused_in_plain_words_quickly(case: str, tmp_path: Path):
    build, words = HOSTILE[case]
    path = build(tmp_path)
    message, seconds, peak = refusal(path)
    assert message.startswith(path.name), message
    for word in words:
        assert word in message, message
    assert seconds < 1.0
    assert peak < 8 * 1024 * 1024, f"{case}: {peak} bytes allocated"


def test_a_zip_bomb_is_refused_without_inflating_it(tmp_path: Path):
    path = hostile_docx.zip_bomb(tmp_path)
    assert path.stat().st_size < 1024 * 1024  # 300 MB of zeros, packed
    message, seconds, peak = refusal(path)
    assert message == ("zip-bomb.docx was refused: it would unpack to more than 200 MB, far more than a contract "
                       "in Word takes (this is how zip bombs work).")
    assert seconds < 0.5 and peak < 1024 * 1024


def test_a_header_lying_about_its_size_cannot_blow_memory(tmp_path: Path):
    lying = hostile_docx.lying_zip_bomb(tmp_path)
    with zipfile.ZipFile(lying) as package:
        assert package.getinfo("word/document.xml").file_size == 2_000  # the lie
    message, seconds, peak = refusal(lying)
    assert "word/document.xml" in message and seconds < 0.5 and peak < 1024 * 1024
    # the same stream with its real checksum: unpacking stops at the declared size and the sum fails
    with zipfile.ZipFile(hostile_docx.zip_bomb(tmp_path)) as package:
        real_crc = package.getinfo("word/media/image1.png").CRC
    hostile_docx.set_entry_fields(lying, "word/document.xml", crc=real_crc)
    message, seconds, peak = refusal(lying)
    assert "damaged" in message and "cannot be unpacked" in message and peak < 1024 * 1024


def test_a_truncated_docx_is_refused(tmp_path: Path):
    path = hostile_docx.truncated(tmp_path, docx_bytes(agreement()))
    message, _, _ = refusal(path)
    assert message == ("truncated.docx is not a Word document it can read: it is a damaged or incomplete zip file "
                       "(cut short in a download or a copy?).")


def test_the_messages_read_as_the_user_sees_them(tmp_path: Path):
    assert refusal(hostile_docx.random_bytes(tmp_path))[0] == "noise.docx is not a Word document: it is not a zip file."
    assert refusal(hostile_docx.billion_laughs(tmp_path))[0] == (
        "billion-laughs.docx was refused: its part word/document.xml declares a DTD, which Word documents never do "
        "(this is how XML entity attacks work).")


def test_a_missing_file_is_refused_in_plain_words(tmp_path: Path):
    message, _, _ = refusal(tmp_path / "gone.docx")
    assert message.startswith("gone.docx could not be read")


def test_the_minimal_valid_package_is_accepted(tmp_path: Path):
    document = read_returned(hostile_docx.minimal(tmp_path))
    assert document.name == "minimal.docx"
    assert [(p.anchor, p.text_accepting(set())) for p in document.paragraphs] == [
        ("s1.p1", "The ICB shall pay each valid invoice.")]
    assert document.export_info is None and document.unsupported == () and document.tracked == ()


# --- a file the app exported and Word edited ----------------------------------------------------


def test_every_anchor_is_found(returned: ReturnedDocument):
    assert set(by_anchor(returned)) == {"s1", "s1.p1", "s1.p2", "s2", "s2.p1", "s2.p2", "s3", "s3.p1",
                                        "schedule.terms", "term.payment.days", "s4.p1"}
    assert by_anchor(returned)["schedule.terms"].text_accepting(set()) == "Term"  # the table's, on its first cell
    styles = {p.anchor: p.style for p in returned.paragraphs}
    assert styles["s1"] == styles["s2"] == "Heading 1" and styles["s1.p1"] == "Normal"
    assert returned.paragraphs[0].style == "Title" and returned.paragraphs[0].anchor is None


def test_each_view_of_the_tracked_replacement(returned: ReturnedDocument):
    p = by_anchor(returned)["s1.p1"]
    assert p.text_accepting({JANE}) == "In this Agreement the ICB means NHS Northshire Integrated Care Board."
    assert p.text_accepting(set()) == \
        "In this Agreement the Commissioner means NHS Northshire Integrated Care Board."
    assert p.runs == (("In this Agreement the ", "equal", ""), ("Commissioner", "delete", JANE),
                      ("ICB", "insert", JANE), (" means NHS Northshire Integrated Care Board.", "equal", ""))
    cell_paragraph = by_anchor(returned)["term.payment.days"]
    assert (cell_paragraph.text_accepting({JANE}), cell_paragraph.text_accepting(set())) == ("45", "30")


def test_the_untracked_edit_shows_in_both_views(returned: ReturnedDocument):
    p = by_anchor(returned)["s1.p2"]
    assert p.text_accepting({JANE}) == p.text_accepting(set()) == \
        "Words in the singular include the plural and the other way round."
    assert p.authors == set()


def test_the_new_paragraph_has_no_anchor_and_follows_s2_p1(returned: ReturnedDocument):
    index = [p.anchor for p in returned.paragraphs].index("s2.p1")
    new = returned.paragraphs[index + 1]
    assert (new.anchor, new.after, new.mark, new.mark_author) == (None, "s2.p1", "insert", JANE)
    assert new.text_accepting({JANE}) == NEW_PARAGRAPH
    assert new.text_accepting(set()) is None
    assert returned.paragraphs[index + 2].anchor == "s2.p2"
    assert returned.paragraphs[index + 2].after == "s2.p1"


def test_enter_typed_at_the_end_of_a_paragraph_reads_as_a_new_paragraph_after_it(returned: ReturnedDocument):
    # Word wrote s3.p1's mark as inserted and the typed text, unmarked, after it (A[¶B]¶)
    index = [p.anchor for p in returned.paragraphs].index("s3.p1")
    anchored, typed = returned.paragraphs[index:index + 2]
    assert anchored.mark == "equal"
    assert anchored.text_accepting(set()) == anchored.text_accepting({JANE}) == \
        "Each party shares activity data monthly."
    assert (typed.anchor, typed.after, typed.mark, typed.mark_author) == (None, "s3.p1", "insert", JANE)
    assert typed.text_accepting({JANE}) == TYPED_AFTER_S3 and typed.text_accepting(set()) is None


def test_the_comment_is_on_s1_p1_with_its_text(returned: ReturnedDocument):
    assert by_anchor(returned)["s1.p1"].comments == ((JANE, COMMENT),)
    assert [p.anchor for p in returned.paragraphs if p.comments] == ["s1.p1"]


def test_the_formatting_change_and_the_header_change_are_reported(returned: ReturnedDocument):
    assert returned.reported == (
        ReportedChange("format", JANE, "Invoices are sent monthly in arrears.", "s2.p2", "s2.p1"),
        ReportedChange("story", JANE, " (counterparty copy)", story="the header", detail="inserted"),
    )
    assert returned.unsupported == ()


def test_the_export_info_round_trips_and_the_author_is_listed(returned: ReturnedDocument):
    assert returned.export_info == export_info(agreement())
    assert returned.authors == [JANE]
    assert returned.name == "returned.docx"


def test_every_tracked_change_is_listed_in_order(returned: ReturnedDocument):
    assert returned.tracked == (
        TrackedChange("delete", JANE, DATE, "Commissioner"),
        TrackedChange("insert", JANE, DATE, "ICB"),
        TrackedChange("insert", JANE, DATE, "\n"),  # the new paragraph's mark
        TrackedChange("insert", JANE, DATE, NEW_PARAGRAPH),
        TrackedChange("insert", JANE, DATE, "\n"),  # s3.p1's mark, Enter typed at its end
        TrackedChange("insert", JANE, DATE, TYPED_AFTER_S3),
        TrackedChange("delete", JANE, DATE, "30"),
        TrackedChange("insert", JANE, DATE, "45"),
    )


def test_the_views_agree_with_the_independent_reader(returned: ReturnedDocument, returned_path: Path):
    assert views(returned, {JANE}) == read_paragraphs(returned_path, accept=True)
    assert views(returned, set()) == read_paragraphs(returned_path, accept=False)


def test_libreoffice_opens_the_file_with_the_custom_xml_part(returned: ReturnedDocument, returned_path: Path,
                                                             exported: Path, libreoffice):
    with zipfile.ZipFile(returned_path) as package:
        assert any(name.startswith("customXml/item") for name in package.namelist())
    seen = libreoffice(returned_path)
    assert seen["accepted"] == read_paragraphs(returned_path, accept=True) == views(returned, {JANE})
    assert seen["rejected"] == read_paragraphs(returned_path, accept=False) == views(returned, set())
    assert {r["author"] for r in seen["redlines"]} == {JANE}
    assert [(c["author"], c["content"]) for c in seen["comments"]] == [(JANE, COMMENT)]
    clean = libreoffice(exported)  # the export itself, unedited, with the part
    assert clean["accepted"] == clean["rejected"] == views(read_returned(exported), set())


# --- the export info part -------------------------------------------------------------------------


def custom_items(path: Path) -> dict[str, bytes]:
    """The package's customXml/ entries."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist() if name.startswith("customXml/")}


def test_the_export_info_is_a_custom_xml_part_related_from_the_document(exported: Path):
    items = custom_items(exported)
    ours = [name for name, data in items.items() if b"urn:negotiator:export" in data and "itemProps" not in name]
    assert ours == ["customXml/item2.xml"]  # item1 is the template's bibliography part, kept
    root = etree.fromstring(items["customXml/item2.xml"])
    assert root.tag == "{urn:negotiator:export}negotiator"
    assert json.loads(root.text) == export_info(agreement())
    props = etree.fromstring(items["customXml/itemProps2.xml"])
    ds = "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}"
    assert props.tag == ds + "datastoreItem" and props.get(ds + "itemID").startswith("{")
    with zipfile.ZipFile(exported) as package:
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        item_rels = package.read("customXml/_rels/item2.xml.rels").decode()
    assert ('PartName="/customXml/itemProps2.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"') in types
    assert 'relationships/customXml" Target="../customXml/item2.xml"' in rels
    assert 'relationships/customXmlProps" Target="itemProps2.xml"' in item_rels


def test_the_export_info_carries_any_text(tmp_path: Path):
    info = {"anchors": {"s1": "Tabs\tand \u0007 alarms, <tags> & “quotes”, مريم, 🩺"}, "nested": [1, None, True]}
    path = tmp_path / "odd.docx"
    write_docx(agreement(), path, export_info=info)
    assert read_returned(path).export_info == info


def test_no_export_info_reads_as_none_and_is_not_written_unless_asked(tmp_path: Path):
    path = tmp_path / "plain.docx"
    write_docx(agreement(), path)
    assert not any(b"urn:negotiator:export" in data for data in custom_items(path).values())
    document = read_returned(path)
    assert document.export_info is None
    assert by_anchor(document)["s2.p1"].text_accepting(set()).startswith("The ICB shall pay")


def test_the_export_info_is_found_whatever_word_numbers_its_part(exported: Path, tmp_path: Path):
    package = Package(exported)
    package.parts["customXml/item7.xml"] = package.parts.pop("customXml/item2.xml")
    assert read_returned(package.save(tmp_path / "renumbered.docx")).export_info == export_info(agreement())


@pytest.mark.parametrize("payload", ["{not json", "[1, 2, 3]", "", "[" * 100_000])
def test_damaged_export_info_is_ignored_and_reported(payload: str, exported: Path, tmp_path: Path):
    package = Package(exported)
    root = etree.Element("{urn:negotiator:export}negotiator", nsmap={None: "urn:negotiator:export"})
    root.text = payload
    package.put("customXml/item2.xml", root)
    document = read_returned(package.save(tmp_path / "damaged-info.docx"))
    assert document.export_info is None
    assert document.unsupported == ("the app's export information in this file (customXml/item2.xml) is damaged "
                                    "and was ignored, so paragraphs are matched by their bookmarks alone",)
    assert "s1.p1" in by_anchor(document)


def test_hashed_anchors_map_back_through_the_export_info(tmp_path: Path):
    odd = "schedule 2: payment terms (days)"
    document = WordDocument((text("Payment within 30 days.", anchor=odd), text("Then _GoBack.", anchor="s1")))
    path = tmp_path / "hashed.docx"
    write_docx(document, path, export_info={"anchors": {odd: "", "s1": ""}})
    assert bookmark_name(odd).startswith("__")
    assert [p.anchor for p in read_returned(path).paragraphs] == [odd, "s1"]
    write_docx(document, path)  # without the info a hashed name cannot map back
    assert [p.anchor for p in read_returned(path).paragraphs] == [None, "s1"]
    assert anchor_for_bookmark(bookmark_name(odd), [odd]) == odd


# --- Word's other markup, on small bodies -----------------------------------------------------------


def body_docx(tmp_path: Path, body: str, extra: dict[str, bytes] | None = None, name: str = "body.docx") -> Path:
    """A minimal package whose body is ``body`` (and any ``extra`` parts)."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" '
                'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>'
                f'{body}</w:body></w:document>')
    parts = minimal_parts(document=document)
    parts.update(extra or {})
    return write_zip(tmp_path / name, parts)


def stamp(kind: str, author: str = JANE, ident: int = 1) -> str:
    """The attributes of a ``w:{kind}`` revision element (``kind`` only names it at the call)."""
    return f'w:id="{ident}" w:author="{author}" w:date="{DATE}"'


def read_body(tmp_path: Path, body: str) -> ReturnedDocument:
    """``body`` in a minimal package, read back."""
    return read_returned(body_docx(tmp_path, body))


def test_tabs_breaks_fields_content_controls_and_hyperlinks_read_as_their_text(tmp_path: Path):
    document = read_body(tmp_path, (
        '<w:p><w:r><w:t>Clause</w:t><w:tab/><w:t>one</w:t><w:br/><w:t>two</w:t><w:br w:type="page"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>/9</w:t></w:r></w:fldSimple>'
        '<w:sdt><w:sdtPr><w:alias w:val="Party"/></w:sdtPr><w:sdtContent><w:r><w:t> ICB</w:t></w:r>'
        '</w:sdtContent></w:sdt><w:hyperlink r:id="rId9" xmlns:r="urn:r"><w:r><w:t> (link)</w:t></w:r></w:hyperlink>'
        '<w:smartTag w:element="place"><w:r><w:t> Leeds</w:t></w:r></w:smartTag></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>In a block control</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    assert views(document, set()) == ["Clause\tone\ntwo7/9 ICB (link) Leeds", "In a block control"]


def test_deleted_field_codes_are_ignored_and_deleted_results_kept_as_deleted(tmp_path: Path):
    document = read_body(tmp_path, (
        f'<w:p><w:r><w:t>Page </w:t></w:r><w:del {stamp("del")}><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:delInstrText> PAGE </w:delInstrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:delText>3</w:delText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:del></w:p>'))
    (p,) = document.paragraphs
    assert p.runs == (("Page ", "equal", ""), ("3", "delete", JANE))
    assert document.tracked == (TrackedChange("delete", JANE, DATE, "3"),)


def test_a_move_is_imported_as_a_deletion_and_an_insertion_and_reported(tmp_path: Path):
    document = read_body(tmp_path, (
        '<w:p><w:bookmarkStart w:id="1" w:name="_s1_p1"/><w:r><w:t>First. </w:t></w:r>'
        f'<w:moveFrom {stamp("moveFrom", ident=2)}><w:r><w:t>Moved sentence.</w:t></w:r></w:moveFrom>'
        '<w:bookmarkEnd w:id="1"/></w:p>'
        f'<w:p><w:r><w:t>Second. </w:t></w:r><w:moveTo {stamp("moveTo", ident=3)}><w:r><w:t>Moved sentence.</w:t>'
        '</w:r></w:moveTo></w:p>'))
    first, second = document.paragraphs
    assert (first.text_accepting({JANE}), first.text_accepting(set())) == ("First. ", "First. Moved sentence.")
    assert (second.text_accepting({JANE}), second.text_accepting(set())) == ("Second. Moved sentence.", "Second. ")
    # no ranges name the two halves, so each is a move of its own
    assert document.reported == (ReportedChange("move", JANE, "Moved sentence.", "s1.p1", None),
                                 ReportedChange("move", JANE, "Moved sentence.", None, "s1.p1"))
    assert [c.kind for c in document.tracked] == ["delete", "insert"]


def test_paragraph_and_section_formatting_changes_are_reported(tmp_path: Path):
    document = read_body(tmp_path, (
        f'<w:p><w:pPr><w:jc w:val="center"/><w:pPrChange {stamp("pPrChange")}><w:pPr/></w:pPrChange></w:pPr>'
        '<w:r><w:t>One two three four five six seven eight</w:t></w:r></w:p>'
        f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:sectPrChange {stamp("sectPrChange", "Sam Lee", 2)}>'
        '<w:sectPr/></w:sectPrChange></w:sectPr>'))
    assert document.reported == (
        ReportedChange("paragraph format", JANE, "One two three four five six seven eight", None, None),)
    assert document.unsupported == ("a page layout change by Sam Lee, which the app does not import",)
    assert document.authors == []  # formatting is not a text change


def test_alike_changes_with_no_place_are_counted_never_merged(tmp_path: Path):
    document = read_body(tmp_path, (
        f'<w:p><w:pPr><w:sectPr><w:sectPrChange {stamp("sectPrChange", "Sam Lee", 1)}><w:sectPr/></w:sectPrChange>'
        '</w:sectPr></w:pPr></w:p>'
        f'<w:sectPr><w:sectPrChange {stamp("sectPrChange", "Sam Lee", 2)}><w:sectPr/></w:sectPrChange></w:sectPr>'))
    assert document.unsupported == ("2 times: a page layout change by Sam Lee, which the app does not import",)


def test_table_formatting_and_tracked_rows(tmp_path: Path):
    document = read_body(tmp_path, (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblPrChange {stamp("tblPrChange")}><w:tblPr/>'
        '</w:tblPrChange></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
        '<w:tr><w:tc><w:p><w:r><w:t>Term</w:t></w:r></w:p></w:tc></w:tr>'
        f'<w:tr><w:trPr><w:ins {stamp("ins", ident=2)}/></w:trPr><w:tc><w:p><w:ins {stamp("ins", ident=3)}>'
        '<w:r><w:t>New row</w:t></w:r></w:ins></w:p></w:tc></w:tr>'
        f'<w:tr><w:trPr><w:del {stamp("del", "Sam Lee", 4)}/></w:trPr><w:tc><w:p><w:del {stamp("del", "Sam Lee", 5)}>'
        '<w:r><w:delText>Old row</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl><w:p/>'))
    term, new, old, _ = document.paragraphs
    assert (new.mark, new.mark_author, old.mark, old.mark_author) == ("insert", JANE, "delete", "Sam Lee")
    assert views(document, {JANE}) == ["Term", "New row", "Old row", ""]
    assert views(document, {"Sam Lee"}) == ["Term", ""]
    assert document.reported == (ReportedChange("table format", JANE, "TermNew rowOld row", None, None),)
    assert TrackedChange("insert", JANE, DATE, "New row") in document.tracked


def test_a_deletion_of_another_partys_insertion_is_reported(tmp_path: Path):
    document = read_body(tmp_path, (
        f'<w:p><w:ins {stamp("ins", "Sam Lee")}><w:r><w:t>kept </w:t></w:r><w:del {stamp("del", ident=2)}>'
        '<w:r><w:delText>gone</w:delText></w:r></w:del></w:ins></w:p>'))
    assert document.paragraphs[0].runs == (("kept ", "insert", "Sam Lee"), ("gone", "delete", JANE))
    assert document.reported == (ReportedChange("nested", JANE, "gone", None, None, detail="Sam Lee"),)


def test_changes_in_text_boxes_and_inserted_pictures_are_reported(tmp_path: Path):
    document = read_body(tmp_path, (
        '<w:p><w:bookmarkStart w:id="1" w:name="_s2"/><w:r><w:t>Logo</w:t></w:r>'
        f'<w:ins {stamp("ins", ident=2)}><w:r><w:drawing><wp:inline xmlns:wp="urn:wp"/></w:drawing></w:r></w:ins>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>'
        f'<w:ins {stamp("ins", "Sam Lee", 3)}><w:r><w:t>boxed</w:t></w:r></w:ins></w:p></w:txbxContent></w:drawing>'
        '</mc:Choice></mc:AlternateContent></w:r><w:bookmarkEnd w:id="1"/></w:p>'))
    assert views(document, {JANE, "Sam Lee"}) == ["Logo"]
    assert document.reported == (ReportedChange("object", JANE, "Logo", "s2", None),
                                 ReportedChange("textbox", "Sam Lee", "boxed", "s2", None))


def test_words_own_bookmarks_and_duplicates_are_not_anchors(tmp_path: Path):
    document = read_body(tmp_path, (
        '<w:p><w:bookmarkStart w:id="1" w:name="_GoBack"/><w:bookmarkEnd w:id="1"/><w:r><w:t>a</w:t></w:r></w:p>'
        '<w:bookmarkStart w:id="2" w:name="_s1"/><w:p><w:r><w:t>b</w:t></w:r></w:p><w:bookmarkEnd w:id="2"/>'
        '<w:p><w:bookmarkStart w:id="3" w:name="_s1"/><w:r><w:t>c</w:t></w:r></w:p>'))
    assert [(p.anchor, p.after) for p in document.paragraphs] == [(None, None), ("s1", None), (None, "s1")]


def test_styles_resolve_to_their_names_or_stay_ids(tmp_path: Path):
    styles = (f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
              '<w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading2">'
              '<w:name w:val="heading 2"/></w:style></w:styles>').encode()
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'styles" Target="/word/styles.xml"/></Relationships>')
    body = ('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Mystery"/>'
            '</w:pPr></w:p><w:p/>')
    path = body_docx(tmp_path, body, {"word/styles.xml": styles, "word/_rels/document.xml.rels": rels})
    assert [p.style for p in read_returned(path).paragraphs] == ["Heading 2", "Mystery", "Normal"]
    assert [p.style for p in read_body(tmp_path, body).paragraphs] == ["Heading2", "Mystery", "Normal"]


def test_a_comment_attached_nowhere_is_reported(returned_path: Path, tmp_path: Path):
    package = Package(returned_path)
    comments = package.xml("word/comments.xml")
    comment = etree.SubElement(comments, W + "comment", {W + "id": "77", W + "author": "Sam Lee", W + "date": DATE})
    etree.SubElement(comment, W + "p").append(run("Nobody points at this."))
    package.put("word/comments.xml", comments)
    document = read_returned(package.save(tmp_path / "orphan.docx"))
    assert 'a comment by Sam Lee attached to no paragraph: "Nobody points at this."' in document.unsupported


@pytest.mark.parametrize("story", ["footer", "footnotes", "endnotes"])
def test_changes_in_other_stories_are_reported(story: str, tmp_path: Path):
    root = {"footer": "ftr", "footnotes": "footnotes", "endnotes": "endnotes"}[story]
    part = (f'<w:{root} xmlns:w="{W_NS}"><w:p><w:ins {stamp("ins", "Sam Lee")}><w:r><w:t>x</w:t></w:r></w:ins>'
            f'</w:p></w:{root}>').encode()
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{story}"'
            f' Target="{story}1.xml"/></Relationships>').encode()
    path = body_docx(tmp_path, "<w:p/>", {f"word/{story}1.xml": part, "word/_rels/document.xml.rels": rels})
    label = {"footer": "the footer", "footnotes": "a footnote", "endnotes": "an endnote"}[story]
    assert read_returned(path).reported == (ReportedChange("story", "Sam Lee", "x", story=label, detail="inserted"),)


def test_a_large_redline_reads_quickly(tmp_path: Path):
    blocks: list[Paragraph] = []
    for section in range(1, 301):
        blocks.append(text(f"Section {section}", "Heading 1", numbered=True, anchor=f"s{section}"))
        for number in (1, 2):
            blocks.append(text(f"Clause {section}.{number} says what the parties agreed about item {section}.",
                               anchor=f"s{section}.p{number}"))
    document = WordDocument(tuple(blocks))
    path = tmp_path / "large.docx"
    write_docx(document, path, export_info=export_info(document))
    started = time.perf_counter()
    read = read_returned(path)
    assert time.perf_counter() - started < 1.0
    assert len(read.paragraphs) == 900 and by_anchor(read)["s300.p2"].after == "s300.p1"
