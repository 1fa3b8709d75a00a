"""Drafts of proposals left unfinished: the Propose dialog keeps what was typed when it is closed, by
the place it was opened on (library, agreement, section or term), for as long as the app runs, and
offers it back the next time Propose is opened there."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


@dataclass(frozen=True)
class Draft:
    """What was typed in the dialog (its ``values()`` and the risk share's cells), and when it was kept."""

    values: dict[str, Any]  # the dialog's values(), as typed
    risk_cells: dict[str, str] = field(default_factory=dict)
    kept: datetime = field(default_factory=datetime.now)


# In memory only: a draft is a moment's work, and a rationale half-written should not outlive the session
# on a shared laptop.
_DRAFTS: dict[Hashable, Draft] = {}


def keep(place: Hashable, draft: Draft) -> None:
    """Keep the draft for ``place``, replacing any earlier one."""
    _DRAFTS[place] = draft


def draft_at(place: Hashable) -> Draft | None:
    """The draft kept for ``place``, if any."""
    return _DRAFTS.get(place)


def drop(place: Hashable) -> None:
    """Forget the draft for ``place`` (it was proposed, or discarded)."""
    _DRAFTS.pop(place, None)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProposeDrafts", text)


KEEP_DRAFT, DISCARD, KEEP_EDITING = "draft", "discard", "edit"


def ask_before_closing(parent: QWidget, *, with_draft: bool = True) -> str:
    """Ask what becomes of typed work when the dialog is closed: KEEP_DRAFT (offered ``with_draft``),
    DISCARD or KEEP_EDITING."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Close Without Proposing?"),
                      _tr("You have typed a proposal that has not been made."), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("discardQuestion")
    box.setInformativeText(_tr("Keep it as a draft to finish later (Propose on the same place offers it back), "
                               "discard it, or keep editing.") if with_draft else _tr("Discard it, or keep editing?"))
    draft = box.addButton(_tr("Keep as &Draft"), QMessageBox.ButtonRole.AcceptRole)
    draft.setVisible(with_draft)
    discard = box.addButton(_tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    editing = box.addButton(_tr("&Keep Editing"), QMessageBox.ButtonRole.RejectRole)
    for button, tip in ((draft, _tr("Close, keeping what you typed for next time")),
                        (discard, _tr("Close and throw away what you typed")),
                        (editing, _tr("Go back to the proposal"))):
        button.setToolTip(tip)
    box.setDefaultButton(draft if with_draft else editing)
    box.setEscapeButton(editing)  # a second Escape must not lose anything
    box.exec()
    clicked = box.clickedButton()
    return DISCARD if clicked is discard else KEEP_DRAFT if clicked is draft else KEEP_EDITING
