"""The terms sheet editor of one agreement: risk share, duration and payment, checked as the user types.

The editor never saves: Apply hands the edited TermsSheet to its owner, which saves it and records undo.
Money is read from text into whole pence and percentages into Decimals, never through float.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain import legal_english as say
from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import party_slug
from negotiator.domain.term_words import term_label
from negotiator.domain.terms import (
    Duration,
    Indexation,
    InvoicingFrequency,
    Payment,
    PaymentMechanism,
    TermsSheet,
)
from negotiator.domain.terms_rules import TermProblem, terms_problems
from negotiator.ui.common.widgets import python_date, scrolling
from negotiator.ui.editors.risk_share_editor import RiskShareEditor
from negotiator.ui.editors.term_texts import INDEXATION, INVOICING, MECHANISMS
from negotiator.ui.models.risk_share_model import money_text, percent_text, read_value

Choice = TypeVar("Choice", bound=StrEnum)  # a payment term's choices: its mechanism, invoicing or indexation

def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TermsEditor(QWidget):
    """Edits the terms sheet of one agreement; Apply emits the edited sheet for the owner to save."""

    changed = Signal()
    apply_requested = Signal(object)  # the edited TermsSheet

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parties: dict[int, Party] = {}
        self._slugs: dict[int, str] = {}
        self._loaded = TermsSheet()
        self._loading = False
        self._contributions: dict[int, QLineEdit] = {}
        self._contribution_order: list[int] = []
        self._frozen = False  # the agreement is agreed or signed: nothing can be applied
        self.empty_label = QLabel(self.tr("Choose an agreement to edit its terms."))
        self.empty_label.setObjectName("termsEmpty")
        self.title_label = QLabel()
        self.title_label.setObjectName("termsTitle")
        self.tabs = QTabWidget()
        # Each page scrolls, so the window fits a small laptop screen however many parties there are.
        self.tabs.addTab(scrolling(self._risk_page()), self.tr("Risk share"))
        self.tabs.addTab(scrolling(self._duration_page()), self.tr("Duration"))
        self.tabs.addTab(scrolling(self._payment_page()), self.tr("Payment"))
        self.problems_heading = QLabel()
        self.problems = QListWidget()
        self.problems.setObjectName("termsProblems")
        self._name(self.problems, "Problems with these terms", "Each rule the terms break; fix them to apply")
        self.problems.setMaximumHeight(120)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("applyTerms")
        self._name(self.apply_button, "Apply terms", "Use these terms in the agreement (it can be undone)")
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revertTerms")
        self._name(self.revert_button, "Revert terms", "Throw away these edits and show the agreement's terms")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.title_label, 0), (self.tabs, 1), (self.problems_heading, 0),
                                (self.problems, 0)):
            column.addWidget(widget, stretch)
        column.addLayout(buttons)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(page)
        QVBoxLayout(self).addWidget(self.stack)
        self.apply_button.clicked.connect(self._apply)
        self.revert_button.clicked.connect(self.revert)
        self.clear()

    def _name(self, widget: QWidget, name: str, tip: str) -> QWidget:
        widget.setAccessibleName(self.tr(name))
        widget.setToolTip(self.tr(tip))
        return widget

    def _line(self, name: str, tip: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(self.tr(placeholder))
        self._name(line, name, tip)
        line.textChanged.connect(self._edited)
        return line

    def _spin(self, name: str, tip: str, most: int, unset: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, most)
        spin.setSpecialValueText(self.tr(unset))
        self._name(spin, name, tip)
        spin.valueChanged.connect(self._edited)
        return spin

    def _combo(self, name: str, tip: str, labels: Mapping[Choice, str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Not chosen yet"), "")
        for value, label in labels.items():
            combo.addItem(self.tr(label), str(value))
        self._name(combo, name, tip)
        combo.currentIndexChanged.connect(self._edited)
        return combo

    def _risk_page(self) -> QWidget:
        self.risk_editor = RiskShareEditor()
        # The editor's parts by the names the rest of the terms editor (and its tests) use.
        self.risk_model, self.risk_table = self.risk_editor.model, self.risk_editor.table
        self.total_label, self.corridor = self.risk_editor.total_label, self.risk_editor.corridor
        self.risk_editor.edited.connect(self._edited)
        return self.risk_editor

    def _duration_page(self) -> QWidget:
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMMM yyyy")
        self.start.setDateRange(QDate(1900, 1, 1), QDate(2999, 12, 31))
        self._name(self.start, "Start date", "The day the agreement starts")
        self.start.dateChanged.connect(self._edited)
        self.start_unset = QCheckBox(self.tr("Not agreed yet"))
        self._name(self.start_unset, "Start date not agreed yet", "Tick while the start date is still open")
        self.start_unset.toggled.connect(lambda unset: self.start.setEnabled(not unset))
        self.start_unset.toggled.connect(self._edited)
        self.initial_term = self._spin("Initial term (months)", "Length of the initial term in months", 600, "Not set")
        self.extension_count = self._spin("Extension options", "How many times the term may be extended", 20, "None")
        self.extension_months = self._spin("Each extension (months)", "Length of each extension in months", 600,
                                           "Not set")
        self.notice = self._spin("No-fault notice (months)", "Notice to end the agreement without fault, in months",
                                 600, "Not set")
        self.initial_end = QLabel()
        self._name(self.initial_end, "Initial term ends", "The last day of the initial term")
        self.latest_end = QLabel()
        self._name(self.latest_end, "Latest end with all extensions", "The last day if every extension is taken")
        starts = QHBoxLayout()
        starts.addWidget(self.start, 1)
        starts.addWidget(self.start_unset)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Start date"), starts)
        for label, widget in (("Initial term (months)", self.initial_term), ("Extension options", self.extension_count),
                              ("Each extension (months)", self.extension_months),
                              ("No-fault notice (months)", self.notice), ("Initial term ends", self.initial_end),
                              ("Latest end with all extensions", self.latest_end)):
            form.addRow(self.tr(label), widget)
        return page

    def _payment_page(self) -> QWidget:
        self.mechanism = self._combo("Payment mechanism", "How the provider is paid", MECHANISMS)
        self.annual_value = self._line("Annual contract value (£)", "The value of one contract year, in pounds",
                                       "e.g. 48,000,000 or 48m")
        self.variable_part = self._line("Variable (at-risk) part %", "The part of the value that depends on "
                                        "performance, in per cent", "e.g. 10")
        self.quality_incentive = self._line("Quality incentive %", "The quality incentive, in per cent of the "
                                            "value", "e.g. 1.25")
        self.days = self._spin("Pay invoices within (days)", "Days allowed to pay an invoice", 365, "Not set")
        self.invoicing = self._combo("Invoicing", "How often invoices are raised", INVOICING)
        self.indexation = self._combo("Indexation", "How the value moves from year to year", INDEXATION)
        self.pooled_fund = self._line("Pooled fund (£)", "The pooled fund, in pounds; leave empty for none",
                                      "e.g. 2,000,000")
        self.contributions_box = QGroupBox(self.tr("Contributions to the pooled fund (£)"))
        self.contributions_box.setToolTip(self.tr("What each party puts into the pooled fund; they must add up "
                                                  "to the pooled fund"))
        self._contributions_form = QFormLayout(self.contributions_box)
        page = QWidget()
        form = QFormLayout(page)
        for label, widget in (("Payment mechanism", self.mechanism), ("Annual contract value (£)", self.annual_value),
                              ("Variable (at-risk) part %", self.variable_part),
                              ("Quality incentive %", self.quality_incentive),
                              ("Pay invoices within (days)", self.days), ("Invoicing", self.invoicing),
                              ("Indexation", self.indexation), ("Pooled fund (£)", self.pooled_fund)):
            form.addRow(self.tr(label), widget)
        form.addRow(self.contributions_box)
        return page

    # Loading ---------------------------------------------------------------------------------

    def _names(self) -> dict[int, str]:
        """Each party's name, for messages that name its terms."""
        return {pid: party.name for pid, party in self._parties.items()}

    def set_agreement(self, title: str, parties: Mapping[int, Party], sheet: TermsSheet) -> None:
        """Edit the terms of this agreement; ``parties`` are its signatories by party id."""
        self._parties = dict(parties)
        self._slugs = {pid: party_slug(party) for pid, party in self._parties.items()}
        self._loaded = sheet
        self.title_label.setText(self.tr("Terms of {title}").format(title=title))
        self.stack.setCurrentIndex(1)
        self._write(sheet)

    def clear(self) -> None:
        """Edit nothing: show only the prompt to choose an agreement."""
        self._parties, self._slugs, self._loaded = {}, {}, TermsSheet()
        self.title_label.clear()
        self.stack.setCurrentIndex(0)
        self._write(self._loaded)

    def set_mode(self, mode: str, why: str = "") -> None:
        """What Apply does at the agreement's stage: "apply" the terms (drafting), "propose" them (in
        negotiation), or nothing ("frozen": agreed or signed), ``why`` saying so on the button."""
        self._frozen = mode == "frozen"
        if mode == "propose":
            self.apply_button.setText(self.tr("Propose…"))
            self._name(self.apply_button, "Propose terms", "Propose these values in the name of the party you act "
                       "for; they take effect when accepted")
        else:
            self.apply_button.setText(self.tr("Apply"))
            self._name(self.apply_button, "Apply terms", "Use these terms in the agreement (it can be undone)")
            if self._frozen:
                self.apply_button.setToolTip(why)
        self._refresh()

    def mark_saved(self, sheet: TermsSheet) -> None:
        """The owner saved this sheet: it becomes the one Revert returns to (the fields are left as they are)."""
        self._loaded = sheet
        self._refresh()

    def loaded_sheet(self) -> TermsSheet:
        """The sheet as loaded (or last marked saved)."""
        return self._loaded

    def revert(self) -> None:
        """Throw away the edits: show the loaded sheet again."""
        self._write(self._loaded)
        self.changed.emit()

    def _write(self, sheet: TermsSheet) -> None:
        self._loading = True
        try:
            risk, duration, payment = sheet.risk_share, sheet.duration, sheet.payment
            self.risk_editor.set_risk_share(self._parties, risk)
            self.start_unset.setChecked(duration.start is None)
            self.start.setDate(_qdate(duration.start or date.today()))
            self.initial_term.setValue(duration.initial_term_months or 0)
            self.extension_count.setValue(duration.extension_count)
            self.extension_months.setValue(duration.extension_months)
            self.notice.setValue(duration.notice_months or 0)
            for combo, value in ((self.mechanism, payment.mechanism), (self.invoicing, payment.invoicing),
                                 (self.indexation, payment.indexation)):
                combo.setCurrentIndex(max(0, combo.findData("" if value is None else str(value))))
            self.annual_value.setText(money_text(payment.annual_value))
            self.variable_part.setText(percent_text(payment.variable_part))
            self.quality_incentive.setText(percent_text(payment.quality_incentive))
            self.days.setValue(payment.days or 0)
            self.pooled_fund.setText(money_text(payment.pooled_fund))
            self._build_contributions(payment)
        finally:
            self._loading = False
        self._refresh()

    def _build_contributions(self, payment: Payment) -> None:
        while self._contributions_form.rowCount():
            self._contributions_form.removeRow(0)
        self._contributions = {}
        names = {pid: party.name for pid, party in self._parties.items()}
        names |= {pid: f"Party {pid} (not a signatory)" for pid, _ in payment.contributions if pid not in names}
        for pid, name in names.items():
            line = self._line(self.tr("Contribution from {party} (£)").format(party=name),
                              self.tr("What {party} puts into the pooled fund, in pounds").format(party=name),
                              "Leave empty for none")
            line.setText(money_text(payment.contribution_of(pid)))
            self._contributions[pid] = line
            self._contributions_form.addRow(name, line)
        self._contribution_order = [pid for pid, _ in payment.contributions]
        self.contributions_box.setVisible(bool(self._contributions))
        chain = [self.risk_table, self.corridor, self.risk_editor.bearer, self.start, self.start_unset,
                 self.initial_term, self.extension_count, self.extension_months, self.notice, self.mechanism,
                 self.annual_value, self.variable_part, self.quality_incentive, self.days, self.invoicing,
                 self.indexation, self.pooled_fund, *self._contributions.values(), self.problems, self.revert_button,
                 self.apply_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def contribution_field(self, slug: str) -> QLineEdit | None:
        """The field of the pooled-fund contribution of the party term names call ``slug``."""
        return next((line for pid, line in self._contributions.items() if self._slugs.get(pid) == slug), None)

    # Reading ---------------------------------------------------------------------------------

    def sheet(self) -> TermsSheet:
        """The sheet as currently edited; raises InvalidInput, naming the term, for text that is not a number."""
        sheet, problems = self._read()
        if problems:
            raise InvalidInput(problems[0].message, field=problems[0].field)
        return sheet

    def problem_messages(self) -> list[str]:
        """Every problem the list shows: unreadable text first, then each broken rule."""
        return [self.problems.item(row).text() for row in range(self.problems.count())]

    def has_unapplied_edits(self) -> bool:
        """Whether the fields differ from the loaded sheet."""
        sheet, problems = self._read()
        return bool(problems) or sheet != self._loaded

    def _read(self) -> tuple[TermsSheet, list[TermProblem]]:
        """The sheet as typed (unreadable text counts as empty) and a problem for each unreadable field."""
        problems: list[TermProblem] = []
        risk = self.risk_editor.read(problems)
        duration = Duration(
            start=None if self.start_unset.isChecked() else python_date(self.start.date()),
            initial_term_months=self.initial_term.value() or None, extension_count=self.extension_count.value(),
            extension_months=self.extension_months.value(), notice_months=self.notice.value() or None)
        contributions: list[tuple[int, int, int]] = []
        for position, (pid, line) in enumerate(self._contributions.items()):
            slug = self._slugs.get(pid, f"party-{pid}")
            pence = read_value(f"payment.contribution.{slug}", "money", line.text(), problems,
                               term_label(f"payment.contribution.{slug}", self._parties))
            if pence is not None:
                order = self._contribution_order
                contributions.append((order.index(pid) if pid in order else len(order) + position, pid, pence))
        mechanism, invoicing, indexation = (combo.currentData() or None
                                            for combo in (self.mechanism, self.invoicing, self.indexation))
        payment = Payment(
            mechanism=PaymentMechanism(mechanism) if mechanism else None,
            annual_value=read_value("payment.annual_value", "money", self.annual_value.text(), problems),
            variable_part=read_value("payment.variable_part", "percent", self.variable_part.text(), problems),
            quality_incentive=read_value("payment.quality_incentive", "percent", self.quality_incentive.text(),
                                         problems),
            days=self.days.value() or None, invoicing=InvoicingFrequency(invoicing) if invoicing else None,
            indexation=Indexation(indexation) if indexation else None,
            pooled_fund=read_value("payment.pooled_fund", "money", self.pooled_fund.text(), problems),
            contributions=tuple((pid, pence) for _rank, pid, pence in sorted(contributions)))
        return TermsSheet(risk, duration, payment), problems

    # Live checks -----------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        sheet, unreadable = self._read()
        problems = unreadable + terms_problems(sheet, self._slugs, self._names())
        self.problems.clear()
        self.problems.addItems([problem.message for problem in problems])
        self.problems.setVisible(bool(problems))  # an empty list would only take room from the terms
        self.problems_heading.setText(self.tr("Fix these before applying:") if problems
                                      else self.tr("No problems found."))
        unknown = self.tr("Not known yet (needs a start date and an initial term)")
        ends = sheet.duration.initial_end, sheet.duration.latest_end
        for label, end in zip((self.initial_end, self.latest_end), ends, strict=True):
            label.setText(unknown if end is None else say.long_date(end))
        edited = bool(unreadable) or sheet != self._loaded
        on_button = self.apply_button.hasFocus() or self.revert_button.hasFocus()
        self.apply_button.setEnabled(edited and not problems and self.stack.currentIndex() == 1 and not self._frozen)
        self.revert_button.setEnabled(edited)
        if on_button and not edited:
            # The pressed button greys out; keep the keyboard here rather than let Qt pass it to the
            # next panel, where Ctrl+Z would undo typing in a search box instead of the terms.
            self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply(self) -> None:
        sheet, problems = self._read()
        if problems or terms_problems(sheet, self._slugs, self._names()) or sheet == self._loaded or self._frozen:
            return
        self.apply_requested.emit(sheet)
