"""Organisations that sign integrated-care agreements, and the roles they take in each."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OrganisationType(StrEnum):
    """What kind of body an organisation is."""

    COMMISSIONER = "commissioner"
    NHS_TRUST = "nhs_trust"
    GP_FEDERATION = "gp_federation"
    INDEPENDENT_SECTOR_PROVIDER = "independent_sector_provider"
    LOCAL_AUTHORITY = "local_authority"
    VOLUNTARY_SECTOR = "voluntary_sector"

    @property
    def label(self) -> str:
        """Plain name."""
        return {
            "commissioner": "Commissioner", "nhs_trust": "NHS trust", "gp_federation": "GP federation",
            "independent_sector_provider": "Independent sector provider", "local_authority": "Local authority",
            "voluntary_sector": "Voluntary sector organisation",
        }[self.value]

    @property
    def delivers_care(self) -> bool:
        """Whether the organisation can itself deliver services (and so be a prime provider)."""
        return self is not OrganisationType.COMMISSIONER


class Role(StrEnum):
    """The part an organisation plays in one agreement."""

    COMMISSIONER = "commissioner"
    PRIME_CONTRACTOR = "prime_contractor"  # the integrator, which only manages the pathway
    PRIME_PROVIDER = "prime_provider"  # an integrator that also delivers services itself
    SUB_CONTRACTOR = "sub_contractor"
    ALLIANCE_MEMBER = "alliance_member"

    @property
    def label(self) -> str:
        """Plain name."""
        return {
            "commissioner": "Commissioner", "prime_contractor": "Prime contractor (integrator)",
            "prime_provider": "Prime provider", "sub_contractor": "Sub-contractor",
            "alliance_member": "Alliance member",
        }[self.value]

    @property
    def is_integrator(self) -> bool:
        """Prime contractors and prime providers both integrate the pathway."""
        return self in (Role.PRIME_CONTRACTOR, Role.PRIME_PROVIDER)


@dataclass(frozen=True)
class Party:
    """An organisation in the library's address book. ``id`` is None until saved."""

    name: str
    short_name: str
    type: OrganisationType
    id: int | None = None


@dataclass(frozen=True)
class Signatory:
    """A party's role in one agreement."""

    party: Party
    role: Role
