"""A part of the window built only when the user first looks at it.

The window starts with most of its tabs and docked panels out of sight: the positions matrix, the
scenarios, the review pane and the history. Building them (and loading their modules) before
the first paint would keep the user waiting for parts they may never open. A :class:`DeferredPage` holds
the place of such a part in its tab or dock and builds it the first time it comes on screen, or the
first time the code asks for it, whichever comes first. Once built it is the part itself, as if it had
been there all along.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget


class DeferredPage(QWidget):
    """Holds the place of a part that ``build`` makes on first sight or first use."""

    def __init__(self, build: Callable[[], QWidget], built: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        """``built`` runs once the part is in place (to fill it with what it should show by then)."""
        super().__init__(parent)
        self._build = build
        self._built = built
        self._content: QWidget | None = None
        self._docked = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        """Whether the part has been made (it has been seen, or asked for)."""
        return self._content is not None

    def content(self) -> QWidget:
        """The part, made now if it was not yet."""
        if self._content is None:
            content = self._build()
            self._content = content
            self._layout.addWidget(content)
            self.setFocusProxy(content)  # the keyboard given to the page goes to the part
            if self.isVisible():
                content.show()  # on screen at once, not at the next turn of the event loop
            if self._built is not None:
                self._built()
        return self._content

    def watch(self, dock: QDockWidget) -> None:
        """Make the part when ``dock``, which holds the page, comes in front. A docked panel tabbed behind
        another counts as shown to Qt, so a show is not enough: the page must also have room on screen
        once the window has laid it out."""
        self._docked = True
        dock.visibilityChanged.connect(self._dock_shown)

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            self._look_soon()

    def _look_soon(self) -> None:
        # Once the window has laid the page out; with the page as the timer's context, so that a window
        # closed meanwhile cancels the look rather than reach a deleted page.
        QTimer.singleShot(0, self, self._make_if_seen)

    def _make_if_seen(self) -> None:
        if not self.built and self.isVisible() and not self.visibleRegion().isEmpty():
            self.content()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        """The page comes on screen: the part is made if it was not yet (in a dock, once it is seen)."""
        if self._docked:
            self._look_soon()
        else:
            self.content()
        super().showEvent(event)
