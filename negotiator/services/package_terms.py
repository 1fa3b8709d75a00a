"""Terms crossing between libraries: named by party name in a package (party ids differ between
libraries), and checked against this library's own terms rules before anything is stored."""

from __future__ import annotations

from negotiator.domain.agreement import Agreement
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.proposals import Proposal, ProposalKind
from negotiator.domain.term_fields import set_term
from negotiator.domain.terms import TermsSheet
from negotiator.domain.terms_json import sheet_from_data
from negotiator.domain.terms_rules import check_terms
from negotiator.services.agreements import check_sheet


def terms_by_name(terms: JsonObject, agreement: Agreement) -> JsonObject:
    """Terms name parties by name in a package, since party ids differ between libraries."""
    names = {s.party.id: s.party.name for s in agreement.signatories}
    data = {**terms, "risk_share": dict(terms["risk_share"]), "payment": dict(terms["payment"])}
    data["risk_share"]["shares"] = [{**s, "party": names.get(s["party"], str(s["party"]))}
                                    for s in terms["risk_share"]["shares"]]
    data["payment"]["contributions"] = [{**c, "party": names.get(c["party"], str(c["party"]))}
                                        for c in terms["payment"]["contributions"]]
    if terms["risk_share"].get("excess_bearer") is not None:  # absent when unset, so older sheets read the same
        bearer = terms["risk_share"]["excess_bearer"]
        data["risk_share"]["excess_bearer"] = names.get(bearer, str(bearer))
    return data


def terms_by_id(terms: JsonObject, ids: dict[str, int]) -> JsonObject:
    """The package's terms with party ids of this library, refused unless they are a terms sheet that
    keeps every rule: the schema lets any JSON through here, and the wording renders from it later."""
    try:
        data = {**terms, "risk_share": dict(terms["risk_share"]), "payment": dict(terms["payment"])}
        data["risk_share"]["shares"] = [{**s, "party": ids[s["party"]]} for s in terms["risk_share"]["shares"]
                                        if s["party"] in ids]
        data["payment"]["contributions"] = [{**c, "party": ids[c["party"]]}
                                            for c in terms["payment"]["contributions"] if c["party"] in ids]
        if terms["risk_share"].get("excess_bearer") is not None:  # a party no signatory here cannot carry it
            data["risk_share"]["excess_bearer"] = ids[terms["risk_share"]["excess_bearer"]]
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InvalidInput("The package's terms sheet is damaged: a value is missing or of the wrong kind.",
                           field="terms") from None
    try:
        check_terms(sheet_from_data(data), {pid: name for name, pid in ids.items()})
    except InvalidInput as error:
        raise InvalidInput(f"The package's terms sheet cannot be used: {error}", field="terms") from None
    return data


def refused_terms(agreement: Agreement, sheet: TermsSheet, proposal: Proposal) -> str | None:
    """Why a term proposal's values break the terms rules here, or ``None`` when they keep them."""
    if proposal.kind not in (ProposalKind.TERM, ProposalKind.TERMS):
        return None
    parties = {s.party.saved_id: s.party for s in agreement.signatories}
    try:
        for name, value in proposal.term_values().items():
            sheet = set_term(sheet, name, value, parties)
        check_sheet(sheet, parties)
    except InvalidInput as error:
        return str(error).rstrip(".")
    return None
