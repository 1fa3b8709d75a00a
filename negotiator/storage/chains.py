"""Recomputing the hash chains of agreement sections and terms sheets."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.storage.agreement_store import terms_hash
from negotiator.storage.clause_store import GENESIS
from negotiator.storage.models import SectionVersionRow, TermsVersionRow
from negotiator.storage.section_store import section_hash


def chain_problems(session: Session) -> tuple[int, list[str]]:
    """How many section and terms versions were checked, and each one that no longer matches."""
    problems: list[str] = []
    checked = 0
    sections = session.scalars(select(SectionVersionRow).order_by(SectionVersionRow.section_id,
                                                                  SectionVersionRow.number)).all()
    for section_id, rows in groupby(sections, key=lambda r: r.section_id):
        parent = GENESIS
        for row in rows:
            checked += 1
            if row.parent_hash != parent or section_hash(row) != row.content_hash:
                problems.append(f"section {section_id} version {row.number}: its stored wording or metadata no "
                                "longer matches its hash")
            parent = row.content_hash
    terms = session.scalars(select(TermsVersionRow).order_by(TermsVersionRow.agreement_id,
                                                             TermsVersionRow.number)).all()
    for agreement_id, rows in groupby(terms, key=lambda r: r.agreement_id):
        parent = GENESIS
        for row in rows:
            checked += 1
            if row.parent_hash != parent or terms_hash(row) != row.content_hash:
                problems.append(f"terms of agreement {agreement_id} version {row.number}: the stored terms no "
                                "longer match their hash")
            parent = row.content_hash
    return checked, problems
