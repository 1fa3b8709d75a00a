"""How the main window fits the screen it opens on, and how View → Reset Layout puts its panels,
splitters and tabs back where they were at the first launch."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QTabWidget

PREFERRED = QSize(1280, 800)  # the first window on a screen with room for it
# Room left for the window's frame and title bar, which the window's own size does not include.
FRAME = QSize(16, 40)


def first_geometry(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """The first window's place: ``preferred`` or smaller so that it and its frame fit ``available``
    (the screen less its task bars), centred there."""
    room = available.size() - FRAME
    size = preferred.boundedTo(room).expandedTo(QSize(1, 1))
    place = QRect(0, 0, size.width(), size.height())
    place.moveCenter(available.center())
    return place


# The first sizes of the side panels: (side docks, their widths, bottom docks, their heights).
FirstSizes = tuple[list[QDockWidget], list[int], list[QDockWidget], list[int]]


class LayoutDefaults(QObject):
    """The window's layout as it was built, kept to reset to: docks, splitters and tabs."""

    def __init__(self, window: QMainWindow, first_sizes: FirstSizes) -> None:
        super().__init__(window)
        self.window = window
        self.first_sizes = first_sizes  # (side docks, widths, bottom docks, heights)
        self.state = QByteArray()
        self.splitters: list[tuple[QSplitter, QByteArray]] = []

    def capture(self) -> None:
        """Note the layout as built; call before the user's saved layout is restored."""
        self.state = self.window.saveState()
        self.splitters = [(s, s.saveState()) for s in self.window.findChildren(QSplitter)]

    def apply_first_sizes(self) -> None:
        """Give the side and bottom panels their first sizes (once the window has its own size)."""
        sides, widths, bottoms, heights = self.first_sizes
        self.window.resizeDocks(sides, widths, Qt.Orientation.Horizontal)
        self.window.resizeDocks(bottoms, heights, Qt.Orientation.Vertical)

    def reset(self) -> None:
        """Every panel back in its first place and size (closed ones shown again), every splitter back to its
        first division and every tab set back to its first page; the document in front stays in front."""
        window = self.window
        window.restoreState(self.state)
        for dock in window.findChildren(QDockWidget):
            if dock.isFloating():  # a floating panel is not in the saved state's dock areas
                dock.setFloating(False)
            dock.show()
        for splitter, state in self.splitters:
            splitter.restoreState(state)
        central = window.centralWidget()
        for tabs in window.findChildren(QTabWidget):
            if tabs is not central:
                tabs.setCurrentIndex(0)
        proposals = window.findChild(QDockWidget, "proposalsDock")
        if proposals is not None:
            proposals.raise_()  # the first tab of the bottom panels
        self.apply_first_sizes()
