"""Edit a .docx as a counterparty would in LibreOffice: the author set in the user profile, Edit →
Track Changes → Record switched on, every edit made through the view (a selection, the cursor) and
the dispatcher, as typing and menu commands make it, then saved with the Word 2007 filter. Runs
under Debian's /usr/bin/python3 (the interpreter with ``uno``); ``lo_script.py`` serves it.

A request is ``{"edit": IN, "out": OUT, "author": "Jane Smith", "steps": [...]}``; each step is a
dict with a ``kind``:

- ``replace``: ``words`` → ``text``; ``comment`` (optional) on the new words;
- ``insert_after``: ``text`` typed just after ``words``;
- ``delete``: ``words`` deleted;
- ``new_clause``: after the paragraph containing ``words``, Enter at its end, ``heading`` typed in
  ``heading_style`` (default "Heading 1"), then Enter and each of ``body`` (a list) typed in
  ``body_style`` (default "Standard", Word's Normal), Enter between them;
- ``cell``: the whole text of a table cell replaced by ``text`` (a term in the schedule): the cell
  holding ``words``, or the one in the row whose first cell holds ``row`` and the column whose first
  cell holds ``column``;
- ``comment``: ``comment`` on ``words``, nothing else changed;
- ``accept`` / ``reject``: the tracked change(s) within ``words`` accepted or rejected;
- ``untracked``: recording switched off, ``words`` → ``text``, recording switched back on.

``words`` is found with the document's search (the first match; ``within``, when given, picks the
first match in a paragraph that also contains those words).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uno  # noqa: F401, I001  (Debian's python3-uno; loads the com.sun.star importer)
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

WORD_2007 = "MS Word 2007 XML"


def prop(name: str, value: object) -> PropertyValue:
    """A UNO PropertyValue."""
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def set_author(context: Any, author: str) -> None:
    """Make ``author`` the user of the profile (Tools → Options → User Data), as the name every
    tracked change and comment is recorded under; "Jane Smith" is given name Jane, surname Smith."""
    given, _, surname = author.partition(" ")
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", surname)
    access.commitChanges()


class Editor:
    """One document open in a hidden view, edited through its frame's dispatcher."""

    def __init__(self, desktop: Any, dispatcher: Any, path: Path) -> None:
        self.doc = desktop.loadComponentFromURL(path.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
        if self.doc is None:
            raise RuntimeError(f"LibreOffice could not load {path}")
        self.dispatcher = dispatcher
        self.controller = self.doc.getCurrentController()
        self.frame = self.controller.getFrame()
        self.view = self.controller.getViewCursor()

    def command(self, name: str, **arguments: object) -> None:
        """A ``.uno:`` command on the document's frame, as a menu item or a key press runs it."""
        self.dispatcher.executeDispatch(self.frame, f".uno:{name}", "", 0,
                                        tuple(prop(key, value) for key, value in arguments.items()))

    def record(self, on: bool) -> None:
        """Edit → Track Changes → Record, switched on or off."""
        self.doc.setPropertyValue("RecordChanges", on)

    def find(self, words: str, within: str | None = None) -> Any:
        """The first range of the text holding ``words`` (in a paragraph holding ``within``, if given).

        Every step starts here, as a person starts with Find: a search also ends the editing of a
        comment just inserted, as LibreOffice's own Find does, so the step's typing goes into the text."""
        for found in self.find_all(words):
            if within is None or within in paragraph_of(found).getString():
                return found
        raise LookupError(f"{words!r} is not in the document" + (f" in a paragraph with {within!r}" if within else ""))

    def find_all(self, words: str) -> Iterator[Any]:
        """Every range holding ``words``, in document order (tracked deletions count as text, as shown)."""
        search = self.doc.createSearchDescriptor()
        search.SearchString = words
        search.SearchCaseSensitive = True
        found = self.doc.findFirst(search)
        while found is not None:
            yield found
            found = self.doc.findNext(found.getEnd(), search)

    def select(self, text_range: Any) -> None:
        """Select a range in the view, as dragging over it would."""
        self.controller.select(text_range)

    def caret_at(self, text_range: Any) -> None:
        """Put the cursor at a point (a collapsed range)."""
        self.view.gotoRange(text_range, False)

    def type(self, text: str) -> None:
        """Type ``text`` at the cursor (over the selection, if there is one)."""
        self.command("InsertText", Text=text)

    def select_typed(self, text: str) -> None:
        """Select the ``text`` just typed before the cursor."""
        self.view.goLeft(len(text), True)

    def comment(self, text: str) -> None:
        """Insert → Comment on the selection, with ``text`` typed in it. The comment keeps the focus, so
        whatever is typed next would go into it, until the next search (see :meth:`find`)."""
        self.command("InsertAnnotation", Text=text)

    def save(self, path: Path) -> None:
        """File → Save As… Word 2007–365 (.docx)."""
        self.doc.storeToURL(path.resolve().as_uri(), (prop("FilterName", WORD_2007),))

    def close(self) -> None:
        """Close without saving."""
        self.doc.close(True)


def paragraph_of(text_range: Any) -> Any:
    """A cursor over the whole paragraph a range starts in."""
    cursor = text_range.getText().createTextCursorByRange(text_range.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    return cursor


def _cell(editor: Editor, row: str, column: str) -> Any:
    """The cell at the row whose first cell holds ``row`` (found with Find, as a person finds the row)
    and the column whose first cell holds ``column``."""
    for found in editor.find_all(row):
        table, cell = found.getPropertyValue("TextTable"), found.getPropertyValue("Cell")
        if table is None or cell is None or not cell.getPropertyValue("CellName").startswith("A"):
            continue
        y = int(cell.getPropertyValue("CellName")[1:]) - 1
        heads = [table.getCellByPosition(x, 0).getString() for x in range(table.getColumns().getCount())]
        for x, head in enumerate(heads):
            if column in head:
                return table.getCellByPosition(x, y)
    raise LookupError(f"no table has a row {row!r} and a column {column!r}")


def _touching(editor: Editor, found: Any) -> Any | None:
    """The first tracked change that overlaps ``found`` (a range of one text), or None."""
    enumeration = editor.doc.getRedlines().createEnumeration()
    text = found.getText()
    while enumeration.hasMoreElements():
        redline = enumeration.nextElement()
        start, end = redline.getPropertyValue("RedlineStart"), redline.getPropertyValue("RedlineEnd")
        try:  # 1: the first range starts before the second; a range of another text raises
            if text.compareRegionStarts(start, found.getEnd()) == 1 and \
                    text.compareRegionStarts(found.getStart(), end) == 1:
                return start, end
        except Exception:  # noqa: BLE001, S112  (a change in another text: a cell, a comment)
            continue
    return None


def _decide(editor: Editor, found: Any, accept: bool) -> None:
    """Accept or reject every tracked change the words touch, each whole, as a person does by
    selecting the change (Edit → Track Changes → Next Change) and pressing Accept or Reject: a
    replacement is two changes, a deletion and an insertion."""
    for _ in range(20):
        touching = _touching(editor, found)
        if touching is None:
            return
        cursor = found.getText().createTextCursorByRange(touching[0])
        cursor.gotoRange(touching[1], True)
        editor.select(cursor)
        editor.command("AcceptTrackedChange" if accept else "RejectTrackedChange")
    raise RuntimeError(f"the tracked changes at {found.getString()!r} would not go")


def step(editor: Editor, spec: dict) -> None:
    """Make one edit, as a person would (see the module docstring)."""
    kind = spec["kind"]
    if kind in ("replace", "untracked"):
        if kind == "untracked":
            editor.record(False)
        editor.select(editor.find(spec["words"], spec.get("within")))
        editor.type(spec["text"])
        if spec.get("comment"):
            editor.select_typed(spec["text"])
            editor.comment(spec["comment"])
        if kind == "untracked":
            editor.record(True)
    elif kind == "insert_after":
        editor.caret_at(editor.find(spec["words"], spec.get("within")).getEnd())
        editor.type(spec["text"])
    elif kind == "delete":
        editor.select(editor.find(spec["words"], spec.get("within")))
        editor.command("Delete")
    elif kind == "comment":
        editor.select(editor.find(spec["words"], spec.get("within")))
        editor.comment(spec["comment"])
    elif kind == "format":  # Format → Bold on the words, which LibreOffice tracks as an attribute change
        editor.select(editor.find(spec["words"], spec.get("within")))
        editor.command("Bold")
    elif kind in ("accept", "reject"):
        _decide(editor, editor.find(spec["words"], spec.get("within")), kind == "accept")
    elif kind == "new_clause":
        editor.caret_at(paragraph_of(editor.find(spec["words"], spec.get("within"))).getEnd())
        editor.command("InsertPara")
        editor.command("StyleApply", Style=spec.get("heading_style", "Heading 1"), FamilyName="ParagraphStyles")
        editor.type(spec["heading"])
        for body in spec["body"]:
            editor.command("InsertPara")
            editor.command("StyleApply", Style=spec.get("body_style", "Standard"), FamilyName="ParagraphStyles")
            editor.type(body)
    elif kind == "cell":
        if "words" in spec:  # the cell that holds these words
            cell = editor.find(spec["words"], spec.get("within")).getPropertyValue("Cell").getText()
        else:
            cell = _cell(editor, spec["row"], spec["column"]).getText()
        cursor = cell.createTextCursor()
        cursor.gotoStart(False)
        cursor.gotoEnd(True)
        editor.select(cursor)
        editor.type(spec["text"])
    else:
        raise ValueError(f"unknown step kind {kind!r}")


def settle(context: Any) -> None:
    """Let LibreOffice finish what a step set going before the next starts, as a person waits for the
    screen: a comment just inserted takes the keyboard a moment later, and if that moment fell inside the
    next step, the next step's typing would go into the comment instead of the text."""
    toolkit = context.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", context)
    toolkit.processEventsToIdle()


def edit(context: Any, desktop: Any, dispatcher: Any, request: dict) -> dict:
    """Carry out one edit request; ``{"ok": true}`` once the file is saved."""
    set_author(context, request["author"])
    editor = Editor(desktop, dispatcher, Path(request["edit"]))
    try:
        editor.record(True)
        for number, spec in enumerate(request["steps"], 1):
            try:
                step(editor, spec)
                settle(context)
            except Exception as error:
                raise RuntimeError(f"step {number} ({spec.get('kind')}): {type(error).__name__}: {error}") from None
        editor.save(Path(request["out"]))
    finally:
        editor.close()
    return {"ok": True}
