"""Remarks and positions of the parties, kept in the negotiation record itself.

Each is a signed event of the agreement's record ("remark", "support", "oppose"), naming the section
and the proposal by origin, so that a package carries them to the other libraries with the rest of
the record and each library reads them back against its own records. Nothing else stores them: the
record is their single source, and they can never disagree with it.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from negotiator.domain.agreement import Agreement
from negotiator.domain.clauses import MAX_TEXT, check_text, parse_time, utc_now
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.lifecycle import check_proposal_allowed
from negotiator.domain.parties import Party
from negotiator.domain.remarks import PositionTaken, Remark, distinct_remarks, standing_positions
from negotiator.domain.term_fields import is_term
from negotiator.services.acting import Acting
from negotiator.services.applying import live_section, parties_of
from negotiator.services.changes import party_of, record, stage
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import ProposalStore
from negotiator.storage.trust_store import TrustStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ACTIONS = ("remark", "support", "oppose")


class RemarksService:
    """The parties' remarks and positions on one library's agreements."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    def remark(self, agreement: int | str, target: str, text: str, party: str, answers: int | None = None,
               source: str = "") -> Remark:
        """Record a party's remark on a section (``section:ID``) or a term, replying to proposal
        ``answers`` if given; a remark the party has already made in the same place is not made twice."""
        text = check_text("remark", text, limit=MAX_TEXT).strip()  # refuses empty text, saying so
        with self.library.unit_of_work(write=True) as session:
            found, speaker = self._party_in(session, agreement, party)
            exchange = ExchangeStore(session)
            payload: JsonObject = {"text": text, "source": source}
            if target.startswith("section:"):
                section = live_section(session, found.saved_id, int(target.split(":", 1)[1]))
                payload["section"] = exchange.origin_of("section", section.id)
                subject = f"on section {section.heading}"[:120]
            elif is_term(target, parties_of(session, found.saved_id)):
                payload["term"] = target
                subject = f"on the term {target}"[:120]
            else:
                raise InvalidInput(f"'{target}' is neither a section nor a term of '{found.title}'.", field="target")
            if answers is not None:
                answered = ProposalStore(session).get(answers)
                if answered.agreement_id != found.saved_id:
                    raise InvalidInput(f"Proposal {answers} belongs to another agreement.", field="answers")
                payload["answers"] = exchange.origin_of("proposal", answers)
            recorded_by = self.acting.party if self.acting.party and self.acting.party != speaker.name else None
            if recorded_by is not None:
                payload["recorded_by"] = recorded_by
            made = Remark(speaker.saved_id, speaker.name, target, text, utc_now(), answers, source, recorded_by)
            earlier = next((r for r in remarks_of(session, found.saved_id) if made.same_as(r)), None)
            if earlier is not None:
                return earlier
            record(session, found.saved_id, speaker.name, "remark", subject, payload)
            return made

    def take_position(self, agreement: int | str, proposal_id: int, party: str, supports: bool,
                      source: str = "") -> PositionTaken:
        """Record that a party supports (or opposes) another party's open proposal."""
        with self.library.unit_of_work(write=True) as session:
            found, speaker = self._party_in(session, agreement, party)
            proposal = ProposalStore(session).get(proposal_id)
            if proposal.agreement_id != found.saved_id:
                raise InvalidInput(f"Proposal {proposal_id} belongs to another agreement.", field="proposal")
            if proposal.party_id == speaker.saved_id:
                raise InvalidInput(f"Proposal {proposal_id} is {speaker.name}'s own; its position on it is the "
                                   "proposal itself (withdraw it to drop it).", field="proposal")
            if not proposal.is_open:
                raise InvalidInput(f"Proposal {proposal_id} is already {proposal.status.value}; a position on it "
                                   "would change nothing.", field="proposal")
            payload: JsonObject = {"proposal": ExchangeStore(session).origin_of("proposal", proposal_id),
                                          "source": source}
            record(session, found.saved_id, speaker.name, "support" if supports else "oppose",
                   f"proposal {proposal_id}", payload)
            return PositionTaken(proposal_id, speaker.saved_id, speaker.name, supports, utc_now(), source)

    def remarks(self, agreement: int | str) -> list[Remark]:
        """Every party's remarks on the agreement, oldest first, each once (wherever it was recorded)."""
        with self.library.unit_of_work() as session:
            return remarks_of(session, AgreementStore(session).find(str(agreement)).saved_id)

    def positions(self, agreement: int | str) -> list[PositionTaken]:
        """Every position taken on the agreement's proposals, oldest first."""
        with self.library.unit_of_work() as session:
            return positions_of(session, AgreementStore(session).find(str(agreement)).saved_id)

    def standing(self, agreement: int | str) -> dict[int, dict[int, bool]]:
        """Each proposal's parties' latest positions (True: supports)."""
        return standing_positions(self.positions(agreement))

    def _party_in(self, session: Session, agreement: int | str, party: str) -> tuple[Agreement, Party]:
        found = AgreementStore(session).find(str(agreement))
        speaker = party_of(session, found, party)
        check_proposal_allowed(found.title, stage(session, found))
        return found, speaker


def remarks_of(session: Session, agreement_id: int) -> list[Remark]:
    """Every party's remarks on an agreement, oldest first, each once (inside a unit of work)."""
    parties = {p.name: p for p in parties_of(session, agreement_id).values()}
    exchange = ExchangeStore(session)
    found = [_remark(parties[actor], json.loads(payload), exchange, parse_time(at))
             for at, actor, action, payload in _events(session, agreement_id)
             if action == "remark" and actor in parties]
    return distinct_remarks(r for r in found if r is not None)


def _events(session: Session, agreement_id: int) -> list[tuple[str, str, str, str]]:
    """This library's remark and position events of the agreement, then those received from others."""
    return ExchangeStore(session).actions_of(agreement_id, ACTIONS) + TrustStore(session).actions_of(agreement_id,
                                                                                                    ACTIONS)


def positions_of(session: Session, agreement_id: int) -> list[PositionTaken]:
    """Every position taken on an agreement's proposals, oldest first (inside a unit of work)."""
    parties = {p.name: p for p in parties_of(session, agreement_id).values()}
    exchange = ExchangeStore(session)
    taken: list[PositionTaken] = []
    for at, actor, action, payload in _events(session, agreement_id):
        data = json.loads(payload)
        proposal = exchange.local_id("proposal", str(data.get("proposal", "")))
        if action in ("support", "oppose") and actor in parties and proposal is not None:
            taken.append(PositionTaken(proposal, parties[actor].saved_id, actor, action == "support", parse_time(at),
                                       str(data.get("source", ""))))
    return sorted(taken, key=lambda p: p.at)


def _remark(party: Party, data: JsonObject, exchange: ExchangeStore, at: datetime) -> Remark | None:
    """A remark from its record payload, against this library's records; None when the section it is on
    is not here."""
    if "section" in data:
        section = exchange.local_id("section", str(data["section"]))
        if section is None:
            return None
        target = f"section:{section}"
    else:
        target = str(data.get("term", ""))
    answers = exchange.local_id("proposal", str(data["answers"])) if data.get("answers") else None
    return Remark(party.saved_id, party.name, target, str(data.get("text", "")), at, answers,
                  str(data.get("source", "")), data.get("recorded_by"))
