"""Backups in the window: the rolling backup after a library opens, File → Back Up Library Now, and
File → Restore from Backup."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer

from negotiator.ui.common.background import Job, run_with_progress
from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost

if TYPE_CHECKING:  # the dialog loads when first asked for, not while the window starts
    from negotiator.services.session import Workspace
    from negotiator.ui.dialogs.restore_dialog import RestoreDialog

log = logging.getLogger(__name__)

# The rolling backup starts a moment after the library opens, so copying a large library never
# competes with filling the window; a window closed sooner has nothing new to back up.
ROLLING_DELAY_MS = 1500

_V = TypeVar("_V")


class BackupController(QObject):
    """Takes the rolling backup of each library the window opens, and restores a backup on request."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.tasks: list[Job] = []  # running, until they report back
        self.dialog: RestoreDialog | None = None
        self._restored: str | None = None  # the library just restored: its contents are a backup already

    def library_opened(self, workspace: Workspace, delay_ms: int = ROLLING_DELAY_MS) -> None:
        """Schedule the rolling backup of a library the window has just opened (a new one has nothing to keep)."""
        location = workspace.location
        if workspace.clauses.is_new or location == self._restored:
            self._restored = None
            return
        service = workspace.backups
        QTimer.singleShot(delay_ms, self, lambda: self._run(service.rolling_backup, self._backed_up,
                                                            self._backup_failed))

    def back_up_now(self) -> Job | None:
        """File → Back Up Library Now: a new rolling backup, in the background."""
        workspace = self.window.workspace
        if workspace is None:
            return None
        service = workspace.backups

        def done(taken: object) -> None:
            self.window.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(taken)))

        def failed(error: BaseException) -> None:
            show_error(self.window, self.tr("The library was not backed up"), error)
        return run_with_progress(self.window, self.tr("Backing up the library…"),
                                 lambda _cancelled: service.backup_now(), done, failed)

    def restore_dialog(self) -> RestoreDialog | None:
        """File → Restore from Backup: the open library's backups, newest first."""
        from negotiator.ui.dialogs.restore_dialog import RestoreDialog

        workspace = self.window.workspace
        if workspace is None:
            return None
        try:
            dialog = RestoreDialog(workspace, self.window)
        except Exception as error:
            show_error(self.window, self.tr("The backups could not be listed"), error)
            return None
        dialog.setObjectName("restoreDialog")
        dialog.restore_requested.connect(self.restore)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def restore(self, source: Path) -> None:
        """Close the library, replace it with ``source`` in the background, then reopen it."""
        workspace = self.window.workspace
        if workspace is None:
            return
        service, location = workspace.backups, workspace.location
        self.window.set_workspace(None)  # nothing reads the library while it is being replaced
        self.window.statusBar().showMessage(self.tr("Restoring the library…"))
        self._run(lambda: service.restore(source),
                  lambda safety: self._reopen(location, source, safety, None),
                  lambda error: self._reopen(location, source, None, error))

    def _reopen(self, location: str, source: Path, safety: Path | None, error: BaseException | None) -> None:
        self._restored = location if error is None else None
        opened = self.window.open_library(location)
        dialog, self.dialog = self.dialog, None
        if error is not None:
            if dialog is not None:
                dialog.restore_failed()
                self.dialog = dialog
            show_error(dialog or self.window, self.tr("The library was not restored"), error)
            return
        if dialog is not None:
            dialog.accept()
        if opened:
            kept = self.tr(" The library as it was is kept in %1.").replace("%1", str(safety.parent)) if safety else ""
            self.window.statusBar().showMessage(self.tr("Restored from %1.").replace("%1", source.name) + kept)

    def _run(self, work: Callable[[], _V], done: Callable[[_V], None],
             failed: Callable[[BaseException], None]) -> None:
        """Run ``work`` in the background; ``tasks`` lists what has not reported back yet."""
        holder: list[Job] = []
        job = Job(self, lambda _cancelled: work(), lambda result: self._end(holder[0], done, result),
                  lambda error: self._end(holder[0], failed, error))
        holder.append(job)
        self.tasks.append(job)
        job.start()

    def _end(self, job: Job, handler: Callable[[_V], None], value: _V) -> None:
        self.tasks.remove(job)
        handler(value)

    def _backed_up(self, taken: Path | None) -> None:
        if taken is not None:
            log.info("rolling backup: %s", taken)

    def _backup_failed(self, error: BaseException) -> None:
        log.warning("rolling backup failed: %s", error)
        self.window.statusBar().showMessage(self.tr("The library could not be backed up: %1").replace("%1", str(error)))

