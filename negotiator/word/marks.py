"""Paragraph marks in the per-paragraph model of a returned file. A paragraph mark inserted or deleted
on its own is not a paragraph coming or going: Word records pressing Enter inside a paragraph (a
split) as the first half's mark inserted, and deleting the mark between two paragraphs (a join) as
the first one's mark deleted. Each is read here as the texts would read with the change accepted
and with it rejected, so that a proposal holds it and no words are lost."""

from __future__ import annotations

from dataclasses import replace

from negotiator.domain.returned import ReportedChange, ReturnedParagraph

Runs = tuple[tuple[str, str, str], ...]


def pair(a: ReturnedParagraph, b: ReturnedParagraph) -> tuple[ReturnedParagraph, ReturnedParagraph]:
    """Two neighbouring paragraphs with A's mark inserted or deleted, read as a person made the change."""
    if a.mark == "equal" or b.mark != "equal":
        return a, b
    change = (a.mark, a.mark_author)
    if all((kind, author) == change for _, kind, author in a.runs):
        return a, b  # A itself is wholly new or gone: it comes or goes as a whole already
    if all((kind, author) == change for _, kind, author in b.runs):
        # ``A[¶B]¶`` as ``A¶[B¶]``: typing Enter at the end of A and then B (or deleting from the end of A
        # to the end of B). Word drops A's mark with B's text, so A's text stays: B comes or goes whole.
        return replace(a, mark="equal", mark_author=""), replace(b, mark=a.mark, mark_author=a.mark_author)
    author = a.mark_author
    if any(kind != "equal" and who != author for _, kind, who in b.runs):
        return a, b  # another author's change in B: left to the report (see :func:`loose_marks`)
    if a.mark == "insert" and b.anchor is None:
        # A split: rejected, A reads whole and B is not there; accepted, A ends where Enter was pressed.
        tail: Runs = tuple((text, "delete", author) for text, kind, _ in b.runs if kind != "insert")
        second: Runs = tuple((text, "insert", author) for text, kind, _ in b.runs if kind != "delete")
        return (replace(a, runs=a.runs + tail, mark="equal", mark_author=""),
                replace(b, runs=second, mark="insert", mark_author=author))
    if a.mark == "delete" and b.mark == "equal":
        # A join: rejected, both read as they were; accepted, A runs on into B's words and B is gone.
        joined: Runs = tuple((text, "insert", author) for text, kind, _ in b.runs if kind != "delete")
        gone: Runs = tuple((text, "delete", author) for text, kind, _ in b.runs if kind != "insert")
        return (replace(a, runs=a.runs + joined, mark="equal", mark_author=""),
                replace(b, runs=gone, mark="delete", mark_author=author))
    return a, b


def loose_marks(paragraphs: list[ReturnedParagraph]) -> list[ReportedChange]:
    """Marks inserted or deleted on their own that :func:`pair` could not read (a join before a table, a
    split with another author's change in it): the paragraphs are kept as they are, so no words are
    lost, and each is reported."""
    found = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.mark == "equal":
            continue
        change = (paragraph.mark, paragraph.mark_author)
        if all((kind, author) == change for _, kind, author in paragraph.runs):
            continue
        following = paragraphs[index + 1].runs if index + 1 < len(paragraphs) else ()
        if paragraph.mark == "insert" and (paragraph.anchor is None or (following and all(
                kind == "insert" for _, kind, _ in following))):
            continue  # Enter typed at the end, as LibreOffice records it: the new paragraphs say it
        paragraphs[index] = replace(paragraph, mark="equal", mark_author="")
        words = "".join(text for text, kind, _ in paragraph.runs if kind != "delete")
        what = "split" if paragraph.mark == "insert" else "join"
        found.append(ReportedChange(what, paragraph.mark_author, words, paragraph.anchor, paragraph.after))
    return found
