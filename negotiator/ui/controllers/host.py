"""The main window as its controllers see it. The window sits above the controllers and builds them, so
they cannot import it: what they reach on it is declared here, for the type checker only, and the main
window (which derives from this class through its mixins) provides it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QTabWidget

    from negotiator.services.library import LibraryService
    from negotiator.services.session import Workspace
    from negotiator.ui.common.commands import UndoStack
    from negotiator.ui.common.settings import Settings
    from negotiator.ui.controllers.agreement_controller import AgreementController
    from negotiator.ui.controllers.negotiation_controller import NegotiationController
    from negotiator.ui.panels.clause_view import ClauseView
    from negotiator.ui.panels.library_panel import LibraryPanel
    from negotiator.ui.panels.negotiation_views import NegotiationViews


class ShowsPanels(Protocol):
    """The window's panel focus (View → Next Panel and the like), as the controllers use it."""

    def show(self, widget: QWidget) -> None:
        """Put the keyboard focus in ``widget``, bringing forward the panel it is in."""


class WindowHost(QMainWindow):
    """The attributes and methods of the main window that the controllers use (declarations only: at run
    time this class adds nothing to QMainWindow)."""

    if TYPE_CHECKING:
        settings: Settings
        author: str | None
        workspace: Workspace | None
        service: LibraryService | None  # the clause library of the open workspace
        undo_stack: UndoStack
        library_panel: LibraryPanel
        clause_view: ClauseView
        central: QTabWidget
        terms_dock: QDockWidget
        actions_by_id: dict[str, QAction]
        agreements: AgreementController
        negotiation: NegotiationController
        views: NegotiationViews
        panels: ShowsPanels

        @property
        def acting_party(self) -> str:
            """The full name of the party the user acts for ("" when none is chosen)."""

        def acting_or_ask(self, failure: str) -> str | None:
            """The acting party; when none is chosen, a dialog saying how to choose one, and None."""

        def refresh_negotiation(self) -> None:
            """Re-read everything a negotiation step can change."""

        def update_actions(self) -> None:
            """Enable each action only where it can act."""

        def agreement_opened(self) -> None:
            """Another agreement is open: show it with its proposals and positions."""

        def show_agreement_tab(self) -> None:
            """Bring the agreement view to the front."""

        def report(self, action: str, error: BaseException) -> None:
            """Show why an undo or redo could not be carried out."""

        def set_workspace(self, workspace: Workspace | None) -> None:
            """Show a library that is already open."""

        def open_library(self, target: str | None) -> bool:
            """Open a library (the user's own when target is None)."""
