"""Export figures for ``make bench``: redlines of 1,000 and 100 sections, their peak memory, and
how they compare with the floor (the same paragraphs written with bare lxml and zipfile)."""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

from negotiator.domain.document import Change, Paragraph, WordDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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


def floor_seconds(document: WordDocument, repeat: int = 5) -> float:
    """Median time to write the same paragraphs and revisions with bare lxml and zipfile."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        _floor_docx(document)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _floor_docx(document: WordDocument) -> bytes:
    """The same file with nothing but lxml and zipfile: every paragraph with its style, numbering and
    bookmark, every revision with its id, author and date, and the template's other parts copied."""
    from negotiator.word.writer import reference_template

    body = etree.Element(f"{{{W}}}body")
    ids = 0
    for block in document.blocks:
        paragraphs = [block] if isinstance(block, Paragraph) else [
            p for row in block.rows for cell in row.cells for p in cell.paragraphs]
        for paragraph in paragraphs:
            p = etree.SubElement(body, f"{{{W}}}p")
            ppr = etree.SubElement(p, f"{{{W}}}pPr")
            etree.SubElement(ppr, f"{{{W}}}pStyle", {f"{{{W}}}val": paragraph.style.replace(" ", "")})
            if paragraph.numbered:
                num = etree.SubElement(ppr, f"{{{W}}}numPr")
                etree.SubElement(num, f"{{{W}}}numId", {f"{{{W}}}val": "1"})
            if paragraph.anchor:
                ids += 1
                etree.SubElement(p, f"{{{W}}}bookmarkStart", {f"{{{W}}}id": str(ids),
                                                             f"{{{W}}}name": paragraph.anchor.replace(".", "_")})
            for run in paragraph.runs:
                parent = p
                if run.change is not Change.EQUAL:
                    ids += 1
                    tag = "ins" if run.change is Change.INSERT else "del"
                    parent = etree.SubElement(p, f"{{{W}}}{tag}", {
                        f"{{{W}}}id": str(ids), f"{{{W}}}author": run.revision.author,
                        f"{{{W}}}date": run.revision.date.strftime("%Y-%m-%dT%H:%M:%SZ")})
                r = etree.SubElement(parent, f"{{{W}}}r")
                t = etree.SubElement(r, f"{{{W}}}delText" if run.change is Change.DELETE else f"{{{W}}}t")
                t.text = run.text
            if paragraph.anchor:
                etree.SubElement(p, f"{{{W}}}bookmarkEnd", {f"{{{W}}}id": str(ids)})
    root = etree.Element(f"{{{W}}}document", nsmap={"w": W})
    root.append(body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(reference_template()) as template, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in template.namelist():
            if name != "word/document.xml":
                archive.writestr(name, template.read(name))
        archive.writestr("word/document.xml", etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return buffer.getvalue()


def figures(folder: Path) -> dict[str, float]:
    """Every export figure."""
    from negotiator.services.session import open_workspace

    big, small = folder / "export-1000.sqlite", folder / "export-100.sqlite"
    build(big, 1000)
    build(small, 100)
    out = folder / "redline.docx"
    big_s = export_seconds(big, out)
    small_s = export_seconds(small, out)
    memory = peak_memory_mb(big, out)
    ws = open_workspace(big, "Benchmark")
    document = ws.export.redline_document("Bench alliance", "Draft 1", "agreed", "ICB")
    ws.close()
    return {"export_redline_1000_sections_s": big_s, "export_redline_1000_sections_peak_mb": memory,
            "export_redline_100_sections_s": small_s, "export_floor_ratio": big_s / floor_seconds(document)}
