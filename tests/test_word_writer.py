"""The Word redline writer: real tracked changes, one author per party, that Word accepts and that
LibreOffice accepts and rejects to exactly the target and the original texts."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from negotiator.domain.document import (
    Cell,
    Change,
    Paragraph,
    Revision,
    Row,
    Run,
    Table,
    WordDocument,
    authors,
    paragraph_texts,
)
from negotiator.word.check import check_docx
from negotiator.word.names import anchor_for_bookmark, bookmark_name
from negotiator.word.parts import HEADING_NUMBERING
from negotiator.word.reader import read_bookmarks, read_comments, read_paragraphs, read_revisions
from negotiator.word.writer import docx_bytes, reference_template, render, write_docx
from tests.libreoffice import libreoffice_read, require_libreoffice, stop_libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
ICB = Revision("NHS Northshire Integrated Care Board", datetime(2026, 3, 2, 9, 15, tzinfo=UTC),
               "Payment terms must follow the ICB's monthly finance cycle.")
FED = Revision("Northshire Primary Care Federation", datetime(2026, 3, 3, 14, 40, tzinfo=UTC),
               "Practices need the data-sharing schedule before go-live.")
HOPE = Revision("Hope Street Wellbeing", datetime(2026, 3, 4, 11, 5, tzinfo=timezone(timedelta(hours=1))),
                "As a charity we cannot carry an uncapped share of losses.")
HOPE_ROWS = Revision("Hope Street Wellbeing", datetime(2026, 3, 5, 16, 0, tzinfo=UTC),
                     "Hope Street joins the risk pool with no share of losses.")
FED_ROWS = Revision("Northshire Primary Care Federation", datetime(2026, 3, 6, 10, 0, tzinfo=UTC),
                    "The federation leaves the risk pool.")


def text(*runs: Run | str, style: str = "Normal", **kwargs: object) -> Paragraph:
    return Paragraph(tuple(Run(r) if isinstance(r, str) else r for r in runs), style, **kwargs)


def ins(words: str, revision: Revision = ICB, bold: bool = False) -> Run:
    return Run(words, Change.INSERT, revision, bold)


def dele(words: str, revision: Revision = ICB, bold: bool = False) -> Run:
    return Run(words, Change.DELETE, revision, bold)


def cell(*runs: Run | str) -> Cell:
    return Cell((text(*runs),))


def contract() -> WordDocument:
    """An integrated-care agreement in its second draft, with changes from three parties."""
    return WordDocument((
        text("Integrated Care Services Agreement", style="Title", anchor="title"),
        text("Community mental health and wellbeing services", style="Subtitle"),
        text("Between NHS Northshire Integrated Care Board,\nNorthshire Primary Care Federation\tand "
             "Hope Street Wellbeing", style="Subtitle"),
        text(Run("Subject to contract", bold=True)),
        text("Definitions and interpretation", style="Heading 1", numbered=True, anchor="s1"),
        text("In this Agreement the ", dele("Commissioner", ICB), ins("ICB", ICB), " means NHS Northshire "
             "Integrated Care Board and the ", ins("Provider Alliance ", FED), "means the providers named in "
             "Schedule 1.", anchor="s1.p1"),
        text(" Leading and trailing spaces are kept ", anchor="s1.p2"),
        text("Payment", style="Heading 1", numbered=True, anchor="s2"),
        text("Invoices", style="Heading 2", numbered=True, anchor="s3"),
        text("The ICB shall pay each valid invoice within ", dele("30", ICB), ins("45", ICB),
             " days of receipt.", anchor="s3.p1"),
        text("Late payment", style="Heading 3", numbered=True, anchor="s4"),
        text(ins("Interest on late payment accrues at 2% above base rate.", HOPE),
             mark=Change.INSERT, mark_revision=HOPE, anchor="s4.p1"),
        text(dele("The Provider waives any right to interest on late payment.", FED),
             mark=Change.DELETE, mark_revision=FED),
        text("Data sharing", style="Heading 1", numbered=True, anchor="s5", page_break_before=True),
        text("Each party shares activity data ", ins("weekly", FED), dele("monthly", FED), " through the "
             "shared care record 🩺📊; patient names appear as written: مريم حداد and חנה לוי.", anchor="s5.p1"),
        text("Alarm\x07 characters are replaced.", anchor="s5.p2"),
        text("Risk share", style="Heading 2", numbered=True, anchor="schedule.risk"),
        Table((
            Row((cell(Run("Party", bold=True)), cell(Run("Share of gains", bold=True)),
                 cell(Run("Share of losses", bold=True))), header=True),
            Row((cell("NHS Northshire Integrated Care Board"), cell("60%"), cell(dele("70%", ICB), ins("80%", ICB)))),
            Row((cell("Northshire Primary Care Federation"), cell("25%"), cell("20%")),
                Change.DELETE, FED_ROWS),
            Row((cell(ins("Hope Street Wellbeing", HOPE_ROWS)), cell(ins("15%", HOPE_ROWS)),
                 cell(ins("0%", HOPE_ROWS))), Change.INSERT, HOPE_ROWS),
        ), anchor="risk"),
        text("Signed for and on behalf of the parties.", anchor="s6.p1"),
    ), header="Subject to contract — Draft 2", footer="Integrated Care Services Agreement — page ",
        track_revisions=True)


def in_word(expected: list[str]) -> list[str]:
    """What a paragraph text becomes in the file: control characters XML cannot carry → U+FFFD."""
    return [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", t) for t in expected]


def parts_of(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist()
                if name.endswith(".xml") and name.startswith("word/")}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("word") / "contract-draft-2.docx"
    return path, write_docx(contract(), path)


@pytest.fixture(scope="session")
def libreoffice():
    require_libreoffice()
    yield libreoffice_read
    stop_libreoffice()


# --- the reference template -------------------------------------------------------------------


def test_the_shipped_reference_template_has_the_styles_and_the_heading_numbering():
    template = docx.Document(str(reference_template()))
    names = {style.name for style in template.styles}
    assert {"Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Table Grid"} <= names
    numbering = parts_of(reference_template())["word/numbering.xml"]
    abstract = numbering.xpath(f"w:abstractNum[w:name/@w:val='{HEADING_NUMBERING}']", namespaces=NS)
    assert len(abstract) == 1
    texts = [lvl.find(f"{W}lvlText").get(f"{W}val") for lvl in abstract[0].findall(f"{W}lvl")][:3]
    assert texts == ["%1", "%1.%2", "%1.%2.%3"]
    abstract_id = abstract[0].get(f"{W}abstractNumId")
    assert numbering.xpath(f"w:num[w:abstractNumId/@w:val='{abstract_id}']", namespaces=NS)
    settings_xml = parts_of(reference_template())["word/settings.xml"]
    assert settings_xml.xpath("//w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces=NS) == ["15"]


def test_a_template_without_the_heading_numbering_gets_it(tmp_path: Path):
    bare = tmp_path / "bare.docx"
    docx.Document().save(str(bare))  # python-docx's default: no heading numbering of ours
    path = tmp_path / "out.docx"
    write_docx(contract(), path, template=bare)
    assert check_docx(path) == []
    numbering = parts_of(path)["word/numbering.xml"]
    assert numbering.xpath(f"w:abstractNum[w:name/@w:val='{HEADING_NUMBERING}']", namespaces=NS)


def test_the_document_language_is_british_english_whatever_the_template_says(tmp_path: Path):
    american = tmp_path / "american.docx"
    docx.Document().save(str(american))  # python-docx's default template: English (USA)
    for template in (None, american):
        path = tmp_path / "out.docx"
        write_docx(contract(), path, template=template)
        styles, settings_xml = parts_of(path)["word/styles.xml"], parts_of(path)["word/settings.xml"]
        assert styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val", namespaces=NS) == ["en-GB"]
        assert settings_xml.xpath("w:themeFontLang/@w:val", namespaces=NS) in ([], ["en-GB"])
        assert check_docx(path) == []


# --- structure --------------------------------------------------------------------------------


def test_the_contract_keeps_every_rule_word_enforces(written: tuple[Path, list[str]]):
    path, _ = written
    assert check_docx(path) == []


def test_accepting_and_rejecting_give_the_target_and_the_original(written: tuple[Path, list[str]]):
    path, _ = written
    assert read_paragraphs(path, accept=True) == in_word(paragraph_texts(contract(), accept=True))
    assert read_paragraphs(path, accept=False) == in_word(paragraph_texts(contract(), accept=False))


def test_a_control_character_is_replaced_and_reported(written: tuple[Path, list[str]]):
    path, warnings = written
    assert any("U+FFFD" in warning for warning in warnings)
    assert "Alarm\ufffd characters are replaced." in read_paragraphs(path, accept=True)


def test_headings_use_words_own_numbering_not_typed_numbers(written: tuple[Path, list[str]]):
    body = parts_of(written[0])["word/document.xml"]
    headings = body.xpath("//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'Heading')]", namespaces=NS)
    assert len(headings) == 6
    levels = [(p.find(f"{W}pPr/{W}pStyle").get(f"{W}val"), p.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val"))
              for p in headings]
    assert levels == [("Heading1", "0"), ("Heading1", "0"), ("Heading2", "1"), ("Heading3", "2"),
                      ("Heading1", "0"), ("Heading2", "1")]
    num_ids = {p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in headings}
    numbering = parts_of(written[0])["word/numbering.xml"]
    (num_id,) = num_ids
    abstract_id = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val", namespaces=NS)[0]
    assert numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:name/@w:val",
                           namespaces=NS) == [HEADING_NUMBERING]
    for p in headings:
        assert not re.match(r"^\d", "".join(p.xpath(".//w:t/text()", namespaces=NS)))
    assert body.xpath("//w:p[w:pPr/w:pageBreakBefore]//w:t/text()", namespaces=NS) == ["Data sharing"]


def test_paragraph_properties_keep_the_schema_order(written: tuple[Path, list[str]]):
    body = parts_of(written[0])["word/document.xml"]
    heading = body.xpath("//w:p[w:pPr/w:pageBreakBefore]/w:pPr", namespaces=NS)[0]
    assert [etree.QName(c).localname for c in heading] == ["pStyle", "pageBreakBefore", "numPr"]
    inserted = body.xpath("//w:p[w:pPr/w:rPr/w:ins]/w:pPr", namespaces=NS)[0]
    assert [etree.QName(c).localname for c in inserted][-1] == "rPr"


def test_track_changes_stays_on_only_when_asked(tmp_path: Path, written: tuple[Path, list[str]]):
    assert parts_of(written[0])["word/settings.xml"].find(f"{W}trackRevisions") is not None
    clean = tmp_path / "clean.docx"
    write_docx(replace(contract(), track_revisions=False), clean)
    settings_xml = parts_of(clean)["word/settings.xml"]
    assert settings_xml.find(f"{W}trackRevisions") is None
    assert settings_xml.xpath("//w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces=NS) == ["15"]


def test_anchors_become_hidden_bookmarks(written: tuple[Path, list[str]]):
    names = read_bookmarks(written[0])
    assert names[:4] == ["_title", "_s1", "_s1_p1", "_s1_p2"]
    assert {"_schedule_risk", "_risk", "_s4_p1", "_s6_p1"} <= set(names)
    assert len(names) == len(set(names))


def test_bookmark_names_are_valid_deterministic_and_map_back():
    assert bookmark_name("s12") == "_s12"
    assert bookmark_name("s12.p2") == "_s12_p2"
    assert bookmark_name("term.payment.days") == "_term_payment_days"
    assert anchor_for_bookmark("_s12_p2") == "s12.p2"
    odd = ["party.NHS Northshire Integrated Care Board", "contribution.7", "x" * 60, "term.a_b", "s1..p2", "é"]
    for anchor in odd:
        name = bookmark_name(anchor)
        assert re.fullmatch(r"[A-Za-z0-9_]{1,40}", name), name
        assert bookmark_name(anchor) == name
        assert anchor_for_bookmark(name, odd) == anchor
    assert len({bookmark_name(a) for a in odd}) == len(odd)
    assert anchor_for_bookmark("_GoBack", ["s1"]) is None
    assert anchor_for_bookmark("Chapter 1") is None


def test_each_change_carries_its_party_and_a_utc_date(written: tuple[Path, list[str]]):
    revisions = read_revisions(written[0])
    assert {author for _, author, _ in revisions} == set(authors(contract()))
    assert ("ins", "Hope Street Wellbeing", "2026-03-04T10:05:00Z") in revisions  # 11:05 at UTC+1
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date) for _, _, date in revisions)


def test_each_commented_revision_gets_one_comment_with_its_rationale(written: tuple[Path, list[str]]):
    comments = read_comments(written[0])
    assert sorted(comments) == sorted((r.author, r.comment) for r in (ICB, FED, HOPE, HOPE_ROWS, FED_ROWS))
    comment_part = parts_of(written[0])["word/comments.xml"]
    initials = comment_part.xpath("//w:comment/@w:initials", namespaces=NS)
    assert sorted(initials) == ["HSW", "HSW", "NNICB", "NPCF", "NPCF"]


def test_header_and_footer_carry_the_round_and_the_page_number(written: tuple[Path, list[str]]):
    parts = parts_of(written[0])
    headers = [p for name, p in parts.items() if name.startswith("word/header")]
    footers = [p for name, p in parts.items() if name.startswith("word/footer")]
    assert ["".join(h.xpath("//w:t/text()", namespaces=NS)) for h in headers] == ["Subject to contract — Draft 2"]
    (footer,) = footers
    assert footer.xpath("//w:p/w:r/w:t/text()", namespaces=NS) == ["Integrated Care Services Agreement — page "]
    assert footer.xpath("//w:fldSimple/@w:instr", namespaces=NS) == [" PAGE "]


def test_the_table_has_grid_lines_a_header_row_and_tracked_rows(written: tuple[Path, list[str]]):
    body = parts_of(written[0])["word/document.xml"]
    (table,) = body.findall(f".//{W}tbl")
    # Direct borders, no table style: LibreOffice records a table style's formatting as changes.
    assert table.find(f"{W}tblPr/{W}tblStyle") is None
    assert table.find(f"{W}tblPr/{W}tblBorders/{W}insideH").get(f"{W}val") == "single"
    rows = table.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert rows[2].find(f"{W}trPr/{W}del") is not None and rows[3].find(f"{W}trPr/{W}ins") is not None
    for row, kind in ((rows[2], "del"), (rows[3], "ins")):
        for r in row.iter(f"{W}r"):
            if r.find(f"{W}commentReference") is None:
                assert r.getparent().tag == f"{W}{kind}"


def test_a_missing_style_and_a_change_without_author_are_written_and_reported(tmp_path: Path):
    odd = WordDocument((text("Heading", style="Heading 7 (custom)"), text("x", Run("y", Change.INSERT)),
                        text("end")))
    rendered = render(odd)
    assert any("Heading 7 (custom)" in warning for warning in rendered.warnings)
    assert any("no author" in warning for warning in rendered.warnings)
    assert check_docx(rendered.data) == []


def test_a_last_paragraph_inserted_or_deleted_as_a_whole_still_accepts_and_rejects():
    doc = WordDocument((
        text("Kept"),
        text(dele("Gone", FED), mark=Change.DELETE, mark_revision=FED),
        Table((Row((Cell((text("cell"), text(ins("new in cell", HOPE), mark=Change.INSERT, mark_revision=HOPE))),)),)),
        text("Kept too"),
        text(ins("New", ICB), mark=Change.INSERT, mark_revision=ICB),
        text(dele("Old", FED), mark=Change.DELETE, mark_revision=FED),
    ))
    data = docx_bytes(doc)
    assert check_docx(data) == []
    for accept in (True, False):
        assert read_paragraphs(data, accept=accept) == paragraph_texts(doc, accept=accept)


# --- the checker finds what Word refuses ------------------------------------------------------


def broken(path: Path, tmp_path: Path, edit: object) -> Path:
    """A copy of the .docx whose document.xml went through ``edit`` (a str -> str function)."""
    out = tmp_path / "broken.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    return out


def test_the_checker_reports_duplicate_ids(written: tuple[Path, list[str]], tmp_path: Path):
    ids = re.findall(r'<w:ins w:id="(\d+)"', zipfile.ZipFile(written[0]).read("word/document.xml").decode())
    bad = broken(written[0], tmp_path, lambda xml: xml.replace(f'<w:ins w:id="{ids[1]}"', f'<w:ins w:id="{ids[0]}"'))
    assert any(f"id {ids[0]} is used 2 times" in problem for problem in check_docx(bad))


def test_the_checker_reports_text_in_w_t_inside_a_deletion(written: tuple[Path, list[str]], tmp_path: Path):
    bad = broken(written[0], tmp_path, lambda xml: xml.replace("<w:delText>30</w:delText>", "<w:t>30</w:t>"))
    assert any("deleted text '30' is in w:t" in problem for problem in check_docx(bad))


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda xml: xml.replace("<w:t>45</w:t>", "<w:delText>45</w:delText>"), "outside any w:del"),
    (lambda xml: xml.replace('w:author="Hope Street Wellbeing"', 'w:author=""', 1), "has no author"),
    (lambda xml: xml.replace('w:date="2026-03-02T09:15:00Z"', 'w:date="2 March 2026"', 1), "bad date"),
    (lambda xml: xml.replace('<w:t xml:space="preserve"> days of receipt.</w:t>', "<w:t> days of receipt.</w:t>"),
     "lacks xml:space"),
    (lambda xml: xml.replace("<w:t>Signed", "<w:t>&#7;Signed"), "not well-formed"),
    (lambda xml: re.sub(r'<w:commentRangeStart w:id="(\d+)"/>', r'<w:commentRangeStart w:id="9\1"/>', xml, count=1),
     "does not exist"),
    (lambda xml: xml.replace("<w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/>",
                             "<w:pageBreakBefore/><w:pStyle w:val=\"Heading1\"/>"), "schema's order"),
    (lambda xml: xml.replace('w:name="_s1"', 'w:name="s 1"'), "not 1-40 letters"),
])
def test_the_checker_reports_each_broken_rule(written: tuple[Path, list[str]], tmp_path: Path, edit: object,
                                              expected: str):
    problems = check_docx(broken(written[0], tmp_path, edit))
    assert any(expected in problem for problem in problems), problems


# --- LibreOffice, a real reader ---------------------------------------------------------------


def libreoffice_redlines(document: WordDocument) -> Counter[str]:
    """How many redlines LibreOffice lists per author for a document the writer wrote.

    LibreOffice keeps one redline per contiguous stretch of text (paragraph marks included) that
    one author inserted or deleted at one time, so ``authors()``'s count of runs, marks and rows
    maps to it like this: consecutive tracked runs, and a paragraph's tracked mark, extend the
    stretch when kind, author and date stay the same (a paragraph's mark and the next paragraph's
    first run too); unchanged text or an unchanged mark ends it; so does the end of a comment's
    range, written after the first stretch of a commented revision (in a tracked row a comment has
    no range and ends nothing); a cell boundary ends it; and a tracked row is
    not listed itself: its cells' text and paragraph marks (tracked under the row's revision) are.
    """
    counts: Counter[str] = Counter()
    current: list[tuple[str, str, datetime] | None] = [None]
    commented: set[Revision] = set()

    def extend(change: Change, revision: Revision) -> None:
        key = (change.value, revision.author, revision.date)
        if key != current[0]:
            counts[revision.author] += 1
            current[0] = key

    def visit(paragraph: Paragraph, row: Row | None = None) -> None:
        ranged = row is None or row.change is Change.EQUAL  # comments in tracked rows have no range
        runs = [r for r in paragraph.runs if r.text]
        for index, run in enumerate(runs):
            change, revision = run.change, run.revision
            if change is Change.EQUAL and row is not None and row.change is not Change.EQUAL:
                change, revision = row.change, row.revision
            if change is Change.EQUAL:
                current[0] = None
                continue
            extend(change, revision)
            later = runs[index + 1] if index + 1 < len(runs) else None
            if revision.comment and revision not in commented and (later is None or later.revision != revision):
                commented.add(revision)
                current[0] = None if ranged else current[0]
        for revision in (paragraph.mark_revision, row.revision if row else None):
            if revision is not None and revision.comment and revision not in commented:
                commented.add(revision)
                current[0] = None if ranged else current[0]
        mark, mark_revision = paragraph.mark, paragraph.mark_revision
        if mark is Change.EQUAL and row is not None and row.change is not Change.EQUAL:
            mark, mark_revision = row.change, row.revision  # a tracked row's paragraph marks are tracked too
        if mark is Change.EQUAL:
            current[0] = None
        else:
            extend(mark, mark_revision)

    for block in document.blocks:
        if isinstance(block, Paragraph):
            visit(block)
            continue
        for row in block.rows:
            for cell in row.cells:
                current[0] = None
                for paragraph in cell.paragraphs:
                    visit(paragraph, row)
        current[0] = None
    return counts


def test_libreoffice_accepts_and_rejects_to_the_target_and_the_original(written: tuple[Path, list[str]],
                                                                        libreoffice):
    seen = libreoffice(written[0])
    # LibreOffice reports a line break as "\n" and a tab as "\t", as the reader does: no normalising.
    assert seen["accepted"] == in_word(paragraph_texts(contract(), accept=True))
    assert seen["rejected"] == in_word(paragraph_texts(contract(), accept=False))
    assert seen["redlines_left"] == [0, 0]


def test_libreoffice_sees_each_party_as_the_author_of_its_changes(written: tuple[Path, list[str]], libreoffice):
    seen = libreoffice(written[0])
    by_author = Counter(r["author"] for r in seen["redlines"])
    assert set(by_author) == set(authors(contract()))
    assert by_author == libreoffice_redlines(contract())
    assert {r["type"] for r in seen["redlines"]} == {"Insert", "Delete"}


def test_libreoffice_shows_each_rationale_under_its_party(written: tuple[Path, list[str]], libreoffice):
    seen = libreoffice(written[0])
    assert sorted((c["author"], c["content"]) for c in seen["comments"]) == \
        sorted((r.author, r.comment) for r in (ICB, FED, HOPE, HOPE_ROWS, FED_ROWS))


@pytest.mark.parametrize("name", ["last-paragraphs", "ends-with-table", "clean"])
def test_libreoffice_reads_other_shapes_of_document(name: str, tmp_path: Path, libreoffice):
    documents = {
        "last-paragraphs": WordDocument((
            text("Kept"), text(dele("Gone", FED), mark=Change.DELETE, mark_revision=FED),
            Table((Row((Cell((text("cell"), text(ins("new", HOPE), mark=Change.INSERT, mark_revision=HOPE))),)),)),
            text("Kept too"), text(ins("New", ICB), mark=Change.INSERT, mark_revision=ICB),
            text(dele("Old", FED), mark=Change.DELETE, mark_revision=FED)), track_revisions=True),
        "ends-with-table": WordDocument((
            text("Schedule", style="Heading 1", numbered=True),
            Table((Row((cell("Term"), cell("Value")), header=True), Row((cell("Duration"), cell(dele("3", ICB),
                   ins("5", ICB), " years"))), Row((cell(ins("Break clause", HOPE)), cell(ins("Year 2", HOPE))),
                   Change.INSERT, HOPE)))), header="Draft 3"),
        "clean": replace(contract(), blocks=tuple(_accepted(contract().blocks)), track_revisions=False),
    }
    document = documents[name]
    path = tmp_path / f"{name}.docx"
    write_docx(document, path)
    assert check_docx(path) == []
    seen = libreoffice(path)
    assert seen["accepted"] == in_word(paragraph_texts(document, accept=True))
    assert seen["rejected"] == in_word(paragraph_texts(document, accept=False))
    assert set(Counter(r["author"] for r in seen["redlines"])) == set(authors(document))


def _accepted(blocks: tuple) -> list:
    """The blocks with every change accepted: a document without tracked changes."""
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.mark is not Change.DELETE:
                out.append(replace(block, runs=tuple(replace(r, change=Change.EQUAL, revision=None)
                                                     for r in block.runs if r.change is not Change.DELETE),
                                   mark=Change.EQUAL, mark_revision=None))
            continue
        rows = tuple(replace(row, change=Change.EQUAL, revision=None, cells=tuple(
            Cell(tuple(_accepted(c.paragraphs))) for c in row.cells)) for row in block.rows
            if row.change is not Change.DELETE)
        out.append(replace(block, rows=rows))
    return out


# --- any document -----------------------------------------------------------------------------

REVISIONS = st.sampled_from([ICB, FED, HOPE, replace(ICB, comment=None), replace(HOPE, comment="Second thoughts")])
WORDS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["shared care record", " lead ", "trail ", "\tIndent", "line\nbreak", "🩺📊", "مريم حداد",
                     "חנה לוי", "\x07bell", "\r\nCRLF", "  ", "ﬁ ligature", "e\u0301"]),
)


@st.composite
def runs(draw: st.DrawFn) -> tuple[Run, ...]:
    out = []
    for _ in range(draw(st.integers(0, 4))):
        change = draw(st.sampled_from(list(Change)))
        out.append(Run(draw(WORDS), change, None if change is Change.EQUAL else draw(REVISIONS), draw(st.booleans())))
    return tuple(out)


@st.composite
def paragraph(draw: st.DrawFn, first: bool) -> Paragraph:
    body = draw(runs())
    mark = Change.EQUAL if first else draw(st.sampled_from([Change.EQUAL, Change.EQUAL, Change.INSERT, Change.DELETE]))
    if mark is not Change.EQUAL:  # a whole paragraph: its runs carry the mark's change
        revision = draw(REVISIONS)
        return Paragraph(tuple(Run(r.text, mark, revision, r.bold) for r in body), mark=mark, mark_revision=revision)
    return Paragraph(body, draw(st.sampled_from(["Normal", "Heading 1", "Heading 2", "Title"])))


@st.composite
def stretch(draw: st.DrawFn) -> list[Paragraph]:
    """Paragraphs with nothing between them; the first keeps its mark, so later ones can lose theirs."""
    return [draw(paragraph(first=i == 0)) for i in range(draw(st.integers(1, 4)))]


@st.composite
def table(draw: st.DrawFn) -> Table:
    rows = []
    for _ in range(draw(st.integers(1, 3))):
        change = draw(st.sampled_from(list(Change)))
        revision = None if change is Change.EQUAL else draw(REVISIONS)
        rows.append(Row(tuple(Cell(tuple(draw(stretch()))) for _ in range(draw(st.integers(1, 3)))), change, revision))
    return Table(tuple(rows))


@st.composite
def documents(draw: st.DrawFn) -> WordDocument:
    blocks: list = draw(stretch())
    for _ in range(draw(st.integers(0, 2))):
        blocks += [draw(table()), *draw(stretch())]
    return WordDocument(tuple(blocks), track_revisions=draw(st.booleans()))


def cleaned(document: WordDocument) -> WordDocument:
    """The document as the file holds it: each run's text through the writer's replacements."""
    def clean(words: str) -> str:
        words = words.replace("\r\n", "\n").replace("\r", "\n")
        return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", words)

    def fix(p: Paragraph) -> Paragraph:
        return replace(p, runs=tuple(replace(r, text=clean(r.text)) for r in p.runs))

    return replace(document, blocks=tuple(
        fix(b) if isinstance(b, Paragraph) else replace(b, rows=tuple(replace(row, cells=tuple(
            Cell(tuple(fix(p) for p in c.paragraphs)) for c in row.cells)) for row in b.rows))
        for b in document.blocks))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_keeps_the_rules_and_accepts_and_rejects_exactly(document: WordDocument):
    data = docx_bytes(document)
    assert check_docx(data) == []
    expected = cleaned(document)
    assert read_paragraphs(data, accept=True) == paragraph_texts(expected, accept=True)
    assert read_paragraphs(data, accept=False) == paragraph_texts(expected, accept=False)
    assert {author for _, author, _ in read_revisions(data)} <= set(authors(document))
