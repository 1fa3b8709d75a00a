"""Importing a clause-library file: all or nothing, with messages naming entry and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.library_file import read_library_file
from negotiator.locations import starter_library_file
from negotiator.services.library import LibraryService

STARTER = starter_library_file()

GOOD = {"key": "x.one", "title": "One", "category": "Legal", "kinds": ["prime_contract"], "text": "Some words."}


def _write(tmp_path: Path, clauses: list[dict], name: str = "clauses.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"format": "negotiator-clause-library", "format_version": 1, "clause": clauses}))
    return path


def test_the_starter_file_is_valid_and_large_enough() -> None:
    contents = read_library_file(STARTER)
    assert len(contents.clauses) >= 40
    assert all(20 <= len(c.text.split()) <= 400 for c in contents.clauses)


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"title": ""}, "title", "empty"),
    ({"kinds": ["franchise"]}, "kinds", "franchise"),
    ({"kinds": []}, "kinds", "non-empty"),
    ({"key": "Bad Key!"}, "key", "not a valid clause key"),
    ({"text": "tab\x07bell"}, "text", "U+0007"),
    ({"category": 7}, "category", "must be text"),
])
def test_a_malformed_entry_is_named_with_its_field_and_nothing_is_imported(
    tmp_path: Path, library_path: Path, change: dict, field: str, words: str
) -> None:
    path = _write(tmp_path, [GOOD, {**GOOD, "key": "x.two"}, {**GOOD, "key": "x.three", **change}])
    service = LibraryService.open(library_path, "A")
    try:
        with pytest.raises(InvalidInput) as refused:
            service.import_file(path)
        message = str(refused.value)
        assert "clauses.json, entry 3" in message and f"'{field}'" in message and words in message
        assert service.clauses() == []
    finally:
        service.close()


def test_a_missing_field_is_named(tmp_path: Path) -> None:
    entry = {k: v for k, v in GOOD.items() if k != "kinds"}
    with pytest.raises(InvalidInput, match=r"entry 1 \(key 'x.one'\): the field 'kinds' is missing"):
        read_library_file(_write(tmp_path, [entry]))


def test_a_key_used_twice_in_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="entry 2: clause key 'x.one' is already used by entry 1"):
        read_library_file(_write(tmp_path, [GOOD, GOOD]))


def test_a_key_already_in_the_library_stops_the_whole_import(tmp_path: Path, service: LibraryService) -> None:
    before = len(service.clauses())
    clash = {**GOOD, "key": "alliance.board.quorum"}
    with pytest.raises(InvalidInput, match="already in the library.*nothing was imported"):
        service.import_file(_write(tmp_path, [GOOD, clash]))
    assert len(service.clauses()) == before
    with pytest.raises(InvalidInput):
        service.clause("x.one")


@pytest.mark.parametrize(("content", "words"), [
    (b"\xff\xfe\x00garbage", "not a UTF-8 text file"),
    (b"format = [unclosed", "not valid TOML"),
    (b'format = "something-else"\n', "not a Negotiator clause library"),
    (b'format = "negotiator-clause-library"\nformat_version = 2\n', "version 2"),
    (b'format = "negotiator-clause-library"\nformat_version = 1\n', "holds no clauses"),
])
def test_a_broken_file_gets_a_clear_message(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=words):
        read_library_file(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="Cannot read"):
        read_library_file(tmp_path / "absent.toml")
