"""File → Restore from Backup: the library's backups, newest first, or any library file, confirmed before
the library is replaced."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from negotiator.ui.common.errors import show_error

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.session import Workspace

PATH_ROLE = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    """A file size as people read it: ``840 kB``, ``96.2 MB``."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


class RestoreDialog(QDialog):
    """Lists the backups of the open library; ``restore_requested`` carries the file the user confirmed."""

    restore_requested = Signal(object)  # the Path of the backup or library file to restore

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = workspace.backups
        self.library_name = Path(workspace.location).name
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(640, 380)
        caption = QLabel(self.tr("Backups of %1, newest first. One is taken each time the library is opened, "
                                 "and the newest ten are kept. Restoring replaces the library; the library as "
                                 "it is now is backed up first.").replace("%1", self.library_name))
        caption.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        self.list.setToolTip(self.tr("The backups of this library, newest first"))
        self.list.setHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Clauses"), self.tr("Agreements"),
                                   self.tr("Proposals")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda *_: self.confirm_selected())
        self.empty = QLabel(self.tr("There are no backups of this library yet."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a restore takes as long as copying the library twice
        self.progress.setAccessibleName(self.tr("Restoring"))
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setToolTip(self.tr("Replace the library with the selected backup"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.confirm_selected)
        self.choose_button = QPushButton(self.tr("Choose &File…"))
        self.choose_button.setToolTip(self.tr("Restore from a backup or library file kept elsewhere"))
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        """List the backups kept now."""
        self.list.clear()
        for backup in self.service.backups():
            taken = backup.taken_at.astimezone().strftime("%d %b %Y %H:%M:%S")
            counts = [self.tr("?") if n is None else f"{n:,}" for n in
                      (backup.clauses, backup.agreements, backup.proposals)]
            item = QTreeWidgetItem([taken, size_text(backup.size), *counts])
            item.setData(0, PATH_ROLE, backup.path)
            for column in range(1, 5):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(5):
            self.list.resizeColumnToContents(column)
        self.empty.setVisible(self.list.topLevelItemCount() == 0)
        self._selection_changed()

    def select_row(self, row: int) -> None:
        """Select the backup in this row (0: the newest)."""
        item = self.list.topLevelItem(row)
        if item is not None:  # no such row: nothing to select
            self.list.setCurrentItem(item)

    def confirm_selected(self) -> QMessageBox | None:
        """Ask before restoring the selected backup."""
        item = self.list.currentItem()
        if item is None:
            return None
        return self.confirm(item.data(0, PATH_ROLE), self.tr("the backup taken on %1").replace("%1", item.text(0)))

    def choose_file(self) -> None:
        """Restore from a file chosen by the user (checked before anything is asked)."""
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a File"), str(self.service.folder),
                                                self.tr("Negotiator libraries (*.sqlite *.db);;All files (*)"))
        if chosen:
            self.confirm_file(Path(chosen))

    def confirm_file(self, path: Path) -> QMessageBox | None:
        """Check a chosen file is a library this app can restore, then ask before restoring it."""
        try:
            self.service.check_restorable(path)
        except Exception as error:
            show_error(self, self.tr("Nothing was restored"), error)
            return None
        return self.confirm(path, path.name)

    def confirm(self, path: Path, described: str) -> QMessageBox:
        """The question before the library is replaced; answering Restore sends ``restore_requested``."""
        box = QMessageBox(self)
        box.setObjectName("confirmRestoreDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore from Backup"))
        box.setText(self.tr("Replace the library %1 with %2?").replace("%1", self.library_name)
                    .replace("%2", described))
        box.setInformativeText(self.tr("Everything written since then will be gone from the library. A backup of "
                                       "the library as it is now is kept first, so you can go back to it."))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("confirmRestoreButton")
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))  # replacing is never the default
        box.buttonClicked.connect(lambda button: self._start(path) if button is restore else None)
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def restore_failed(self) -> None:
        """The library was not replaced (the window shows why): let the user try again."""
        self.progress.hide()
        self.list.setEnabled(True)
        self.choose_button.setEnabled(True)
        self.reload()

    def _start(self, path: Path) -> None:
        self.progress.show()
        self.list.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.restore_requested.emit(path)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None and not self.progress.isVisible())
