"""The money map's layout, without Qt: who goes where, what each link says, and that nothing overlaps."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementKind, ContractingModel
from negotiator.domain.money_map import LABEL_WIDTH, MoneyMap, label_height, lay_out
from negotiator.domain.network import NetworkNode, check_network
from negotiator.domain.parties import OrganisationType, Party, Role, Signatory
from negotiator.domain.terms import PartyShare, Payment, RiskShare, TermsSheet
from negotiator.services.session import open_workspace

PHYSIO = "MSK Sub-contract: Active Physio"


def _demo_map(demo_path) -> MoneyMap:
    ws = open_workspace(demo_path, "Test Drafter")
    try:
        return ws.agreements.money_map()
    finally:
        ws.close()


def _node(money_map: MoneyMap, name: str):
    return next(n for n in money_map.nodes if n.lines[0] == name)


def test_money_flows_left_to_right_in_the_demo(demo_path) -> None:
    money_map = _demo_map(demo_path)
    icb = _node(money_map, "NHS Northshire Integrated Care Board")
    meridian = _node(money_map, "Meridian MSK Partnership Ltd")
    physio = _node(money_map, "Active Physio CIC")
    assert icb.x < meridian.x < physio.x
    assert icb.lines[1] == "Commissioner"
    assert len([n for n in money_map.nodes if not n.is_hub]) == 8  # every demo organisation, once


def test_each_two_party_agreement_is_one_link_in_plain_words(demo_path) -> None:
    money_map = _demo_map(demo_path)
    physio = next(k for k in money_map.links if k.title == PHYSIO)
    assert physio.words == "£6,000,000 a year · paid in 45 days · no risk share"
    assert physio.source == _node(money_map, "Meridian MSK Partnership Ltd").key
    assert physio.target == _node(money_map, "Active Physio CIC").key
    assert [f.rule for f in physio.findings] == ["payment-flows-down"]
    assert physio.lines[-1] == "⚠ paid more slowly than the money arrives"
    assert sum(bool(k.findings) for k in money_map.links) == 1  # the demo's one finding, on its own link


def test_the_alliance_is_a_hub_with_a_spoke_per_party(demo_path) -> None:
    money_map = _demo_map(demo_path)
    (hub,) = [n for n in money_map.nodes if n.is_hub]
    assert hub.lines == ("Northshire Ageing Well Alliance Agreement", "£48,000,000 a year · paid in 30 days",
                         "risk shared beyond a 2% corridor")
    spokes = {money_map.by_key[k.target if k.source == hub.key else k.source].lines[0]: k.words
              for k in money_map.links if hub.key in (k.source, k.target)}
    assert spokes == {"NHS Northshire Integrated Care Board": "puts £1,000,000 into the pooled fund",
                      "Northshire County Council": "puts £200,000 into the pooled fund",
                      "Northshire Community Health NHS Trust": "bears 50% of losses",
                      "Northshire Primary Care Federation": "bears 30% of losses",
                      "Hope Street Wellbeing": "bears 20% of losses, capped at £250,000"}


def test_the_share_of_losses_passed_on_is_on_the_link() -> None:
    icb = Party("ICB", "ICB", OrganisationType.COMMISSIONER, 1)
    prime = Party("Prime Ltd", "Prime", OrganisationType.INDEPENDENT_SECTOR_PROVIDER, 2)
    agreement = Agreement("Prime contract", AgreementKind.PRIME_CONTRACT, ContractingModel.PRIME_CONTRACTOR,
                          (Signatory(icb, Role.COMMISSIONER), Signatory(prime, Role.PRIME_CONTRACTOR)), id=1)
    terms = TermsSheet(RiskShare((PartyShare(1, Decimal(60), Decimal(60)), PartyShare(2, Decimal(40), Decimal(40)))),
                       payment=Payment(annual_value=480_000_000, days=30))
    (link,) = lay_out([NetworkNode(agreement, terms)]).links
    assert link.words == "£4,800,000 a year · paid in 30 days · 40% of losses passed on"


def _alliance(members: int) -> NetworkNode:
    parties = [Signatory(Party("ICB", "ICB", OrganisationType.COMMISSIONER, 1), Role.COMMISSIONER)]
    parties += [Signatory(Party(f"Provider {n}", f"P{n}", OrganisationType.NHS_TRUST, n + 2), Role.ALLIANCE_MEMBER)
                for n in range(members)]
    return NetworkNode(Agreement("Alliance", AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT, ContractingModel.ALLIANCE,
                                 tuple(parties), id=1), TermsSheet())


def test_an_alliance_of_eight_members_fans_out_from_its_hub_without_overlaps() -> None:
    money_map = lay_out([_alliance(8)])
    assert len(money_map.links) == 9 and sum(n.is_hub for n in money_map.nodes) == 1
    _assert_nothing_overlaps(money_map)


def _network(shape: list[int]) -> list[NetworkNode]:
    """A prime contract per entry of ``shape``, each with that many sub-contracts, under one commissioner."""
    icb = Party("ICB", "ICB", OrganisationType.COMMISSIONER, 1)
    nodes, next_id = [], 2
    for n, subs in enumerate(shape):
        integrator = Party(f"Integrator {n}", f"I{n}", OrganisationType.INDEPENDENT_SECTOR_PROVIDER, next_id)
        next_id += 1
        prime_id = len(nodes) + 1
        signatories = (Signatory(icb, Role.COMMISSIONER), Signatory(integrator, Role.PRIME_CONTRACTOR))
        nodes.append(NetworkNode(Agreement(f"Prime {n}", AgreementKind.PRIME_CONTRACT,
                                           ContractingModel.PRIME_CONTRACTOR, signatories, id=prime_id),
                                 TermsSheet(payment=Payment(annual_value=10**9, days=30))))
        for m in range(subs):
            provider = Party(f"Provider {n}-{m}", f"P{n}-{m}", OrganisationType.NHS_TRUST, next_id)
            next_id += 1
            nodes.append(NetworkNode(Agreement(
                f"Sub {n}-{m}", AgreementKind.SUB_CONTRACT, ContractingModel.PRIME_CONTRACTOR,
                (Signatory(integrator, Role.PRIME_CONTRACTOR), Signatory(provider, Role.SUB_CONTRACTOR)),
                parent_id=prime_id, id=len(nodes) + 1),
                TermsSheet(payment=Payment(annual_value=10**8, days=20 + m * 5))))
    return nodes


def _assert_nothing_overlaps(money_map: MoneyMap) -> None:
    boxes = sorted(_boxes(money_map), key=lambda b: b[1])
    for n, (what, _, top, right, bottom) in enumerate(boxes):
        for other, left2, top2, _, bottom2 in boxes[n + 1:]:
            if left2 >= right:
                break  # sorted by their left edge: none further on reaches this one
            assert top2 >= bottom or bottom2 <= top, f"{what} overlaps {other}"
    columns: dict[float, list] = {}
    for node in money_map.nodes:
        columns.setdefault(node.x, []).append(node)
        assert node.x - node.width / 2 >= 0 and node.x + node.width / 2 <= money_map.width
        assert node.y - node.height / 2 >= 0 and node.y + node.height / 2 <= money_map.height
    for column in columns.values():
        column.sort(key=lambda n: n.y)
        for upper, lower in zip(column, column[1:], strict=False):
            assert upper.y + upper.height / 2 <= lower.y - lower.height / 2
    gaps: dict[float, list] = {}
    for link in money_map.links:
        gaps.setdefault(link.label_x, []).append(link)
        assert link.label_x - LABEL_WIDTH / 2 >= 0 and link.label_x + LABEL_WIDTH / 2 <= money_map.width
    for gap in gaps.values():
        gap.sort(key=lambda k: k.label_y)
        for upper, lower in zip(gap, gap[1:], strict=False):
            bottom = upper.label_y + label_height(len(upper.lines)) / 2
            top = lower.label_y - label_height(len(lower.lines)) / 2
            assert bottom <= top + 1e-6


@settings(max_examples=40)
@given(st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=8))
def test_every_agreement_is_drawn_and_nothing_overlaps(shape: list[int]) -> None:
    network = _network(shape)
    money_map = lay_out(network, check_network(network))
    assert {k.agreement_id for k in money_map.links} == {n.agreement.id for n in network}
    assert sum(bool(k.findings) for k in money_map.links) == sum(max(0, s - 3) for s in shape)  # paid after 30 days
    _assert_nothing_overlaps(money_map)


def test_the_bench_sized_network_is_laid_out_in_columns() -> None:
    money_map = lay_out(_network([9] * 20))
    assert len(money_map.links) == 200 and len(money_map.nodes) == 201
    assert len({n.x for n in money_map.nodes}) == 3
    _assert_nothing_overlaps(money_map)


def test_an_alliance_finding_is_drawn_on_its_hub() -> None:
    alliance = _alliance(3)  # no risk shares at all: each member lacks one
    money_map = lay_out([alliance], check_network([alliance]))
    (hub,) = [n for n in money_map.nodes if n.is_hub]
    assert [f.rule for f in hub.findings] == ["alliance-members-share-risk"] * 3
    assert not any(k.findings for k in money_map.links)


def test_two_organisations_paying_each_other_are_still_drawn() -> None:
    a = Party("Trust A", "A", OrganisationType.NHS_TRUST, 1)
    b = Party("Trust B", "B", OrganisationType.NHS_TRUST, 2)
    network = [NetworkNode(Agreement(f"Service contract {n}", AgreementKind.SERVICE_CONTRACT, ContractingModel.ALLIANCE,
                                     (Signatory(payer, Role.COMMISSIONER), Signatory(paid, Role.ALLIANCE_MEMBER)),
                                     id=n), TermsSheet()) for n, (payer, paid) in enumerate([(a, b), (b, a)], 1)]
    money_map = lay_out(network)
    assert {(k.source, k.target) for k in money_map.links} == {("party:1", "party:2"), ("party:2", "party:1")}
    assert all(0 <= k.label_x <= money_map.width and 0 <= k.label_y <= money_map.height for k in money_map.links)


def _boxes(money_map: MoneyMap) -> list[tuple[str, float, float, float, float]]:
    """Every box of the map as (what, left, top, right, bottom): the organisations, hubs and labels."""
    boxes = [(n.key, n.x - n.width / 2, n.y - n.height / 2, n.x + n.width / 2, n.y + n.height / 2)
             for n in money_map.nodes]
    for number, k in enumerate(money_map.links):
        half = label_height(len(k.lines)) / 2
        boxes.append((f"label:{number}", k.label_x - LABEL_WIDTH / 2, k.label_y - half, k.label_x + LABEL_WIDTH / 2,
                      k.label_y + half))
    return boxes


def _assert_lines_pass_no_box(money_map: MoneyMap) -> None:
    boxes = _boxes(money_map)
    for number, link in enumerate(money_map.links):
        start, end = money_map.by_key[link.source], money_map.by_key[link.target]
        if end.x <= start.x:
            continue
        assert link.before[0] == (start.x + start.width / 2, start.y)
        assert link.after[-1] == (end.x - end.width / 2, end.y)
        assert link.before[-1] == (link.label_x - LABEL_WIDTH / 2, link.label_y)
        legs = [link.before, link.after]
        own = {link.source, link.target, f"label:{number}"}
        for leg in legs:
            for (x1, y1), (x2, y2) in zip(leg, leg[1:], strict=False):
                steps = max(int(max(abs(x2 - x1), abs(y2 - y1)) / 3), 1)
                for step in range(steps + 1):
                    x, y = x1 + (x2 - x1) * step / steps, y1 + (y2 - y1) * step / steps
                    hit = [b[0] for b in boxes
                           if b[0] not in own and b[1] + 1 < x < b[3] - 1 and b[2] + 1 < y < b[4] - 1]
                    assert not hit, f"{link.title or link.words} passes through {hit} at ({x:.0f}, {y:.0f})"


def test_no_line_of_the_demo_passes_through_a_box(demo_path) -> None:
    money_map = _demo_map(demo_path)
    assert any(len(k.before) > 3 for k in money_map.links)  # the ICB's own service contracts run past the hub
    _assert_lines_pass_no_box(money_map)


@settings(max_examples=30)
@given(st.integers(min_value=2, max_value=8), st.sets(st.integers(min_value=0, max_value=7)), st.lists(
    st.integers(min_value=0, max_value=6), max_size=4))
def test_no_line_passes_through_a_box(members: int, direct: set[int], shape: list[int]) -> None:
    """An alliance whose commissioner also holds service contracts with some members (lines that skip the
    hub's column), beside prime contracts with their sub-contracts."""
    alliance = _alliance(members)
    icb, providers = alliance.agreement.signatories[0], alliance.agreement.signatories[1:]
    network = [alliance] + [NetworkNode(Agreement(
        f"Service contract {n}", AgreementKind.SERVICE_CONTRACT, ContractingModel.ALLIANCE, (icb, providers[n]),
        parent_id=1, id=100 + n), TermsSheet()) for n in sorted(direct) if n < members]
    network += [replace_ids(node, 1000) for node in _network(shape)]
    money_map = lay_out(network)
    _assert_nothing_overlaps(money_map)
    _assert_lines_pass_no_box(money_map)


def replace_ids(node: NetworkNode, offset: int) -> NetworkNode:
    """The node with its agreement's (and parent's) id moved by ``offset``, its parties too, the commissioner aside."""
    from dataclasses import replace

    signatories = tuple(s if s.party.id == 1 else replace(s, party=replace(s.party, id=s.party.id + offset))
                        for s in node.agreement.signatories)
    parent = node.agreement.parent_id + offset if node.agreement.parent_id else None
    return replace(node, agreement=replace(node.agreement, id=node.agreement.id + offset, parent_id=parent,
                                           signatories=signatories))
