"""Who proposes, found the quick way (one query of the agreement's parties), with the same answers as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import open_workspace


def test_a_proposer_is_found_by_name_or_short_name_and_the_agreement_by_id_or_title(demo_path: Path) -> None:
    ws = open_workspace(demo_path, "Test Drafter")
    alliance = ws.agreements.agreement(ALLIANCE)
    section = ws.outline.outline(alliance.id)[0].section
    trust = next(s.party for s in alliance.signatories if s.party.short_name == "Community Trust")
    by_id = ws.negotiation.propose_wording(alliance.id, section.id, section.text + " One.", "COMMUNITY TRUST", "Why")
    by_title = ws.negotiation.propose_wording(ALLIANCE, section.id, section.text + " Two.", trust.name.lower(), "Why")
    assert by_id.party_id == by_title.party_id == trust.id and by_id.party_name == trust.name
    with pytest.raises(NotFound, match="no party called 'Nobody'"):
        ws.negotiation.propose_wording(alliance.id, section.id, section.text + " Three.", "Nobody", "Why")
    with pytest.raises(NotFound, match="no agreement with id 9999"):
        ws.negotiation.propose_wording(9999, section.id, section.text + " Four.", "Community Trust", "Why")
    with pytest.raises(InvalidInput, match="Meridian.* is not a party to 'Northshire Ageing Well"):
        ws.negotiation.propose_wording(ALLIANCE, section.id, section.text + " Five.", "Meridian", "Why")
    ws.close()
