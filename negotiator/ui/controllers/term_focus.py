"""Showing one term in the terms editor: its page, and the field or risk-share cell that holds it, so
that a change chosen in the review pane or the proposals panel can be looked at where it is edited."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from negotiator.domain.excess_bearer import EXCESS_BEARER
from negotiator.ui.panels.terms_editor import TermsEditor

_PAGES = {"risk_share": 0, "duration": 1, "payment": 2}
# Term name -> the editor's attribute that edits it (derived end dates show beside what sets them).
_FIELDS = {
    "risk_share.corridor": "corridor", "duration.start": "start", "duration.initial_term": "initial_term",
    "duration.extension_count": "extension_count", "duration.extension_months": "extension_months",
    "duration.extensions": "extension_count", "duration.notice": "notice", "duration.end": "initial_term",
    "duration.latest_end": "extension_count", "payment.mechanism": "mechanism",
    "payment.annual_value": "annual_value", "payment.variable_part": "variable_part",
    "payment.quality_incentive": "quality_incentive", "payment.days": "days", "payment.invoicing": "invoicing",
    "payment.indexation": "indexation", "payment.pooled_fund": "pooled_fund",
}
_SHARE_COLUMNS = {"gain": 1, "loss": 2, "cap": 3}


def show_term(editor: TermsEditor, name: str) -> QWidget | None:
    """Turn the editor to the page of term ``name`` and select its field or cell; returns the widget that
    holds it (for the caller to put the keyboard there), or None when the editor has no such term."""
    page = _PAGES.get(name.split(".", 1)[0])
    if page is None:
        return None
    editor.tabs.setCurrentIndex(page)
    widget = _widget_for(editor, name)
    if widget is not None:
        _scroll_to(widget)
    return widget


def _widget_for(editor: TermsEditor, name: str) -> QWidget | None:
    if name == EXCESS_BEARER:
        return editor.risk_editor.bearer
    if name in _FIELDS:
        return getattr(editor, _FIELDS[name], None)
    parts = name.split(".")
    if parts[0] == "risk_share" and len(parts) == 3 and parts[2] in _SHARE_COLUMNS:
        row = editor.risk_model.row_of(parts[1])
        if row is None:
            return editor.risk_table
        index: QModelIndex = editor.risk_model.index(row, _SHARE_COLUMNS[parts[2]])
        editor.risk_table.setCurrentIndex(index)
        editor.risk_table.scrollTo(index)
        return editor.risk_table
    if name.startswith("payment.contribution."):
        return editor.contribution_field(name.removeprefix("payment.contribution."))
    return None


def _scroll_to(widget: QWidget) -> None:
    """Bring the field into view on its scrolling page."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is not None and hasattr(parent, "ensureWidgetVisible"):
        parent.ensureWidgetVisible(widget)
