"""The domain document turned into what Word can express, before any XML is written.

The domain says what Accept All and Reject All show: a paragraph whose mark is deleted is gone on
accept, whatever its runs say; a row inserted as a whole is gone on reject. Word decides run by run
and mark by mark, so each run gets the change that gives the domain's answer in both views:

- a run shown on accept only is inserted, on reject only deleted (an EQUAL run in an inserted
  paragraph or row is inserted under the paragraph's or row's revision); a run shown in neither view
  (text one party inserted and another deleted) is left out, because Word can only say that with a
  ``w:del`` inside a ``w:ins``, which LibreOffice loses.
- Word cannot remove the last paragraph mark of the body, of a cell, or before a table: the next
  paragraph the text would join does not exist. So when a paragraph at the end of such a stretch is
  wholly inserted or deleted, its mark change moves to the paragraph before it (``A¶[B¶]`` becomes
  ``A[¶B]¶``), which is how Word itself records deleting a last paragraph; the texts come out the same.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from negotiator.domain.document import Change, Paragraph, Revision, Run

UNKNOWN_AUTHOR = "Unknown author"


class Tracker:
    """Normalises paragraphs one stretch at a time and collects the warnings on the way."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self._fallback: Revision | None = None

    def fallback(self) -> Revision:
        """The revision for a change the document gave none: an unknown author, now."""
        if self._fallback is None:
            self._fallback = Revision(UNKNOWN_AUTHOR, datetime.now(UTC).replace(microsecond=0))
            self.warnings.append(f"a change had no author; it is written as {UNKNOWN_AUTHOR!r}")
        return self._fallback

    def stretch(self, paragraphs: list[Paragraph], row: Change = Change.EQUAL,
                row_revision: Revision | None = None) -> list[Paragraph]:
        """One run of paragraphs with nothing between them (the body between tables, or a cell)."""
        out = [p for p in (self.paragraph(p, row, row_revision) for p in paragraphs) if p is not None]
        if row is Change.EQUAL:
            self._shift_last_marks(out)
            return out
        # In a tracked row every paragraph mark is tracked like the row, as Word writes it: LibreOffice
        # removes a row only when everything in it, empty cells included, carries the row's change.
        revision = row_revision or self.fallback()
        return [p if p.mark is not Change.EQUAL else replace(p, mark=row, mark_revision=revision) for p in out]

    def paragraph(self, paragraph: Paragraph, row: Change, row_revision: Revision | None) -> Paragraph | None:
        """The paragraph with each run's effective change, or ``None`` when it shows in no view."""
        mark = paragraph.mark
        if row is Change.EQUAL and mark is Change.EQUAL and \
                all(r.change is Change.EQUAL or r.revision is not None for r in paragraph.runs):
            return paragraph
        on_accept = mark is not Change.DELETE and row is not Change.DELETE
        on_reject = mark is not Change.INSERT and row is not Change.INSERT
        if not (on_accept or on_reject):
            self.warnings.append("a paragraph inserted and deleted in the same change was left out")
            return None
        runs: list[Run] = []
        for run in paragraph.runs:
            accepted = on_accept and run.change is not Change.DELETE
            rejected = on_reject and run.change is not Change.INSERT
            if accepted and rejected:
                runs.append(run)
            elif accepted or rejected:
                change = Change.INSERT if accepted else Change.DELETE
                revision = self._revision(run, change, paragraph, row, row_revision)
                runs.append(run if run.change is change and run.revision is revision
                            else Run(run.text, change, revision, run.bold))
            elif run.text:
                self.warnings.append(f"text both inserted and deleted was left out: {run.text[:40]!r}")
        mark_revision = paragraph.mark_revision
        if mark is not Change.EQUAL and mark_revision is None:
            mark_revision = self.fallback()
        return replace(paragraph, runs=tuple(runs), mark_revision=mark_revision)

    def _revision(self, run: Run, change: Change, paragraph: Paragraph, row: Change,
                  row_revision: Revision | None) -> Revision:
        """The innermost revision that explains the change: the run's, the mark's, then the row's."""
        if run.change is change and run.revision is not None:
            return run.revision
        if paragraph.mark is change and paragraph.mark_revision is not None:
            return paragraph.mark_revision
        if row is change and row_revision is not None:
            return row_revision
        return self.fallback()

    def _shift_last_marks(self, paragraphs: list[Paragraph]) -> None:
        """Move the mark changes of a stretch's trailing changed paragraphs one paragraph back."""
        end = len(paragraphs)
        first = end
        while first > 0 and paragraphs[first - 1].mark is not Change.EQUAL:
            first -= 1
        if first == end:
            return
        if first == 0:
            self.warnings.append("a wholly inserted or deleted paragraph has no unchanged paragraph before it "
                                 "(between tables, in a cell or alone); Word keeps it as an empty paragraph")
            return
        marks = [(p.mark, p.mark_revision) for p in paragraphs[first:end]]
        for index, (mark, revision) in zip(range(first - 1, end - 1), marks, strict=True):
            paragraphs[index] = replace(paragraphs[index], mark=mark, mark_revision=revision)
        paragraphs[end - 1] = replace(paragraphs[end - 1], mark=Change.EQUAL, mark_revision=None)
