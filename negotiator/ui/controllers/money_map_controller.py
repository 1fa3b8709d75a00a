"""Agreement → Money Map: opens the map window on the open library and opens the agreements it is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost

if TYPE_CHECKING:  # the map (its layout and drawing) loads when it is first opened, not at start-up
    from negotiator.ui.panels.money_map_window import MoneyMapWindow


class MoneyMapController:
    """Owns the window's one money map window."""

    def __init__(self, window: WindowHost) -> None:
        self.window = window
        self.map_window: MoneyMapWindow | None = None
        # The findings are re-read after every change to the network: an open map is redrawn with them.
        window.agreements.findings.model.modelReset.connect(self._network_changed)

    def _network_changed(self) -> None:
        if self.map_window is not None and self.map_window.isVisible():
            self.show_map(raise_window=False)

    def show(self) -> MoneyMapWindow | None:
        """Draw the contract network of the open library, and bring the map window to the front."""
        return self.show_map(raise_window=True)

    def show_map(self, raise_window: bool) -> MoneyMapWindow | None:
        """Draw the contract network of the open library in the map window; bring it to the front if asked."""
        workspace = self.window.workspace
        if workspace is None:
            if self.map_window is not None:
                self.map_window.close()  # the library it showed is closed
            return None
        try:
            money_map = workspace.agreements.money_map()
        except Exception as error:
            show_error(self.window, self.window.tr("The money map could not be drawn"), error)
            return None
        if self.map_window is None:
            from negotiator.ui.panels.money_map_window import MoneyMapWindow

            self.map_window = MoneyMapWindow(self.window)
            self.map_window.agreement_chosen.connect(self.open_agreement)
            self.map_window.refresh_requested.connect(self.show)
        self.map_window.set_map(money_map, keep_view=not raise_window)
        if raise_window:
            self.map_window.show()
            self.map_window.raise_()
            self.map_window.activateWindow()
        return self.map_window

    def open_agreement(self, agreement_id: int) -> None:
        """Open an agreement of the map in the main window, as the findings panel does."""
        self.window.agreements.panel.select(agreement_id)
        self.window.raise_()
        self.window.activateWindow()
