"""The parts of the main window about who is at the laptop and what they open: the acting party, the
demo, recent libraries and the command palette."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QInputDialog

from negotiator.domain.errors import InvalidInput
from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost
from negotiator.ui.window.command_palette import CommandPalette

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted, the dialogs when first opened
    from PySide6.QtWidgets import QMenu

    from negotiator.services.session import Workspace
    from negotiator.ui.dialogs.preferences import PreferencesDialog
    from negotiator.ui.window.welcome import WelcomePage


def act_for_choices(workspace: Workspace, agreement_id: int | None) -> list[tuple[str, str]]:
    """What the Act For list offers, as (label, party name): the open agreement's parties first, each
    with its role, then every other party of the library."""
    first: list[tuple[str, str]] = []
    if agreement_id is not None:
        agreement = workspace.agreements.agreement(agreement_id)
        first = [(f"{s.party.name} — {s.role.label}", s.party.name) for s in agreement.signatories]
    signing = {name for _label, name in first}
    return first + [(p.name, p.name) for p in workspace.agreements.parties() if p.name not in signing]


class SessionMixin(WindowHost):
    """Mixed into MainWindow, which provides workspace, settings, agreements and the menus."""

    if TYPE_CHECKING:  # provided by MainWindow, besides what every controller uses
        recent_menu: QMenu
        welcome: WelcomePage

        def _update_title(self) -> None:
            """The window's title: the library and the acting party."""

    @property
    def acting_party(self) -> str:
        """The full name of the party the user acts for in the open library ("" when none is chosen)."""
        return (self.workspace.acting.party or "") if self.workspace is not None else ""

    def set_acting_party(self, name: str) -> bool:
        """Act for a party of this library, by name or short name (remembered for the library, as the
        command line remembers ``--as``); refuse an unknown or ambiguous name in a dialog."""
        if self.workspace is None:
            return False
        try:
            self.workspace.act_as(name)
        except Exception as error:
            show_error(self, self.tr("The acting party was not changed"), error)
            return False
        self._update_title()
        self.refresh_negotiation()
        return True

    def acting_or_ask(self, failure: str) -> str | None:
        """The acting party; when none is chosen, a dialog saying how to choose one, and None."""
        if self.acting_party:
            return self.acting_party
        show_error(self, failure, InvalidInput(self.tr(
            "Nobody is chosen to act for, and every change is made in a party's name. Choose the party you act "
            "for first: Negotiation → Act For… (Ctrl+Shift+F).")))
        return None

    def act_for(self) -> QInputDialog | None:
        """Ask which party the user acts for: the open agreement's parties first, with their roles."""
        if self.workspace is None:
            return None
        choices = act_for_choices(self.workspace, self.agreements.current)
        if not choices:
            return None
        labels = [label for label, _name in choices]
        names = dict(choices)
        dialog = QInputDialog(self)
        dialog.setObjectName("actForDialog")
        dialog.setWindowTitle(self.tr("Act For"))
        dialog.setLabelText(self.tr("You edit, propose and decide for:"))
        dialog.setComboBoxItems(labels)
        dialog.setComboBoxEditable(False)
        dialog.setTextValue(next((label for label, name in choices if name == self.acting_party), labels[0]))
        dialog.textValueSelected.connect(lambda label: self.set_acting_party(names[label]))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_demo(self) -> None:
        """Show the demo negotiation, adding it to the library first if it is not there."""
        if self.workspace is None:
            return
        titles = {a.title: a.saved_id for a in self.workspace.agreements.agreements()}
        if ALLIANCE not in titles:
            try:
                self.workspace.seed_demo()
            except Exception as error:
                show_error(self, self.tr("The demo could not be added"), error)
                return
            self.refresh_negotiation()
            titles = {a.title: a.saved_id for a in self.workspace.agreements.agreements()}
        self.agreements.panel.select(titles[ALLIANCE])

    def _fill_recent(self) -> None:
        """The File → Open Recent menu, newest first."""
        self.recent_menu.clear()
        recent = cast(list[str], self.settings.get("recent_libraries"))  # the setting admits only a list of text
        self.welcome.set_recent(recent)
        for location in recent:
            action = self.recent_menu.addAction(location)
            action.setToolTip(self.tr("Open %1").replace("%1", location))
            action.triggered.connect(lambda _checked=False, where=location: self.open_library(where))
        self.recent_menu.setEnabled(bool(recent))

    def show_command_palette(self) -> CommandPalette:
        """Find any action by typing part of its name."""
        palette = CommandPalette([a for a in self.actions_by_id.values()], self)
        palette.setObjectName("commandPalette")
        palette.finished.connect(palette.deleteLater)
        palette.open()
        return palette

    def close_agreement(self) -> None:
        """Close the open agreement: back to the welcome page."""
        self.agreements.current = None
        self.agreements.view.show_agreement(None, None, [])
        self.negotiation.target = None
        self.refresh_negotiation()
        self.central.setCurrentWidget(self.welcome)

    def show_preferences(self) -> PreferencesDialog:
        """The preferences dialog; the name applies to the libraries opened from now on."""
        from negotiator.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.setObjectName("preferencesDialog")
        dialog.accepted.connect(lambda: setattr(self, "author", self.settings.get("author") or self.author))
        dialog.open()
        return dialog
