"""Dialog for proposing a change in the acting party's name: new wording for a section, a new value
for a term, or a new section; always with a rationale."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class ProposeDialog(QDialog):
    """Collects one proposal; the services check it when it is made."""

    def __init__(self, party: str, parent: QWidget | None = None, *, section: tuple[str, str] | None = None,
                 terms: list[tuple[str, str]] | None = None, term: str | None = None,
                 places: list[tuple[str, int]] | None = None) -> None:
        """``section`` is (heading, current wording); ``terms`` lists (name, current value) to choose from;
        ``places`` lists the other sections ("2.1 Heading", id) a section could be moved after."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Propose a Change for %1").replace("%1", party))
        self.resize(680, 480)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Proposing for <b>%1</b>.").replace("%1", party)))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What to propose"))
        self.kind.setToolTip(self.tr("New wording for the selected section, a new term value, or a new section"))
        if section is not None:
            self.kind.addItem(self.tr("New wording for %1").replace("%1", section[0]), "wording")
        if terms:
            self.kind.addItem(self.tr("A new value for a term"), "term")
        self.kind.addItem(self.tr("A new section"), "new_section")
        if section is not None:
            self.kind.addItem(self.tr("Remove %1").replace("%1", section[0]), "remove")
            if places is not None:
                self.kind.addItem(self.tr("Move %1").replace("%1", section[0]), "move")
        form.addRow(self.tr("&Change"), self.kind)
        self.term = QComboBox()
        self.term.setAccessibleName(self.tr("Term"))
        self.term.setToolTip(self.tr("The term to change, named as the wording's placeholders name it"))
        for name, current in terms or []:
            self.term.addItem(f"{name} (now {current or 'not set'})", name)
        if term is not None:
            self.term.setCurrentIndex(max(0, self.term.findData(term)))
        self.value = QLineEdit()
        self.value.setAccessibleName(self.tr("Proposed value"))
        self.value.setToolTip(self.tr("For example 30, 2.5%, £120,000,000 or 2027-04-01"))
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
        form.addRow(self.tr("&After"), self.after)
        form.addRow(self.tr("&Heading"), self.heading)
        form.addRow(self.tr("&Wording"), self.wording)
        form.addRow(self.tr("&Rationale"), self.rationale)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Propose"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._form = form
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        if term is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData("term")))
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in ((self.term, kind == "term"), (self.value, kind == "term"),
                              (self.heading, kind == "new_section"), (self.after, kind == "move"),
                              (self.wording, kind in ("wording", "new_section"))):
            self._form.setRowVisible(widget, shown)

    def values(self) -> dict:
        """What the user entered."""
        return {"kind": self.kind.currentData(), "term": self.term.currentData(), "value": self.value.text(),
                "after": self.after.currentData(),
                "heading": self.heading.text(), "wording": self.wording.toPlainText(),
                "rationale": self.rationale.toPlainText()}
