"""An agreement: its kind, model, signatories and place in the contract network, and the rules
a lawyer expects of each kind of agreement."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from negotiator.domain.agreements import ALLOWED_PARENTS, AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.clauses import MAX_TITLE, check_text
from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import Role, Signatory


@dataclass(frozen=True)
class Agreement:
    """An agreement in the contract network. ``id`` is None until saved."""

    title: str
    kind: AgreementKind
    model: ContractingModel
    signatories: tuple[Signatory, ...] = ()
    status: AgreementStatus = AgreementStatus.DRAFTING
    parent_id: int | None = None
    id: int | None = None
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def saved_id(self) -> int:
        """The agreement's id in the library: what the stores and services key it by once it is saved."""
        if self.id is None:
            raise ValueError(f"The agreement {self.title!r} has not been saved yet.")
        return self.id

    def with_role(self, role: Role) -> list[Signatory]:
        """The signatories in one role."""
        return [s for s in self.signatories if s.role is role]

    @property
    def integrator(self) -> Signatory | None:
        """The prime contractor or prime provider, if the agreement has one."""
        return next((s for s in self.signatories if s.role.is_integrator), None)


def check_agreement(agreement: Agreement) -> None:
    """Refuse an agreement whose parties and roles break the rules of its kind and model."""
    # The title goes into SQLite and onto the Word export's title page: no control characters,
    # no lone surrogates, no novel-length titles.
    check_text("The title", agreement.title, limit=MAX_TITLE)
    _check_signatories(agreement)
    kind, model = agreement.kind, agreement.model
    roles = [s.role for s in agreement.signatories]
    integrators = [s for s in agreement.signatories if s.role.is_integrator]
    if kind in (AgreementKind.PRIME_CONTRACT, AgreementKind.SUB_CONTRACT) and model is ContractingModel.ALLIANCE:
        raise InvalidInput(f"A {kind.label.lower()} belongs to the prime contractor or prime provider model, "
                           "not the alliance model.", field="model")
    if kind is AgreementKind.PRIME_CONTRACT:
        if len(integrators) != 1:
            raise InvalidInput(f"A prime contract has exactly one integrator; '{agreement.title}' has "
                               f"{len(integrators)}.", field="parties")
        if not agreement.with_role(Role.COMMISSIONER):
            raise InvalidInput("A prime contract needs at least one commissioner.", field="parties")
    subs = agreement.with_role(Role.SUB_CONTRACTOR)
    if kind is AgreementKind.SUB_CONTRACT and (len(integrators) != 1 or len(subs) != 1):
        raise InvalidInput("A sub-contract is between one integrator (prime contractor or prime provider) "
                           "and one sub-contractor.", field="parties")
    if integrators and kind in (AgreementKind.PRIME_CONTRACT, AgreementKind.SUB_CONTRACT):
        _check_integrator_matches_model(integrators[0], model)
    if kind is AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT or model is ContractingModel.ALLIANCE:
        _check_alliance(agreement, roles)


def _check_signatories(agreement: Agreement) -> None:
    if not agreement.title.strip():
        raise InvalidInput("The agreement needs a title.", field="title")
    seen: set[int | str] = set()
    for signatory in agreement.signatories:
        ident = signatory.party.id if signatory.party.id is not None else signatory.party.name
        if ident in seen:
            raise InvalidInput(f"{signatory.party.name} is listed twice; give each party one role per agreement.",
                               field="parties")
        seen.add(ident)


def _check_integrator_matches_model(integrator: Signatory, model: ContractingModel) -> None:
    if model is ContractingModel.PRIME_PROVIDER:
        if integrator.role is not Role.PRIME_PROVIDER:
            raise InvalidInput("Under the prime provider model the integrator's role is prime provider.",
                               field="parties")
        if not integrator.party.type.delivers_care:
            raise InvalidInput(f"{integrator.party.name} is a {integrator.party.type.label.lower()}; a prime "
                               "provider also delivers services itself, so it must be a provider.",
                               field="parties")
    elif integrator.role is not Role.PRIME_CONTRACTOR:
        raise InvalidInput("Under the prime contractor model the integrator's role is prime contractor.",
                           field="parties")


def _check_alliance(agreement: Agreement, roles: list[Role]) -> None:
    sub_contractual = sorted({r.label for r in roles if r.is_integrator or r is Role.SUB_CONTRACTOR})
    if sub_contractual:
        raise InvalidInput(f"An alliance has no sub-contractual roles, but '{agreement.title}' has: "
                           f"{', '.join(sub_contractual)}.", field="parties")
    if agreement.kind is not AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT:
        return
    if not agreement.with_role(Role.COMMISSIONER) or len(agreement.with_role(Role.ALLIANCE_MEMBER)) < 2:
        raise InvalidInput("An alliance agreement needs at least one commissioner and two providers as alliance "
                           f"members; '{agreement.title}' has {len(agreement.with_role(Role.COMMISSIONER))} and "
                           f"{len(agreement.with_role(Role.ALLIANCE_MEMBER))}.", field="parties")


def check_parent(agreement: Agreement, parent: Agreement | None, ancestors_of_parent: list[int]) -> None:
    """Refuse a parent of the wrong kind, or one that would make the agreement its own ancestor."""
    if parent is None:
        return
    if agreement.id is not None and (parent.id == agreement.id or agreement.id in ancestors_of_parent):
        raise InvalidInput(f"'{parent.title}' cannot be the parent of '{agreement.title}': the agreement would "
                           "become its own ancestor.", field="parent")
    allowed = ALLOWED_PARENTS[agreement.kind]
    if parent.kind not in allowed:
        names = " or ".join(sorted(k.label.lower() for k in allowed)) or "no other agreement"
        raise InvalidInput(f"A {agreement.kind.label.lower()} sits under {names}, not under a "
                           f"{parent.kind.label.lower()} ('{parent.title}').", field="parent")
