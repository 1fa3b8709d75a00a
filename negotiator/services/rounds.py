"""Rounds: issuing a frozen draft of an agreement, withdrawing it, and listing them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from negotiator.domain.agreements import AgreementStatus
from negotiator.domain.lifecycle import check_proposal_allowed
from negotiator.domain.outline import number_outline
from negotiator.domain.rounds import Round, RoundSection, check_label
from negotiator.domain.terms_json import sheet_to_data
from negotiator.services.acting import Acting
from negotiator.services.changes import party_of, record, stage
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import EventLog, RoundStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class RoundService:
    """The rounds of the agreements of one open library."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    def issue_round(self, agreement: int | str, label: str, party: str | None = None) -> Round:
        """Freeze the agreement's outline and terms under a label ("Draft 2"), in the name of the party
        issuing it (the acting party unless named). The first round ends drafting: from then on the
        agreement changes only by proposal."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()  # two users issuing at once must not both take the same label
            store, rounds = AgreementStore(session), RoundStore(session)
            found = store.find(str(agreement))
            issuer = party_of(session, found, party or self.acting.require("issue a round")).name
            check_proposal_allowed(found.title, stage(session, found))
            label = check_label(label, [r.label for r in rounds.of_agreement(found.saved_id)])
            sections = [RoundSection(n.section.id, n.number, n.section.heading, n.section.text, n.section.version)
                        for n in number_outline(SectionStore(session).outline(found.saved_id))]
            made = rounds.add(found.saved_id, label, issuer, sections, sheet_to_data(store.terms(found.saved_id)))
            record(session, found.saved_id, issuer, "issue round", label,
                   {"round": made.id, "sections": len(sections), "snapshot": rounds.snapshot_hash(made.id)})
            self._follow_status(session, found.saved_id, issuer)
            return made

    def withdraw_round(self, round_id: int, withdrawn: bool = True) -> None:
        """Withdraw an issued round (undoing the issue), or reissue it, in the acting party's name."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()
            rounds = RoundStore(session)
            row = rounds.get(round_id)
            agreement = AgreementStore(session).get(row.agreement_id)
            actor = party_of(session, agreement, self.acting.require("withdraw a round"))
            if not withdrawn:
                check_label(row.label, [r.label for r in rounds.of_agreement(row.agreement_id)])
            rounds.set_withdrawn(round_id, withdrawn)
            record(session, row.agreement_id, actor.name, "withdraw round" if withdrawn else "reissue round",
                   row.label, {"round": round_id})
            self._follow_status(session, row.agreement_id, actor.name)

    def _follow_status(self, session: Session, agreement_id: int, party: str) -> None:
        """Drafting until a round is issued, in negotiation after: the status follows, recorded."""
        store = AgreementStore(session)
        found = store.get(agreement_id)
        issued = bool(RoundStore(session).of_agreement(agreement_id))
        wanted = {AgreementStatus.DRAFTING: AgreementStatus.IN_NEGOTIATION if issued else None,
                  AgreementStatus.IN_NEGOTIATION: None if issued else AgreementStatus.DRAFTING}.get(found.status)
        if wanted is not None:
            store.save(replace(found, status=wanted))
            record(session, agreement_id, party, "status", wanted.label.lower(),
                   {"status": wanted.value, "from": found.status.value})

    def rounds(self, agreement: int | str) -> list[Round]:
        """The agreement's issued rounds, oldest first."""
        with self.library.unit_of_work() as session:
            return RoundStore(session).of_agreement(AgreementStore(session).find(str(agreement)).saved_id)
