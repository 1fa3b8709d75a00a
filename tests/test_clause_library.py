"""The versioned clause library: append-only versions, hash chains, search, retirement."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.agreements import AgreementKind
from negotiator.domain.diff import render_plain
from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.domain.search import plain_snippet
from negotiator.services.library import LibraryService
from tests.library_backends import behind_the_apps_back


@pytest.fixture
def service(starter_library: Path | str):
    """The library service over this test's starter library, on SQLite and on PostgreSQL."""
    opened = LibraryService.open(starter_library, "Test Drafter")
    yield opened
    opened.close()


def test_the_starter_library_has_the_three_documents(service: LibraryService) -> None:
    clauses = service.clauses()
    assert len(clauses) >= 40
    kinds = {kind for clause in clauses for kind in clause.kinds}
    assert {AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT, AgreementKind.SUB_CONTRACT,
            AgreementKind.MEMORANDUM_OF_UNDERSTANDING} <= kinds
    assert sum(count for _, count in service.categories()) == len(clauses)


def test_revising_appends_a_version_chained_to_its_parent(service: LibraryService) -> None:
    key = "alliance.payment"
    first = service.version(key)
    second = service.revise(key, first.text.replace("30 days", "20 days"), note="Faster payment")
    assert second.number == first.number + 1
    assert second.parent_hash == first.content_hash
    assert second.author == "Test Drafter" and second.note == "Faster payment"
    assert service.version(key, first.number) == first  # the old version is untouched
    assert [v.number for v in service.history(key)] == [1, 2]
    assert "[-30-]{+20+}" in render_plain(service.compare(key, 1, 2))


def test_restoring_appends_a_new_version_with_the_old_text(service: LibraryService) -> None:
    key = "alliance.board.quorum"
    original = service.version(key)
    service.revise(key, "The Alliance Board is quorate when all members attend.")
    restored = service.restore(key, 1)
    assert restored.number == 3 and restored.text == original.text
    assert restored.note == "Restored version 1"
    with pytest.raises(InvalidInput, match="already the current wording"):
        service.restore(key, 3)


def test_an_unchanged_revision_is_refused(service: LibraryService) -> None:
    key = "alliance.board.quorum"
    with pytest.raises(InvalidInput, match="unchanged"):
        service.revise(key, service.version(key).text)
    assert service.clause(key).latest_number == 1


def test_unknown_keys_and_versions_are_named(service: LibraryService) -> None:
    with pytest.raises(NotFound, match="no-such-clause"):
        service.history("no-such-clause")
    with pytest.raises(NotFound, match="no version 7"):
        service.version("alliance.board.quorum", 7)


def test_retired_clauses_are_kept_but_hidden_from_lists_and_search(service: LibraryService) -> None:
    key = "alliance.legal.competition-law"
    assert any(hit.key == key for hit in service.search("competition"))
    service.set_retired(key, True)
    assert key not in [c.key for c in service.clauses()]
    assert key in [c.key for c in service.clauses(include_retired=True)]
    assert all(hit.key != key for hit in service.search("competition"))
    assert service.history(key)  # nothing was deleted
    service.set_retired(key, False)
    assert any(hit.key == key for hit in service.search("competition"))


def test_search_ranks_title_matches_and_filters_by_category(service: LibraryService) -> None:
    hits = service.search("mediation")
    assert hits and "mediation" in hits[0].title.lower()
    assert "[" in plain_snippet(hits[0].snippet) or "mediation" in hits[0].title.lower()
    governance = service.search("board", category="Governance")
    assert governance and all(hit.category == "Governance" for hit in governance)
    assert service.search("zzzunheardofword") == []


def test_search_finds_the_latest_wording_only(service: LibraryService) -> None:
    key = "alliance.board.quorum"
    service.revise(key, "Meetings need a quorum of representatives; decisions follow the zebracrossing rule.")
    assert [hit.key for hit in service.search("zebracrossing")] == [key]
    service.restore(key, 1)
    assert service.search("zebracrossing") == []


def test_search_reads_user_words_not_query_syntax(service: LibraryService) -> None:
    assert service.search('board" OR NOT "* (quorum') is not None
    with pytest.raises(InvalidInput, match="at least one word"):
        service.search("  ?! ")


def test_verify_names_each_version_changed_behind_the_apps_back(service: LibraryService,
                                                                starter_library: Path | str) -> None:
    assert service.verify()[1] == []
    service.revise("alliance.board.quorum", "A quorum is three members.")
    behind_the_apps_back(starter_library, "UPDATE clause_version SET text = text || ' (edited)' "
                         "WHERE number = 1 AND clause_id = (SELECT id FROM clause WHERE key = 'mou.status')")
    behind_the_apps_back(starter_library, "UPDATE clause_version SET author = 'Mallory' WHERE number = 2 AND "
                         "clause_id = (SELECT id FROM clause WHERE key = 'alliance.board.quorum')")
    _, problems = service.verify()
    assert problems == ["clause alliance.board.quorum version 2: what is stored no longer matches its hash",
                        "clause mou.status version 1: what is stored no longer matches its hash"]


def test_a_title_can_change_with_a_new_version(service: LibraryService) -> None:
    key = "alliance.board.quorum"
    service.revise(key, service.version(key).text + " Members may attend by video.", title="Board quorum")
    assert service.clause(key).title == "Board quorum"
    assert service.version(key, 1).title != "Board quorum"


def test_the_plain_search_used_by_other_databases_finds_the_same_clauses(service: LibraryService) -> None:
    from negotiator.storage.clause_search import _scan, search_clauses

    with service.library.unit_of_work() as session:  # the index is FTS5 or PostgreSQL's text search
        for words in (["mediation"], ["board", "quorum"], ["invoice"]):
            by_index = {hit.key for hit in search_clauses(session, words, None, 100)}
            by_scan = {hit.key for hit in _scan(session, words, None, 100)}
            assert by_scan == by_index, words
        scanned = _scan(session, ["board"], "Governance", 100)
    assert scanned and all(hit.category == "Governance" for hit in scanned)
    assert "\x02" in scanned[0].snippet  # the matched word is marked
