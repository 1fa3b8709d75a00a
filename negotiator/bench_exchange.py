"""Exchange figures for ``make bench``: importing a returned 1,000-section redline with 100 changes,
and a package of 1,000 proposals out of one library and into another."""

from __future__ import annotations

import shutil
import statistics
import time
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AGREEMENT = "Bench alliance"


def _returned(library: Path, out: Path) -> None:
    """The agreed redline, with a counterparty's tracked edit in one paragraph in ten, as Word writes it."""
    from negotiator.services.session import open_workspace

    ws = open_workspace(library, "Benchmark")
    ws.export.export_redline(AGREEMENT, out, "Draft 1", "agreed", "ICB")
    ws.close()
    with zipfile.ZipFile(out) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    marks = [(p, p.find(f"{{{W}}}bookmarkStart")) for p in body.iter(f"{{{W}}}p")]
    paragraphs = [p for p, mark in marks if mark is not None and "_p" in mark.get(f"{{{W}}}name")]
    for number, paragraph in enumerate(paragraphs[5::10][:100]):
        inserted = etree.SubElement(paragraph, f"{{{W}}}ins", {f"{{{W}}}id": str(500_000 + number),
                                                               f"{{{W}}}author": "Jane Smith",
                                                               f"{{{W}}}date": "2027-02-01T10:00:00Z"})
        run = etree.SubElement(inserted, f"{{{W}}}r")
        text = etree.SubElement(run, f"{{{W}}}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        text.text = " This is subject to the Alliance Board's approval."
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def import_redline_seconds(library: Path, folder: Path, repeat: int = 3) -> float:
    """Median time to import the returned file into a fresh copy of the library."""
    from negotiator.services.session import open_workspace

    returned = folder / "returned-1000.docx"
    _returned(library, returned)
    times = []
    for run in range(repeat):
        copy = folder / f"import-{run}.sqlite"
        shutil.copyfile(library, copy)
        ws = open_workspace(copy, "Benchmark")
        start = time.perf_counter()
        result = ws.returned.import_file(AGREEMENT, returned, {"Jane Smith": "PB"})
        times.append(time.perf_counter() - start)
        assert len(result.made) == 100, f"expected 100 proposals, made {len(result.made)}"
        ws.close()
        copy.unlink()
    return statistics.median(times)


def package_seconds(library: Path, folder: Path, repeat: int = 3) -> float:
    """Median time to export a package of 1,000 proposals and import it into another library."""
    from negotiator.services.session import open_workspace

    busy = folder / "package-1000.sqlite"
    if not busy.exists():
        partial = folder / "package-1000.partial.sqlite"
        shutil.copyfile(library, partial)
        ws = open_workspace(partial, "Benchmark")
        agreement = ws.agreements.agreement(AGREEMENT).id
        sections = [n.section for n in ws.outline.outline(agreement)]
        with ws.library_unit():
            for number in range(1000 - len(ws.negotiation.proposals(agreement))):
                section = sections[number % len(sections)]
                ws.negotiation.propose_wording(agreement, section.id, section.text + f" Variant {number}.",
                                               ("PA", "PB", "PC")[number % 3], "Bench proposal")
        ws.close()
        partial.rename(busy)
    times = []
    for run in range(repeat):
        receiver = folder / f"receiver-{run}.sqlite"  # another party's laptop, new to this agreement
        receiver.unlink(missing_ok=True)
        sender, target = open_workspace(busy, "Benchmark"), open_workspace(receiver, "Benchmark")
        path = folder / "bench.negotiation"
        start = time.perf_counter()
        sender.packages.export(AGREEMENT, "ICB", path)
        summary = target.packages.import_file(path)
        times.append(time.perf_counter() - start)
        assert summary.added_proposals >= 900, summary
        sender.close()
        target.close()
        receiver.unlink()
    return statistics.median(times)
