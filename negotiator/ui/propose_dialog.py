"""Dialog for proposing a change in the acting party's name: new wording for a section, a new value
for a term, a rebalanced risk share, several terms at once, or a new, removed or moved section; always
with a rationale. A proposal the services refuse leaves the dialog open with what was typed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from negotiator.domain.parties import Party
from negotiator.domain.term_words import term_label, value_words
from negotiator.domain.terms import RiskShare
from negotiator.ui.risk_share_editor import RiskShareEditor


class Outcome(StrEnum):
    """What became of a proposal the dialog handed on: made (close), cancelled (close) or refused (stay open)."""

    MADE = "made"
    CANCELLED = "cancelled"
    REFUSED = "refused"


Submit = Callable[[dict], Outcome]


class ProposeDialog(QDialog):
    """Collects one proposal; the services check it when it is made."""

    def __init__(self, party: str, parent: QWidget | None = None, *, section: tuple[str, str] | None = None,
                 terms: list[tuple[str, str]] | None = None, term: str | None = None,
                 places: list[tuple[str, int]] | None = None,
                 risk: tuple[Mapping[int, Party], RiskShare] | None = None, submit: Submit | None = None) -> None:
        """``section`` is (heading, current wording); ``terms`` lists (name, current value) to choose from;
        ``places`` lists the other sections ("2.1 Heading", id) a section could be moved after; ``risk`` is
        the agreement's parties and current risk share; ``submit`` makes the proposal when the user presses
        Propose (without it the dialog simply closes, for its owner to read ``values()``)."""
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Propose a Change for %1").replace("%1", party))
        self.resize(720, 520)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Proposing for <b>%1</b>.").replace("%1", party)))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What to propose"))
        self.kind.setToolTip(self.tr("New wording for the selected section, new term values, or a new section"))
        if section is not None:
            self.kind.addItem(self.tr("New wording for %1").replace("%1", section[0]), "wording")
        if terms:
            self.kind.addItem(self.tr("A new value for a term"), "term")
        if risk is not None:
            self.kind.addItem(self.tr("Risk share (all parties)"), "risk_share")
        self.kind.addItem(self.tr("A new section"), "new_section")
        if section is not None:
            self.kind.addItem(self.tr("Remove %1").replace("%1", section[0]), "remove")
            if places is not None:
                self.kind.addItem(self.tr("Move %1").replace("%1", section[0]), "move")
        form.addRow(self.tr("&Change"), self.kind)
        self.term = QComboBox()
        self.term.setAccessibleName(self.tr("Term"))
        self.term.setToolTip(self.tr("The term to change"))
        parties = risk[0] if risk is not None else {}
        for name, current in terms or []:
            self.term.addItem(self.tr("%1 (now %2)").replace("%1", term_label(name, parties)).replace(
                "%2", value_words(name, current)), name)
        if term is not None:
            self.term.setCurrentIndex(max(0, self.term.findData(term)))
        self.value = QLineEdit()
        self.value.setAccessibleName(self.tr("Proposed value"))
        self.value.setToolTip(self.tr("For example 30, 2.5%, £120,000,000 or 2027-04-01"))
        self.risk_share = RiskShareEditor()
        if risk is not None:
            self.risk_share.set_risk_share(*risk)
        self._parties = risk[0] if risk is not None else {}
        self.several = QTableWidget(0, 2)
        self.several.setAccessibleName(self.tr("Proposed term values"))
        self.several.setToolTip(self.tr("Each term this proposal changes, with its proposed value"))
        self.several.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Proposed value")])
        self.several.verticalHeader().hide()
        self.several.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.several.setTabKeyNavigation(False)
        self.several.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.after = QComboBox()
        self.after.setAccessibleName(self.tr("Move after"))
        self.after.setToolTip(self.tr("The section it should follow"))
        self.after.addItem(self.tr("(to the top)"), None)
        for label, section_id in places or []:
            self.after.addItem(label, section_id)
        self.heading = QLineEdit()
        self.heading.setAccessibleName(self.tr("Heading of the new section"))
        self.heading.setToolTip(self.tr("The new section's heading"))
        self.wording = QPlainTextEdit(section[1] if section else "")
        self.wording.setTabChangesFocus(True)  # Tab moves on, so the dialog works from the keyboard
        self.wording.setAccessibleName(self.tr("Proposed wording"))
        self.wording.setToolTip(self.tr("The wording you propose; terms can be written as {{payment.days}}"))
        self.rationale = QPlainTextEdit()
        self.rationale.setTabChangesFocus(True)
        self.rationale.setAccessibleName(self.tr("Rationale"))
        self.rationale.setToolTip(self.tr("Why your party proposes it: the other parties will read this"))
        self.rationale.setMaximumHeight(80)
        form.addRow(self.tr("&Term"), self.term)
        form.addRow(self.tr("&Value"), self.value)
        form.addRow(self.tr("Risk &share"), self.risk_share)
        form.addRow(self.tr("&Values"), self.several)
        form.addRow(self.tr("&After"), self.after)
        form.addRow(self.tr("&Heading"), self.heading)
        form.addRow(self.tr("&Wording"), self.wording)
        form.addRow(self.tr("&Rationale"), self.rationale)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.propose_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.propose_button.setText(self.tr("&Propose"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._form = form
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        if term is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData("term")))
        self._show_fields()

    def prefill(self, values: Mapping[str, object]) -> None:
        """Start from a change the user already made elsewhere: ``kind`` and the fields it uses
        (``wording``, ``heading``, ``after``, ``term`` and ``value``, ``risk``, or ``values`` for several terms)."""
        kind = str(values.get("kind", ""))
        if kind == "terms" and self.kind.findData("terms") < 0:
            self.kind.addItem(self.tr("Several terms at once"), "terms")
        if "wording" in values:
            self.wording.setPlainText(str(values["wording"]))
        if "heading" in values:
            self.heading.setText(str(values["heading"]))
        if "after" in values:
            self.after.setCurrentIndex(max(0, self.after.findData(values["after"])))
        if "term" in values:
            self.term.setCurrentIndex(max(0, self.term.findData(values["term"])))
        if "value" in values:
            self.value.setText(str(values["value"]))
        if isinstance(values.get("risk"), RiskShare):
            self.risk_share.show_risk_share(self._parties, values["risk"])
        if kind == "terms":
            self._fill_several(dict(values.get("values") or {}))
        if self.kind.findData(kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind))

    def _fill_several(self, values: dict[str, str]) -> None:
        self.several.setRowCount(len(values))
        for row, (name, value) in enumerate(values.items()):
            item = QTableWidgetItem(term_label(name, self._parties))
            item.setData(Qt.ItemDataRole.UserRole, name)  # the term's name, which the proposal uses
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)  # the term is fixed; its value is not
            self.several.setItem(row, 0, item)
            self.several.setItem(row, 1, QTableWidgetItem(value))

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in ((self.term, kind == "term"), (self.value, kind == "term"),
                              (self.risk_share, kind == "risk_share"), (self.several, kind == "terms"),
                              (self.heading, kind == "new_section"), (self.after, kind == "move"),
                              (self.wording, kind in ("wording", "new_section"))):
            self._form.setRowVisible(widget, shown)

    def values(self) -> dict:
        """What the user entered; ``values`` holds the changed terms of a risk share or of several terms."""
        kind = self.kind.currentData()
        changed: dict[str, str] = {}
        if kind == "risk_share":
            changed = self.risk_share.changed_terms()
        elif kind == "terms":
            name = Qt.ItemDataRole.UserRole
            changed = {self.several.item(row, 0).data(name): self.several.item(row, 1).text().strip()
                       for row in range(self.several.rowCount())}
        return {"kind": kind, "term": self.term.currentData(), "value": self.value.text(),
                "values": changed, "after": self.after.currentData(),
                "heading": self.heading.text(), "wording": self.wording.toPlainText(),
                "rationale": self.rationale.toPlainText()}

    def accept(self) -> None:
        """Propose: close once it is made (or the user cancelled it), stay open when it was refused."""
        if self._submit is None:
            super().accept()
            return
        outcome = self._submit(self.values())
        if outcome is Outcome.MADE:
            super().accept()
        elif outcome is Outcome.CANCELLED:
            self.reject()
