"""Kinds of agreement in an integrated-care contract network."""

from enum import StrEnum


class AgreementKind(StrEnum):
    """The documents a contract network is made of."""

    OVERARCHING_ALLIANCE_AGREEMENT = "overarching_alliance_agreement"
    PRIME_CONTRACT = "prime_contract"
    SUB_CONTRACT = "sub_contract"
    SERVICE_CONTRACT = "service_contract"
    MEMORANDUM_OF_UNDERSTANDING = "memorandum_of_understanding"

    @property
    def label(self) -> str:
        """The name a lawyer would use."""
        return _LABELS[self]


_LABELS = {
    AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT: "Overarching alliance agreement",
    AgreementKind.PRIME_CONTRACT: "Prime contract",
    AgreementKind.SUB_CONTRACT: "Sub-contract",
    AgreementKind.SERVICE_CONTRACT: "Service contract",
    AgreementKind.MEMORANDUM_OF_UNDERSTANDING: "Memorandum of understanding",
}


class ContractingModel(StrEnum):
    """How the commissioners buy the integrated service."""

    PRIME_CONTRACTOR = "prime_contractor"
    PRIME_PROVIDER = "prime_provider"
    ALLIANCE = "alliance"

    @property
    def label(self) -> str:
        """Plain name."""
        return {"prime_contractor": "Prime contractor", "prime_provider": "Prime provider",
                "alliance": "Alliance"}[self.value]


class AgreementStatus(StrEnum):
    """Where an agreement is in its life."""

    DRAFTING = "drafting"
    IN_NEGOTIATION = "in_negotiation"
    AGREED = "agreed"
    SIGNED = "signed"

    @property
    def label(self) -> str:
        """Plain name."""
        return self.value.replace("_", " ").capitalize()


# Which kind of agreement may sit under which: a sub-contract under its prime contract, a service
# contract under its alliance agreement; anything may sit under a memorandum of understanding.
ALLOWED_PARENTS: dict[AgreementKind, frozenset[AgreementKind]] = {
    AgreementKind.SUB_CONTRACT: frozenset({AgreementKind.PRIME_CONTRACT}),
    AgreementKind.SERVICE_CONTRACT: frozenset({AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT,
                                               AgreementKind.MEMORANDUM_OF_UNDERSTANDING}),
    AgreementKind.PRIME_CONTRACT: frozenset({AgreementKind.MEMORANDUM_OF_UNDERSTANDING}),
    AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT: frozenset({AgreementKind.MEMORANDUM_OF_UNDERSTANDING}),
    AgreementKind.MEMORANDUM_OF_UNDERSTANDING: frozenset(),
}
