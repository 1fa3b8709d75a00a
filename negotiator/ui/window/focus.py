"""Moving the keyboard focus between the window's panels (F6 and Shift+F6, as in most desktop apps),
so that the whole negotiation can be worked without a mouse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

if TYPE_CHECKING:
    from negotiator.ui.window.main_window import MainWindow


def panels(window: MainWindow) -> list[QWidget]:
    """The panels in the order F6 visits them, each as the control that takes the focus; hidden ones are skipped."""
    library = window.library_panel
    search_shown = library.stack.currentWidget() is library.results
    central = window.central.currentWidget()
    view = window.agreements.view
    main = (view.outline if view.tabs.currentIndex() == 0 else view.tabs.currentWidget()) if central is view \
        else central
    candidates = [library.search_box, library.results if search_shown else library.tree,
                  window.agreements.panel.tree, main, view.terms_editor.tabs, window.negotiation.panel.table,
                  window.review.pane.list, window.views.history.table, window.agreements.findings]
    return [w for w in candidates if _open(w) and w.isEnabled()]


def _open(widget: QWidget) -> bool:
    """Shown, or in a dock the user has not closed (a dock tabbed behind another counts as open)."""
    dock = _dock_of(widget)
    if dock is None:
        return widget.isVisible()
    return dock.toggleViewAction().isChecked() and widget.isVisibleTo(dock)


def _panel_of(widget: QWidget | None, order: list[QWidget]) -> int:
    while widget is not None:
        if widget in order:
            return order.index(widget)
        widget = widget.parentWidget()
    return -1


def cycle(window: MainWindow, step: int) -> QWidget | None:
    """Give the focus to the next (``step`` 1) or previous (-1) panel; returns the widget focused."""
    order = panels(window)
    if not order:
        return None
    here = _panel_of(QApplication.focusWidget(), order)
    target = order[(here + step) % len(order)] if here >= 0 else order[0 if step > 0 else -1]
    _raise_dock_of(target)
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return target


def _dock_of(widget: QWidget) -> QDockWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent


def _raise_dock_of(widget: QWidget) -> None:
    """A panel tabbed behind another (Proposals behind Findings) comes to the front when visited."""
    dock = _dock_of(widget)
    if dock is not None:
        dock.raise_()


def focus_terms(window: MainWindow) -> QWidget | None:
    """Show the open agreement's terms and put the cursor in its first field."""
    view = window.agreements.view
    if view.agreement is None:
        return None
    window.show_agreement_tab()  # the terms beside the wording that refers to them
    window.terms_dock.show()
    window.terms_dock.raise_()
    page = view.terms_editor.tabs.currentWidget()
    field = page.nextInFocusChain()  # the chain is a ring: it comes back round to the page, never to None
    while field is not None and field is not page and not (page.isAncestorOf(field) and field.isVisible()
                                                           and field.focusPolicy() & Qt.FocusPolicy.TabFocus):
        field = field.nextInFocusChain()
    target = field if field is not None and field is not page else view.terms_editor.tabs
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return target


class PanelFocus(QObject):
    """The window's keyboard moves between panels, as actions of the View menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def next(self) -> None:
        """F6: the keyboard focus moves on to the next panel."""
        cycle(self.window, 1)

    def previous(self) -> None:
        """Shift+F6: the keyboard focus moves back to the previous panel."""
        cycle(self.window, -1)

    def show(self, widget: QWidget) -> None:
        """Put the keyboard focus in ``widget``, bringing forward the panel it is in."""
        _raise_dock_of(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def terms(self) -> None:
        """Show the open agreement's terms, with the cursor in the first field."""
        focus_terms(self.window)
