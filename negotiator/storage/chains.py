"""Recomputing the hash chains of agreement sections and terms sheets."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.storage.agreement_store import terms_hash
from negotiator.storage.clause_store import GENESIS
from negotiator.storage.models import SectionVersionRow, TermsVersionRow
from negotiator.storage.section_store import section_hash


def _walk(rows: list, owner: Callable[[object], int], digest: Callable[[object], str], name: str) -> list[str]:
    """Each version, grouped by what it versions and in order, must link to the one before and match its hash."""
    problems = []
    for key, versions in groupby(rows, key=owner):
        parent = GENESIS
        for row in versions:
            if row.parent_hash != parent or digest(row) != row.content_hash:
                problems.append(f"{name} {key} version {row.number}: what is stored no longer matches its hash")
            parent = row.content_hash
    return problems


def chain_problems(session: Session) -> tuple[int, list[str]]:
    """How many section and terms versions were checked, and each one that no longer matches."""
    sections = session.scalars(select(SectionVersionRow).order_by(SectionVersionRow.section_id,
                                                                  SectionVersionRow.number)).all()
    terms = session.scalars(select(TermsVersionRow).order_by(TermsVersionRow.agreement_id,
                                                             TermsVersionRow.number)).all()
    problems = (_walk(sections, lambda r: r.section_id, section_hash, "section")
                + _walk(terms, lambda r: r.agreement_id, terms_hash, "terms of agreement"))
    return len(sections) + len(terms), problems
