"""The positions matrix: where each party stands on every term and section under negotiation, and
the matrix written to a .csv or .docx file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.outline import number_outline
from negotiator.domain.parties import Party
from negotiator.domain.positions import PositionRow, build_positions
from negotiator.domain.proposals import ProposalKind, ProposalStatus
from negotiator.domain.remarks import standing_positions
from negotiator.domain.term_fields import term_names, terms_as_text
from negotiator.domain.term_words import term_label
from negotiator.services.acting import Acting
from negotiator.services.remarks import positions_of
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import ProposalStore
from negotiator.storage.section_store import SectionStore


@dataclass(frozen=True)
class Positions:
    """The matrix: parties as columns, one row per item under negotiation."""

    parties: tuple[Party, ...]
    rows: tuple[PositionRow, ...]


class PositionsService:
    """The positions matrix of the agreements of one open library."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    def positions(self, agreement: int | str) -> Positions:
        """Each party's position on every term and section that has proposals."""
        with self.library.unit_of_work() as session:
            store = AgreementStore(session)
            found = store.find(str(agreement))
            sheet = store.terms(found.saved_id)
            proposals = ProposalStore(session).of_agreement(found.saved_id)
            outline = number_outline(SectionStore(session).outline(found.saved_id, include_removed=False))
            taken = standing_positions(positions_of(session, found.saved_id))
        parties = {s.party.saved_id: s.party for s in found.signatories}
        values = terms_as_text(sheet, parties)  # as proposals hold them, so that equal values compare equal
        items = [(name, term_label(name, parties), values[name]) for name in term_names(parties) if name in values]
        items += [(f"section:{n.section.id}", f"{n.number} {n.section.heading}", n.section.text) for n in outline]
        live = [p for p in proposals if p.status is not ProposalStatus.WITHDRAWN and p.kind is not
                ProposalKind.ADD_SECTION]
        rows = build_positions(items, live, list(parties), taken)
        return Positions(tuple(parties.values()), tuple(rows))

    def export(self, agreement: int | str, out: Path) -> Path:
        """Write the positions matrix to a .csv or a .docx file (by its suffix), in words."""
        from negotiator.services.positions_export import export_positions

        with self.library.unit_of_work() as session:
            title = AgreementStore(session).find(str(agreement)).title
        return export_positions(self, agreement, title, out)
