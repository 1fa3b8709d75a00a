"""Errors as dialogs in plain words, with the technical text behind "Show Details"."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from negotiator.domain.errors import NegotiatorError

log = logging.getLogger(__name__)


def error_box(parent: QWidget | None, action: str, error: BaseException) -> QMessageBox:
    """Build (without showing) the dialog that explains why an action failed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Negotiator") if parent else "Negotiator")
    if isinstance(error, NegotiatorError):
        box.setText(f"{action}: {error}")
    else:
        log.error("unexpected error during %s", action, exc_info=error)
        box.setText(f"{action}: something unexpected went wrong. Nothing was changed. "
                    "Please try again; if it keeps happening, send the details to your support contact.")
        box.setDetailedText("".join(traceback.format_exception(error)))
    return box


def show_error(parent: QWidget | None, action: str, error: BaseException) -> QMessageBox:
    """Show the dialog over the window without blocking it (the user closes it with OK)."""
    box = error_box(parent, action, error)
    box.setObjectName("errorDialog")
    box.setAccessibleName(box.tr("Problem"))
    box.finished.connect(box.deleteLater)
    box.open()
    return box
