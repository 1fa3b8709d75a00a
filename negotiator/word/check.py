"""The structural rules Word holds a .docx to (see WORD-RULES.md), as problems in plain words.

LibreOffice opens files that break these rules without complaint; Word calls them "unreadable
content". An empty list means the file keeps every rule checked here.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

from negotiator.word.ooxml import PRESERVE, is_word_date, parse_part, w

_STORIES = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_REVISIONS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
              "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge")
_IDENTIFIED = _REVISIONS + ("moveFromRangeStart", "moveToRangeStart", "bookmarkStart", "comment")
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")
_RPR_ORDER = ("ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps",
              "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
              "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
              "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
              "oMath", "rPrChange")
_BOOKMARK_NAME = re.compile(r"^[A-Za-z0-9_]{1,40}$")
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def check_docx(path: Path | bytes) -> list[str]:
    """Problems Word would have with the file at ``path`` (or these bytes); empty when none."""
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as package:
        names = package.namelist()
        stories: dict[str, etree._Element] = {}
        for name in sorted(n for n in names if _STORIES.match(n)):
            try:
                stories[name] = parse_part(package.read(name))
            except etree.XMLSyntaxError as error:  # an uncarriable character lands here too
                problems.append(f"{name} is not well-formed XML (an invalid character?): {error}")
        extra: dict[str, bytes] = {n: package.read(n) for n in ("[Content_Types].xml", "word/_rels/document.xml.rels")
                                   if n in names}
    ids: Counter[str] = Counter()
    kinds: dict[str, set[str]] = {}
    for name, root in stories.items():
        for element in root.iter(*(w(tag) for tag in _IDENTIFIED)):
            value = element.get(w("id"))
            kind = etree.QName(element).localname
            if value is None:
                problems.append(f"{name}: a w:{kind} has no w:id")
                continue
            ids[value] += 1
            kinds.setdefault(value, set()).add(kind)
        problems += [f"{name}: {p}" for p in _story_problems(root)]
    problems += [f"id {value} is used {count} times ({', '.join(sorted(kinds[value]))}); ids must be unique"
                 for value, count in ids.items() if count > 1]
    problems += _comment_problems(stories, extra)
    return problems


def _story_problems(root: etree._Element) -> list[str]:
    problems: list[str] = []
    for t in root.iter(w("t"), w("instrText")):
        if _inside(t, ("del", "moveFrom")):
            problems.append(f"deleted text {(t.text or '')[:40]!r} is in w:{etree.QName(t).localname}, "
                            "not w:delText/w:delInstrText")
    for t in root.iter(w("delText"), w("delInstrText")):
        if not _inside(t, ("del", "moveFrom")):
            problems.append(f"w:delText {(t.text or '')[:40]!r} is outside any w:del")
    for t in root.iter(w("t"), w("delText"), w("instrText"), w("delInstrText")):
        text = t.text or ""
        if (text[:1] == " " or text[-1:] == " ") and t.get(PRESERVE) != "preserve":
            problems.append(f"text {text[:40]!r} starts or ends with a space but lacks xml:space=\"preserve\"")
    for element in root.iter(*(w(tag) for tag in _REVISIONS)):
        kind = etree.QName(element).localname
        if not (element.get(w("author")) or "").strip():
            problems.append(f"a w:{kind} (id {element.get(w('id'))}) has no author")
        date = element.get(w("date"))
        if date is not None and not is_word_date(date):
            problems.append(f"a w:{kind} (id {element.get(w('id'))}) has a bad date {date!r}")
        parent = element.getparent()
        if kind in ("ins", "del") and parent is not None and parent.tag in (w("r"), w("t")):
            problems.append(f"a w:{kind} (id {element.get(w('id'))}) is inside a run; it must wrap whole runs")
    problems += _order_problems(root, "pPr", _PPR_ORDER)
    problems += _order_problems(root, "rPr", _RPR_ORDER)
    problems += _bookmark_problems(root)
    return problems


def _inside(element: etree._Element, tags: tuple[str, ...]) -> bool:
    names = {w(tag) for tag in tags}
    return any(ancestor.tag in names for ancestor in element.iterancestors())


def _order_problems(root: etree._Element, container: str, order: tuple[str, ...]) -> list[str]:
    rank = {w(tag): index for index, tag in enumerate(order)}
    problems = []
    for element in root.iter(w(container)):
        ranks = [rank[child.tag] for child in element if child.tag in rank]
        if ranks != sorted(ranks):
            tags = [etree.QName(child).localname for child in element]
            problems.append(f"the children of a w:{container} are out of the schema's order: {', '.join(tags)}")
    return problems


def _bookmark_problems(root: etree._Element) -> list[str]:
    problems = []
    ends = {end.get(w("id")) for end in root.iter(w("bookmarkEnd"))}
    for start in root.iter(w("bookmarkStart")):
        name = start.get(w("name"), "")
        if not _BOOKMARK_NAME.match(name):
            problems.append(f"bookmark name {name!r} is not 1-40 letters, digits or underscores")
        if start.get(w("id")) not in ends:
            problems.append(f"bookmark {name!r} has no w:bookmarkEnd")
    return problems


def _comment_problems(stories: dict[str, etree._Element], extra: dict[str, bytes]) -> list[str]:
    problems: list[str] = []
    comments = stories.get("word/comments.xml")
    defined = {c.get(w("id")) for c in comments.iter(w("comment"))} if comments is not None else set()
    document = stories.get("word/document.xml")
    if document is not None:
        for tag in ("commentReference", "commentRangeStart", "commentRangeEnd"):
            for element in document.iter(w(tag)):
                if element.get(w("id")) not in defined:
                    problems.append(f"a w:{tag} points at comment {element.get(w('id'))}, which does not exist")
    if comments is not None:
        for comment in comments.iter(w("comment")):
            if not (comment.get(w("author")) or "").strip():
                problems.append(f"comment {comment.get(w('id'))} has no author")
            date = comment.get(w("date"))
            if date is not None and not is_word_date(date):
                problems.append(f"comment {comment.get(w('id'))} has a bad date {date!r}")
        if _COMMENTS_TYPE.encode() not in extra.get("[Content_Types].xml", b""):
            problems.append("word/comments.xml has no content type override")
        if _COMMENTS_REL.encode() not in extra.get("word/_rels/document.xml.rels", b""):
            problems.append("word/comments.xml is not related to the document")
    return problems
