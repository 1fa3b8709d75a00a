"""The parts around the body: heading numbering, settings, header and footer, comments, and the
export information (a Custom XML part, which Word keeps through a round trip)."""

from __future__ import annotations

import json
import re
import uuid

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from lxml import etree

from negotiator.domain.document import Paragraph, Run
from negotiator.domain.json_data import JsonObject
from negotiator.word.body import ID, PPR, PSTYLE, VAL, BodyWriter, Comment
from negotiator.word.ooxml import W_NS, WORD_URI, w, word_date, word_text

EXPORT_NS = "urn:negotiator:export"  # the root of the export information part: <negotiator xmlns=EXPORT_NS>JSON
EXPORT_ROOT = f"{{{EXPORT_NS}}}negotiator"
_DATASTORE_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
HEADING_NUMBERING = "Negotiator heading numbering"  # the abstractNum's w:name, how the writer finds it
_LEVELS = 9
_INDENT = "851"  # 1.5 cm: the number, then the heading text on a tab stop
_SETTINGS_ORDER = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                   "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                   "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
                   "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                   "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
                   "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
                   "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
                   "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions")


def heading_numbering(document: Document) -> int:
    """The ``w:numId`` of the 1 / 1.1 / 1.1.1 heading list, added to the numbering part if missing."""
    try:
        root = _root(document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING))
    except KeyError:
        root = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
        part = NumberingPart(PackURI("/word/numbering.xml"), CONTENT_TYPE.WML_NUMBERING, root, document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
    abstract_id = None
    for abstract in root.iterchildren(w("abstractNum")):
        name = abstract.find(w("name"))
        if name is not None and name.get(VAL) == HEADING_NUMBERING:
            abstract_id = abstract.get(w("abstractNumId"))
    if abstract_id is None:
        abstract_id = str(1 + max((int(a.get(w("abstractNumId"), "0")) for a in root.iterchildren(w("abstractNum"))),
                                  default=-1))
        _insert_after_last(root, _abstract_num(abstract_id), ("numPicBullet", "abstractNum"))
    for num in root.iterchildren(w("num")):
        link = num.find(w("abstractNumId"))
        if link is not None and link.get(VAL) == abstract_id and num.find(w("lvlOverride")) is None:
            return int(num.get(w("numId")))
    num_id = 1 + max((int(n.get(w("numId"), "0")) for n in root.iterchildren(w("num"))), default=0)
    num = etree.Element(w("num"), {w("numId"): str(num_id)})
    etree.SubElement(num, w("abstractNumId"), {VAL: abstract_id})
    _insert_after_last(root, num, ("numPicBullet", "abstractNum", "num"))
    return num_id


def _abstract_num(abstract_id: str) -> etree._Element:
    abstract = etree.Element(w("abstractNum"), {w("abstractNumId"): abstract_id})
    etree.SubElement(abstract, w("nsid"), {VAL: "4E474F54"})
    etree.SubElement(abstract, w("multiLevelType"), {VAL: "multilevel"})
    etree.SubElement(abstract, w("name"), {VAL: HEADING_NUMBERING})
    for level in range(_LEVELS):
        lvl = etree.SubElement(abstract, w("lvl"), {w("ilvl"): str(level)})
        etree.SubElement(lvl, w("start"), {VAL: "1"})
        etree.SubElement(lvl, w("numFmt"), {VAL: "decimal"})
        etree.SubElement(lvl, w("suff"), {VAL: "tab"})
        etree.SubElement(lvl, w("lvlText"), {VAL: ".".join(f"%{i + 1}" for i in range(level + 1))})
        etree.SubElement(lvl, w("lvlJc"), {VAL: "left"})
        ppr = etree.SubElement(lvl, PPR)
        tabs = etree.SubElement(ppr, w("tabs"))
        etree.SubElement(tabs, w("tab"), {VAL: "num", w("pos"): _INDENT})
        etree.SubElement(ppr, w("ind"), {w("left"): _INDENT, w("hanging"): _INDENT})
    return abstract


def _insert_after_last(parent: etree._Element, child: etree._Element, after: tuple[str, ...]) -> None:
    """Insert ``child`` after the last child named in ``after`` (the schema's order), else first."""
    names = {w(name) for name in after}
    index = 0
    for position, existing in enumerate(parent):
        if existing.tag in names:
            index = position + 1
    parent.insert(index, child)


def settings(document: Document, track_revisions: bool) -> None:
    """``w:trackRevisions`` as asked, and ``compatibilityMode`` 15 (Word 2013 and later)."""
    root = document.settings.element
    for old in root.findall(w("trackRevisions")):
        root.remove(old)
    if track_revisions:
        _insert_after_last(root, etree.Element(w("trackRevisions")), _SETTINGS_ORDER)
    compat = root.find(w("compat"))
    if compat is None:
        compat = etree.Element(w("compat"))
        following = [c for c in root if c.tag in {w(n) for n in ("docVars", "rsids", "attachedSchema", "themeFontLang",
                                                                 "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                                                                 "decimalSymbol", "listSeparator")}]
        if following:
            following[0].addprevious(compat)
        else:
            root.append(compat)
    for setting in compat.findall(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode":
            setting.set(VAL, "15")
            return
    etree.SubElement(compat, w("compatSetting"), {w("name"): "compatibilityMode", w("uri"): WORD_URI, VAL: "15"})


def margins(document: Document, writer: BodyWriter, header: str, footer: str) -> None:
    """The header line in the default header; the footer text followed by the page number."""
    section = document.sections[0]
    if header:
        section.header.is_linked_to_previous = False
        root = section.header.part.element
        _clear(root)
        writer.paragraph(root, Paragraph((Run(header),), style="Header"))
    if footer:
        section.footer.is_linked_to_previous = False
        root = section.footer.part.element
        _clear(root)
        p = writer.paragraph(root, Paragraph((Run(footer),), style="Footer"))
        field = etree.SubElement(p, w("fldSimple"), {w("instr"): " PAGE "})
        etree.SubElement(etree.SubElement(field, w("r")), w("t")).text = "1"


def _clear(story: etree._Element) -> None:
    for child in list(story):
        story.remove(child)


def _initials(author: str) -> str:
    return "".join(word[0] for word in re.findall(r"\w+", author)).upper()[:9]


def comments(document: Document, writer: BodyWriter, found: list[Comment]) -> None:
    """One ``w:comment`` per commented revision, in the comments part python-docx keeps."""
    if not found:
        return
    _ = document.comments  # makes the part, its content type and its relationship when missing
    root = _root(document.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS))
    text_style = writer.look.styles.get("annotation text")
    reference_style = writer.look.styles.get("annotation reference")
    for comment in found:
        author = word_text(comment.revision.author)[0].strip() or "Unknown author"
        element = etree.SubElement(root, w("comment"), {ID: str(comment.id), w("author"): author,
                                                        w("date"): word_date(comment.revision.date),
                                                        w("initials"): _initials(author)})
        # Cleaned before it is cut into paragraphs, so that a CRLF is one line break, as in the body.
        text, warning = word_text(comment.revision.comment or "")
        if warning:
            writer.warnings.append(warning)
        for index, line in enumerate(text.split("\n")):
            p = etree.SubElement(element, w("p"))
            if text_style:
                etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: text_style})
            if index == 0:
                r = etree.SubElement(p, w("r"))
                if reference_style:
                    etree.SubElement(etree.SubElement(r, w("rPr")), w("rStyle"), {VAL: reference_style})
                etree.SubElement(r, w("annotationRef"))
            writer.run(p, line, bold=False, deleted=False)


def export_info(document: Document, info: JsonObject) -> str:
    """Store ``info`` as JSON in a Custom XML part related from the main document; returns its name.

    The part is ``customXml/itemN.xml`` (the first N the template leaves free) holding
    ``<negotiator xmlns="urn:negotiator:export">JSON</negotiator>``, with its ``itemPropsN.xml``
    (a datastore item id) beside it. The JSON is ASCII with every other character escaped, so XML
    carries whatever the strings hold. Raises ``TypeError`` when ``info`` is not JSON-serialisable.
    The exports store ``app``, ``version``, ``library`` (the library's uid), ``record_head`` (the hash
    of the record's last event when the file was made: an anchor for the history), ``agreement_id``,
    ``agreement``, ``mode``, ``round``, ``exported_at`` and ``anchors`` (see ``ExportService._info``).
    """
    payload = json.dumps(info, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    package = document.part.package
    used = {str(part.partname).lower() for part in package.iter_parts()}
    number = 1
    while {f"/customxml/item{number}.xml", f"/customxml/itemprops{number}.xml"} & used:
        number += 1
    root = etree.Element(EXPORT_ROOT, nsmap={None: EXPORT_NS})
    root.text = payload
    item = Part(PackURI(f"/customXml/item{number}.xml"), CONTENT_TYPE.XML,
                etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), package)
    item_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, EXPORT_NS + ":" + payload)).upper() + "}"
    store = etree.Element(f"{{{_DATASTORE_NS}}}datastoreItem", {f"{{{_DATASTORE_NS}}}itemID": item_id},
                          nsmap={"ds": _DATASTORE_NS})
    refs = etree.SubElement(store, f"{{{_DATASTORE_NS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DATASTORE_NS}}}schemaRef", {f"{{{_DATASTORE_NS}}}uri": EXPORT_NS})
    props = Part(PackURI(f"/customXml/itemProps{number}.xml"), CONTENT_TYPE.OFC_CUSTOM_XML_PROPERTIES,
                 etree.tostring(store, xml_declaration=True, encoding="UTF-8", standalone=True), package)
    item.relate_to(props, RELATIONSHIP_TYPE.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RELATIONSHIP_TYPE.CUSTOM_XML)
    return f"customXml/item{number}.xml"


LANGUAGE = "en-GB"  # the agreements are English law contracts, proofed in British English
_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath")  # what follows w:lang in a run's properties


def language(document: Document, tag: str = LANGUAGE) -> None:
    """Make ``tag`` the document's language: the default run properties' ``w:lang`` (Word's spelling
    and grammar check, and the language a reader's Word shows) and the theme's font language; the
    East Asian and complex-script languages a template sets are kept."""
    styles = document.styles.element
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        styles.insert(0, defaults)
    run_default = defaults.find(w("rPrDefault"))
    if run_default is None:
        run_default = etree.Element(w("rPrDefault"))
        defaults.insert(0, run_default)
    properties = run_default.find(w("rPr"))
    if properties is None:
        properties = etree.SubElement(run_default, w("rPr"))
    lang = properties.find(w("lang"))
    if lang is None:
        lang = etree.Element(w("lang"))
        later = [c for c in properties if c.tag in {w(n) for n in _AFTER_LANG}]
        if later:
            later[0].addprevious(lang)
        else:
            properties.append(lang)
    lang.set(VAL, tag)
    theme = document.settings.element.find(w("themeFontLang"))
    if theme is not None:
        theme.set(VAL, tag)


def _root(part: Part) -> etree._Element:
    """The XML of a part python-docx reads as XML (numbering, comments); one it keeps as bytes has none."""
    if not isinstance(part, XmlPart):
        raise AttributeError(f"{part.partname} is not an XML part python-docx reads")
    return part.element
