"""The parts of the main window that the panels working over the whole window (the find bar, the negotiation
views) use. The window sits above the panels and cannot be imported here, so they know it by these
protocols: what it holds, not what it is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:  # for the annotations only: the services (and SQLAlchemy) load after the window has painted
    from PySide6.QtWidgets import QMainWindow, QTabWidget

    from negotiator.services.session import Workspace
    from negotiator.ui.panels.agreement_view import AgreementView
    from negotiator.ui.panels.proposals_panel import ProposalsPanel


class AgreementsPart(Protocol):
    """The window's agreements: the one open, and the view of it."""

    @property
    def current(self) -> int | None: ...

    @property
    def view(self) -> AgreementView: ...


class NegotiationPart(Protocol):
    """The window's negotiation: the proposals panel, and the place whose proposals it lists."""

    @property
    def panel(self) -> ProposalsPanel: ...

    def set_target(self, target: str | None) -> None: ...


class WindowParts(Protocol):
    """What the main window holds besides being a QMainWindow."""

    @property
    def workspace(self) -> Workspace | None: ...

    @property
    def agreements(self) -> AgreementsPart: ...

    @property
    def negotiation(self) -> NegotiationPart: ...

    @property
    def central(self) -> QTabWidget: ...

    def show_agreement_tab(self) -> None: ...

    def update_actions(self) -> None: ...


def parts_of(window: QMainWindow) -> WindowParts:
    """The main window's parts. Unchecked: the window class (which has them all) cannot be named here."""
    return cast("WindowParts", window)
