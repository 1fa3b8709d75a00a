"""Returned files marked the way Word (2016–365) marks a counterparty's edits, for the import tests.

Written for this project from the ECMA-376 rules (Part 1, §17.13 on revisions, §17.13.4 on comments)
and the [MS-DOCX] extensions Word adds. Each edit starts from a real export and changes its parts as
Word would save them:

- every new or edited paragraph and run carries the editing session's revision id (``w:rsidR``,
  ``w:rsidRPr`` for formatting, ``w:rsidDel`` for deleted runs), listed in settings.xml ``w:rsids``,
  and a new paragraph its ``w14:paraId``/``w14:textId``;
- a tracked insertion or deletion is ``w:ins``/``w:del`` (``w:id``, ``w:author``, ``w:date``) around
  whole runs, deleted words in ``w:delText``; a paragraph mark inserted or deleted is ``w:ins``/``w:del``
  in the mark's ``w:pPr/w:rPr``;
- a formatting change keeps the old properties in ``w:rPrChange``/``w:pPrChange``;
- a move is ``w:moveFromRangeStart``/``w:moveFrom``/``w:moveFromRangeEnd`` where the words were and the
  ``moveTo`` counterparts where they went, the two ranges sharing a ``w:name``;
- a comment is a range and a reference in the body, a ``w:comment`` in comments.xml whose last paragraph
  has a ``w14:paraId``, a ``w15:commentEx`` in commentsExtended.xml (``w15:paraIdParent`` for a reply,
  ``w15:done`` when resolved), a ``w16cid:commentId`` in commentsIds.xml and the author's ``w15:person``
  in people.xml, each part with its relationship and content type.

Each edit returns a :class:`Change` saying what it put where, so that a test knows what the file holds.
"""

from __future__ import annotations

from lxml import etree

from .word_markup_body import CT, DATE, NS, OFFICE_REL, REL, BodyMarkup, Change, q, set_text

__all__ = ["Change", "WordMarkup"]

PARTS = {  # name: (root, relationship type, content type)
    "comments": ("w:comments", f"{OFFICE_REL}/comments",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"),
    "commentsExtended": ("w15:commentsEx", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"),
    "commentsIds": ("w16cid:commentsIds", "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"),
    "people": ("w15:people", "http://schemas.microsoft.com/office/2011/relationships/people",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"),
    "footnotes": ("w:footnotes", f"{OFFICE_REL}/footnotes",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"),
}


class WordMarkup(BodyMarkup):
    """A returned file being edited as Word would save a counterparty's edits: the body's (see
    :class:`BodyMarkup`), and comments, replies, the header, the footer and footnotes."""

    # --- comments ------------------------------------------------------------------------------------

    def _part(self, kind: str) -> etree._Element:
        """A part of the comments family (or footnotes), made with its relationship and content type."""
        name = f"word/{kind}.xml"
        if name not in self.xml:
            root, rel_type, content_type = PARTS[kind]
            self.xml[name] = etree.Element(q(root), nsmap={k: v for k, v in NS.items()})
            rels = self.xml["word/_rels/document.xml.rels"]
            etree.SubElement(rels, f"{{{REL}}}Relationship",
                             {"Id": f"rIdM{self._id()}", "Type": rel_type, "Target": f"{kind}.xml"})
            etree.SubElement(self.xml["[Content_Types].xml"], f"{{{CT}}}Override",
                             {"PartName": f"/{name}", "ContentType": content_type})
        return self.xml[name]

    def _person(self, author: str) -> None:
        people = self._part("people")
        if not any(p.get(q("w15:author")) == author for p in people):
            person = etree.SubElement(people, q("w15:person"), {q("w15:author"): author})
            etree.SubElement(person, q("w15:presenceInfo"), {q("w15:providerId"): "None", q("w15:userId"): author})

    def _comment(self, text: str, author: str, extended: bool, parent: str | None = None,
                 done: bool = False) -> str:
        number = self._id()
        note = etree.SubElement(self._part("comments"), q("w:comment"),
                                {q("w:id"): number, q("w:author"): author, q("w:date"): DATE,
                                 q("w:initials"): "".join(word[0] for word in author.split())})
        para_id = self._para_id()
        p = etree.SubElement(note, q("w:p"), {q("w14:paraId"): para_id, q("w14:textId"): "77777777"})
        etree.SubElement(etree.SubElement(p, q("w:pPr")), q("w:pStyle"), {q("w:val"): "CommentText"})
        reference = etree.SubElement(p, q("w:r"))
        etree.SubElement(etree.SubElement(reference, q("w:rPr")), q("w:rStyle"), {q("w:val"): "CommentReference"})
        etree.SubElement(reference, q("w:annotationRef"))
        set_text(etree.SubElement(etree.SubElement(p, q("w:r")), q("w:t")), text)
        if extended:
            attributes = {q("w15:paraId"): para_id, q("w15:done"): "1" if done else "0"}
            if parent is not None:
                attributes[q("w15:paraIdParent")] = self.comment_para[parent]
            etree.SubElement(self._part("commentsExtended"), q("w15:commentEx"), attributes)
            etree.SubElement(self._part("commentsIds"), q("w16cid:commentId"),
                             {q("w16cid:paraId"): para_id, q("w16cid:durableId"): f"{next(self._hex):08X}"})
            self._person(author)
        self.comment_para[text], self.comment_ids[text] = para_id, number
        return number

    def comment(self, anchor: str, text: str, author: str, extended: bool = True, done: bool = False) -> Change:
        """Comment on a whole paragraph: its range around the paragraph's content, the reference after it."""
        number = self._comment(text, author, extended, done=done)
        p = self.paragraph(anchor)
        ppr = p.find(q("w:pPr"))
        start = etree.Element(q("w:commentRangeStart"), {q("w:id"): number})
        (ppr.addnext if ppr is not None else lambda e: p.insert(0, e))(start)
        p.append(etree.Element(q("w:commentRangeEnd"), {q("w:id"): number}))
        reference = etree.SubElement(p, q("w:r"))
        etree.SubElement(etree.SubElement(reference, q("w:rPr")), q("w:rStyle"), {q("w:val"): "CommentReference"})
        etree.SubElement(reference, q("w:commentReference"), {q("w:id"): number})
        return self._note(Change("comment", author, anchor, text))

    def ours(self, text: str, anchor: str) -> Change:
        """One of the export's own comments (a proposal's rationale, say), found by its text, as a Change a
        reply can answer: Word gives its last paragraph a w14:paraId when it saves, so it is given one."""
        note = next(c for c in self._part("comments").iter(q("w:comment"))
                    if "".join(t.text or "" for t in c.iter(q("w:t"))) == text)
        last = note.findall(q("w:p"))[-1]
        if last.get(q("w14:paraId")) is None:
            last.set(q("w14:paraId"), self._para_id())
        self.comment_para[text], self.comment_ids[text] = last.get(q("w14:paraId")), note.get(q("w:id"))
        return Change("comment", note.get(q("w:author")), anchor, text)

    def reply(self, to: Change, text: str, author: str, extended: bool = True) -> Change:
        """Reply to a comment: a comment over the same range, linked to its parent in commentsExtended.xml
        (without that part, as older editors save it, the reply reads as a comment of its own)."""
        number = self._comment(text, author, extended, parent=to.text)
        parent = self.comment_ids[to.text]
        start = self.body.xpath(f"//w:commentRangeStart[@w:id='{parent}']", namespaces=NS)[0]
        start.addnext(etree.Element(q("w:commentRangeStart"), {q("w:id"): number}))
        reference = self.body.xpath(f"//w:r[w:commentReference/@w:id='{parent}']", namespaces=NS)[0]
        reference.addnext(etree.Element(q("w:commentRangeEnd"), {q("w:id"): number}))
        run = etree.Element(q("w:r"))
        etree.SubElement(run, q("w:commentReference"), {q("w:id"): number})
        reference.getnext().addnext(run)
        return self._note(Change("reply" if extended else "comment", author, to.where, text, parent=to.text))

    # --- the other stories ---------------------------------------------------------------------------

    def _story_part(self, kind: str) -> str:
        rels = self.xml["word/_rels/document.xml.rels"]
        target = next(r.get("Target") for r in rels if r.get("Type") == f"{OFFICE_REL}/{kind}")
        return f"word/{target}"

    def story_insert(self, story: str, text: str, author: str) -> Change:
        """Type words at the end of the header's (or footer's) first paragraph."""
        root = self.xml[self._story_part(story)]
        p = root.find(q("w:p"))
        inserted = self.stamp("w:ins", author)
        inserted.append(self.run(text, p.find(q("w:r")), author))
        p.append(inserted)
        return self._note(Change("story", author, f"the {story}", text))

    def story_delete(self, story: str, words: str, author: str) -> Change:
        """Delete words of the header's (or footer's) first paragraph."""
        self._delete_run(self.split(self.xml[self._story_part(story)].find(q("w:p")), words), author)
        return self._note(Change("story", author, f"the {story}", words))

    def footnote(self, anchor: str, text: str, author: str) -> Change:
        """Insert a footnote at the end of a paragraph with tracking on: the reference run is inserted in
        the body, and the note's words are inserted in the footnotes part (made with Word's separator
        notes when the export has none)."""
        notes = self._part("footnotes")
        if not len(notes):
            for number, kind in ((-1, "separator"), (0, "continuationSeparator")):
                note = etree.SubElement(notes, q("w:footnote"), {q("w:type"): kind, q("w:id"): str(number)})
                etree.SubElement(etree.SubElement(etree.SubElement(note, q("w:p")), q("w:r")), q(f"w:{kind}"))
        number = self._id()
        note = etree.SubElement(notes, q("w:footnote"), {q("w:id"): number})
        p = etree.SubElement(note, q("w:p"), {q("w14:paraId"): self._para_id(), q("w14:textId"): "77777777"})
        etree.SubElement(etree.SubElement(p, q("w:pPr")), q("w:pStyle"), {q("w:val"): "FootnoteText"})
        inserted = etree.SubElement(p, q("w:ins"), dict(self.stamp("w:ins", author).attrib))
        ref = etree.SubElement(inserted, q("w:r"))
        etree.SubElement(etree.SubElement(ref, q("w:rPr")), q("w:rStyle"), {q("w:val"): "FootnoteReference"})
        etree.SubElement(ref, q("w:footnoteRef"))
        inserted.append(self.run(" " + text, None, author))
        body_ins = self.stamp("w:ins", author)
        run = etree.SubElement(body_ins, q("w:r"), {q("w:rsidR"): self.rsid(author)})
        etree.SubElement(etree.SubElement(run, q("w:rPr")), q("w:rStyle"), {q("w:val"): "FootnoteReference"})
        etree.SubElement(run, q("w:footnoteReference"), {q("w:id"): number})
        self.paragraph(anchor).append(body_ins)
        return self._note(Change("story", author, "a footnote", " " + text, to=anchor))

    def untracked_story(self, story: str, old: str, new: str) -> Change:
        """Change words of the header (or footer) with Track Changes off."""
        t = self.split(self.xml[self._story_part(story)].find(q("w:p")), old).find(q("w:t"))
        set_text(t, new)
        return self._note(Change("story", "", f"the {story}", new, removed=old))

