"""An independent reader of ``word/document.xml``: the paragraph texts after Accept All or Reject
All, as Word documents them, and the revisions. It shares nothing with the writer but the names.

Accepting drops deleted (and moved-away) text, rows marked deleted, and paragraph marks marked
deleted: such a paragraph joins the next one. Rejecting does the same for insertions. A mark with
no paragraph after it in the same story (the body's last, a cell's last, one before a table) cannot
go, so that paragraph stays. A tab reads as ``\\t``, a line break as ``\\n``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from negotiator.word.ooxml import read_part, w

_P, _TBL, _TR, _TC = w("p"), w("tbl"), w("tr"), w("tc")
_INS, _DEL, _MOVE_FROM, _MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
_SKIPPED = {w("pPr"), w("rPr"), w("instrText"), w("delInstrText")}
_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")}  # content inside counts as the parent's
_CHARS = {w("tab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "\u2011", w("softHyphen"): "\u00ad"}


def read_paragraphs(path: Path | bytes, *, accept: bool) -> list[str]:
    """Paragraph texts (table cells in reading order) after accepting or rejecting every change."""
    document = read_part(path, "word/document.xml")
    if document is None:
        raise ValueError("not a Word document: word/document.xml is missing")
    body = document.find(w("body"))
    out: list[str] = []
    if body is not None:
        _story(body, accept, out)
    return out


def _content(container: etree._Element) -> list[etree._Element]:
    """The paragraphs and tables of a story, looking through content controls and custom XML."""
    items: list[etree._Element] = []
    for child in container:
        if child.tag in (_P, _TBL):
            items.append(child)
        elif child.tag in _WRAPPERS:
            items.extend(_content(child))
    return items


def _story(container: etree._Element, accept: bool, out: list[str]) -> None:
    dropped_mark = _DEL if accept else _INS
    items = _content(container)
    carried = ""
    for index, item in enumerate(items):
        if item.tag == _TBL:
            for row in _rows(item):
                if not _row_dropped(row, accept):
                    for cell in row.iter(_TC):
                        if cell.getparent() is row or cell.getparent().tag in _WRAPPERS:
                            _story(cell, accept, out)
            continue
        text = carried + _text(item, accept)
        mark = item.find(f"{w('pPr')}/{w('rPr')}/{dropped_mark}")
        following = items[index + 1] if index + 1 < len(items) else None
        if mark is not None and following is not None and following.tag == _P:
            carried = text  # the mark goes: this paragraph's text joins the next
            continue
        carried = ""
        out.append(text)


def _rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == _TR:
            rows.append(child)
        elif child.tag in _WRAPPERS:
            rows.extend(r for r in child.iter(_TR) if r.getparent() is child or r.getparent().tag in _WRAPPERS)
    return rows


def _row_dropped(row: etree._Element, accept: bool) -> bool:
    return row.find(f"{w('trPr')}/{_DEL if accept else _INS}") is not None


def _text(paragraph: etree._Element, accept: bool) -> str:
    dropped = (_DEL, _MOVE_FROM) if accept else (_INS, _MOVE_TO)
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag in dropped or tag in _SKIPPED or tag in (_P, _TBL):
                continue
            if tag == w("t") or tag == w("delText"):
                parts.append(child.text or "")
            elif tag == w("br"):
                if child.get(w("type"), "textWrapping") == "textWrapping":
                    parts.append("\n")
            elif tag in _CHARS:
                parts.append(_CHARS[tag])
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def read_revisions(path: Path | bytes) -> list[tuple[str, str, str]]:
    """Every ``w:ins``/``w:del`` in the body (runs, paragraph marks, rows) as (kind, author, date)."""
    document = read_part(path, "word/document.xml")
    if document is None:
        return []
    return [("ins" if element.tag == _INS else "del", element.get(w("author"), ""), element.get(w("date"), ""))
            for element in document.iter(_INS, _DEL)]


def read_comments(path: Path | bytes) -> list[tuple[str, str]]:
    """The comments as (author, text), in the order of the comments part."""
    comments = read_part(path, "word/comments.xml")
    if comments is None:
        return []
    out = []
    for comment in comments.iter(w("comment")):
        paragraphs = ["".join(t.text or "" for t in p.iter(w("t"))) for p in comment.iter(_P)]
        out.append((comment.get(w("author"), ""), "\n".join(paragraphs)))
    return out


def read_bookmarks(path: Path | bytes) -> list[str]:
    """The names of the body's bookmarks, in document order."""
    document = read_part(path, "word/document.xml")
    if document is None:
        return []
    return [b.get(w("name"), "") for b in document.iter(w("bookmarkStart"))]
