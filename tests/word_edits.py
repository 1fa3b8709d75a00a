"""Editing an exported .docx the way Word records a counterparty's edits, for the import tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from negotiator.word.names import bookmark_name

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class WordEdit:
    """Open a .docx, change its body as Word would, save it back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.body = etree.fromstring(self.parts["word/document.xml"])
        self.next_id = 90_000

    def paragraph(self, anchor: str) -> etree._Element:
        """The paragraph holding the bookmark of an export anchor."""
        name = bookmark_name(anchor)
        found = self.body.xpath(f"//w:p[w:bookmarkStart[@w:name='{name}']]", namespaces=NS)
        assert found, f"no paragraph with the bookmark of {anchor}"
        return found[0]

    def paragraph_with(self, words: str) -> etree._Element:
        """The first paragraph whose text contains ``words``."""
        for p in self.body.iter(_w("p")):
            if words in "".join(t.text or "" for t in p.iter(_w("t"))):
                return p
        raise AssertionError(f"no paragraph contains {words!r}")

    def strip_marks(self) -> None:
        """Make the file look like one the app never wrote: no bookmarks, no export record."""
        for mark in self.body.xpath("//w:bookmarkStart | //w:bookmarkEnd", namespaces=NS):
            mark.getparent().remove(mark)
        for name in [n for n in self.parts if n.startswith("customXml/")]:
            if b"urn:negotiator:export" in self.parts[name]:
                del self.parts[name]

    def _stamp(self, element: etree._Element, author: str) -> None:
        self.next_id += 1
        element.set(_w("id"), str(self.next_id))
        element.set(_w("author"), author)
        element.set(_w("date"), "2027-02-01T10:00:00Z")

    def replace_words(self, anchor: str, old: str, new: str, author: str) -> None:
        """Track the replacement of ``old`` (within one run) by ``new``, as Word writes it; ``anchor`` is an
        export anchor, or failing that words the paragraph contains."""
        name = bookmark_name(anchor)
        marked = self.body.xpath(f"//w:p[w:bookmarkStart[@w:name='{name}']]", namespaces=NS)
        p = marked[0] if marked else self.paragraph_with(anchor)
        for t in p.iter(_w("t")):
            if t.text and old in t.text and t.getparent().getparent().tag == _w("p"):
                run = t.getparent()
                before, after = t.text.split(old, 1)
                t.text = before
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                deleted = etree.Element(_w("del"))
                self._stamp(deleted, author)
                etree.SubElement(etree.SubElement(deleted, _w("r")), _w("delText")).text = old
                inserted = etree.Element(_w("ins"))
                self._stamp(inserted, author)
                etree.SubElement(etree.SubElement(inserted, _w("r")), _w("t")).text = new
                tail = etree.Element(_w("r"))
                tail_text = etree.SubElement(tail, _w("t"))
                tail_text.text = after
                tail_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.addnext(deleted)
                deleted.addnext(inserted)
                inserted.addnext(tail)
                return
        raise AssertionError(f"'{old}' is not in one run of {anchor}")

    def insert_paragraphs_after(self, anchor: str, paragraphs: list[tuple[str, str]], author: str) -> None:
        """Type new paragraphs (style id, text) after a paragraph with tracking on, as Word records it."""
        previous = self.paragraph(anchor)
        for style, text in paragraphs:
            p = etree.Element(_w("p"))
            ppr = etree.SubElement(p, _w("pPr"))
            if style:
                etree.SubElement(ppr, _w("pStyle"), {_w("val"): style})
            self._stamp(etree.SubElement(etree.SubElement(ppr, _w("rPr")), _w("ins")), author)
            inserted = etree.SubElement(p, _w("ins"))
            self._stamp(inserted, author)
            etree.SubElement(etree.SubElement(inserted, _w("r")), _w("t")).text = text
            previous.addnext(p)
            previous = p

    def type_after_as_libreoffice(self, anchor: str, paragraphs: list[tuple[str, str]], author: str) -> None:
        """Type new paragraphs (style id, text) after a paragraph with tracking on, pressing Enter at its
        end, marked as LibreOffice marks it: the paragraph typed after has its own mark inserted, every new
        paragraph but the last has an inserted mark, and the last keeps the old mark."""
        previous = self.paragraph(anchor)
        ppr = previous.find(_w("pPr"))
        if ppr is None:
            ppr = etree.Element(_w("pPr"))
            previous.insert(0, ppr)
        rpr = ppr.find(_w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, _w("rPr"))
        self._stamp(etree.SubElement(rpr, _w("ins")), author)
        for index, (style, text) in enumerate(paragraphs):
            p = etree.Element(_w("p"))
            new_ppr = etree.SubElement(p, _w("pPr"))
            if style:
                etree.SubElement(new_ppr, _w("pStyle"), {_w("val"): style})
            if index < len(paragraphs) - 1:
                self._stamp(etree.SubElement(etree.SubElement(new_ppr, _w("rPr")), _w("ins")), author)
            inserted = etree.SubElement(p, _w("ins"))
            self._stamp(inserted, author)
            etree.SubElement(etree.SubElement(inserted, _w("r")), _w("t")).text = text
            previous.addnext(p)
            previous = p

    def untracked(self, anchor: str, old: str, new: str) -> None:
        """Change words with tracking switched off."""
        for t in self.paragraph(anchor).iter(_w("t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                return
        raise AssertionError(f"'{old}' is not in {anchor}")

    def format_change(self, anchor: str, author: str) -> None:
        """Make the paragraph's first run bold, tracked as a formatting change."""
        run = self.paragraph(anchor).find(f"{_w('r')}")
        rpr = run.find(_w("rPr"))
        if rpr is None:
            rpr = etree.Element(_w("rPr"))
            run.insert(0, rpr)
        etree.SubElement(rpr, _w("b"))
        change = etree.SubElement(rpr, _w("rPrChange"))
        self._stamp(change, author)
        etree.SubElement(change, _w("rPr"))

    def comment(self, anchor: str, text: str, author: str) -> None:
        """Comment on a whole paragraph, as Word does (the file must already have a comments part)."""
        comments = etree.fromstring(self.parts["word/comments.xml"])
        self.next_id += 1
        number = str(self.next_id)
        note = etree.SubElement(comments, _w("comment"), {_w("id"): number, _w("author"): author,
                                                          _w("date"): "2027-02-01T10:00:00Z"})
        etree.SubElement(etree.SubElement(etree.SubElement(note, _w("p")), _w("r")), _w("t")).text = text
        self.parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8",
                                                         standalone=True)
        paragraph = self.paragraph(anchor)
        first = paragraph.find(_w("pPr"))
        start = etree.Element(_w("commentRangeStart"), {_w("id"): number})
        if first is None:
            paragraph.insert(0, start)
        else:
            first.addnext(start)
        paragraph.append(etree.Element(_w("commentRangeEnd"), {_w("id"): number}))
        etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("commentReference"), {_w("id"): number})

    def decide(self, anchor: str, accept: bool, author: str | None = None) -> None:
        """Accept or reject every tracked change in a paragraph (only ``author``'s, when given), as a reader
        does in Word: the change's marks go, and no mark says who decided (tracking records no decision)."""
        paragraph = self.paragraph(anchor)
        kept, dropped = (_w("ins"), _w("del")) if accept else (_w("del"), _w("ins"))
        for change in list(paragraph.iter(kept, dropped)):
            if author is not None and change.get(_w("author")) != author:
                continue
            parent = change.getparent()
            if change.tag == dropped:
                parent.remove(change)
                continue
            for text in change.iter(_w("delText")):
                text.tag = _w("t")
            index = parent.index(change)
            for offset, child in enumerate(list(change)):
                parent.insert(index + offset, child)
            parent.remove(change)

    def save(self) -> None:
        """Write the edited file back in place."""
        self.parts["word/document.xml"] = etree.tostring(self.body, xml_declaration=True, encoding="UTF-8",
                                                         standalone=True)
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
