"""Parties, agreements and the rules a lawyer expects of each kind of agreement."""

from __future__ import annotations

import pytest

from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.services.session import Workspace, open_workspace


@pytest.fixture
def ws(starter_library) -> Workspace:
    opened = open_workspace(starter_library, "Test Drafter")
    for name, short, kind in [("NHS Westshire ICB", "ICB", "commissioner"), ("Westshire Council", "Council",
                              "local_authority"), ("West Trust", "Trust", "nhs_trust"),
                              ("West GPs", "GPs", "gp_federation"), ("Integrate Ltd", "Integrate",
                              "independent_sector_provider"), ("Care Charity", "Charity", "voluntary_sector")]:
        opened.agreements.add_party(name, short, kind)
    opened.act_as("ICB")  # the commissioner drafts every agreement here
    yield opened
    opened.close()


def _prime(ws: Workspace, model: str = "prime_contractor", role: str = "prime_contractor",
           integrator: str = "Integrate"):
    return ws.agreements.create_agreement("Prime", "prime_contract", model, [("ICB", "commissioner"),
                                          (integrator, role)])


def test_a_prime_contract_has_exactly_one_integrator(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="exactly one integrator.*has 2"):
        ws.agreements.create_agreement("P", "prime_contract", "prime_contractor", [
            ("ICB", "commissioner"), ("Integrate", "prime_contractor"), ("Trust", "prime_contractor")])
    with pytest.raises(InvalidInput, match="exactly one integrator.*has 0"):
        ws.agreements.create_agreement("P", "prime_contract", "prime_contractor", [("ICB", "commissioner")])
    assert _prime(ws).integrator.party.short_name == "Integrate"


def test_a_prime_provider_must_deliver_services_itself(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="also delivers services itself"):
        ws.agreements.create_agreement("P", "prime_contract", "prime_provider", [
            ("Trust", "commissioner"), ("ICB", "prime_provider")])
    with pytest.raises(InvalidInput, match="role is prime provider"):
        _prime(ws, "prime_provider", "prime_contractor")
    assert _prime(ws, "prime_provider", "prime_provider", integrator="Trust").integrator.role.value == "prime_provider"


def test_an_alliance_needs_a_commissioner_two_providers_and_no_sub_contractual_roles(ws: Workspace) -> None:
    create = ws.agreements.create_agreement
    with pytest.raises(InvalidInput, match="at least one commissioner and two providers"):
        create("A", "overarching_alliance_agreement", "alliance", [("ICB", "commissioner"),
                                                                     ("Trust", "alliance_member")])
    with pytest.raises(InvalidInput, match="no sub-contractual roles.*Sub-contractor"):
        create("A", "overarching_alliance_agreement", "alliance", [
            ("ICB", "commissioner"), ("Trust", "alliance_member"), ("GPs", "alliance_member"),
            ("Charity", "sub_contractor")])
    made = create("A", "overarching_alliance_agreement", "alliance", [
        ("ICB", "commissioner"), ("Council", "commissioner"), ("Trust", "alliance_member"), ("GPs", "alliance_member")])
    assert [s.role.value for s in made.signatories].count("alliance_member") == 2


def test_a_sub_contract_sits_under_a_prime_contract_with_its_integrator(ws: Workspace) -> None:
    prime = _prime(ws)
    ws.act_as("Integrate")  # the integrator drafts its sub-contracts
    sub = ws.agreements.create_agreement("Sub", "sub_contract", "prime_contractor",
                                         [("Integrate", "prime_contractor"), ("Trust", "sub_contractor")], prime.id)
    ws.act_as("ICB")
    assert sub.parent_id == prime.id
    alliance = ws.agreements.create_agreement("A", "overarching_alliance_agreement", "alliance", [
        ("ICB", "commissioner"), ("Trust", "alliance_member"), ("GPs", "alliance_member")])
    ws.act_as("Integrate")
    with pytest.raises(InvalidInput, match="sub-contract sits under prime contract"):
        ws.agreements.update_agreement("Sub", parent=alliance.id)
    with pytest.raises(InvalidInput, match="one integrator .* and one sub-contractor"):
        ws.agreements.create_agreement("Sub2", "sub_contract", "prime_contractor", [("Trust", "sub_contractor")])


def test_an_agreement_cannot_become_its_own_ancestor(ws: Workspace) -> None:
    mou = ws.agreements.create_agreement("Heads of terms", "memorandum_of_understanding", "alliance",
                                         [("ICB", "commissioner"), ("Trust", "alliance_member")])
    with pytest.raises(InvalidInput, match="its own ancestor"):
        ws.agreements.update_agreement(mou.id, parent=mou.id)
    prime = ws.agreements.create_agreement("Prime", "prime_contract", "prime_contractor",
                                           [("ICB", "commissioner"), ("Integrate", "prime_contractor")], mou.id)
    assert prime.parent_id == mou.id
    with pytest.raises(InvalidInput):  # a memorandum under its own prime contract would be a loop
        ws.agreements.update_agreement(mou.id, parent=prime.id)
    assert ws.agreements.agreement(mou.id).parent_id is None


def test_a_party_in_use_cannot_be_removed_and_the_message_says_where(ws: Workspace) -> None:
    _prime(ws)
    with pytest.raises(InvalidInput, match="Integrate Ltd cannot be removed.*Prime"):
        ws.agreements.remove_party("Integrate")
    ws.agreements.remove_party("Charity")
    with pytest.raises(NotFound):
        ws.agreements.remove_party("Charity")
    assert "Integrate Ltd" in [p.name for p in ws.agreements.parties()]


def test_bad_party_and_agreement_input_is_named(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="'West Trust' is already used by West Trust"):
        ws.agreements.add_party("West Trust", "WT", "nhs_trust")
    with pytest.raises(InvalidInput, match="'hospital' is not a type"):
        ws.agreements.add_party("X", "X", "hospital")
    with pytest.raises(InvalidInput, match="'franchise' is not a valid kind"):
        ws.agreements.create_agreement("X", "franchise", "alliance", [])
    _prime(ws)
    with pytest.raises(InvalidInput, match="already an agreement titled"):
        _prime(ws)


def test_finding_an_agreement_by_id_or_unique_title(ws: Workspace) -> None:
    prime = _prime(ws)
    assert ws.agreements.agreement(str(prime.id)).title == "Prime"
    assert ws.agreements.agreement("prime").id == prime.id
    with pytest.raises(NotFound, match="no agreement"):
        ws.agreements.agreement("Nothing like it")
