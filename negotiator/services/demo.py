"""The demo negotiation: an ageing-well alliance and a musculoskeletal (MSK) prime contract.

Figures follow public examples of integrated-care contracts: an MSK prime contract of about
£120m over five years with part of the value at risk, a quality incentive of 2.5%, and invoices
paid within 30 days and flowed down. One sub-contract deliberately pays more slowly than its
prime contract, so the network check has something to find.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiator.domain.agreements import AgreementKind as Kind
from negotiator.domain.agreements import ContractingModel as Model
from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import OrganisationType as Org
from negotiator.domain.parties import Role
from negotiator.domain.term_fields import set_term
from negotiator.services.demo_titles import ALLIANCE, PRIME

if TYPE_CHECKING:  # the workspace module imports this one
    from negotiator.services.session import Workspace

PARTIES = [
    ("NHS Northshire Integrated Care Board", "Northshire ICB", Org.COMMISSIONER),
    ("Northshire County Council", "County Council", Org.LOCAL_AUTHORITY),
    ("Northshire Community Health NHS Trust", "Community Trust", Org.NHS_TRUST),
    ("Northshire Primary Care Federation", "GP Federation", Org.GP_FEDERATION),
    ("Hope Street Wellbeing", "Hope Street", Org.VOLUNTARY_SECTOR),
    ("Meridian MSK Partnership Ltd", "Meridian", Org.INDEPENDENT_SECTOR_PROVIDER),
    ("Northshire Hospitals NHS Foundation Trust", "Hospitals Trust", Org.NHS_TRUST),
    ("Active Physio CIC", "Active Physio", Org.VOLUNTARY_SECTOR),
]
SUB_SECTIONS = {"alliance.board.quorum", "alliance.board.unanimous-decisions", "alliance.board.reserved-matters",
                "alliance.disputes.mediation", "alliance.term.extension", "subcontract.quality.incentives"}
COMMON_TERMS = {"duration.start": "2027-04-01", "duration.initial_term": "60", "duration.extension_count": "1",
                "duration.extension_months": "24", "payment.days": "30", "payment.invoicing": "monthly",
                "payment.indexation": "nhs_payment_scheme"}

# (title, kind, model, parties and roles, parent, clause keys, terms)
AGREEMENTS = [
    (ALLIANCE, Kind.OVERARCHING_ALLIANCE_AGREEMENT, Model.ALLIANCE,
     [("Northshire ICB", Role.COMMISSIONER), ("County Council", Role.COMMISSIONER),
      ("Community Trust", Role.ALLIANCE_MEMBER), ("GP Federation", Role.ALLIANCE_MEMBER),
      ("Hope Street", Role.ALLIANCE_MEMBER)], None, "alliance.",
     {**COMMON_TERMS, "duration.notice": "12", "payment.mechanism": "capitation", "payment.annual_value": "48m",
      "risk_share.community-trust.gain": "50", "risk_share.community-trust.loss": "50",
      "risk_share.gp-federation.gain": "30", "risk_share.gp-federation.loss": "30",
      "risk_share.hope-street.gain": "20", "risk_share.hope-street.loss": "20",
      "risk_share.hope-street.cap": "250000", "risk_share.corridor": "2",
      "payment.contribution.northshire-icb": "1m", "payment.contribution.county-council": "200000",
      "payment.pooled_fund": "1.2m"}),
    ("Community Services Contract: Community Trust", Kind.SERVICE_CONTRACT, Model.ALLIANCE,
     [("Northshire ICB", Role.COMMISSIONER), ("Community Trust", Role.ALLIANCE_MEMBER)], ALLIANCE, None,
     {**COMMON_TERMS, "duration.notice": "12", "payment.mechanism": "block", "payment.annual_value": "26m"}),
    ("Primary Care Services Contract: GP Federation", Kind.SERVICE_CONTRACT, Model.ALLIANCE,
     [("Northshire ICB", Role.COMMISSIONER), ("GP Federation", Role.ALLIANCE_MEMBER)], ALLIANCE, None,
     {**COMMON_TERMS, "duration.notice": "12", "payment.mechanism": "capitation", "payment.annual_value": "14m"}),
    (PRIME, Kind.PRIME_CONTRACT, Model.PRIME_CONTRACTOR,
     [("Northshire ICB", Role.COMMISSIONER), ("Meridian", Role.PRIME_CONTRACTOR)], None, "subcontract.",
     {**COMMON_TERMS, "duration.notice": "6", "payment.mechanism": "blended", "payment.annual_value": "24m",
      "payment.variable_part": "4", "payment.quality_incentive": "2.5"}),
    ("MSK Sub-contract: Hospitals Trust", Kind.SUB_CONTRACT, Model.PRIME_CONTRACTOR,
     [("Meridian", Role.PRIME_CONTRACTOR), ("Hospitals Trust", Role.SUB_CONTRACTOR)], PRIME, "subcontract.",
     {**COMMON_TERMS, "duration.notice": "6", "payment.mechanism": "activity", "payment.annual_value": "14m",
      "payment.quality_incentive": "1.25"}),
    # The deliberate finding: this sub-contract pays in 45 days, slower than the 30 days flowing in.
    ("MSK Sub-contract: Active Physio", Kind.SUB_CONTRACT, Model.PRIME_CONTRACTOR,
     [("Meridian", Role.PRIME_CONTRACTOR), ("Active Physio", Role.SUB_CONTRACTOR)], PRIME, "subcontract.",
     {**COMMON_TERMS, "duration.notice": "6", "payment.mechanism": "block", "payment.annual_value": "6m",
      "payment.days": "45", "payment.quality_incentive": "1.25"}),
]


def create_demo(ws: Workspace, clause_keys: list[str]) -> list[str]:
    """Create the demo parties and agreements, each drafted by its first party (the lead drafter) and
    recorded under it; refuse if they are already in the library."""
    agreements, outline = ws.agreements, ws.outline
    if any(a.title == ALLIANCE for a in agreements.agreements()):
        raise InvalidInput("The demo negotiation is already in this library.")
    known = {p.name for p in agreements.parties()}
    for name, short, org in PARTIES:
        if name not in known:
            agreements.add_party(name, short, org)
    titles = []
    for title, kind, model, parties, parent, prefix, terms in AGREEMENTS:
        ws.act_as(parties[0][0], remember=False)
        created = agreements.create_agreement(title, kind, model, parties, parent)
        for key in [k for k in clause_keys if prefix and k.startswith(prefix)]:
            section = outline.add_from_library(created.saved_id, key)
            if key in SUB_SECTIONS:  # a few sub-clauses, so the outline shows 1.1-style numbering
                outline.indent(section.id)
        sheet, by_id = agreements.terms(created.saved_id), agreements.parties_of(created)
        for name, value in terms.items():
            sheet = set_term(sheet, name, value, by_id)
        agreements.save_terms(created.saved_id, sheet, "Demo terms")
        titles.append(title)
    return titles
