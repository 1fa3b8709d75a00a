"""The agreement view: who signs what, the numbered outline with each section's wording (terms
filled in), and the terms sheet."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTabWidget, QTextBrowser, QTreeView, QVBoxLayout, QWidget

from negotiator.domain.agreement import Agreement
from negotiator.domain.outline import NumberedSection
from negotiator.domain.parties import Party
from negotiator.domain.terms import TermsSheet
from negotiator.ui.common.diff_html import text_html
from negotiator.ui.models.outline_model import SECTION_ROLE, OutlineModel
from negotiator.ui.panels.find_bar import FindBar
from negotiator.ui.panels.terms_editor import TermsEditor


class AgreementView(QWidget):
    """Shows one agreement; the main window carries out the edits."""

    section_selected = Signal(object)  # section id, or None
    terms_applied = Signal(object)  # the TermsSheet the user applied in the terms editor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agreement: Agreement | None = None
        self._rendered: dict[int, str] = {}
        self.heading = QLabel(self.tr("Choose an agreement in the Agreements panel to open it here."))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        # What the agreement's stage means for changing it ("In negotiation: changes are proposed…").
        self.stage = QLabel()
        self.stage.setObjectName("agreementStage")
        self.stage.setWordWrap(True)
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.setToolTip(self.tr("Drafted directly until the first round is issued, then changed only by "
                                      "proposal; frozen once agreed or signed"))
        self.stage.hide()
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.outline_model)
        self.outline.setAccessibleName(self.tr("Agreement outline"))
        self.outline.setToolTip(self.tr("The agreement's numbered sections"))
        self.outline.setUniformRowHeights(True)
        self.outline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.outline.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.outline.selectionModel().currentChanged.connect(self._on_current)
        self.wording = QTextBrowser()
        self.wording.setAccessibleName(self.tr("Section wording"))
        self.wording.setToolTip(self.tr("The section's wording with the agreed terms filled in"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.outline)
        splitter.addWidget(self.wording)
        splitter.setSizes([360, 240])
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("&Outline"))
        # The open agreement's terms: the window shows them in a panel of their own (the Terms dock),
        # so they can sit beside the wording that refers to them.
        self.terms_editor = TermsEditor()
        self.terms_editor.apply_requested.connect(self.terms_applied)
        self.find_bar = FindBar()  # Edit → Find in Agreement; hidden until then
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stage)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.tabs, 1)

    def show_agreement(self, agreement: Agreement | None, parent_title: str | None,
                       outline: list[tuple[NumberedSection, str]], sources: dict[str, str] | None = None) -> None:
        """Display an agreement and its outline (each section with its rendered wording); ``sources`` are
        the titles of the library clauses its sections came from, by key."""
        current = self.current_section()
        self.agreement = agreement
        self._rendered = {n.section.id: text for n, text in outline}
        self.outline_model.sources = dict(sources or {})
        self.outline_model.set_outline([n for n, _ in outline])
        self.outline.expandAll()
        if agreement is None:
            self.heading.setText(self.tr("Choose an agreement in the Agreements panel to open it here."))
            self.wording.clear()
            self.terms_editor.clear()
            self.show_stage("")
            return
        parties = " · ".join(f"{escape(s.party.name)}: {escape(s.role.label)}" for s in agreement.signatories)
        under = f" · under {escape(parent_title)}" if parent_title else ""
        self.heading.setText(f"<b>{escape(agreement.title)}</b><br/><small>{agreement.kind.label} · "
                             f"{agreement.model.label} model · {agreement.status.label}{under}</small>"
                             f"<br/><small>{parties}</small>")
        if current is not None and self.outline_model.node(current) is not None:
            self.select_section(current)
        elif outline:
            self.select_section(outline[0][0].section.id)
        else:
            self.wording.setHtml(self.tr("<p>This agreement has no sections yet: choose a clause in the library "
                                         "and use Agreement → Add Library Clause.</p>"))

    def show_stage(self, note: str) -> None:
        """Say what the open agreement's stage means for changing it (nothing when no agreement is open)."""
        self.stage.setText(f"<b>{escape(note)}</b>" if note else "")
        self.stage.setVisible(bool(note))

    def show_terms(self, agreement: Agreement, parties: dict[int, Party], sheet: TermsSheet) -> None:
        """Load the agreement's terms into the terms editor."""
        self.terms_editor.set_agreement(agreement.title, parties, sheet)

    def select_section(self, section_id: int) -> None:
        """Select a section in the outline."""
        self.outline.setCurrentIndex(self.outline_model.index_of(section_id))

    def sections_text(self) -> list[tuple[int, str, str, str]]:
        """Every section shown, in reading order, as (id, number, heading, wording with the terms filled in)."""
        nodes = (self.outline_model.node(section_id) for section_id in self._rendered)
        return [(n.section.id, n.number, n.section.heading, self._rendered[n.section.id]) for n in nodes if n]

    def current_section(self) -> int | None:
        """The id of the selected section."""
        index = self.outline.currentIndex()
        return index.siblingAtColumn(0).data(SECTION_ROLE) if index.isValid() else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        section_id = current.siblingAtColumn(0).data(SECTION_ROLE) if current.isValid() else None
        node = self.outline_model.node(section_id) if section_id else None
        if node is not None and section_id is not None:
            title = f"<h3>{escape(node.number)} {escape(node.section.heading)}</h3>"
            self.wording.setHtml(title + text_html(self._rendered.get(section_id, node.section.text)))
        self.section_selected.emit(section_id)
