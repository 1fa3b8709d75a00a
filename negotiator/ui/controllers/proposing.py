"""The pieces of proposing in the window: the Propose dialog filled from the open agreement, what a
proposal would change (to find the party's own proposals it replaces), and the question asked first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from negotiator.domain.errors import NegotiatorError
from negotiator.domain.parties import Party
from negotiator.domain.proposals import Proposal, ProposalKind
from negotiator.domain.term_fields import render_term, term_names
from negotiator.domain.term_words import term_label
from negotiator.domain.terms import TermsSheet
from negotiator.ui.dialogs.proposal_outcome import Submit
from negotiator.ui.editors.term_texts import term_texts

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted, the dialog when first opened
    from negotiator.services.session import Workspace
    from negotiator.ui.dialogs.propose_dialog import ProposeDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("Proposing", text)


def propose_dialog(window: QMainWindow, ws: Workspace, agreement: int, party: str, section_id: int | None,
                   term: str | None, submit: Submit) -> ProposeDialog:
    """The Propose dialog for the open agreement: its selected section, its terms, its risk share."""
    section = ws.outline.section(section_id) if section_id else None
    parties = ws.agreements.parties_of(ws.agreements.agreement(agreement))
    sheet = ws.agreements.terms(agreement)
    places = [(f"{n.number} {n.section.heading}", n.section.id) for n in ws.outline.outline(agreement)
              if n.section.id != section_id]
    place = (ws.location, agreement, f"section:{section_id}" if section_id else None, term)
    from negotiator.ui.dialogs.propose_dialog import ProposeDialog

    dialog = ProposeDialog(party, window, section=(section.heading, section.text) if section else None,
                           terms=list(term_texts(sheet, parties).items()), term=term, places=places,
                           risk=(parties, sheet.risk_share), submit=submit, words=chip_words(sheet, parties),
                           place=place)
    dialog.setObjectName("proposeDialog")
    dialog.finished.connect(dialog.deleteLater)
    return dialog


def chip_words(sheet: TermsSheet, parties: Mapping[int, Party]) -> dict[str, str]:
    """What each term's chip in the wording shows: its current value in words, or its name where the value
    is long (the risk-share table) or not agreed yet."""
    words: dict[str, str] = {}
    for name in term_names(parties):
        label = term_label(name, parties)
        try:
            value = render_term(sheet, name, parties)
        except NegotiatorError:  # a term of a party no longer in the agreement
            value = None
        if value is None:
            words[name] = _tr("%1 (not yet agreed)").replace("%1", label)
        else:
            words[name] = value if len(value) <= 40 and "\n" not in value else label
    return words


def targets_of(values: Mapping[str, object], section_id: int | None) -> set[str]:
    """What a proposal from the dialog's values changes, named as proposals name their targets."""
    kind = values.get("kind")
    if kind in ("wording", "remove", "move") and section_id is not None:
        return {f"section:{section_id}"}
    if kind == "term" and values.get("term"):
        return {str(values["term"])}
    if kind in ("risk_share", "terms"):
        # the term values proposed, by term name
        return set(cast("Iterable[str]", values.get("values") or {}))
    return set()  # a new section replaces nothing


def describe(proposal: Proposal, parties: Mapping[int, Party] | None = None) -> str:
    """A proposal in a few words, for a question about it; ``parties`` name the agreement's terms."""
    terms = ", ".join(term_label(name, parties or {}) for name in sorted(proposal.term_values()))
    what = {ProposalKind.WORDING: _tr("new wording"), ProposalKind.REMOVE_SECTION: _tr("removing the section"),
            ProposalKind.MOVE_SECTION: _tr("moving the section"), ProposalKind.ADD_SECTION: _tr("a new section"),
            ProposalKind.TERM: _tr("a new value for %1").replace("%1", terms),
            ProposalKind.TERMS: _tr("new values for %1").replace("%1", terms)}
    return _tr("%1 (proposal %2)").replace("%1", what[proposal.kind]).replace("%2", str(proposal.id))


def ask_to_replace(parent: QWidget, replaced: list[Proposal], parties: Mapping[int, Party] | None = None) -> bool:
    """Ask before a party's own open proposals are replaced by its new one; True to go ahead."""
    listed = "; ".join(describe(p, parties) for p in replaced)
    question = (_tr("You already propose %1 on this. Replace that proposal with this one?") if len(replaced) == 1
                else _tr("You already propose %1 on this. Replace those proposals with this one?"))
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Replace Your Proposal?"), question.replace("%1", listed),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("replaceQuestion")
    box.setInformativeText(_tr("A party holds one position at a time: the earlier proposal is recorded as "
                               "superseded by the new one. Undo brings it back."))
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes
