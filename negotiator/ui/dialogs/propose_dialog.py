"""Dialog for proposing a change in the acting party's name: new wording for a section, a new value
for a term, a rebalanced risk share, several terms at once, or a new, removed or moved section; always
with a rationale. Only the fields the chosen change needs are shown, each term in the editor its kind
takes, wording as it reads with its terms as chips beside a live word diff. A proposal the services
refuse leaves the dialog open with what was typed and the reason under it; closing with typed work asks
first, and can keep it as a draft that Propose on the same place offers back."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.errors import NegotiatorError
from negotiator.domain.parties import Party
from negotiator.domain.term_words import term_label, value_words
from negotiator.domain.terms import RiskShare
from negotiator.ui.common.errors import show_error
from negotiator.ui.dialogs import propose_drafts as drafts
from negotiator.ui.dialogs.proposal_outcome import Outcome, Submit
from negotiator.ui.dialogs.propose_parts import DraftBar, SeveralTerms, WordingPane, named
from negotiator.ui.editors.risk_share_editor import RiskShareEditor
from negotiator.ui.editors.term_value_edit import TermValueEdit
from negotiator.ui.models.risk_share_model import PROBLEM_COLOUR


class ProposeDialog(QDialog):
    """Collects one proposal; the services check it when it is made."""

    def __init__(self, party: str, parent: QWidget | None = None, *, section: tuple[str, str] | None = None,
                 terms: list[tuple[str, str]] | None = None, term: str | None = None,
                 places: list[tuple[str, int]] | None = None,
                 risk: tuple[Mapping[int, Party], RiskShare] | None = None, submit: Submit | None = None,
                 words: Mapping[str, str] | None = None, place: Hashable | None = None) -> None:
        """``section`` is (heading, current wording); ``terms`` lists (name, current value) to choose from;
        ``places`` lists the other sections ("2.1 Heading", id) a section could be moved after; ``risk`` is
        the agreement's parties and current risk share; ``words`` is each term's current value in words,
        which the wording's chips show; ``place`` names where the dialog was opened (agreement and section
        or term), under which a draft is kept; ``submit`` makes the proposal when the user presses Propose
        (without it the dialog simply closes, for its owner to read ``values()``)."""
        super().__init__(parent)
        self._submit, self._place = submit, place
        self._parties: Mapping[int, Party] = risk[0] if risk is not None else {}
        self._current = dict(terms or [])
        self.setWindowTitle(self.tr("Propose a Change for %1").replace("%1", party))
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Proposing for <b>%1</b>.").replace("%1", party)))
        self.draft_bar = DraftBar()
        column.addWidget(self.draft_bar)
        form = QFormLayout()
        column.addLayout(form)
        self.kind = named(QComboBox(), self.tr("What to propose"),
                          self.tr("New wording for the selected section, new term values, or a new section"))
        self._add_kinds(section, terms, risk, places)
        form.addRow(self.tr("&Change"), self.kind)
        self.term = named(QComboBox(), self.tr("Term"), self.tr("The term to change"))
        for name, current in terms or []:
            self.term.addItem(self.tr("%1 (now %2)").replace("%1", term_label(name, self._parties)).replace(
                "%2", value_words(name, current)), name)
        self.value = TermValueEdit()
        self.risk_share = RiskShareEditor()
        if risk is not None:
            self.risk_share.set_risk_share(*risk)
        self.several = SeveralTerms(self._parties)
        shares = risk[1].shares if risk is not None else ()
        self.value.parties = [self._parties[s.party_id].name for s in shares if s.party_id in self._parties]
        self.after = named(QComboBox(), self.tr("Move after"), self.tr("The section it should follow"))
        self.after.addItem(self.tr("(to the top)"), None)
        for label, section_id in places or []:
            self.after.addItem(label, section_id)
        self.heading = named(QLineEdit(), self.tr("Heading of the new section"), self.tr("The new section's heading"))
        labels = {name: term_label(name, self._parties) for name in words or {}}
        self.wording_pane = WordingPane(section[1] if section else "", words or {}, labels)
        self.wording, self.preview = self.wording_pane.edit, self.wording_pane.preview
        self.rationale = named(QPlainTextEdit(), self.tr("Rationale"),
                               self.tr("Why your party proposes it: the other parties will read this"))
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(80)
        for label, widget in ((self.tr("&Term"), self.term), (self.tr("&Value"), self.value),
                              (self.tr("Risk &share"), self.risk_share), (self.tr("&Values"), self.several),
                              (self.tr("&After"), self.after), (self.tr("&Heading"), self.heading),
                              (self.tr("&Wording"), self.wording_pane), (self.tr("&Rationale"), self.rationale)):
            form.addRow(label, widget)
        self.problem = named(QLabel(), self.tr("Problem"), self.tr("Why the proposal cannot be made as it stands"))
        self.problem.setObjectName("proposeProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.problem.hide()
        column.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.propose_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.propose_button.setText(self.tr("&Propose"))
        named(self.propose_button, self.tr("Propose"), self.tr("Make this proposal in your party's name"))
        named(self.buttons.button(QDialogButtonBox.StandardButton.Cancel), self.tr("Cancel"),
              self.tr("Close without proposing (asks first if you have typed anything)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self._form = form
        self._chain_tab_order()
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.term.currentIndexChanged.connect(lambda _i: self._show_term())
        for signal in (self.value.edited, self.risk_share.edited, self.several.itemChanged,
                       self.wording.textChanged, self.rationale.textChanged, self.heading.textChanged):
            signal.connect(self._edited)
        self.draft_bar.restore_button.clicked.connect(self._restore_draft)
        self.draft_bar.discard_button.clicked.connect(self._discard_draft)
        if term is not None:
            self.term.setCurrentIndex(max(0, self.term.findData(term)))
            self.kind.setCurrentIndex(max(0, self.kind.findData("term")))
        self._show_term()
        self._show_fields()
        self._start = self._typed()
        self.draft_bar.offer(drafts.draft_at(place) if place is not None else None)

    def _add_kinds(self, section: tuple[str, str] | None, terms: list[tuple[str, str]] | None,
                   risk: tuple[Mapping[int, Party], RiskShare] | None, places: list[tuple[str, int]] | None) -> None:
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

    def _chain_tab_order(self) -> None:
        """Top to bottom, with the preview after the rationale: Tab from the wording goes to the rationale."""
        chain = [self.draft_bar.restore_button, self.draft_bar.discard_button, self.kind, self.term,
                 *self.value.stack.children(), self.risk_share.table, self.risk_share.corridor,
                 self.risk_share.bearer, self.several, self.after, self.heading, self.wording_pane.insert,
                 self.wording, self.rationale, self.preview, *self.buttons.buttons()]
        widgets = [widget for widget in chain if isinstance(widget, QWidget)]
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # Filling in ----------------------------------------------------------------------------

    def prefill(self, values: Mapping[str, object]) -> None:
        """Start from a change the user already made elsewhere: ``kind`` and the fields it uses
        (``wording``, ``heading``, ``after``, ``term`` and ``value``, ``risk``, or ``values`` for several terms)."""
        self._fill(values)
        self._start = self._typed()  # what came from elsewhere is kept there: closing now loses nothing

    def _fill(self, values: Mapping[str, object]) -> None:
        kind = str(values.get("kind", ""))
        if kind == "terms" and self.kind.findData("terms") < 0:
            self.kind.addItem(self.tr("Several terms at once"), "terms")
        if "wording" in values:
            self.wording.setPlainText(str(values["wording"]))
        if "heading" in values:
            self.heading.setText(str(values["heading"]))
        if "after" in values:
            self.after.setCurrentIndex(max(0, self.after.findData(values["after"])))
        if values.get("term"):
            self.term.setCurrentIndex(max(0, self.term.findData(values["term"])))
        if "value" in values and self.term.count():
            self.value.setText(str(values["value"]))
        risk = values.get("risk")
        if isinstance(risk, RiskShare):
            self.risk_share.show_risk_share(self._parties, risk)
        if kind == "terms":
            several = values.get("values")
            self.several.fill(dict(several) if isinstance(several, Mapping) else {})
        if "rationale" in values:
            self.rationale.setPlainText(str(values["rationale"]))
        if self.kind.findData(kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind))

    def _show_term(self) -> None:
        name = self.term.currentData()
        if name:
            self.value.set_term(name, self._current.get(name, ""), term_label(name, self._parties))

    def _show_fields(self) -> None:
        """Show only what the chosen change needs, and fit the dialog to it (no half-empty dialog)."""
        kind = self.kind.currentData()
        for widget, shown in ((self.term, kind == "term"), (self.value, kind == "term"),
                              (self.risk_share, kind == "risk_share"), (self.several, kind == "terms"),
                              (self.heading, kind == "new_section"), (self.after, kind == "move"),
                              (self.wording_pane, kind in ("wording", "new_section"))):
            self._form.setRowVisible(widget, shown)
        self.wording_pane.show_preview(kind == "wording")  # a new section has no wording to compare with
        self._edited()
        layout = self.layout()
        if layout is not None:  # the dialog's column, made with it
            layout.activate()
        size = self.sizeHint().expandedTo(self.minimumSizeHint())
        if kind in ("wording", "new_section"):  # wording needs room to read; the diff beside it more
            size = size.expandedTo(QSize(900 if kind == "wording" else 720, 560))
        room = self.screen().availableGeometry().size() - QSize(40, 60)  # a title bar and a margin on a laptop
        self.resize(size.expandedTo(QSize(640, 0)).boundedTo(room))

    # Checking as the user types ------------------------------------------------------------

    def _edited(self) -> None:
        kind = self.kind.currentData()
        if kind == "wording":
            self.preview.show_change(self.wording.toPlainText())
        self._say(self.value.problem() if kind == "term" else self.several.problem() if kind == "terms" else None)

    def _say(self, problem: str | None) -> None:
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))

    def refused(self, action: str, error: BaseException) -> None:
        """Say inline why the services refused the proposal; the dialog stays open with what was typed.
        Something unexpected also gets the error dialog, whose details go to support."""
        if isinstance(error, NegotiatorError):
            self._say(f"{action}: {error}")
        else:
            self._say(self.tr("%1: something unexpected went wrong. Nothing was changed.").replace("%1", action))
            show_error(self, action, error)

    # Reading -------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the user entered; ``values`` holds the changed terms of a risk share or of several terms.
        (Its fields hold text, a term's values by name, or the id of the section to move after.)"""
        kind = self.kind.currentData()
        changed: dict[str, str] = {}
        if kind == "risk_share":
            changed = self.risk_share.changed_terms()
        elif kind == "terms":
            changed = self.several.values()
        return {"kind": kind, "term": self.term.currentData(), "value": self.value.text(),
                "values": changed, "after": self.after.currentData(),
                "heading": self.heading.text(), "wording": self.wording.toPlainText(),
                "rationale": self.rationale.toPlainText()}

    def _typed(self) -> dict[str, Any]:
        """Everything typed, whichever change is shown: what closing would lose."""
        values = self.values()
        values.pop("kind")
        values["values"] = self.several.values()
        values["risk"] = self.risk_share.typed_terms()
        return values

    def has_typed_work(self) -> bool:
        """Whether anything was typed since the dialog opened (or was filled in from elsewhere)."""
        return self._typed() != self._start

    # Closing -------------------------------------------------------------------------------

    def accept(self) -> None:
        """Propose: close once it is made (or the user cancelled it), stay open when it was refused."""
        if self._submit is None:
            super().accept()
            return
        outcome = self._submit(self.values())
        if outcome is Outcome.MADE:
            if self._place is not None:
                drafts.drop(self._place)
            super().accept()
        elif outcome is Outcome.CANCELLED:
            self._keep_draft()  # the user declined to replace an earlier proposal; the typing is kept
            super().reject()

    def reject(self) -> None:
        """Cancel, Escape and the close button: with typed work, ask whether to keep it as a draft,
        discard it or keep editing."""
        if not self.has_typed_work():
            super().reject()
            return
        answer = drafts.ask_before_closing(self, with_draft=self._place is not None)
        if answer == drafts.KEEP_EDITING:
            return
        if answer == drafts.KEEP_DRAFT:
            self._keep_draft()
        elif self._place is not None:
            drafts.drop(self._place)
        super().reject()

    def _keep_draft(self) -> None:
        if self._place is not None and self.has_typed_work():
            drafts.keep(self._place, drafts.Draft(self.values(), self.risk_share.typed_terms()))

    def _restore_draft(self) -> None:
        draft = drafts.draft_at(self._place) if self._place is not None else None
        self.draft_bar.offer(None)
        if draft is None:
            return
        self._fill(draft.values)
        self.risk_share.set_typed_terms(draft.risk_cells)  # every cell as typed, not only the changed ones
        self.kind.setFocus()

    def _discard_draft(self) -> None:
        if self._place is not None:
            drafts.drop(self._place)
        self.draft_bar.offer(None)
        self.kind.setFocus()
