"""The parts of the main window about who is at the laptop and what they open: the acting party, the
demo, recent libraries and the command palette."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMainWindow

from negotiator.domain.errors import InvalidInput
from negotiator.ui.command_palette import CommandPalette
from negotiator.ui.errors import show_error
from negotiator.ui.preferences import PreferencesDialog

DEMO_ALLIANCE = "Northshire Ageing Well Alliance Agreement"


class SessionMixin(QMainWindow):
    """Mixed into MainWindow, which provides workspace, settings, agreements and the menus."""

    def set_acting_party(self, name: str) -> bool:
        """Act for a party of this library (remembered for the library); refuse an unknown name."""
        if self.workspace is None:
            return False
        try:
            party = next(p for p in self.workspace.agreements.parties()
                         if name.strip().lower() in (p.name.lower(), p.short_name.lower()))
        except StopIteration:
            show_error(self, self.tr("The acting party was not changed"),
                       InvalidInput(f"There is no party called '{name}' in this library."))
            return False
        self.acting_party = party.name
        self.settings.put("acting_party", party.name, self.workspace.location)
        self._update_title()
        self.refresh_negotiation()
        return True

    def act_for(self) -> None:
        """Ask which party the user acts for."""
        if self.workspace is None:
            return
        names = [p.name for p in self.workspace.agreements.parties()]
        if not names:
            return
        current = names.index(self.acting_party) if self.acting_party in names else 0
        name, ok = QInputDialog.getItem(self, self.tr("Act For"), self.tr("You propose and decide for:"), names,
                                        current, False)
        if ok:
            self.set_acting_party(name)

    def open_demo(self) -> None:
        """Show the demo negotiation, adding it to the library first if it is not there."""
        if self.workspace is None:
            return
        titles = {a.title: a.id for a in self.workspace.agreements.agreements()}
        if DEMO_ALLIANCE not in titles:
            try:
                if not self.workspace.clauses.clauses():
                    from negotiator.locations import starter_library_file

                    self.workspace.clauses.import_file(starter_library_file())
                self.workspace.create_demo()
            except Exception as error:
                show_error(self, self.tr("The demo could not be added"), error)
                return
            self.refresh_negotiation()
            titles = {a.title: a.id for a in self.workspace.agreements.agreements()}
        self.agreements.panel.select(titles[DEMO_ALLIANCE])

    def _fill_recent(self) -> None:
        """The File → Open Recent menu, newest first."""
        self.recent_menu.clear()
        recent = self.settings.get("recent_libraries")
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
        dialog = PreferencesDialog(self.settings, self)
        dialog.setObjectName("preferencesDialog")
        dialog.accepted.connect(lambda: setattr(self, "author", self.settings.get("author") or self.author))
        dialog.open()
        return dialog
