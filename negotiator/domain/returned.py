"""A Word document that came back from a counterparty, as the importer reads it: for each marked
paragraph, its text under each view, who changed what, and their comments; and everything the
app cannot turn into a proposal, so that it is reported, never silently dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from negotiator.domain.json_data import JsonObject


@dataclass(frozen=True)
class TrackedChange:
    """One tracked insertion or deletion in the returned file."""

    kind: str  # "insert" | "delete"
    author: str
    date: str  # as written in the file (xsd:dateTime), "" when missing
    text: str


@dataclass(frozen=True)
class ReportedChange:
    """A change the app reads but makes no proposal of (a formatting change, a move, an edit of the
    header, a footnote or a text box…): the import report gives each one line, saying where it is in
    the agreement's words and quoting it.

    ``story`` is "" for the body, else the part it is in ("the header", "the footer", "a footnote",
    "an endnote"); ``anchor`` is the export anchor of the body paragraph it is in (for a footnote,
    the paragraph that refers to it), or None, and then ``after`` is the nearest anchor before it.
    """

    kind: str  # "format" | "paragraph format" | "table format" | "table cells" | "move" | "join" | "split" |
    #            "nested" | "object" | "textbox" | "story" | "other"
    author: str
    text: str  # the words it touches, as a person reads them
    anchor: str | None = None
    after: str | None = None
    story: str = ""
    detail: str = ""  # in a story, what was done ("inserted", "deleted"…); of a nested deletion, whose insertion
    destination: tuple[str | None, str | None] | None = None  # a move's (anchor, after) at its destination


@dataclass(frozen=True)
class CommentReply:
    """A reply in a comment thread (Word's "Reply"; ``w15:paraIdParent`` in commentsExtended.xml).

    ``anchor`` is the export anchor of the paragraph the reply's range sits in, or None."""

    author: str
    text: str
    parent_author: str
    parent_text: str
    anchor: str | None


@dataclass(frozen=True)
class ReturnedParagraph:
    """A paragraph (or table-cell paragraph) of the returned body, in reading order.

    ``anchor`` is the export's marker for it (``s12`` a section heading, ``s12.p2`` a section's
    second paragraph, ``term.payment.days`` a schedule cell), or None for a paragraph the export did
    not write (one the counterparty added), in which case ``after`` is the nearest anchor before it.
    ``texts`` maps a set of accepted authors to the text: see :meth:`text_accepting`.
    """

    anchor: str | None
    after: str | None
    style: str
    runs: tuple[tuple[str, str, str], ...]  # (text, change "equal"|"insert"|"delete", author)
    mark: str = "equal"  # "insert" | "delete": a paragraph added or removed as a whole
    mark_author: str = ""
    comments: tuple[tuple[str, str], ...] = ()  # (author, text) anchored in this paragraph

    def text_accepting(self, authors: frozenset[str] | set[str]) -> str | None:
        """The text with the changes of ``authors`` accepted and every other change rejected;
        None when the paragraph does not exist in that view."""
        if self.mark == "insert" and self.mark_author not in authors:
            return None
        if self.mark == "delete" and self.mark_author in authors:
            return None
        return "".join(text for text, change, author in self.runs
                       if change == "equal" or (change == "insert") == (author in authors))

    @property
    def authors(self) -> set[str]:
        """Everyone with a change in this paragraph."""
        found = {author for _, change, author in self.runs if change != "equal"}
        return found | ({self.mark_author} if self.mark != "equal" else set())


@dataclass(frozen=True)
class ReturnedDocument:
    """Everything read from a returned .docx."""

    name: str
    paragraphs: tuple[ReturnedParagraph, ...]
    export_info: JsonObject | None  # what the app recorded about the export, if the file came from it
    unsupported: tuple[str, ...] = field(default_factory=tuple)  # what has no place: page layout…
    tracked: tuple[TrackedChange, ...] = field(default_factory=tuple)
    reported: tuple[ReportedChange, ...] = field(default_factory=tuple)  # one report line each
    replies: tuple[CommentReply, ...] = field(default_factory=tuple)  # not also in their paragraph's comments

    @property
    def authors(self) -> list[str]:
        """Every author of a tracked change or a comment, in order of first appearance."""
        seen: dict[str, None] = {}
        for paragraph in self.paragraphs:
            for _, change, author in paragraph.runs:
                if change != "equal":
                    seen.setdefault(author)
            if paragraph.mark != "equal":
                seen.setdefault(paragraph.mark_author)
            for author, _ in paragraph.comments:
                seen.setdefault(author)
        for reply in self.replies:
            seen.setdefault(reply.author)
        return list(seen)
