"""Edit → Find in Agreement (Ctrl+F): a find bar over the agreement view that finds words in the open
agreement's sections (heading and wording) and in its proposals, and goes to each place in turn
(Enter or F3 for the next, Shift+Enter or Shift+F3 for the previous, Escape to close)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QToolButton, QWidget

from negotiator.ui.panels.window_parts import parts_of


@dataclass(frozen=True)
class Found:
    """One place the words are: a section (by id) or a proposal (by id), and how to name it."""

    kind: str  # "section" or "proposal"
    id: int
    label: str


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_in(words: str, sections: list[tuple[int, str, str, str]],
            proposals: list[tuple[int, str, str]]) -> list[Found]:
    """Where ``words`` occur (as typed, any case, any spacing): each section whose heading or wording holds them,
    in reading order, then each proposal whose text holds them. ``sections`` are (id, number, heading, wording);
    ``proposals`` (id, party, text)."""
    wanted = _folded(words)
    if not wanted:
        return []
    found = [Found("section", sid, f"{number} {heading}") for sid, number, heading, text in sections
             if wanted in _folded(heading) or wanted in _folded(text)]
    found += [Found("proposal", pid, f"proposal {pid} ({party})") for pid, party, text in proposals
              if wanted in _folded(text)]
    return found


class FindBar(QWidget):
    """The words to find, the place shown, and buttons for the previous and next place."""

    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Find in the agreement and its proposals"))
        self.field.setAccessibleName(self.tr("Find in agreement"))
        self.field.setToolTip(self.tr("Enter or F3: next place; Shift+Enter or Shift+F3: previous; Escape: close"))
        self.where = QLabel()
        self.where.setObjectName("findWhere")
        self.where.setAccessibleName(self.tr("Where the words were found"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.field, 1)
        for text, tip, signal in ((self.tr("Previous"), self.tr("The previous place (Shift+F3)"),
                                   self.previous_requested),
                                  (self.tr("Next"), self.tr("The next place (F3)"), self.next_requested),
                                  (self.tr("Close"), self.tr("Close the find bar (Escape)"), self.closed)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text)
            button.clicked.connect(signal)
            layout.addWidget(button)
        layout.addWidget(self.where, 1)
        self.field.returnPressed.connect(self.next_requested)
        self.field.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Shift+Enter goes back; Escape closes the bar."""
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                self.previous_requested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
        return super().eventFilter(watched, event)


class Finder(QObject):
    """Finds in the window's open agreement and goes to each place found."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.parts = parts_of(window)
        self.bar: FindBar = self.parts.agreements.view.find_bar
        self.found: list[Found] = []
        self.at = -1
        self._proposals: list[tuple[int, str, str]] = []
        self._read_for: int | None = None  # the agreement whose proposals were read
        self.bar.field.textEdited.connect(self._search)
        self.bar.next_requested.connect(self.next)
        self.bar.previous_requested.connect(self.previous)
        self.bar.closed.connect(self.close)

    def start(self) -> None:
        """Show the find bar over the open agreement, its words selected for typing over."""
        parts = self.parts
        if parts.workspace is None or parts.agreements.current is None:
            self.window.statusBar().showMessage(self.tr("Open an agreement to find in it."))
            return
        self._read_proposals()
        parts.central.setCurrentWidget(parts.agreements.view)
        self.bar.show()
        self.bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.bar.field.selectAll()
        if self.bar.field.text():
            self._search(self.bar.field.text(), go=False)

    def _read_proposals(self) -> None:
        """Read the open agreement's proposals once per search, not at every key typed."""
        ws = self.parts.workspace
        self._read_for = self.parts.agreements.current
        views = ws.negotiation.proposals(self._read_for) if ws is not None and self._read_for is not None else []
        self._proposals = [(v.proposal.id, v.proposal.party_name,
                            " ".join((v.proposal.heading, v.proposal.proposed, v.proposal.rationale,
                                      *(f"{name} {value or ''}" for name, value in v.proposal.term_values().items()))))
                           for v in views]

    def next(self) -> None:
        """Go to the next place found (after the last, the first again)."""
        self._step(1)

    def previous(self) -> None:
        """Go to the previous place found (before the first, the last)."""
        self._step(-1)

    def close(self) -> None:
        """Hide the find bar; the keyboard goes back to the outline."""
        self.bar.hide()
        self.parts.agreements.view.outline.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search(self, words: str, go: bool = True) -> None:
        if self._read_for != self.parts.agreements.current:  # another agreement was opened meanwhile
            self._read_proposals()
        sections = self.parts.agreements.view.sections_text()
        self.found = find_in(words, sections, self._proposals)
        self.at = -1
        if go and self.found:
            self._step(1)
        else:
            self._say()

    def _step(self, step: int) -> None:
        if not self.bar.isVisible():
            self.start()
            if not self.bar.isVisible():
                return
        if self._read_for != self.parts.agreements.current:  # found in another agreement: search this one
            self._search(self.bar.field.text(), go=False)
        if not self.found:
            self._say()
            return
        self.at = (self.at + step) % len(self.found)
        self._go(self.found[self.at])
        self._say()

    def _go(self, place: Found) -> None:
        parts = self.parts
        view = parts.agreements.view
        if place.kind == "section":
            parts.central.setCurrentWidget(view)
            view.tabs.setCurrentIndex(0)  # the outline
            view.select_section(place.id)
            view.outline.scrollTo(view.outline.currentIndex())
            view.wording.moveCursor(QTextCursor.MoveOperation.Start)  # the same section again as more is typed
            view.wording.find(" ".join(self.bar.field.text().split()))  # the words shown selected, where they are
            return
        panel = parts.negotiation.panel
        if not panel.all.isChecked():
            panel.all.setChecked(True)  # every proposal of the agreement listed, so that this one is there
        dock = self.window.findChild(QDockWidget, "proposalsDock")
        if dock is not None:  # the window's Proposals dock
            dock.show()
            dock.raise_()
        panel.select(place.id)
        panel.table.scrollTo(panel.table.currentIndex())

    def _say(self) -> None:
        if not _folded(self.bar.field.text()):
            self.bar.where.setText("")
        elif not self.found:
            self.bar.where.setText(self.tr("Not found"))
        elif self.at < 0:
            self.bar.where.setText(self.tr("%n place(s)", "", len(self.found)))
        else:
            self.bar.where.setText(self.tr("%1 of %2: %3").replace("%1", str(self.at + 1)).replace(
                "%2", str(len(self.found))).replace("%3", self.found[self.at].label))
