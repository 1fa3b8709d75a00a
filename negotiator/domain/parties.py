"""Organisations that sign integrated-care agreements, and the roles they take in each."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from negotiator.domain.errors import InvalidInput, NotFound


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

    @property
    def saved_id(self) -> int:
        """The party's id in the library: what the stores and services key it by once it is saved."""
        if self.id is None:
            raise ValueError(f"The party {self.name!r} has not been saved yet.")
        return self.id


@dataclass(frozen=True)
class Signatory:
    """A party's role in one agreement."""

    party: Party
    role: Role


MAX_NAME = 200


def check_party_names(name: str, short_name: str, others: list[Party]) -> tuple[str, str]:
    """A party's name and short name, trimmed, if they are usable and unique (ignoring case) among
    every other party's names and short names; otherwise say what to change."""
    name, short_name = name.strip(), short_name.strip() or name.strip()
    for label, value in (("name", name), ("short name", short_name)):
        if not value:
            raise InvalidInput(f"A party needs a {label}.", field=label)
        if len(value) > MAX_NAME:
            raise InvalidInput(f"The party's {label} is {len(value)} characters long; use at most {MAX_NAME}.",
                               field=label)
        if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in value):
            raise InvalidInput(f"The party's {label} contains a control character (such as a tab or line break); "
                               "type it on one line.", field=label)
    for other in others:
        taken = {other.name.casefold(), other.short_name.casefold()}
        for label, value in (("name", name), ("short name", short_name)):
            if value.casefold() in taken:
                raise InvalidInput(f"'{value}' is already used by {other.name}; party names and short names must "
                                   f"differ (ignoring capitals). Choose another {label}.", field=label)
    return name, short_name


def match_party(parties: list[Party], wanted: str, where: str = "in this library") -> Party:
    """The party whose exact name or short name (ignoring capitals) is ``wanted``; an unknown or
    ambiguous name is refused with the candidates listed."""
    key = wanted.strip().casefold()
    found = [p for p in parties if key in (p.name.casefold(), p.short_name.casefold())]
    if len(found) == 1:
        return found[0]
    if found:
        names = "; ".join(f"{p.name} ({p.short_name})" for p in found)
        raise InvalidInput(f"'{wanted}' could mean more than one party {where}: {names}. Give the full name.",
                           field="party")
    near = [p for p in parties if key and (key in p.name.casefold() or key in p.short_name.casefold())]
    hint = (" Did you mean " + " or ".join(f"'{p.name}'" for p in near[:5]) + "?") if near else ""
    raise NotFound(f"There is no party called '{wanted}' {where}.{hint}")


def party_named(parties: list[Party], name: str) -> Party | None:
    """The party ``name`` names exactly (its name or short name, ignoring capitals), or None when it names
    none or more than one: for names read from a record, where a miss is explained, not refused."""
    try:
        return match_party(parties, name)
    except InvalidInput:  # NotFound is one too
        return None
