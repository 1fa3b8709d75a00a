"""Parties are unambiguous: `--as` and `parties remove` match an exact name or short name and refuse an
ambiguous one, listing the candidates; names and short names are unique ignoring case, one line, and
at most 200 characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.services.session import Workspace, open_workspace
from tests.library_backends import behind_the_apps_back, true_location

from .test_cli import negotiator


@pytest.fixture
def ws(starter_library: Path | str) -> Workspace:
    opened = open_workspace(starter_library, "Test Drafter")
    opened.agreements.add_party("Beta Health NHS Trust", "Beta Health", "nhs_trust")
    opened.agreements.add_party("Betamax Care", "Betamax", "voluntary_sector")
    yield opened
    opened.close()


def test_a_party_is_matched_only_by_its_exact_name_or_short_name(ws: Workspace) -> None:
    assert ws.agreements.find_party("beta health").name == "Beta Health NHS Trust"
    assert ws.agreements.find_party("BETAMAX CARE").name == "Betamax Care"
    with pytest.raises(NotFound, match="no party called 'Beta'.*Did you mean 'Beta Health NHS Trust' or 'Betamax"):
        ws.agreements.find_party("Beta")  # a part of two names is neither of them
    with pytest.raises(NotFound):
        ws.act_as("Beta")
    assert ws.acting.party is None


def test_names_and_short_names_are_unique_ignoring_case_one_line_and_not_too_long(ws: Workspace) -> None:
    parties = len(ws.agreements.parties())
    for name, short, why in (("beta health nhs trust", "BH", "already used by Beta Health NHS Trust"),
                             ("Another Trust", "BETAMAX", "already used by Betamax Care"),
                             ("Betamax", "Other", "already used by Betamax Care"),
                             ("Tab\tTrust", "Tab", "control character"),
                             ("Long" * 51, "Long", "204 characters long; the limit is 200"),
                             ("Short Enough", "S" * 201, "short name is 201 characters long")):
        with pytest.raises(InvalidInput, match=why):
            ws.agreements.add_party(name, short, "nhs_trust")
    assert len(ws.agreements.parties()) == parties
    long_short = ws.agreements.add_party("Named At Length", "N" * 200, "nhs_trust")
    assert ws.agreements.find_party("n" * 200).name == long_short.name  # kept whole, on every database


def test_an_ambiguous_name_left_by_an_older_version_is_refused_listing_the_candidates(ws: Workspace) -> None:
    # Older versions let one party's short name equal another's name.
    behind_the_apps_back(true_location(ws), "UPDATE party SET short_name = 'Betamax Care' WHERE name = "
                                            "'Beta Health NHS Trust'")
    with pytest.raises(InvalidInput, match="could mean more than one party.*Beta Health NHS Trust.*Betamax Care"):
        ws.agreements.remove_party("Betamax Care")
    with pytest.raises(InvalidInput, match="could mean more than one party"):
        ws.act_as("betamax care")
    assert len(ws.agreements.parties()) == 2


def test_parties_remove_on_the_command_line_removes_only_the_party_named(starter_path: Path) -> None:
    for name, short in (("Beta", "B1"), ("Alpha Trust", "Alpha")):
        assert negotiator("--library", starter_path, "parties", "add", name, "--short", short,
                          "--type", "nhs_trust").returncode == 0
    near = negotiator("--library", starter_path, "parties", "remove", "Alph")
    assert near.returncode == 2 and "no party called 'Alph'" in near.stderr and "Alpha Trust" in near.stderr
    removed = negotiator("--library", starter_path, "parties", "remove", "beta")
    assert removed.returncode == 0 and "Removed Beta." in removed.stdout
    listed = negotiator("--library", starter_path, "parties", "list").stdout
    assert "Alpha Trust" in listed and "B1" not in listed


def test_one_rule_names_a_party_everywhere() -> None:
    from negotiator.domain.parties import OrganisationType, Party, party_named

    parties = [Party("Northshire Community Health NHS Trust", "Community Trust", OrganisationType.NHS_TRUST, 1),
               Party("Northshire Hospitals NHS Foundation Trust", "Hospitals Trust", OrganisationType.NHS_TRUST, 2),
               Party("Trust", "Trust Two", OrganisationType.NHS_TRUST, 3)]
    assert party_named(parties, " community TRUST ").id == 1  # the name or short name, ignoring capitals
    assert party_named(parties, "Trust").id == 3  # an exact name, not every name that holds the word
    assert party_named(parties, "Hospitals") is None  # a part of a name names no one
    both = [*parties, Party("Other", "trust", OrganisationType.NHS_TRUST, 4)]
    assert party_named(both, "trust") is None  # two parties answer: neither is guessed


def test_a_saved_party_and_agreement_give_their_id_and_an_unsaved_one_says_so(ws: Workspace) -> None:
    from negotiator.domain.agreement import Agreement
    from negotiator.domain.agreements import AgreementKind, ContractingModel
    from negotiator.domain.parties import OrganisationType, Party

    saved = ws.agreements.find_party("Betamax")
    assert saved.saved_id == saved.id and isinstance(saved.saved_id, int)
    with pytest.raises(ValueError, match="party 'Draft Care' has not been saved"):
        _ = Party("Draft Care", "Draft", OrganisationType.VOLUNTARY_SECTOR).saved_id
    draft = Agreement("Unsaved alliance", AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT, ContractingModel.ALLIANCE)
    with pytest.raises(ValueError, match="agreement 'Unsaved alliance' has not been saved"):
        _ = draft.saved_id
