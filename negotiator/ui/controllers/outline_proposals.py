"""An agreement's edits once it is under negotiation: a round has been issued, so the parties have seen
it, and its wording, outline and terms change only by proposal. Each edit the user begins opens the
Propose dialog pre-filled with that change, for the user to give the rationale."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from negotiator.domain.errors import InvalidInput
from negotiator.domain.outline import NumberedSection
from negotiator.domain.terms import TermsSheet
from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost
from negotiator.ui.editors.term_texts import changed_terms

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted, the dialog when first opened
    from negotiator.services.session import Workspace
    from negotiator.ui.dialogs.propose_dialog import ProposeDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutlineProposals", text)


def move_after(outline: list[NumberedSection], section_id: int, delta: int) -> int | None:
    """Where a move of one place up (-1) or down (+1) puts the section, as a proposal says it: after
    which section (None: first in the agreement). Refused, saying why, where no proposal can say it."""
    section = next(n.section for n in outline if n.section.id == section_id)
    siblings = [n.section for n in outline if n.section.parent_id == section.parent_id]
    index = next(i for i, s in enumerate(siblings) if s.id == section_id)
    if delta > 0:
        if index == len(siblings) - 1:
            raise InvalidInput(_tr("'%1' is already the last section at its level.").replace("%1", section.heading))
        return siblings[index + 1].id
    if index == 0:
        raise InvalidInput(_tr("'%1' is already the first section at its level.").replace("%1", section.heading))
    if index >= 2:
        return siblings[index - 2].id
    if section.parent_id is None:
        return None
    # A proposal places a section after another one, or first in the whole agreement: first under its
    # heading is out of reach, but the same outline comes from moving the other section down.
    raise InvalidInput(_tr("A proposal cannot put a sub-section first under its heading. Propose moving '%1' "
                           "down instead: the outline comes out the same.").replace("%1", siblings[0].heading))


class OutlineProposals:
    """Turns the agreement view's edits into proposals of the acting party."""

    def __init__(self, window: WindowHost) -> None:
        self.window = window

    @property
    def workspace(self) -> Workspace | None:
        """The window's open library."""
        return self.window.workspace

    def _open(self) -> tuple[Workspace, int]:
        """The open library and agreement: every edit proposed here is made in an open agreement."""
        ws, agreement = self.window.workspace, self.window.agreements.current
        if ws is None or agreement is None:
            raise RuntimeError("An edit was proposed with no agreement open.")
        return ws, agreement

    def wording(self, section_id: int, text: str | None) -> ProposeDialog | None:
        """Propose new wording for a section: what the user typed, or the current wording to start from."""
        ws, _agreement = self._open()
        current = ws.outline.section(section_id).text
        return self.window.negotiation.propose(prefill={"kind": "wording", "wording": current if text is None
                                                        else text})

    def removal(self) -> ProposeDialog | None:
        """Propose taking the selected section out of the agreement."""
        return self.window.negotiation.propose(prefill={"kind": "remove"})

    def move(self, section_id: int, delta: int) -> ProposeDialog | None:
        """Propose moving the selected section one place up or down among its siblings."""
        ws, agreement = self._open()
        try:
            after = move_after(ws.outline.outline(agreement), section_id, delta)
        except InvalidInput as error:
            show_error(self.window, _tr("No move was proposed"), error)
            return None
        return self.window.negotiation.propose(prefill={"kind": "move", "after": after})

    def library_clause(self, key: str) -> ProposeDialog | None:
        """Propose a new section with a library clause's heading and wording, after the selected section."""
        ws, _agreement = self._open()
        version = ws.clauses.version(key)
        return self.window.negotiation.propose(prefill={"kind": "new_section", "heading": version.title,
                                                        "wording": version.text})

    def terms(self, sheet: TermsSheet) -> ProposeDialog | None:
        """Propose the terms the terms editor holds: the changed values, as one proposal when several
        changed (the whole risk share when only it changed); the editor goes back to the agreement's terms
        once proposed, since nothing changes until the proposal is accepted."""
        ws, agreement = self._open()
        found = ws.agreements.agreement(agreement)
        changed = changed_terms(ws.agreements.terms(agreement), sheet, ws.agreements.parties_of(found))
        if not changed:
            return None
        if all(name.startswith("risk_share.") for name in changed) and len(changed) > 1:
            prefill: dict[str, Any] = {"kind": "risk_share", "risk": sheet.risk_share}
        elif len(changed) == 1:
            (name, value), = changed.items()
            prefill = {"kind": "term", "term": name, "value": value}
        else:
            prefill = {"kind": "terms", "values": changed}
        return self.window.negotiation.propose(prefill=prefill, made=self.window.agreements.view.terms_editor.revert)
