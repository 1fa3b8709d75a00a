"""The section store hands the services domain values, never its rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from negotiator.domain.outline import SectionVersion, number_outline
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import open_workspace
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.section_store import SectionStore


def test_versions_and_siblings_are_domain_values(demo_path: Path) -> None:
    ws = open_workspace(demo_path, "Test Drafter")
    try:
        with ws.outline.library.unit_of_work() as session:
            agreement_id = AgreementStore(session).find(ALLIANCE).saved_id
            store = SectionStore(session)
            outline = number_outline(store.outline(agreement_id))
            first = outline[0].section
            versions = store.versions(first.id)
            top = store.siblings(agreement_id, None)
    finally:
        ws.close()
    assert versions and all(type(v) is SectionVersion for v in versions)
    assert [v.number for v in versions] == list(range(1, len(versions) + 1))
    assert all(isinstance(v.created_at, datetime) and v.section_id == first.id for v in versions)
    assert (versions[-1].heading, versions[-1].text) == (first.heading, first.text)
    assert top == [n.section.id for n in outline if n.depth == 0]
