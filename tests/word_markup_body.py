"""The body half of the Word markup builder (see tests/word_markup.py): the basics Word writes
around every edit (ids, authors, dates, revision session ids) and the tracked edits of the body."""

from __future__ import annotations

import copy
import itertools
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from negotiator.word.names import bookmark_name

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATE = "2027-02-01T10:00:00Z"
NS = {"w": W, "w14": W14, "w15": W15, "w16cid": W16CID}


def q(name: str) -> str:
    """``w:p`` → ``{namespace}p``."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@dataclass(frozen=True)
class Change:
    """One change put in a returned file: what kind, by whom ("" with tracking off), where (an export
    anchor such as ``s6.p1``, ``title``, ``closing``, ``term.payment.days``, or a story such as "the
    header"), and the words a report line about it must quote (or a proposal must hold)."""

    kind: str  # insert | delete | replace | new paragraph | deleted paragraph | format | paragraph format | move |
    #            comment | reply | story | untracked | untracked paragraph | untracked deletion
    author: str
    where: str
    text: str
    removed: str = ""  # words a proposal must no longer hold (a deletion, the old side of a replacement)
    to: str = ""  # a move's destination anchor
    parent: str = ""  # a reply's parent comment text


class BodyMarkup:
    """A returned file being edited as Word would save a counterparty's edits in the body."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.xml = {name: etree.fromstring(data) for name, data in self.parts.items()
                    if name.endswith(".xml") or name.endswith(".rels")}
        self.body = self.xml["word/document.xml"]
        ids = [int(v) for root in self.xml.values() for v in root.xpath("//@w:id", namespaces=NS)
               if v.lstrip("-").isdigit()]
        self._ids = itertools.count(max(ids, default=0) + 1)  # unique across revisions, comments, bookmarks
        self._hex = itertools.count(0x1A2B0001)
        self.rsids: dict[str, str] = {}  # author: the revision id of their editing session
        self.changes: list[Change] = []
        self.comment_para: dict[str, str] = {}  # comment text: the w14:paraId of its last paragraph
        self.comment_ids: dict[str, str] = {}  # comment text: its w:id

    # --- the basics Word writes around every edit ------------------------------------------------

    def _id(self) -> str:
        return str(next(self._ids))

    def _para_id(self) -> str:
        return f"{next(self._hex):08X}"

    def rsid(self, author: str) -> str:
        """The author's editing session: one revision id, recorded in settings.xml as Word does."""
        if author not in self.rsids:
            value = f"00{next(self._hex) & 0xFFFFFF:06X}"
            self.rsids[author] = value
            settings = self.xml["word/settings.xml"]
            rsids = settings.find(q("w:rsids"))
            if rsids is None:
                rsids = etree.SubElement(settings, q("w:rsids"))
            etree.SubElement(rsids, q("w:rsid"), {q("w:val"): value})
        return self.rsids[author]

    def stamp(self, tag: str, author: str) -> etree._Element:
        """A revision element (``w:ins``, ``w:del``, ``w:rPrChange``…) with id, author and date."""
        return etree.Element(q(tag), {q("w:id"): self._id(), q("w:author"): author, q("w:date"): DATE})

    def _note(self, change: Change) -> Change:
        self.changes.append(change)
        return change

    def paragraph(self, anchor: str, root: etree._Element | None = None) -> etree._Element:
        """The paragraph holding an export anchor's bookmark."""
        found = (root if root is not None else self.body).xpath(
            f"//w:p[.//w:bookmarkStart[@w:name='{bookmark_name(anchor)}']]", namespaces=NS)
        assert found, f"no paragraph with the bookmark of {anchor}"
        return found[-1]

    def split(self, p: etree._Element, words: str) -> etree._Element:
        """The run holding exactly ``words`` of a paragraph, split out of a run of the paragraph's own."""
        for run in p.findall(q("w:r")):
            t = run.find(q("w:t"))
            reformatted = run.find(f"{q('w:rPr')}/{q('w:rPrChange')}") is not None
            if t is None or not t.text or words not in t.text or reformatted:
                continue  # a run already reformatted is left alone: the next occurrence is the one meant
            before, after = t.text.split(words, 1)
            for text, place in ((before, "before"), (after, "after")):
                if text:
                    piece = copy.deepcopy(run)
                    set_text(piece.find(q("w:t")), text)
                    (run.addprevious if place == "before" else run.addnext)(piece)
            set_text(t, words)
            return run
        raise AssertionError(f"{words!r} is not within one run of the paragraph")

    def run(self, text: str, like: etree._Element | None, author: str, deleted: bool = False) -> etree._Element:
        """A new run with the formatting of ``like``, stamped with the author's session."""
        run = etree.Element(q("w:r"), {q("w:rsidDel" if deleted else "w:rsidR"): self.rsid(author)})
        if like is not None and like.find(q("w:rPr")) is not None:
            run.append(copy.deepcopy(like.find(q("w:rPr"))))
        set_text(etree.SubElement(run, q("w:delText" if deleted else "w:t")), text)
        return run

    def _delete_run(self, run: etree._Element, author: str) -> etree._Element:
        wrapper = self.stamp("w:del", author)
        run.addprevious(wrapper)
        wrapper.append(run)
        run.set(q("w:rsidDel"), self.rsid(author))
        for t in run.findall(q("w:t")):
            t.tag = q("w:delText")
        return wrapper

    # --- tracked edits of words --------------------------------------------------------------------

    def replace(self, anchor: str, old: str, new: str, author: str) -> Change:
        """Select ``old`` and type ``new`` over it: a deletion followed by an insertion."""
        run = self.split(self.paragraph(anchor), old)
        deleted = self._delete_run(run, author)
        inserted = self.stamp("w:ins", author)
        inserted.append(self.run(new, run, author))
        deleted.addnext(inserted)
        return self._note(Change("replace", author, anchor, new, removed=old))

    def insert(self, anchor: str, after_words: str, new: str, author: str) -> Change:
        """Type ``new`` just after ``after_words``."""
        run = self.split(self.paragraph(anchor), after_words)
        inserted = self.stamp("w:ins", author)
        inserted.append(self.run(new, run, author))
        run.addnext(inserted)
        return self._note(Change("insert", author, anchor, new))

    def delete(self, anchor: str, words: str, author: str) -> Change:
        """Select ``words`` and press Delete."""
        self._delete_run(self.split(self.paragraph(anchor), words), author)
        return self._note(Change("delete", author, anchor, words, removed=words))

    def new_paragraph(self, anchor: str, text: str, author: str) -> Change:
        """Press Enter at the end of a paragraph and type one: Word marks the paragraph mark typed (the
        one that now ends the old paragraph) as inserted, and the new words as inserted."""
        p = self.paragraph(anchor)
        _mark_rpr(p).insert(0, self.stamp("w:ins", author))  # revision marks come first in w:rPr
        new = etree.Element(q("w:p"), {q("w:rsidR"): self.rsid(author), q("w:rsidRDefault"): self.rsid(author),
                                       q("w14:paraId"): self._para_id(), q("w14:textId"): "77777777"})
        if p.find(q("w:pPr")) is not None:
            ppr = copy.deepcopy(p.find(q("w:pPr")))
            for mark in ppr.findall(q("w:rPr")):
                ppr.remove(mark)
            new.append(ppr)
        inserted = etree.SubElement(new, q("w:ins"), dict(self.stamp("w:ins", author).attrib))
        inserted.append(self.run(text, p.find(q("w:r")), author))
        p.addnext(new)
        return self._note(Change("new paragraph", author, anchor, text))

    def delete_paragraph(self, anchor: str, author: str) -> Change:
        """Select a whole paragraph, its mark included, and press Delete."""
        p = self.paragraph(anchor)
        text = "".join(t.text or "" for t in p.iter(q("w:t")))
        for run in p.findall(q("w:r")):
            self._delete_run(run, author)
        _mark_rpr(p).insert(0, self.stamp("w:del", author))
        return self._note(Change("deleted paragraph", author, anchor, text, removed=text))

    def join(self, anchor: str, author: str) -> Change:
        """Delete the paragraph mark at the end of a paragraph: it and the next become one paragraph."""
        p = self.paragraph(anchor)
        _mark_rpr(p).insert(0, self.stamp("w:del", author))
        text = "".join(t.text or "" for t in p.iter(q("w:t")))
        return self._note(Change("join", author, anchor, text))

    def split_paragraph(self, anchor: str, before_words: str, author: str) -> Change:
        """Press Enter just before ``before_words``: Word marks the new mark, the one that now ends the
        first half, as inserted; the second half keeps the old mark and its properties."""
        p = self.paragraph(anchor)
        run = self.split(p, before_words)
        second = etree.Element(q("w:p"), {q("w:rsidR"): self.rsid(author), q("w14:paraId"): self._para_id(),
                                          q("w14:textId"): "77777777"})
        if p.find(q("w:pPr")) is not None:
            second.append(copy.deepcopy(p.find(q("w:pPr"))))
        for sibling in [run, *run.itersiblings()]:
            if sibling.tag != q("w:bookmarkEnd"):
                second.append(sibling)
        _mark_rpr(p).insert(0, self.stamp("w:ins", author))
        p.addnext(second)
        return self._note(Change("split", author, anchor, before_words))

    # --- formatting and moves ----------------------------------------------------------------------

    def bold(self, anchor: str, words: str, author: str) -> Change:
        """Make ``words`` bold: the run's new properties, its old ones kept in ``w:rPrChange``."""
        run = self.split(self.paragraph(anchor), words)
        rpr = run.find(q("w:rPr"))
        if rpr is None:
            rpr = etree.Element(q("w:rPr"))
            run.insert(0, rpr)
        old = copy.deepcopy(rpr)
        styled = [child for child in rpr if child.tag in (q("w:rStyle"), q("w:rFonts"))]
        rpr.insert(len(styled), etree.Element(q("w:b")))  # after the style and fonts, in the schema's order
        change = self.stamp("w:rPrChange", author)
        change.append(old)
        rpr.append(change)  # the change is the last child of w:rPr
        run.set(q("w:rsidRPr"), self.rsid(author))
        return self._note(Change("format", author, anchor, words))

    def centre(self, anchor: str, author: str) -> Change:
        """Centre a paragraph: the new ``w:jc``, the old paragraph properties in ``w:pPrChange``."""
        p = self.paragraph(anchor)
        ppr = p.find(q("w:pPr"))
        if ppr is None:
            ppr = etree.Element(q("w:pPr"))
            p.insert(0, ppr)
        old = etree.Element(q("w:pPr"))
        for child in ppr:
            if child.tag not in (q("w:rPr"), q("w:sectPr"), q("w:pPrChange")):
                old.append(copy.deepcopy(child))
        mark = ppr.find(q("w:rPr"))
        jc = etree.Element(q("w:jc"), {q("w:val"): "center"})
        (mark.addprevious if mark is not None else ppr.append)(jc)  # jc before the mark's rPr
        change = self.stamp("w:pPrChange", author)
        change.append(old)
        ppr.append(change)  # last in w:pPr
        text = "".join(t.text or "" for t in p.iter(q("w:t")))
        return self._note(Change("paragraph format", author, anchor, text))

    def move(self, anchor: str, words: str, to: str, author: str) -> Change:
        """Drag ``words`` to the end of another paragraph with tracking on."""
        name = f"move{next(self._ids)}"
        run = self.split(self.paragraph(anchor), words)
        moved = self.stamp("w:moveFrom", author)
        run.addprevious(moved)
        moved.append(run)
        run.set(q("w:rsidDel"), self.rsid(author))
        start = self.stamp("w:moveFromRangeStart", author)
        start.set(q("w:name"), name)
        moved.addprevious(start)
        moved.addnext(etree.Element(q("w:moveFromRangeEnd"), {q("w:id"): start.get(q("w:id"))}))
        target = self.paragraph(to)
        end_start = self.stamp("w:moveToRangeStart", author)
        end_start.set(q("w:name"), name)
        arrived = self.stamp("w:moveTo", author)
        arrived.append(self.run(" " + words, run, author))
        end = etree.Element(q("w:moveToRangeEnd"), {q("w:id"): end_start.get(q("w:id"))})
        last = target.findall(q("w:bookmarkEnd"))
        for element in (end_start, arrived, end):  # before the export's bookmark end, inside its range
            (last[-1].addprevious if last else target.append)(element)
        return self._note(Change("move", author, anchor, words, removed=words, to=to))

    def move_paragraph(self, anchor: str, to: str, author: str) -> Change:
        """Drag a whole paragraph, its mark included, to just after another: where it was, its runs sit in
        ``w:moveFrom`` and its mark is marked moved away; where it went, a new paragraph holds the same
        runs in ``w:moveTo`` with its mark marked moved here; the two ranges share a name."""
        name = f"move{next(self._ids)}"
        p = self.paragraph(anchor)
        text = "".join(t.text or "" for t in p.iter(q("w:t")))
        arrived = etree.Element(q("w:p"), {q("w:rsidR"): self.rsid(author), q("w14:paraId"): self._para_id(),
                                           q("w14:textId"): "77777777"})
        if p.find(q("w:pPr")) is not None:
            arrived.append(copy.deepcopy(p.find(q("w:pPr"))))
        _mark_rpr(arrived).insert(0, self.stamp("w:moveTo", author))
        start = self.stamp("w:moveToRangeStart", author)
        start.set(q("w:name"), name)
        moved_to = self.stamp("w:moveTo", author)
        for run in p.findall(q("w:r")):
            moved_to.append(copy.deepcopy(run))
        arrived.extend([start, moved_to, etree.Element(q("w:moveToRangeEnd"), {q("w:id"): start.get(q("w:id"))})])
        self.paragraph(to).addnext(arrived)
        _mark_rpr(p).insert(0, self.stamp("w:moveFrom", author))
        runs = p.findall(q("w:r"))
        moved_from = self.stamp("w:moveFrom", author)
        runs[0].addprevious(moved_from)
        moved_from.extend(runs)
        start = self.stamp("w:moveFromRangeStart", author)
        start.set(q("w:name"), name)
        moved_from.addprevious(start)
        moved_from.addnext(etree.Element(q("w:moveFromRangeEnd"), {q("w:id"): start.get(q("w:id"))}))
        return self._note(Change("move", author, anchor, text, removed=text, to=to))

    # --- tracking switched off -----------------------------------------------------------------------

    def untracked(self, anchor: str, old: str, new: str) -> Change:
        """Change words with Track Changes off: the text simply differs from what the export wrote."""
        t = self.split(self.paragraph(anchor), old).find(q("w:t"))
        set_text(t, new)
        return self._note(Change("untracked", "", anchor, new, removed=old))

    def untracked_paragraph(self, anchor: str, text: str) -> Change:
        """Press Enter at the end of a paragraph and type one with Track Changes off: a paragraph the export
        never wrote, with nothing marked."""
        p = self.paragraph(anchor)
        new = etree.Element(q("w:p"), {q("w:rsidR"): self.rsid(""), q("w14:paraId"): self._para_id(),
                                       q("w14:textId"): "77777777"})
        if p.find(q("w:pPr")) is not None:
            new.append(copy.deepcopy(p.find(q("w:pPr"))))
        run = etree.SubElement(new, q("w:r"), {q("w:rsidR"): self.rsid("")})
        set_text(etree.SubElement(run, q("w:t")), text)
        p.addnext(new)
        return self._note(Change("untracked paragraph", "", anchor, text))

    def untracked_delete_paragraph(self, anchor: str) -> Change:
        """Select a whole paragraph and delete it with Track Changes off: it is simply gone."""
        p = self.paragraph(anchor)
        text = "".join(t.text or "" for t in p.iter(q("w:t")))
        p.getparent().remove(p)
        return self._note(Change("untracked deletion", "", anchor, text, removed=text))

    def replace_in_cell(self, label: str, old: str, new: str, author: str) -> Change:
        """A tracked replacement in a schedule cell the export did not mark (a row's label)."""
        p = next(p for p in self.body.iter(q("w:p")) if "".join(t.text or "" for t in p.iter(q("w:t"))) == label)
        run = self.split(p, old)
        deleted = self._delete_run(run, author)
        inserted = self.stamp("w:ins", author)
        inserted.append(self.run(new, run, author))
        deleted.addnext(inserted)
        return self._note(Change("replace", author, "schedule", label.replace(old, new), removed=old))

    def save(self, path: Path | None = None) -> Path:
        """Write the edited file (in place unless ``path`` is given)."""
        for name, root in self.xml.items():
            self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = path or self.path
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        return out


def set_text(t: etree._Element, text: str) -> None:
    """A ``w:t`` (or ``w:delText``) holding ``text``, its spaces kept."""
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def _mark_rpr(p: etree._Element) -> etree._Element:
    """The paragraph mark's run properties (``w:pPr/w:rPr``), made where missing, before any change record."""
    ppr = p.find(q("w:pPr"))
    if ppr is None:
        ppr = etree.Element(q("w:pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(q("w:rPr"))
    if rpr is None:
        rpr = etree.Element(q("w:rPr"))
        change = ppr.find(q("w:pPrChange"))
        (change.addprevious if change is not None else ppr.append)(rpr)
    return rpr
