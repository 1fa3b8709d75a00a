"""Keeps the review pane and the outline's markers in step with the open agreement, and takes the user
to the place of an entry: Negotiation → Next Change and Previous Change, a click, or Enter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from negotiator.domain.review import NEW, ReviewEntry, outline_markers, review_entries
from negotiator.ui.common.deferred import DeferredPage
from negotiator.ui.controllers.host import WindowHost
from negotiator.ui.controllers.term_focus import show_term

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted; the pane when first seen
    from negotiator.domain.parties import Party
    from negotiator.domain.review import Reviewed
    from negotiator.services.session import Workspace
    from negotiator.ui.panels.review_pane import ReviewPane


class ReviewController(QObject):
    """Owns the review pane of a window."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        # The pane sits behind the Terms panel when the window opens: made when first seen or used, and
        # shown then what the last reading found (the outline's markers need that reading anyway).
        self.page = DeferredPage(self._build, self._made)
        self._read: tuple[Sequence[ReviewEntry], Mapping[int, Party]] = ([], {})

    def _build(self) -> QWidget:
        from negotiator.ui.panels.review_pane import ReviewPane

        pane = ReviewPane()
        pane.entry_chosen.connect(lambda entry: self.go_to(entry))
        pane.entry_activated.connect(lambda entry: self.go_to(entry, focus=True))
        return pane

    def _made(self) -> None:
        self.pane.set_entries(*self._read)

    @property
    def pane(self) -> ReviewPane:
        """The review pane (made when first needed)."""
        return cast("ReviewPane", self.page.content())

    def _show(self, entries: Sequence[ReviewEntry], parties: Mapping[int, Party]) -> None:
        self._read = (entries, parties)
        if self.page.built:
            self.pane.set_entries(entries, parties)

    @property
    def workspace(self) -> Workspace | None:
        """The window's open library."""
        return self.window.workspace

    def reload(self) -> None:
        """Re-read the open agreement's proposals, remarks and positions into the pane and the outline."""
        ws, agreement = self.workspace, self.window.agreements.current
        view = self.window.agreements.view
        if ws is None or agreement is None or view.agreement is None:
            self._show([], {})
            view.outline_model.set_markers({})
            return
        parties = ws.agreements.parties_of(view.agreement)
        # The frozen ProposalView is a Reviewed in all but name: the protocol declares its members as writable
        # attributes, which a frozen dataclass's are not (read-only properties there would say it).
        views = cast("list[Reviewed]", ws.negotiation.proposals(agreement))
        # The sections as the agreement view already numbered them: no second read of the outline.
        entries = review_entries(views, ws.remarks.remarks(agreement),
                                 ws.remarks.positions(agreement), view.outline_model.places(), parties)
        self._show(entries, parties)
        view.outline_model.set_markers(outline_markers(entries))

    def show_pane(self) -> None:
        """View → Review Pane: bring the pane forward and put the keyboard in its list."""
        dock = self.window.findChild(QDockWidget, "reviewDock")
        if dock is not None:
            dock.show()
            dock.raise_()
        self.pane.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.pane.list.currentIndex().isValid() and self.pane.model.rowCount():
            self.pane.list.setCurrentIndex(self.pane.model.index(0))

    def next_change(self) -> ReviewEntry | None:
        """Negotiation → Next Change: the next entry after the selected one (or after the section selected
        in the outline), its place shown in the agreement view and the proposals panel."""
        return self._step(1)

    def previous_change(self) -> ReviewEntry | None:
        """Negotiation → Previous Change: the entry before."""
        return self._step(-1)

    def _step(self, step: int) -> ReviewEntry | None:
        if self.window.agreements.current is None:
            return None
        entry = self.pane.step_to(step, self._start_row(step))
        if entry is None:
            self.window.statusBar().showMessage(self.tr("No changes to review in this agreement."), 5000)
            return None
        row = self.pane.list.currentIndex().row()
        self.window.statusBar().showMessage(self.tr("Change %1 of %2: %3").replace("%1", str(row + 1)).replace(
            "%2", str(self.pane.model.rowCount())).replace("%3", entry.place), 5000)
        return entry

    def _start_row(self, step: int) -> int | None:
        """With no entry selected, where Next and Previous start: at the section selected in the outline
        (Next goes to its first entry or the next one after it, Previous to the last one before it)."""
        section = self.window.agreements.view.current_section()
        places = list(self.window.agreements.view.outline_model.places())
        if section is None or f"section:{section}" not in places:
            return None
        here = (0, places.index(f"section:{section}"))  # as review entries order the sections
        shown = self.pane.model.shown
        return next((row for row, e in enumerate(shown) if e.order[:2] >= here), len(shown))

    def go_to(self, entry: ReviewEntry | None, focus: bool = False) -> None:
        """Show an entry's place: its section selected in the agreement view (for a term, the term in the
        proposals panel), and the proposal selected there; ``focus`` puts the keyboard there too."""
        if entry is None:
            return
        window = self.window
        window.show_agreement_tab()
        view = window.agreements.view
        if view.tabs.currentIndex() != 0:
            view.tabs.setCurrentIndex(0)  # the outline, where the section is shown
        if entry.section_id is not None:
            view.select_section(entry.section_id)  # which shows its proposals in the proposals panel
            if window.negotiation.target != f"section:{entry.section_id}":  # it was selected already
                window.negotiation.set_target(f"section:{entry.section_id}")
        if entry.target == NEW or (entry.section_id is None and entry.target.startswith("section:")):
            window.negotiation.set_target(None)  # a new or removed section is listed under the whole agreement
        field = None
        if entry.section_id is None and entry.target != NEW and not entry.target.startswith("section:"):
            term = (entry.target if entry.target != "terms" else None) or self._first_term(entry)
            window.negotiation.set_target(term)
            if term:  # the term's own field in the terms editor, as Word moves to the place of a change
                window.terms_dock.show()
                window.terms_dock.raise_()
                field = show_term(view.terms_editor, term)
        if entry.proposal_id is not None:
            window.negotiation.panel.select(entry.proposal_id)
        if focus:
            target = view.outline if entry.section_id is not None else field or window.negotiation.panel.table
            window.panels.show(target)

    def _first_term(self, entry: ReviewEntry) -> str | None:
        """The first term a combined proposal sets, which the proposals panel lists it under."""
        ws = self.workspace
        if ws is None or entry.proposal_id is None:
            return None
        return min(ws.negotiation.proposal(entry.proposal_id).term_values(), default=None)
