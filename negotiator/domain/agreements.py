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
