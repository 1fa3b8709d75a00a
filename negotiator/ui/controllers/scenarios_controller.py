"""Keeps the scenarios view in step with the open agreement and its open proposals: View → Risk-Share
Scenarios… brings it forward. It reads the scenarios only when the view is in front (or next comes
there), so opening an agreement is never slowed by a view the user is not looking at."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from negotiator.domain.errors import InvalidInput
from negotiator.ui.common.deferred import DeferredPage
from negotiator.ui.common.widgets import scrollable
from negotiator.ui.controllers.host import WindowHost

if TYPE_CHECKING:  # the view (its chart, its table) loads when the tab is first opened
    from negotiator.ui.panels.scenario_view import ScenarioView


class ScenariosController(QObject):
    """Owns the window's scenarios view, a tab of the central area."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self._combinations: list[list[int]] | None = None  # None: each open proposal that moves money
        self._shown_for: int | None = None
        self._stale = True
        self.page = DeferredPage(self._build)
        window.central.addTab(self.page, self.tr("Scenarios"))
        window.central.currentChanged.connect(lambda _index: self._came_forward())

    def _build(self) -> QWidget:
        from negotiator.ui.panels.scenario_view import ScenarioView

        view = ScenarioView()
        view.combinations_changed.connect(self._chosen)
        return scrollable(view)  # on a small screen the view scrolls rather than grow the window

    @property
    def view(self) -> ScenarioView:
        """The scenarios view (made when first needed)."""
        return cast("ScenarioView", cast(QScrollArea, self.page.content()).widget())

    def show(self) -> None:
        """View → Risk-Share Scenarios…: the view in front, up to date, the keyboard in its first field."""
        self.window.central.setCurrentWidget(self.page)
        self.reload()
        self.view.start.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def changed(self) -> None:
        """The agreement, its terms or its proposals changed: read again now if shown, else when next shown."""
        self._stale = True
        if self.window.central.currentWidget() is self.page:
            self.reload()

    def _came_forward(self) -> None:
        if self.window.central.currentWidget() is self.page and self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the open agreement's scenarios: the current terms, and the proposals chosen (at first, or
        for another agreement, each open proposal that changes the risk share or the budget)."""
        self._stale = False
        ws, agreement = self.window.workspace, self.window.agreements.current
        if ws is None or agreement is None:
            self._shown_for = None
            self.view.set_scenarios(None)
            return
        if agreement != self._shown_for:
            self._combinations, self._shown_for = None, agreement
        try:
            found = ws.scenarios.scenarios(agreement, self._combinations)
        except InvalidInput:  # a chosen proposal was decided meanwhile: start again from the open ones
            self._combinations = None
            found = ws.scenarios.scenarios(agreement)
        self.view.set_scenarios(found)

    def _chosen(self, combinations: list[list[int]]) -> None:
        """The user checked or combined proposals: show those, or say in words why they cannot be."""
        ws, agreement = self.window.workspace, self.window.agreements.current
        if ws is None or agreement is None:
            return
        try:
            found = ws.scenarios.scenarios(agreement, combinations)
        except InvalidInput as problem:
            self.view.show_problem(str(problem))  # the choice stays as the user made it
            return
        self._combinations = combinations
        self.view.set_scenarios(found)
