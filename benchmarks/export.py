"""Export figures for ``make bench``: redlines of 1,000 and 100 sections, their peak memory, and
how the 1,000-section export compares with its floor.

The export is timed whole: from the library to the saved file (reading the agreement, building the
redline, writing the .docx). The floor (:mod:`benchmarks.floor`) is given what that export works out, the
redline document and the export information it stores, and writes the same file, part for part (body,
comments, header, footer, export information, settings, styles, numbering, content types and
relationships), with nothing but lxml and zipfile, then saves it as the export saves its own (flushed to
disk and renamed into place). Before the floor is timed its file is checked against the export's: the
same part names, content types and relationships, and the same elements in every XML part; the figures
stop, saying how, when they differ."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

from benchmarks.floor import floor_docx, part_differences
from negotiator.domain.document import WordDocument
from negotiator.word.parts import EXPORT_ROOT

CHANGED_FRACTION = 10  # one section in ten is changed
PARTIES = (("Bench ICB", "ICB", "commissioner"), ("Provider A", "PA", "nhs_trust"),
           ("Provider B", "PB", "gp_federation"), ("Provider C", "PC", "voluntary_sector"))


def build(path: Path, sections: int) -> None:
    """An alliance agreement of ``sections`` sections, issued as Draft 1, then one section in ten
    reworded by three providers and accepted."""
    if path.exists():
        return
    from benchmarks.main import fresh_partial
    from negotiator.services.session import open_workspace
    from tests.support.texts import schedule_text

    partial = fresh_partial(path)
    ws = open_workspace(partial, "Benchmark")
    for name, short, kind in PARTIES:
        ws.agreements.add_party(name, short, kind)
    ws.act_as("ICB")  # the commissioner drafts the agreement, then issues it
    agreement = ws.agreements.create_agreement("Bench alliance", "overarching_alliance_agreement", "alliance",
                                               [("ICB", "commissioner"), ("PA", "alliance_member"),
                                                ("PB", "alliance_member"), ("PC", "alliance_member")]).id
    ids = [ws.outline.add_blank(agreement, f"Clause {n}", schedule_text(60, n)).id for n in range(sections)]
    ws.rounds.issue_round(agreement, "Draft 1", "ICB")
    for n, section_id in enumerate(ids[::CHANGED_FRACTION]):
        text = ws.outline.section(section_id).text
        words = text.split(" ")
        words[len(words) // 2] = "reasonably"
        party = ("PA", "PB", "PC")[n % 3]
        made = ws.negotiation.propose_wording(agreement, section_id, " ".join(words), party, "Clearer wording")
        ws.negotiation.decide(made.id, "accept", "ICB")
    ws.close()
    partial.rename(path)


def export_seconds(path: Path, out: Path, repeat: int = 5) -> float:
    """Median time of a redline export, in process, from the library to the saved file."""
    from negotiator.services.session import open_workspace

    ws = open_workspace(path, "Benchmark")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        ws.export.export_redline("Bench alliance", out, "Draft 1", "agreed", "ICB")
        times.append(time.perf_counter() - start)
    ws.close()
    return statistics.median(times)


def peak_memory_mb(path: Path, out: Path) -> float:
    """Peak resident memory of a process that opens the library and writes the redline."""
    code = ("import resource,sys;from pathlib import Path;from negotiator.services.session import open_workspace;"
            f"ws=open_workspace(Path({str(path)!r}),'Benchmark');"
            f"ws.export.export_redline('Bench alliance',Path({str(out)!r}),'Draft 1','agreed','ICB');"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ})
    return int(result.stdout.strip()) / 1024


def floor_seconds(document: WordDocument, info: dict, out: Path, repeat: int = 5) -> float:
    """Median time to write the export's file, part for part, the most direct way (see benchmarks.floor),
    and save it at ``out`` as the export saves its own: flushed to disk, then renamed into place."""
    from negotiator.word.writer import reference_template

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        save(out, floor_docx(document, info, reference_template().read_bytes()))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def save(path: Path, data: bytes) -> None:
    """``data`` in a file beside ``path``, flushed to disk, renamed over ``path``, the rename made durable."""
    partial = path.with_name(path.name + ".part")
    with open(partial, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(partial, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def export_info(path: Path) -> dict:
    """The export information a written export holds (its Custom XML part), as the floor is to write it."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("customXml/item") and not name.startswith("customXml/itemProps"):
                root = etree.fromstring(package.read(name))
                if root.tag == EXPORT_ROOT:
                    return json.loads(root.text)
    raise ValueError(f"{path} holds no export information")


def floor_of(path: Path, document: WordDocument) -> dict:
    """The export information of the export at ``path``, once its floor is checked to hold the same parts
    (names, content types, relationships and elements) as the export does; raises when it does not."""
    from negotiator.word.writer import reference_template

    info = export_info(path)
    differences = part_differences(path.read_bytes(), floor_docx(document, info, reference_template().read_bytes()))
    if differences:
        raise AssertionError("the floor no longer writes what the export writes: " + "; ".join(differences))
    return info


def figures(folder: Path) -> dict[str, float]:
    """Every export figure; the floor is first checked to write what the 1,000-section export wrote."""
    from negotiator.services.session import open_workspace

    big, small = folder / "export-1000.sqlite", folder / "export-100.sqlite"
    build(big, 1000)
    build(small, 100)
    out = folder / "redline.docx"
    big_s = export_seconds(big, out)
    ws = open_workspace(big, "Benchmark")
    document = ws.export.redline_document("Bench alliance", "Draft 1", "agreed", "ICB")
    ws.close()
    info = floor_of(out, document)
    small_s = export_seconds(small, out)
    memory = peak_memory_mb(big, out)
    floor_s = floor_seconds(document, info, folder / "floor.docx")
    return {"export_redline_1000_sections_s": big_s, "export_redline_1000_sections_peak_mb": memory,
            "export_redline_100_sections_s": small_s, "export_floor_ratio": big_s / floor_s}
