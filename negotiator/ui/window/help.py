"""Help for the user: the user guide window, the About box and the log folder."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import negotiator
from negotiator.locations import log_dir, resources_dir

GUIDE_NAME = "user-guide.md"


def guide_candidates() -> list[Path]:
    """Where the user guide may be: beside the resources of an installed build, then in the source tree."""
    return [resources_dir() / "docs" / GUIDE_NAME, resources_dir().parent / "docs" / GUIDE_NAME]


def guide_path() -> Path | None:
    """The user guide file, or None when it is in none of the places it may be."""
    return next((path for path in guide_candidates() if path.is_file()), None)


class UserGuide(QDialog):
    """A window showing the user guide, with a search box; it does not block the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("Negotiator User Guide"))
        self.setModal(False)
        self.resize(760, 640)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find in the guide (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Find in the user guide"))
        self.search.setToolTip(self.tr("Type a word and press Enter to find the next place it appears"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search.textEdited.connect(self._find_as_typed)
        previous = QPushButton(self.tr("&Previous"))
        previous.setAccessibleName(self.tr("Find previous"))
        previous.setToolTip(self.tr("Go to the place before this one"))
        previous.clicked.connect(self.find_previous)
        following = QPushButton(self.tr("&Next"))
        following.setAccessibleName(self.tr("Find next"))
        following.setToolTip(self.tr("Go to the next place (Enter)"))
        following.clicked.connect(self.find_next)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Search result"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setToolTip(self.tr("How to draft, negotiate and exchange agreements with Negotiator"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the user guide"))
        close.setToolTip(self.tr("Close this window"))
        buttons.rejected.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(previous)
        bar.addWidget(following)
        bar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        self.path = guide_path()
        self._load()

    def _load(self) -> None:
        if self.path is None:
            expected = guide_candidates()[-1]
            self.browser.setPlainText(
                self.tr("The user guide could not be found. It should be the file %1. "
                        "The rest of Negotiator works as usual; please tell your support contact.")
                .replace("%1", str(expected)))
            return
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.browser.setPlainText(self.tr("The user guide %1 could not be read: %2")
                                      .replace("%1", str(self.path)).replace("%2", str(error)))
            return
        self.browser.setMarkdown(text)

    def focus_search(self) -> None:
        """Put the cursor in the search box, with its text selected for typing over."""
        self.search.setFocus()
        self.search.selectAll()

    def find_next(self) -> bool:
        """Select the next place the search text appears, going back to the top after the end."""
        return self.find_text(self.search.text())

    def find_previous(self) -> bool:
        """Select the place before this one, going round to the end after the top."""
        return self.find_text(self.search.text(), backward=True)

    def find_text(self, text: str, backward: bool = False) -> bool:
        """Select ``text`` from the current place on, wrapping round; say whether it was found."""
        if not text:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.browser.find(text, flags)
        if not found:
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.status.setText("" if found else self.tr("Not found"))
        return found

    def _find_as_typed(self, text: str) -> None:
        # Search again from where the last match began, so the selection grows as the word is typed.
        cursor = self.browser.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.browser.setTextCursor(cursor)
        self.find_text(text)


def show_user_guide(parent: QWidget) -> UserGuide:
    """Show the user guide beside ``parent``, bringing back the window already open if there is one."""
    guide = parent.findChild(UserGuide, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if guide is None:
        guide = UserGuide(parent)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def _sqlalchemy_version() -> str:
    # Read from the installed package's metadata: the ui layer may not import SQLAlchemy itself. Loaded only
    # when the About box is shown: reading package metadata costs start-up time.
    from importlib import metadata

    try:
        return metadata.version("sqlalchemy")
    except metadata.PackageNotFoundError:
        return _tr("not installed")


def about_text(schema_revision: str | None) -> str:
    """Rich text for the About box: the app's version, the versions it runs on and the library's schema."""

    schema = escape(schema_revision) if schema_revision else escape(_tr("no library open"))
    rows = [
        (_tr("Qt"), qVersion()),
        (_tr("PySide6"), PySide6.__version__),
        (_tr("SQLAlchemy"), _sqlalchemy_version()),
        (_tr("Python"), platform.python_version()),
    ]
    listed = "".join(f"<tr><td>{escape(name)}</td><td>{escape(value)}</td></tr>" for name, value in rows)
    return (f"<p><b>{escape(negotiator.APP_NAME)}</b> {escape(negotiator.__version__)}</p>"
            f"<p>{escape(_tr('Negotiate integrated-care agreements offline, with Word redlines.'))}</p>"
            f"<table>{listed}<tr><td>{escape(_tr('Library schema'))}</td><td>{schema}</td></tr></table>")


def show_about(parent: QWidget, schema_revision: str | None) -> QMessageBox:
    """Show the About box over ``parent`` without blocking it; the user closes it with OK."""
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(_tr("About Negotiator"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(schema_revision))
    box.setAccessibleName(_tr("About Negotiator"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def open_log_folder() -> Path:
    """Open the folder holding the log in the system's file manager, creating it if need be."""
    path = log_dir()
    path.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
