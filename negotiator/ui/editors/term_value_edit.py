"""One term's proposed value, edited as its kind asks: money and percentages as exact text (never a float),
a date in a date field, days and months in a counter, a choice from its list. The Propose dialog shows
the one that fits the chosen term and reads it back as the text proposals hold ("30", "2027-04-01")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox, QStackedWidget, QVBoxLayout, QWidget

from negotiator.domain.term_words import term_kind
from negotiator.domain.terms import Indexation, InvoicingFrequency, PaymentMechanism
from negotiator.domain.terms_rules import TermProblem
from negotiator.ui.common.widgets import python_date
from negotiator.ui.editors.term_texts import INDEXATION, INVOICING, MECHANISMS
from negotiator.ui.models.risk_share_model import read_value

_Words = Mapping[PaymentMechanism, str] | Mapping[InvoicingFrequency, str] | Mapping[Indexation, str]
_CHOICES: dict[str, _Words] = {"mechanism": MECHANISMS, "invoicing": INVOICING, "indexation": INDEXATION}
_NOT_AGREED = QDate(1900, 1, 1)  # the date field's "not agreed yet", as the terms editor's start date allows
_TEXT_HINTS = {"money": "e.g. 48,000,000 or 48m", "percent": "e.g. 2.5"}


class TermValueEdit(QWidget):
    """The proposed value of one term; ``edited`` fires on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self._kind = "money"
        self._label = ""
        self.parties: list[str] = []  # the names a term that names a party chooses from
        self.line = QLineEdit()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setDateRange(_NOT_AGREED, QDate(2999, 12, 31))
        self.date.setSpecialValueText(self.tr("Not agreed yet"))
        self.count = QSpinBox()
        self.count.setRange(0, 600)
        self.choice = QComboBox()
        self.stack = QStackedWidget()
        for editor in (self.line, self.date, self.count, self.choice):
            self.stack.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.line.textChanged.connect(self.edited)
        self.date.dateChanged.connect(self.edited)
        self.count.valueChanged.connect(self.edited)
        self.choice.currentIndexChanged.connect(self.edited)
        self._name_all()

    def _name_all(self, label: str = "") -> None:
        """Every editor is named, the hidden ones too, so a screen reader never meets a nameless field."""
        name = self.tr("Proposed value of %1").replace("%1", label) if label else self.tr("Proposed value")
        tips = {self.line: self.tr("Type the amount or percentage; it is checked as you type"),
                self.date: self.tr("The proposed date; the arrow opens a calendar"),
                self.count: self.tr("The proposed number; the arrow keys step it"),
                self.choice: self.tr("Choose the proposed value from the list")}
        for editor, tip in tips.items():
            editor.setAccessibleName(name)
            editor.setToolTip(tip)
        self.stack.setAccessibleName(name)
        self.stack.setToolTip(self.tr("The proposed value, in the form its term takes"))

    def set_term(self, name: str, current: str, label: str) -> None:
        """Edit term ``name`` (called ``label`` in words), starting from its ``current`` value as text."""
        self._name, self._kind, self._label = name, term_kind(name), label
        kind = self._kind
        self._name_all(label)
        if kind in _CHOICES:
            blocked = self.choice.blockSignals(True)  # one change, announced by setText below
            self.choice.clear()
            self.choice.addItem(self.tr("Not chosen yet"), "")
            for value, words in _CHOICES[kind].items():
                self.choice.addItem(self.tr(words), str(value))
            self.choice.blockSignals(blocked)
            editor: QWidget = self.choice
        elif kind == "party":  # who carries losses above a cap: the others in proportion, or a party
            blocked = self.choice.blockSignals(True)
            self.choice.clear()
            self.choice.addItem(self.tr("The other parties, in proportion to their loss shares"), "")
            for party in self.parties:
                self.choice.addItem(party, party)
            self.choice.blockSignals(blocked)
            editor = self.choice
        elif kind == "date":
            editor = self.date
        elif kind in ("days", "months", "count"):
            suffix = {"days": self.tr(" days"), "months": self.tr(" months"), "count": ""}[kind]
            self.count.setSuffix(suffix)
            self.count.setSpecialValueText(self.tr("None") if kind == "count" else self.tr("Not set"))
            editor = self.count
        else:
            self.line.setPlaceholderText(self.tr(_TEXT_HINTS.get(kind, "")))
            editor = self.line
        self.stack.setCurrentWidget(editor)
        self.setFocusProxy(editor)  # Tab onto the value lands in the editor that shows
        self.setText(current)

    def editor(self) -> QWidget:
        """The editor that shows for the current term."""
        return cast(QWidget, self.stack.currentWidget())  # never None: the stack holds its editors from the start

    def text(self) -> str:
        """The value as proposals hold it: "" when cleared or not set."""
        shown = self.stack.currentWidget()
        if shown is self.choice:
            return str(self.choice.currentData() or "")
        if shown is self.date:
            day = self.date.date()
            return "" if day == _NOT_AGREED else python_date(day).isoformat()
        if shown is self.count:
            return str(self.count.value()) if self.count.value() else ""
        return self.line.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - reads like the QLineEdit it replaced
        """Show a value given as text ("30", "2027-04-01", "blended", "48,000,000")."""
        shown, text = self.stack.currentWidget(), text.strip()
        if shown is self.choice:
            self.choice.setCurrentIndex(max(0, self.choice.findData(text if self._kind == "party" else text.lower())))
        elif shown is self.date:
            try:
                day = date.fromisoformat(text)
                self.date.setDate(QDate(day.year, day.month, day.day))
            except ValueError:  # not a date (or empty): the field says "not agreed yet"
                self.date.setDate(_NOT_AGREED)
        elif shown is self.count:
            digits = text.split()[0] if text else "0"
            self.count.setValue(int(digits) if digits.isdigit() else 0)
        else:
            self.line.setText(text)

    def problem(self) -> str | None:
        """Why the typed money or percentage cannot be read, in words; None when it can."""
        if self.stack.currentWidget() is not self.line or not self._name:
            return None
        problems: list[TermProblem] = []
        read_value(self._name, "money" if self._kind not in ("money", "percent") else self._kind,
                   self.line.text(), problems, self._label)
        return problems[0].message if problems else None
