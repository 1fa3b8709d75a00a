"""Where a proposal comes from, as its signatures prove it: made in its party's own library, recorded for
that party by another (from a returned Word file, say), or unsigned (it came in a package of format 1)."""

from __future__ import annotations

from dataclasses import dataclass

OWN, RECORDED, UNSIGNED = "own", "recorded", "unsigned"


@dataclass(frozen=True)
class Provenance:
    """``kind`` is own, recorded or unsigned; ``recorded_by`` names who recorded a proposal for its party."""

    kind: str
    party: str
    recorded_by: str | None = None

    @property
    def text(self) -> str:
        """In plain words, as the listing and the proposals panel show it."""
        if self.kind == OWN:
            return "own (signed by its library)"
        if self.kind == RECORDED:
            return f"recorded for {self.party} by {self.recorded_by}"
        return "unsigned"


def provenance(party: str, signed_by_party: str | None, recorded_by: str | None) -> Provenance:
    """The provenance of a proposal by ``party`` whose propose event was signed by the library of
    ``signed_by_party`` (None: not signed), and which names ``recorded_by`` if someone recorded it for the party.
    It is the party's own only when its party's library signed it and nobody else recorded it."""
    if signed_by_party is None:
        return Provenance(UNSIGNED, party)
    if recorded_by and recorded_by != party:
        return Provenance(RECORDED, party, recorded_by)
    if signed_by_party != party:
        return Provenance(RECORDED, party, signed_by_party)
    return Provenance(OWN, party)
