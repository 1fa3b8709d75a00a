"""The negotiation package file: an exact round trip, and a hostile file always refused in plain words."""

from __future__ import annotations

import hashlib
import json
import tempfile
import tracemalloc
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.errors import InvalidInput
from negotiator.domain.package import (
    PACKAGE_FORMAT,
    PACKAGE_VERSION,
    Package,
    PackageEvent,
    PackageParty,
    PackageProposal,
    PackageRound,
    PackageSection,
)
from negotiator.domain.parties import OrganisationType, Role
from negotiator.domain.proposals import ProposalKind, ProposalStatus
from negotiator.exchange import package_file
from negotiator.exchange.package_file import ENTRIES, MANIFEST, PARTS, read_package, write_package
from negotiator.exchange.package_schema import SPECS, ObjectSpec
from tests.hostile_packages import CASES, Case, Source, build_corpus, write_case, zip_bytes

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "package.schema.json"

ICB = "NHS Northshire Integrated Care Board"
FEDERATION = "Northshire Primary Care Federation"
HOPE = "Hope Street Wellbeing"
GENESIS = "0" * 64


def _events() -> list[PackageEvent]:
    rows = [
        ("2025-02-03T09:00:00.000000Z", "Dana Whitfield", "round_issued", "round:Draft 1", {"label": "Draft 1"}),
        ("2025-02-10T11:15:00.000000Z", "Sam Okafor", "proposed", "lib-2:p1", {"target": "payment.days"}),
        ("2025-02-11T14:40:00.000000Z", "Priya Natarajan", "proposed", "lib-3:p1", {"target": "section:lib-1:s2"}),
        ("2025-02-12T10:05:00.000000Z", "Dana Whitfield", "decided", "lib-1:p1", {"decision": "accept"}),
        ("2025-02-12T10:20:00.000000Z", "Dana Whitfield", "countered", "lib-1:p2", {"answers": "lib-2:p1"}),
        ("2025-03-01T09:30:00.000000Z", "Dana Whitfield", "round_issued", "round:Draft 2", {"label": "Draft 2"}),
    ]
    events, parent = [], GENESIS
    for number, (at, actor, action, subject, payload) in enumerate(rows, start=1):
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        content = hashlib.sha256(json.dumps(["event", number, parent, at, actor, action, subject, text]).encode())
        events.append(PackageEvent(number, at, actor, action, subject, text, parent, content.hexdigest()))
        parent = content.hexdigest()
    return events


def sample_package() -> Package:
    """An overarching alliance agreement between an ICB, a GP federation and a voluntary-sector body."""
    terms = {
        "payment": {"days": 30, "frequency": "monthly"},
        "term": {"start": "2025-04-01", "years": 5, "extension_years": 2},
        "risk_share": {"gp-federation": {"gain": 40, "pain": 20}, "hope-street": {"gain": 10, "pain": 0}},
        "contract_value": 12_500_000.5,
        "break_clause": True,
        "notes": None,
    }
    definitions = ("In this Agreement “Alliance Members” means the parties other than the Commissioner, and "
                   "“Services” means the services in Schedule 2.")
    principles = "The Alliance Members will act in good faith and in the best interests of the population.\n\n" \
                 "Decisions are made unanimously by the Alliance Leadership Team."
    interpretation = "Headings do not affect interpretation. A reference to a Schedule is to a Schedule of this " \
                     "Agreement."
    sections = [
        PackageSection("lib-1:s1", None, 0, "Definitions", definitions, 2),
        PackageSection("lib-1:s2", None, 1, "Alliance Principles", principles, 3),
        PackageSection("lib-1:s3", "lib-1:s1", 0, "Interpretation", interpretation, 1),
    ]

    def frozen(versions: tuple[int, int, int], text2: str) -> list[dict]:
        return [
            {"origin": "lib-1:s1", "number": "1", "heading": "Definitions", "text": definitions,
             "version": versions[0]},
            {"origin": "lib-1:s3", "number": "1.1", "heading": "Interpretation", "text": interpretation,
             "version": versions[1]},
            {"origin": "lib-1:s2", "number": "2", "heading": "Alliance Principles", "text": text2,
             "version": versions[2]},
        ]

    rounds = [
        PackageRound("Draft 1", "2025-02-03T09:00:00.000000Z", "Dana Whitfield",
                     frozen((1, 1, 2), principles.replace("unanimously", "by majority")),
                     {**terms, "payment": {"days": 45, "frequency": "monthly"}}),
        PackageRound("Draft 2", "2025-03-01T09:30:00.000000Z", "Dana Whitfield", frozen((2, 1, 3), principles),
                     terms),
    ]
    proposals = [
        PackageProposal("lib-1:p1", ICB, "wording", "section:lib-1:s2",
                        principles.replace("unanimously", "by majority"), 2, principles, "", "",
                        "Unanimity protects the smaller members.", "accepted", "2025-02-05T13:00:00.000000Z",
                        decided_by=FEDERATION, decided_at="2025-02-12T10:05:00.000000Z"),
        PackageProposal("lib-2:p1", FEDERATION, "term", "payment.days", "45", 0, "20", "", "",
                        "Cash flow for practices; most invoices are small.", "superseded",
                        "2025-02-10T11:15:00.000000Z"),
        PackageProposal("lib-3:p1", HOPE, "wording", "section:lib-1:s2", principles, 3,
                        principles + "\n\nVoluntary-sector members have a seat on the Leadership Team.", "", "",
                        "So that the voluntary sector is heard 🤝.", "open", "2025-02-11T14:40:00.000000Z"),
        PackageProposal("lib-1:p2", ICB, "term", "payment.days", "45", 0, "30", "", "",
                        "A compromise between 20 and 45 days.", "open", "2025-02-12T10:20:00.000000Z",
                        answers="lib-2:p1"),
    ]
    return Package(
        sender_library="lib-1",
        sender_party=ICB,
        created_at="2025-03-14T16:05:00.000000Z",
        agreement={
            "title": "Northshire Integrated MSK Alliance Agreement",
            "kind": "overarching_alliance_agreement",
            "model": "alliance",
            "status": "in_negotiation",
            "parent": None,
            "parties": [{"name": ICB, "role": "commissioner"}, {"name": FEDERATION, "role": "alliance_member"},
                        {"name": HOPE, "role": "alliance_member"}],
            "terms": terms,
        },
        parties=[
            PackageParty(ICB, "Northshire ICB", "commissioner"),
            PackageParty(FEDERATION, "GP Federation", "gp_federation"),
            PackageParty(HOPE, "Hope Street", "voluntary_sector"),
        ],
        sections=sections,
        rounds=rounds,
        proposals=proposals,
        events=_events(),
        extra={"exported_by": "Dana Whitfield", "app": {"version": "0.1.0"}},
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    """The good package the hostile cases are made from."""
    path = tmp_path_factory.mktemp("good") / "good.negotiation"
    write_package(sample_package(), path)
    return Source(path)


# A good package --------------------------------------------------------------------------------


def test_a_package_round_trips_exactly(tmp_path: Path) -> None:
    package = sample_package()
    path = tmp_path / "msk-alliance.negotiation"
    write_package(package, path)
    assert read_package(path) == package
    assert read_package(path).format_version == PACKAGE_VERSION


def test_the_zip_holds_a_manifest_whose_checksums_match_every_part(tmp_path: Path) -> None:
    path = tmp_path / "msk-alliance.negotiation"
    write_package(sample_package(), path)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == list(ENTRIES)
        assert archive.testzip() is None
        manifest = json.loads(archive.read(MANIFEST))
        parts = {name: archive.read(name) for name in PARTS}
    assert manifest["format"] == PACKAGE_FORMAT and manifest["format_version"] == PACKAGE_VERSION
    assert manifest["created_at"] == "2025-03-14T16:05:00.000000Z"
    assert manifest["sender"] == {"library": "lib-1", "party": ICB}
    assert set(manifest["files"]) == set(PARTS)
    for name, data in parts.items():
        assert manifest["files"][name] == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    assert len(json.loads(parts["proposals.json"])) == 4 and len(json.loads(parts["events.json"])) == 6


def test_parts_are_utf8_json_with_sorted_keys(tmp_path: Path) -> None:
    path = tmp_path / "msk-alliance.negotiation"
    write_package(sample_package(), path)

    def sorted_pairs(pairs: list[tuple[str, object]]) -> dict:
        keys = [key for key, _ in pairs]
        assert keys == sorted(keys)
        return dict(pairs)

    with zipfile.ZipFile(path) as archive:
        for name in ENTRIES:
            text = archive.read(name).decode("utf-8")
            json.loads(text, object_pairs_hook=sorted_pairs)
        assert "“Alliance Members”" in archive.read("sections.json").decode("utf-8")
        assert "🤝" in archive.read("proposals.json").decode("utf-8")


def test_a_failed_write_leaves_the_old_file_and_no_half_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    path = tmp_path / "msk-alliance.negotiation"
    path.write_bytes(b"the previous package")

    def crash(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(package_file.os, "replace", crash)
    with pytest.raises(InvalidInput, match="Cannot write .*msk-alliance.negotiation: No space left on device"):
        write_package(sample_package(), path)
    assert path.read_bytes() == b"the previous package"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_package_the_reader_would_refuse_is_never_written(tmp_path: Path) -> None:
    package = sample_package()
    broken = replace(package, proposals=[replace(package.proposals[0], status="pending")])
    path = tmp_path / "broken.negotiation"
    with pytest.raises(InvalidInput, match=r"Cannot write broken.negotiation: proposals.json, item 1: 'status'"):
        write_package(broken, path)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InvalidInput, match="not a finite number"):
        write_package(replace(package, agreement={**package.agreement, "terms": {"rate": float("nan")}}), path)
    with pytest.raises(InvalidInput, match="lone UTF-16 surrogate"):
        write_package(replace(package, sections=[replace(package.sections[0], heading="\ud800")]), path)
    assert list(tmp_path.iterdir()) == []


def test_a_very_repetitive_part_is_stored_so_it_is_not_taken_for_a_bomb(tmp_path: Path) -> None:
    package = sample_package()
    package = replace(package, sections=[replace(package.sections[0], text="a" * 900_000), *package.sections[1:]])
    path = tmp_path / "repetitive.negotiation"
    write_package(package, path)
    assert read_package(path) == package


def test_an_unreadable_or_unwritable_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="Cannot read .*nowhere.negotiation"):
        read_package(tmp_path / "nowhere.negotiation")
    with pytest.raises(InvalidInput, match="Cannot write .*missing-folder"):
        write_package(sample_package(), tmp_path / "missing-folder" / "out.negotiation")


def test_a_zip64_package_is_refused(source: Source, tmp_path: Path) -> None:
    data = zip_bytes(source.good)
    end = data.rfind(b"PK\x05\x06")
    locator = b"PK\x06\x07" + bytes(16)  # a zip64 locator just before the end record
    path = tmp_path / "zip64.negotiation"
    path.write_bytes(data[:end] + locator + data[end:])
    with pytest.raises(InvalidInput, match="zip64"):
        read_package(path)


# Hostile packages ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_package_is_refused_in_plain_words(case: Case, source: Source, tmp_path: Path) -> None:
    path = write_case(case, source, tmp_path / f"{case.name}.negotiation")
    with pytest.raises(InvalidInput) as refused:
        read_package(path)
    message = str(refused.value)
    assert message.startswith(path.name), message
    for words in case.words:
        assert words in message, message


@pytest.mark.parametrize("name", ["zip-bomb", "ratio-bomb", "lying-header", "total-too-large"])
def test_a_bomb_is_refused_without_being_inflated(name: str, source: Source, tmp_path: Path) -> None:
    case = next(case for case in CASES if case.name == name)
    path = write_case(case, source, tmp_path / "bomb.negotiation")
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput):
            read_package(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"reading {name} used {peak:,} bytes"


def test_the_corpus_can_be_written_to_a_folder(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, sample_package())
    assert [hostile.name for hostile in corpus] == [case.name for case in CASES]
    assert len({case.name for case in CASES}) == len(CASES) >= 40
    assert all(hostile.path.exists() for hostile in corpus)


def test_a_deep_path_in_free_data_is_shortened_in_the_message(source: Source, tmp_path: Path) -> None:
    deep = next(case for case in CASES if case.name == "deep-terms")
    with pytest.raises(InvalidInput, match="'terms' → 'level' → 'level' → 'level' → … is nested too deeply"):
        read_package(write_case(deep, source, tmp_path / "deep.negotiation"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(min_value=0), value=st.integers(min_value=0, max_value=255))
def test_a_corrupted_byte_is_refused_or_harmless_never_a_crash(position: int, value: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "corrupt.negotiation"
        write_package(sample_package(), path)
        data = bytearray(path.read_bytes())
        data[position % len(data)] = value
        path.write_bytes(bytes(data))
        try:
            assert read_package(path) == sample_package()
        except InvalidInput as error:
            assert str(error).startswith("corrupt.negotiation")


# Random text -----------------------------------------------------------------------------------

SPECIAL = ["👩🏽‍⚕️🏥", "مرحبا بالعالم", "שלום", "\u202eRTL override\u202c", "\x00\x01\x07\x1b\x7f", "\t\r\n",
           "e\u0301", "\ufeffBOM", "\U0010ffff", "𝒳", "'\"\\/<>&"]
texts = st.one_of(st.text(max_size=40), st.sampled_from(SPECIAL),
                  st.lists(st.sampled_from(SPECIAL), max_size=4).map("".join))
names = st.tuples(st.text(min_size=1, max_size=20), st.sampled_from(SPECIAL)).map("".join)


@st.composite
def packages(draw: st.DrawFn) -> Package:
    """A package whose free text is random Unicode: emoji, right-to-left, control characters, NUL."""
    party_names = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    parties = [PackageParty(name, draw(texts), draw(st.sampled_from(list(OrganisationType)).map(str)))
               for name in party_names]
    count = draw(st.integers(min_value=0, max_value=4))
    origins = [f"{draw(names)}:s{n}" for n in range(count)]
    sections = [PackageSection(origin, origins[n - 1] if n and draw(st.booleans()) else None, n, draw(texts),
                               draw(texts), draw(st.integers(0, 9))) for n, origin in enumerate(origins)]
    terms = draw(st.dictionaries(texts, st.one_of(texts, st.integers(-10**15, 10**15), st.none(), st.booleans(),
                                                  st.floats(allow_nan=False, allow_infinity=False),
                                                  st.lists(texts, max_size=3)), max_size=4))
    rounds = [PackageRound(label, "2025-03-01T09:30:00.000000Z", draw(texts),
                           [{"origin": s.origin, "number": str(n + 1), "heading": s.heading, "text": s.text,
                             "version": s.version} for n, s in enumerate(sections)], terms)
              for label in draw(st.lists(names, max_size=2, unique_by=str.casefold))]
    proposals = [PackageProposal(f"{draw(names)}:p{n}", draw(st.sampled_from(party_names)),
                                 draw(st.sampled_from(list(ProposalKind)).map(str)), draw(names), draw(texts),
                                 draw(st.integers(0, 9)), draw(texts), draw(texts), draw(texts), draw(texts),
                                 draw(st.sampled_from(list(ProposalStatus)).map(str)), "2025-02-10T11:15:00Z",
                                 decided_by=draw(st.none() | texts))
                 for n in range(draw(st.integers(0, 3)))]
    events = [PackageEvent(n, "2025-02-10T11:15:00.000000Z", draw(texts), draw(names), draw(texts), draw(texts),
                           GENESIS, hashlib.sha256(str(n).encode()).hexdigest())
              for n in range(1, draw(st.integers(1, 4)))]
    agreement = {"title": draw(names), "kind": draw(st.sampled_from(list(AgreementKind)).map(str)),
                 "model": draw(st.sampled_from(list(ContractingModel)).map(str)),
                 "status": draw(st.sampled_from(list(AgreementStatus)).map(str)), "parent": draw(st.none() | texts),
                 "parties": [{"name": name, "role": draw(st.sampled_from(list(Role)).map(str))}
                             for name in party_names], "terms": terms}
    return Package(draw(names), draw(names), "2025-03-14T16:05:00.000000Z", agreement, parties, sections, rounds,
                   proposals, events, extra={draw(texts): draw(texts)})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(package=packages())
def test_random_unicode_text_round_trips_exactly(package: Package) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "random.negotiation"
        write_package(package, path)
        assert read_package(path) == package


# The schema document ---------------------------------------------------------------------------


def _schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _effective(definition: dict) -> tuple[bool, dict]:
    """Whether a property may be null, and its definition without the null alternative."""
    if "anyOf" in definition and {"type": "null"} in definition["anyOf"]:
        rest = [d for d in definition["anyOf"] if d != {"type": "null"}]
        assert len(rest) == 1
        return True, rest[0]
    return False, definition


def test_the_schema_document_matches_the_checks_in_python() -> None:
    schema = _schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs = schema["$defs"]
    assert schema["x-files"] == {name: f"#/$defs/{name.removesuffix('.json')}" for name in ENTRIES}
    spec: ObjectSpec
    for spec in SPECS:
        definition = defs[spec.name]
        assert set(definition["properties"]) == {f.name for f in spec.fields}, spec.name
        assert set(definition["required"]) == set(spec.required), spec.name
        assert (definition["additionalProperties"] is False) == spec.closed, spec.name
        for field in spec.fields:
            nullable, prop = _effective(definition["properties"][field.name])
            assert nullable == field.nullable, (spec.name, field.name)
            if field.choices:
                assert prop["enum"] == list(field.choices), (spec.name, field.name)
            elif spec.name == "manifest" and field.name == "format":
                assert prop == {"const": PACKAGE_FORMAT}
            elif field.kind == "text":
                expected = ("timestamp" if field.timestamp else "sha256" if field.sha256
                            else "nonEmptyText" if field.nonempty else "text")
                assert prop["$ref"] == f"#/$defs/{expected}", (spec.name, field.name)
            elif field.kind == "integer":
                minimum = defs["count"]["minimum"] if "$ref" in prop else prop["minimum"]
                assert minimum == field.minimum, (spec.name, field.name)
            elif field.kind == "list":
                assert field.items is not None and prop["items"] == {"$ref": f"#/$defs/{field.items.name}"}
                assert prop["maxItems"] == 100_000
            elif field.kind == "object":
                assert field.items is not None and prop == {"$ref": f"#/$defs/{field.items.name}"}
            elif field.name not in ("files", "keys"):
                assert prop == {"$ref": "#/$defs/jsonObject"}, (spec.name, field.name)
    for part in ("parties", "sections", "rounds", "proposals", "events"):
        assert defs[part]["type"] == "array" and defs[part]["maxItems"] == 100_000
    assert defs["text"]["maxLength"] == 1_000_000
    assert defs["manifest"]["properties"]["files"]["required"] == list(PARTS)
