"""The parts of a returned file beside its body: the header, footer, footnote and endnote stories,
whose tracked changes are reported (one line each, saying which story and quoting the words), and
the comments with their threads (Word's replies, linked in commentsExtended.xml)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from negotiator.domain.returned import ReportedChange
from negotiator.word.ooxml import w
from negotiator.word.tracked import UNKNOWN_AUTHOR

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
P, T, DEL_TEXT, TAB, BR, CR = w("p"), w("t"), w("delText"), w("tab"), w("br"), w("cr")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
ID, AUTHOR, TYPE = w("id"), w("author"), w("type")
FORMAT_CHANGES = frozenset(w(tag) for tag in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                                              "trPrChange", "tcPrChange", "tblGridChange", "tblPrExChange",
                                              "numberingChange"))
OTHER_TRACKED = frozenset(w(tag) for tag in ("cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart",
                                             "customXmlDelRangeStart", "customXmlMoveFromRangeStart",
                                             "customXmlMoveToRangeStart"))
REVISIONS = (INS, DEL, MOVE_FROM, MOVE_TO)
ALL_TRACKED = (*REVISIONS, *FORMAT_CHANGES, *OTHER_TRACKED)
_VERBS = {INS: "inserted", DEL: "deleted", MOVE_FROM: "moved away", MOVE_TO: "moved here"}
_NOTES = (w("footnote"), w("endnote"))


def author_of(element: etree._Element) -> str:
    """The change's author as written, or the stand-in for a missing one."""
    return (element.get(AUTHOR) or "").strip() or UNKNOWN_AUTHOR


def plain_text(element: etree._Element) -> str:
    """Every ``w:t`` and ``w:delText`` under ``element``: the words a change touches, for a description."""
    return "".join(t.text or "" for t in element.iter(T, DEL_TEXT))


def _nearest(element: etree._Element, tag: str, stop: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return parent
        parent = parent.getparent()
    return None


def story_changes(root: etree._Element, label: str,
                  places: dict[str, tuple[str | None, str | None]]) -> list[ReportedChange]:
    """The tracked changes of a header, footer, footnotes or endnotes part, for the report: an author's
    insertions (or deletions) in one paragraph are one change, quoted whole; each formatting change is
    one of its own. A footnote's change is placed at the body paragraph that refers to it (``places``
    maps a note's id to that paragraph's anchor and the anchor before it)."""
    found: list[ReportedChange] = []
    notes = [note for note in root if note.tag in _NOTES and note.get(TYPE) in (None, "normal")]
    for note in notes or [root]:
        anchor, after = places.get(note.get(ID, ""), (None, None)) if notes else (None, None)
        grouped: dict[tuple[int, str, str], list[str]] = {}
        holders: dict[tuple[int, str, str], etree._Element] = {}
        for change in note.iter(*ALL_TRACKED):
            paragraph = change if change.tag == P else _nearest(change, P, note)
            holder = paragraph if paragraph is not None else note
            author = author_of(change)
            if change.tag in REVISIONS:
                key = (id(holder), author, _VERBS[change.tag])
                words = grouped.setdefault(key, [])
                holders[key] = holder
                if _nearest(change, w("rPr"), holder) is None:  # a paragraph mark adds no words of its own
                    words.append(plain_text(change))
            else:
                run = _nearest(change, w("r"), holder)
                changed = plain_text(run if run is not None else holder)
                what = "formatting changed" if change.tag in FORMAT_CHANGES else "changed"
                found.append(ReportedChange("story", author, changed, anchor, after, label, what))
        for key, texts in grouped.items():
            _, author, verb = key
            found.append(ReportedChange("story", author, "".join(texts) or plain_text(holders[key]), anchor, after,
                                        label, verb))
    return found


def story_text(root: etree._Element) -> str:
    """The words of a story as the export wrote them, every tracked change rejected and the results of
    fields (the page number) left out; paragraphs joined by line feeds."""
    paragraphs = []
    for p in root.iter(P):
        pieces, in_result = [], False
        for element in p.iter(T, DEL_TEXT, w("fldChar")):
            if element.tag == w("fldChar"):
                kind = element.get(w("fldCharType"))
                in_result = kind == "separate" or (in_result and kind != "end")
            elif not in_result and _nearest(element, w("fldSimple"), p) is None \
                    and _nearest(element, INS, p) is None and _nearest(element, MOVE_TO, p) is None:
                pieces.append(element.text or "")
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs)


def untracked_story(root: etree._Element, label: str, exported: str | None) -> list[ReportedChange]:
    """A header or footer whose words differ from what the export wrote with every tracked change
    rejected: edited with tracking switched off. A footnote or endnote (the export writes none) with
    words that no tracked insertion holds, likewise. ``exported`` is None when the file does not say
    what the export wrote there."""
    notes = [note for note in root if note.tag in _NOTES and note.get(TYPE) in (None, "normal")]
    if notes:
        return [ReportedChange("story", "", text, story=label, detail="edited with tracking switched off")
                for note in notes if (text := story_text(note)).strip()]
    if exported is None or story_text(root).strip() == exported.strip():
        return []
    return [ReportedChange("story", "", story_text(root), story=label, detail="edited with tracking switched off")]


# --- comments and their threads ----------------------------------------------------------------


@dataclass(frozen=True)
class Comment:
    """A comment of comments.xml: who wrote it, its words, and the ``w14:paraId`` of its last paragraph
    (what commentsExtended.xml refers to)."""

    author: str
    text: str
    para_id: str


def read_comments(root: etree._Element | None) -> dict[str, Comment]:
    """Each comment by id; its text's paragraphs joined by line feeds, deleted words left out."""
    found: dict[str, Comment] = {}
    if root is None:
        return found
    for comment in root.iter(w("comment")):
        paragraphs = []
        para_id = ""
        for p in comment.iter(P):
            pieces: list[str] = []
            for element in p.iter(T, TAB, BR, CR):
                if _nearest(element, DEL, p) is not None:
                    continue
                pieces.append(element.text or "" if element.tag == T else "\t" if element.tag == TAB else "\n")
            paragraphs.append("".join(pieces))
            para_id = p.get(f"{{{W14}}}paraId", para_id)
        found[comment.get(ID, "")] = Comment(comment.get(AUTHOR) or UNKNOWN_AUTHOR, "\n".join(paragraphs), para_id)
    return found


def read_threads(root: etree._Element | None, comments: dict[str, Comment]) -> dict[str, str]:
    """Each reply's comment id mapped to the id of the comment it answers, from commentsExtended.xml
    (``w15:paraIdParent`` names the parent by the ``w14:paraId`` of its last paragraph). Without the
    part, as an older Word or another editor writes it, there are no replies: each is a comment."""
    if root is None:
        return {}
    by_para = {comment.para_id.upper(): comment_id for comment_id, comment in comments.items() if comment.para_id}
    threads: dict[str, str] = {}
    for entry in root.iter(f"{{{W15}}}commentEx"):
        parent = by_para.get((entry.get(f"{{{W15}}}paraIdParent") or "").upper())
        child = by_para.get((entry.get(f"{{{W15}}}paraId") or "").upper())
        if parent is not None and child is not None and parent != child:
            threads[child] = parent
    return threads
