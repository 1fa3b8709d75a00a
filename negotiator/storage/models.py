"""Typed ORM models. Rows never leave the storage package: repositories map them to domain objects."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base for every table of a library."""


class ClauseRow(Base):
    """A library clause; title and latest_number repeat the newest version for fast listing."""

    __tablename__ = "clause"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(80), index=True)
    latest_number: Mapped[int] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    kinds: Mapped[list[ClauseKindRow]] = relationship(
        back_populates="clause", cascade="all, delete-orphan", order_by="ClauseKindRow.position"
    )


class ClauseKindRow(Base):
    """An agreement kind a clause suits."""

    __tablename__ = "clause_kind"

    clause_id: Mapped[int] = mapped_column(ForeignKey("clause.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    clause: Mapped[ClauseRow] = relationship(back_populates="kinds")


class ClauseVersionRow(Base):
    """An immutable version of a clause; rows are only ever inserted."""

    __tablename__ = "clause_version"
    __table_args__ = (UniqueConstraint("clause_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("clause.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    parent_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))


class LibraryEventRow(Base):
    """Append-only audit trail of what was done to the library (imports, retirements)."""

    __tablename__ = "library_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")


class PartyRow(Base):
    """An organisation in the library's address book."""

    __tablename__ = "party"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(40))


class AgreementRow(Base):
    """An agreement in the contract network."""

    __tablename__ = "agreement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    signatories: Mapped[list[SignatoryRow]] = relationship(
        cascade="all, delete-orphan", order_by="SignatoryRow.position"
    )


class SignatoryRow(Base):
    """A party's role in an agreement."""

    __tablename__ = "agreement_party"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    party: Mapped[PartyRow] = relationship(lazy="joined")


class SectionRow(Base):
    """A section's place in an agreement's outline; removed sections are kept, flagged."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("section.id"))
    position: Mapped[int] = mapped_column(Integer)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    latest_number: Mapped[int] = mapped_column(Integer)


class SectionVersionRow(Base):
    """An immutable version of a section's heading and wording, hash-chained like clause versions."""

    __tablename__ = "section_version"
    __table_args__ = (UniqueConstraint("section_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    clause_key: Mapped[str | None] = mapped_column(String(80))
    clause_version: Mapped[int | None] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    parent_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))


class TermsVersionRow(Base):
    """An immutable version of an agreement's terms sheet, stored as exact JSON."""

    __tablename__ = "terms_version"
    __table_args__ = (UniqueConstraint("agreement_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    parent_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))


class ProposalRow(Base):
    """A party's proposal; only its status and decision change, never its content."""

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(120))
    base: Mapped[str] = mapped_column(Text)
    base_version: Mapped[int] = mapped_column(Integer)
    proposed: Mapped[str] = mapped_column(Text)
    heading: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(40), default="")
    rationale: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[str] = mapped_column(String(32))
    answers: Mapped[int | None] = mapped_column(ForeignKey("proposal.id"))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("party.id"))
    decided_at: Mapped[str | None] = mapped_column(String(32))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    party: Mapped[PartyRow] = relationship(foreign_keys=[party_id], lazy="joined")
    decider: Mapped[PartyRow | None] = relationship(foreign_keys=[decided_by], lazy="joined")


class RoundRow(Base):
    """An issued draft: the outline and terms frozen as JSON. Withdrawn rounds are kept, hidden."""

    __tablename__ = "round"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    label: Mapped[str] = mapped_column(String(80))
    issued_at: Mapped[str] = mapped_column(String(32))
    issued_by: Mapped[str] = mapped_column(String(200))
    snapshot: Mapped[str] = mapped_column(Text)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class NegotiationEventRow(Base):
    """An append-only, hash-chained record of every proposal, decision, round and change to an
    agreement; events of the library as a whole (anchors of clause versions) have no agreement."""

    __tablename__ = "negotiation_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    subject: Mapped[str] = mapped_column(String(120))
    payload: Mapped[str] = mapped_column(Text)
    parent_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    # The library's Ed25519 signature of content_hash (hex); every event has one from schema 0007 on.
    signature: Mapped[str | None] = mapped_column(String(128))


class LibraryInfoRow(Base):
    """Facts about the library itself: its uid names it in the packages it sends; its key pair
    (``private_key``, ``public_key``) signs what it records."""

    __tablename__ = "library_info"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OriginRow(Base):
    """Where a local record came from in another library (or the sender's own id for it), so that
    importing the same package twice changes nothing and later packages find the same records."""

    __tablename__ = "origin"
    __table_args__ = (UniqueConstraint("kind", "origin"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # agreement | section | proposal
    origin: Mapped[str] = mapped_column(String(120))
    local_id: Mapped[int] = mapped_column(Integer, index=True)


class ForeignEventRow(Base):
    """A sender's negotiation record as last seen, to check that later packages extend it."""

    __tablename__ = "foreign_event"
    __table_args__ = (UniqueConstraint("library", "event_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    library: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    parent_hash: Mapped[str] = mapped_column(String(64))
    # The whole event and its library's signature, kept to forward it (schema 0007 on; empty before).
    at: Mapped[str | None] = mapped_column(String(40))
    actor: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str | None] = mapped_column(String(40))
    subject: Mapped[str | None] = mapped_column(String(120))
    payload: Mapped[str | None] = mapped_column(Text)
    agreement: Mapped[int | None] = mapped_column(Integer)  # the agreement's id in its library
    local_agreement: Mapped[int | None] = mapped_column(Integer, index=True)  # the agreement here
    signature: Mapped[str | None] = mapped_column(String(128))


class TrustedLibraryRow(Base):
    """Another library's public key, pinned the first time a package showed it (trust on first use)."""

    __tablename__ = "trusted_library"

    library: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    party: Mapped[str] = mapped_column(String(200))  # the party it sent as when first seen
    first_seen: Mapped[str] = mapped_column(String(32))
