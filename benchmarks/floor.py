"""The export's floor: the same .docx as a redline export writes, part for part, built the most direct
way (lxml elements and zipfile), and the check that it still holds the same parts as the export.

Given the redline :class:`WordDocument` and the export information the service stores in the file,
:func:`floor_docx` writes what the export writes:

- ``word/document.xml``: the template's root and final section properties (now pointing at the header
  and footer); every paragraph with its style, heading numbering, page break, bookmarks, tracked runs
  (``w:ins``/``w:del`` with id, author and date, ``w:delText``), bold, tabs and breaks; the comment
  ranges and references; the terms schedule tables with their borders, grid, widths, header rows and
  tracked rows;
- ``word/header1.xml`` and ``word/footer1.xml`` (the footer's page number field);
- ``word/comments.xml``, one comment per commented revision and remark;
- ``customXml/itemN.xml`` (the export information as JSON), its ``itemPropsN.xml`` and relationships;
- ``word/styles.xml`` (style ids read from it, the document language set), ``word/settings.xml``
  (tracking on, compatibility mode 15, theme font language) and ``word/numbering.xml`` (the heading
  list found in it);
- ``[Content_Types].xml`` and ``word/_rels/document.xml.rels`` with the new parts;
- the template's other parts (styles with effects, fonts, theme, web settings, its own Custom XML,
  document properties) copied.

What the floor leaves out is the writer's care for documents other than the benchmark's: it writes the
runs as given (the writer's normalising of changes Word cannot express, the cleaning of characters
XML cannot carry, duplicate bookmarks, missing styles and authors), and the benchmark's redline needs
none of it. :func:`part_differences` is what keeps it honest: the same part names, content types and
relationships as the export's file, and in every XML part the same elements, counted by name.
"""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from collections import Counter
from itertools import groupby

from lxml import etree

from negotiator.domain.document import Block, Change, Paragraph, Revision, Table, WordDocument
from negotiator.word.names import bookmark_name
from negotiator.word.parts import EXPORT_NS, HEADING_NUMBERING, LANGUAGE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
WORD_URI = "http://schemas.microsoft.com/office/word"
OFFICE = "application/vnd.openxmlformats-officedocument."
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SubElement = etree.SubElement


def w(local: str) -> str:
    return f"{{{W}}}{local}"


P, PPR, PSTYLE, R, RPR, T, DEL_TEXT = w("p"), w("pPr"), w("pStyle"), w("r"), w("rPr"), w("t"), w("delText")
INS, DEL, VAL, ID, AUTHOR, DATE = w("ins"), w("del"), w("val"), w("id"), w("author"), w("date")
_PIECES = re.compile(r"(\t|\n)")
_HEADING = re.compile(r"^Heading ([1-9])$")
# What may come before w:trackRevisions in w:settings (the schema's order).
_BEFORE_TRACKING = {w(name) for name in (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts",
    "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
    "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView")}


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Body:
    """The body, header, footer and comments of one document: one id counter for them all."""

    def __init__(self, styles: dict[str, str], num_id: str, text_width: int) -> None:
        self.styles = styles
        self.num_id = num_id
        self.text_width = text_width
        self.next_id = 0
        self.comments: list[tuple[int, Revision]] = []
        self.commented: set[Revision] = set()
        self.stamps: dict[Revision, tuple[str, str]] = {}
        self.reference = styles.get("annotation reference")

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def stamp(self, element: etree._Element, revision: Revision) -> None:
        stamp = self.stamps.get(revision)
        if stamp is None:
            stamp = self.stamps[revision] = (revision.author, revision.date.strftime("%Y-%m-%dT%H:%M:%SZ"))
        element.set(ID, str(self.new_id()))
        element.set(AUTHOR, stamp[0])
        element.set(DATE, stamp[1])

    def comment(self, revision: Revision | None) -> int | None:
        if revision is None or not revision.comment or revision in self.commented:
            return None
        self.commented.add(revision)
        comment_id = self.new_id()
        self.comments.append((comment_id, revision))
        return comment_id

    def close_comment(self, parent: etree._Element, comment_id: int, ranged: bool) -> None:
        if ranged:
            SubElement(parent, w("commentRangeEnd"), {ID: str(comment_id)})
        r = SubElement(parent, R)
        if self.reference:
            SubElement(SubElement(r, RPR), w("rStyle"), {VAL: self.reference})
        SubElement(r, w("commentReference"), {ID: str(comment_id)})

    def blocks(self, parent: etree._Element, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Table):
                self.table(parent, block)
            else:
                self.paragraph(parent, block)

    def paragraph(self, parent: etree._Element, paragraph: Paragraph, extra: str | None = None,
                  row: Change = Change.EQUAL, row_revision: Revision | None = None) -> etree._Element:
        p = SubElement(parent, P)
        mark, mark_revision = paragraph.mark, paragraph.mark_revision
        if row is not Change.EQUAL and mark is Change.EQUAL:  # in a tracked row, every mark is tracked too
            mark, mark_revision = row, row_revision
        style = self.styles[paragraph.style] if paragraph.style != "Normal" else None
        if style or paragraph.page_break_before or paragraph.numbered or mark is not Change.EQUAL:
            ppr = SubElement(p, PPR)
            if style:
                SubElement(ppr, PSTYLE, {VAL: style})
            if paragraph.page_break_before:
                SubElement(ppr, w("pageBreakBefore"))
            if paragraph.numbered:
                heading = _HEADING.match(paragraph.style)
                num_pr = SubElement(ppr, w("numPr"))
                SubElement(num_pr, w("ilvl"), {VAL: str(int(heading.group(1)) - 1) if heading else "0"})
                SubElement(num_pr, w("numId"), {VAL: self.num_id})
            if mark is not Change.EQUAL:
                self.stamp(SubElement(SubElement(ppr, RPR), INS if mark is Change.INSERT else DEL), mark_revision)
        marks = []
        for anchor in (extra, paragraph.anchor):
            if anchor is not None:
                marks.append(mark_id := str(self.new_id()))
                SubElement(p, w("bookmarkStart"), {ID: mark_id, w("name"): bookmark_name(anchor)})
        start = len(p)
        ranged = row is Change.EQUAL
        if all(run.change is Change.EQUAL for run in paragraph.runs):
            for run in paragraph.runs:
                self.run(p, run.text, run.bold, False)
        else:
            groups = [(change, revision, [r for r in group if r.text])
                      for (change, revision), group in groupby(paragraph.runs, key=lambda r: (r.change, r.revision))]
            groups = [group for group in groups if group[2]]
            comment_id = None
            for index, (change, revision, runs) in enumerate(groups):
                if change is Change.EQUAL:
                    for run in runs:
                        self.run(p, run.text, run.bold, False)
                    continue
                if comment_id is None:
                    comment_id = self.comment(revision)
                    if comment_id is not None and ranged:
                        SubElement(p, w("commentRangeStart"), {ID: str(comment_id)})
                wrapper = SubElement(p, INS if change is Change.INSERT else DEL)
                self.stamp(wrapper, revision)
                for run in runs:
                    self.run(wrapper, run.text, run.bold, change is Change.DELETE)
                following = groups[index + 1] if index + 1 < len(groups) else None
                if comment_id is not None and (following is None or following[1] != revision):
                    self.close_comment(wrapper, comment_id, ranged)
                    comment_id = None
        for change, revision in ((paragraph.mark, paragraph.mark_revision), (row, row_revision)):
            comment_id = self.comment(revision)
            if comment_id is not None:
                if ranged:
                    p.insert(start, etree.Element(w("commentRangeStart"), {ID: str(comment_id)}))
                wrapper = p
                if change is not Change.EQUAL:
                    wrapper = SubElement(p, INS if change is Change.INSERT else DEL)
                    self.stamp(wrapper, revision)
                self.close_comment(wrapper, comment_id, ranged)
        for remark in paragraph.remarks:
            remark_id = self.comment(remark)
            if remark_id is not None:
                if ranged:
                    p.insert(start, etree.Element(w("commentRangeStart"), {ID: str(remark_id)}))
                self.close_comment(p, remark_id, ranged)
        for mark_id in reversed(marks):
            SubElement(p, w("bookmarkEnd"), {ID: mark_id})
        return p

    def run(self, parent: etree._Element, text: str, bold: bool, deleted: bool) -> None:
        if not text:
            return
        r = SubElement(parent, R)
        if bold:
            rpr = SubElement(r, RPR)
            SubElement(rpr, w("b"))
            SubElement(rpr, w("bCs"))
        tag = DEL_TEXT if deleted else T
        for piece in _PIECES.split(text) if ("\t" in text or "\n" in text) else (text,):
            if piece == "\t":
                SubElement(r, w("tab"))
            elif piece == "\n":
                SubElement(r, w("br"))
            elif piece:
                t = SubElement(r, tag)
                t.text = piece
                if piece[:1].isspace() or piece[-1:].isspace() or "  " in piece:
                    t.set(XML_SPACE, "preserve")

    def table(self, parent: etree._Element, table: Table) -> None:
        columns = max(len(row.cells) for row in table.rows)
        width = str(self.text_width // columns)
        tbl = SubElement(parent, w("tbl"))
        tbl_pr = SubElement(tbl, w("tblPr"))
        SubElement(tbl_pr, w("tblW"), {w("w"): "0", w("type"): "auto"})
        borders = SubElement(tbl_pr, w("tblBorders"))
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            SubElement(borders, w(edge), {VAL: "single", w("sz"): "4", w("space"): "0", w("color"): "auto"})
        SubElement(tbl_pr, w("tblLook"), {VAL: "0000", w("firstRow"): "0", w("lastRow"): "0", w("firstColumn"): "0",
                                          w("lastColumn"): "0", w("noHBand"): "1", w("noVBand"): "1"})
        grid = SubElement(tbl, w("tblGrid"))
        for _ in range(columns):
            SubElement(grid, w("gridCol"), {w("w"): width})
        anchor = table.anchor
        for row in table.rows:
            tr = SubElement(tbl, w("tr"))
            if row.header or row.change is not Change.EQUAL:
                tr_pr = SubElement(tr, w("trPr"))
                if row.header:
                    SubElement(tr_pr, w("tblHeader"))
                if row.change is not Change.EQUAL:
                    self.stamp(SubElement(tr_pr, INS if row.change is Change.INSERT else DEL), row.revision)
            row_comment = row.revision
            for cell in row.cells:
                tc = SubElement(tr, w("tc"))
                SubElement(SubElement(tc, w("tcPr")), w("tcW"), {w("w"): width, w("type"): "dxa"})
                for paragraph in cell.paragraphs:
                    self.paragraph(tc, paragraph, anchor, row.change, row_comment)
                    anchor = row_comment = None

    def story(self, tag: str, text: str, style: str, page_number: bool) -> bytes:
        """The header's or footer's part: one paragraph, then the page number field in the footer."""
        root = etree.Element(w(tag), nsmap={"w": W, "r": R_NS})
        p = self.paragraph(root, Paragraph((), style=style))
        self.run(p, text, False, False)
        if page_number:
            field = SubElement(p, w("fldSimple"), {w("instr"): " PAGE "})
            SubElement(SubElement(field, R), T).text = "1"
        return _xml(root)

    def comments_part(self) -> bytes:
        root = etree.Element(w("comments"), nsmap={"w": W})
        text_style = self.styles.get("annotation text")
        for comment_id, revision in self.comments:
            author = revision.author
            initials = "".join(word[0] for word in re.findall(r"\w+", author)).upper()[:9]
            comment = SubElement(root, w("comment"), {ID: str(comment_id), AUTHOR: author,
                                                      DATE: revision.date.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                                      w("initials"): initials})
            for index, line in enumerate((revision.comment or "").split("\n")):
                p = SubElement(comment, P)
                if text_style:
                    SubElement(SubElement(p, PPR), PSTYLE, {VAL: text_style})
                if index == 0:
                    r = SubElement(p, R)
                    if self.reference:
                        SubElement(SubElement(r, RPR), w("rStyle"), {VAL: self.reference})
                    SubElement(r, w("annotationRef"))
                self.run(p, line, False, False)
        return _xml(root)


def floor_docx(document: WordDocument, info: dict, template: bytes) -> bytes:
    """The export's file for ``document``, with ``info`` as its export information, on ``template``."""
    source = zipfile.ZipFile(io.BytesIO(template))
    parts = {name: source.read(name) for name in source.namelist()}
    styles = etree.fromstring(parts["word/styles.xml"])
    names: dict[str, str] = {}
    for style in styles.iterchildren(w("style")):
        name = style.find(w("name"))
        if name is not None:
            names[name.get(VAL)] = style.get(w("styleId"))
            names.setdefault(name.get(VAL)[:1].upper() + name.get(VAL)[1:], style.get(w("styleId")))
    styles.find(w("docDefaults")).find(w("rPrDefault")).find(w("rPr")).find(w("lang")).set(VAL, LANGUAGE)
    parts["word/styles.xml"] = _xml(styles)
    numbering = etree.fromstring(parts["word/numbering.xml"])
    abstract = next(a.get(w("abstractNumId")) for a in numbering.iterchildren(w("abstractNum"))
                    if a.find(w("name")) is not None and a.find(w("name")).get(VAL) == HEADING_NUMBERING)
    num_id = next(n.get(w("numId")) for n in numbering.iterchildren(w("num"))
                  if n.find(w("abstractNumId")).get(VAL) == abstract and n.find(w("lvlOverride")) is None)
    settings = etree.fromstring(parts["word/settings.xml"])
    if document.track_revisions:
        last = max((i for i, child in enumerate(settings) if child.tag in _BEFORE_TRACKING), default=-1)
        settings.insert(last + 1, etree.Element(w("trackRevisions")))
    for setting in settings.find(w("compat")).iterchildren(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode":
            setting.set(VAL, "15")
    settings.find(w("themeFontLang")).set(VAL, LANGUAGE)
    parts["word/settings.xml"] = _xml(settings)

    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(w("body"))
    section = body.find(w("sectPr"))
    body.clear()
    size, margin = section.find(w("pgSz")), section.find(w("pgMar"))
    writer = _Body(names, num_id, int(size.get(w("w"))) - int(margin.get(w("left"))) - int(margin.get(w("right"))))
    writer.blocks(body, document.blocks)
    body.append(section)

    relationships = etree.fromstring(parts["word/_rels/document.xml.rels"])
    used = {int(rel.get("Id")[3:]) for rel in relationships}
    taken = {name.lower() for name in parts}
    number = next(n for n in range(1, len(taken) + 2)
                  if not {f"customxml/item{n}.xml", f"customxml/itemprops{n}.xml"} & taken)
    types = etree.fromstring(parts["[Content_Types].xml"])
    added = {}
    for target, kind, content_type, name in (
            ("header1.xml", "header", "wordprocessingml.header+xml", "word/header1.xml"),
            ("footer1.xml", "footer", "wordprocessingml.footer+xml", "word/footer1.xml"),
            ("comments.xml", "comments", "wordprocessingml.comments+xml", "word/comments.xml"),
            (f"../customXml/item{number}.xml", "customXml", None, f"customXml/item{number}.xml")):
        rel_id = added[kind] = f"rId{max(used) + 1}"
        used.add(max(used) + 1)
        SubElement(relationships, f"{{{RELS_NS}}}Relationship", {"Id": rel_id, "Type": REL + kind, "Target": target})
        if content_type:
            SubElement(types, f"{{{TYPES_NS}}}Override", {"PartName": "/" + name, "ContentType": OFFICE + content_type})
    SubElement(types, f"{{{TYPES_NS}}}Override", {"PartName": f"/customXml/itemProps{number}.xml",
                                                  "ContentType": OFFICE + "customXmlProperties+xml"})
    section.insert(0, etree.Element(w("footerReference"), {w("type"): "default", f"{{{R_NS}}}id": added["footer"]}))
    section.insert(0, etree.Element(w("headerReference"), {w("type"): "default", f"{{{R_NS}}}id": added["header"]}))
    parts["word/document.xml"] = _xml(root)
    parts["word/header1.xml"] = writer.story("hdr", document.header, names["Header"], False)
    parts["word/footer1.xml"] = writer.story("ftr", document.footer, names["Footer"], True)
    parts["word/comments.xml"] = writer.comments_part()
    parts["word/_rels/document.xml.rels"] = _xml(relationships)
    parts["[Content_Types].xml"] = _xml(types)

    payload = json.dumps(info, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    item = etree.Element(f"{{{EXPORT_NS}}}negotiator", nsmap={None: EXPORT_NS})
    item.text = payload
    parts[f"customXml/item{number}.xml"] = _xml(item)
    store = etree.Element(f"{{{DS_NS}}}datastoreItem", {
        f"{{{DS_NS}}}itemID": "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, EXPORT_NS + ":" + payload)).upper() + "}"},
        nsmap={"ds": DS_NS})
    SubElement(SubElement(store, f"{{{DS_NS}}}schemaRefs"), f"{{{DS_NS}}}schemaRef", {f"{{{DS_NS}}}uri": EXPORT_NS})
    parts[f"customXml/itemProps{number}.xml"] = _xml(store)
    props = etree.Element(f"{{{RELS_NS}}}Relationships", nsmap={None: RELS_NS})
    SubElement(props, f"{{{RELS_NS}}}Relationship", {"Id": "rId1", "Type": REL + "customXmlProps",
                                                     "Target": f"itemProps{number}.xml"})
    parts[f"customXml/_rels/item{number}.xml.rels"] = _xml(props)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def part_differences(export: bytes, floor: bytes) -> list[str]:
    """How the floor's file differs from the export's: part names, content types, relationships (type
    and target) and, in each XML part, the elements counted by name. Empty when they hold the same."""
    with zipfile.ZipFile(io.BytesIO(export)) as one, zipfile.ZipFile(io.BytesIO(floor)) as other:
        a = {name: one.read(name) for name in one.namelist()}
        b = {name: other.read(name) for name in other.namelist()}
    found = []
    if set(a) != set(b):
        found.append(f"parts only in the export: {sorted(set(a) - set(b))}; "
                     f"only in the floor: {sorted(set(b) - set(a))}")
    for name in sorted(set(a) & set(b)):
        if not name.endswith((".xml", ".rels")):
            if a[name] != b[name]:
                found.append(f"{name}: different bytes")
            continue
        x, y = etree.fromstring(a[name]), etree.fromstring(b[name])
        if name.endswith(".rels") or name == "[Content_Types].xml":
            if _entries(x) != _entries(y):
                found.append(f"{name}: {sorted(_entries(x) ^ _entries(y))}")
        elif Counter(e.tag for e in x.iter()) != Counter(e.tag for e in y.iter()):
            tags = Counter(e.tag for e in x.iter())
            tags.subtract(Counter(e.tag for e in y.iter()))
            found.append(f"{name}: element counts differ (export less floor): "
                         f"{ {tag: n for tag, n in tags.items() if n} }")
    return found


def _entries(root: etree._Element) -> set[tuple[str, ...]]:
    """A relationships part as (type, target) pairs; the content types as (extension or part, type)."""
    return {(e.get("Type") or e.get("Extension") or e.get("PartName") or "",
             e.get("Target") or e.get("ContentType") or "") for e in root}
