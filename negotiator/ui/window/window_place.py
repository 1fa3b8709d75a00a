"""Where the user was, kept between sessions per library (the open agreement and the view in front),
and the question asked before closing the window over terms not yet applied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from negotiator.domain.errors import InvalidInput
from negotiator.domain.lifecycle import Stage
from negotiator.ui.common.errors import show_error

if TYPE_CHECKING:
    from negotiator.ui.window.main_window import MainWindow


class WindowPlace(QObject):
    """Remembers and restores the open agreement and the view; guards closing with unapplied edits."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.question: QMessageBox | None = None  # asked before closing, not answered yet
        self.closing = False  # the user has answered that the window may close

    def remember(self) -> None:
        """Note, for the open library, the agreement open and the view in front (the central tab, and the
        agreement's own tab: Outline or Positions)."""
        window, workspace = self.window, self.window.workspace
        if workspace is None:
            return
        agreement = window.agreements.current
        view = f"{window.central.currentIndex()}/{window.agreements.view.tabs.currentIndex()}"
        window.settings.put("open_agreement", str(agreement) if agreement is not None else "", workspace.location)
        window.settings.put("current_view", view, workspace.location)

    def restore(self) -> None:
        """Open again the agreement and view noted for the open library, if the agreement is still there."""
        window, workspace = self.window, self.window.workspace
        if workspace is None:
            return
        remembered = str(window.settings.get("open_agreement", workspace.location))
        if remembered and int(remembered) in {a.id for a in workspace.agreements.agreements()}:
            window.agreements.panel.select(int(remembered))
        central, _, tab = str(window.settings.get("current_view", workspace.location)).partition("/")
        page = window.central.widget(int(central)) if central.isdigit() else None
        if page is not None and page is not window.clause_view:  # no clause is remembered to show there
            window.central.setCurrentWidget(page)
        tabs = window.agreements.view.tabs
        if tab.isdigit() and int(tab) < tabs.count():
            tabs.setCurrentIndex(int(tab))

    def may_close(self) -> bool:
        """Whether the window may close now. With terms edited but not applied it may not: the user is asked
        (Save / Discard / Cancel, in a window-modal box that waits for nothing) and the window closes once
        the answer allows it."""
        window = self.window
        editor = window.agreements.view.terms_editor
        if self.closing or window.workspace is None or window.agreements.current is None \
                or not editor.has_unapplied_edits():
            return True
        if self.question is not None:  # already asked
            return False
        title = window.agreements.view.agreement.title if window.agreements.view.agreement else ""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unapplied Terms"),
                          self.tr("The terms of \u2018%1\u2019 have changes that are not applied yet.").replace(
                              "%1", title), QMessageBox.StandardButton.NoButton, window)
        box.setObjectName("unappliedQuestion")
        box.setInformativeText(self.tr("Save them before closing, or discard them?"))
        buttons = QMessageBox.StandardButton
        frozen = window.agreements.stage in (Stage.AGREED, Stage.SIGNED)  # nothing can be saved to it
        box.setStandardButtons((buttons.NoButton if frozen else buttons.Save) | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Cancel if frozen else buttons.Save)
        if window.agreements.negotiating:  # under negotiation the terms change only by proposal
            box.button(buttons.Save).setText(self.tr("Propose…"))
        box.finished.connect(self._answered)
        box.finished.connect(box.deleteLater)
        self.question = box
        box.open()
        return False

    def _answered(self, answer: int) -> None:
        self.question = None
        buttons = QMessageBox.StandardButton
        if answer == buttons.Save and not self._save():
            return
        if answer in (buttons.Save, buttons.Discard):
            self.closing = True
            self.window.close()

    def _save(self) -> bool:
        """Apply the edited terms; False when they could not be (the user has been told why) or when the
        Propose dialog is open for them instead, the window staying for it."""
        window = self.window
        editor = window.agreements.view.terms_editor
        try:
            sheet = editor.sheet()
        except InvalidInput as error:
            show_error(window, self.tr("The terms were not saved"), error)
            return False
        if window.agreements.apply_terms(sheet) is not None:
            return False
        return not editor.has_unapplied_edits()  # still there when saving failed (the error has been shown)
