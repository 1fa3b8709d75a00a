"""Exchange figures for ``make bench``: importing a returned 1,000-section redline with 100 changes
(written as Word writes them, and made by a real LibreOffice), and a package of 1,000 proposals out of
one library and into another."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
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


def package_incremental_seconds(library: Path, folder: Path, repeat: int = 3) -> float:
    """Median time to import a package that adds 10 proposals and 5 decisions to a library that already
    holds the same negotiation's 1,000 proposals (the everyday case: the next package from a party)."""
    from negotiator.services.session import open_workspace

    package_seconds(library, folder, repeat=1)  # makes the 1,000-proposal library if it is not there yet
    sender_file, held = folder / "incremental-sender.sqlite", folder / "incremental-held.sqlite"
    shutil.copyfile(folder / "package-1000.sqlite", sender_file)
    held.unlink(missing_ok=True)
    sender, receiver = open_workspace(sender_file, "Benchmark"), open_workspace(held, "Benchmark")
    first, later = folder / "incremental-1.negotiation", folder / "incremental-2.negotiation"
    sender.packages.export(AGREEMENT, "ICB", first)
    receiver.packages.import_file(first)
    receiver.close()
    agreement = sender.agreements.agreement(AGREEMENT).id
    sections = [n.section for n in sender.outline.outline(agreement)]
    for number in range(10):
        section = sections[(number * 7) % len(sections)]
        sender.negotiation.propose_wording(agreement, section.id, section.text + f" Later {number}.", "ICB",
                                           "The next round of comments")
    decided = [v.proposal for v in sender.negotiation.proposals(agreement)
               if v.proposal.is_open and v.proposal.party_name != "ICB"][:5]
    for proposal in decided:
        sender.negotiation.decide(proposal.id, "reject", "ICB", "Not this time")
    sender.packages.export(AGREEMENT, "ICB", later)
    sender.close()
    times = []
    for run in range(repeat):
        receiving = folder / f"incremental-{run}.sqlite"
        shutil.copyfile(held, receiving)
        ws = open_workspace(receiving, "Benchmark")
        start = time.perf_counter()
        summary = ws.packages.import_file(later)
        times.append(time.perf_counter() - start)
        assert summary.added_proposals == 10 and summary.updated_proposals >= 5, summary
        ws.close()
        receiving.unlink()
    return statistics.median(times)


# --- a returned file edited by a real LibreOffice ----------------------------------------------

LO_PYTHON = Path("/usr/bin/python3")  # Debian's interpreter, the one with LibreOffice's ``uno``
LO_SCRIPT = Path(__file__).resolve().parents[1] / "tests" / "lo_script.py"  # in a checkout, not in the app
# The schedule cells of the bench agreement a counterparty fills in: (row, value typed, term).
LO_CELLS = (("Invoices paid within", "thirty (30) days", "payment.days"),
            ("Annual contract value", "£48m", "payment.annual_value"),
            ("Start date", "1 April 2027", "duration.start"),
            ("Initial term", "five (5) years", "duration.initial_term"))


def libreoffice_missing() -> str | None:
    """Why the LibreOffice counterparty cannot run here, or None when it can."""
    if not LO_SCRIPT.exists():
        return f"{LO_SCRIPT.name} is not here (it is in a checkout's tests, not in the built app)"
    if subprocess.run([str(LO_PYTHON), "-c", "import uno"], capture_output=True, timeout=60,
                      check=False).returncode != 0:
        return f"LibreOffice's python3-uno is not installed for {LO_PYTHON}"
    return None


def _steps(paragraphs: dict[int, str]) -> tuple[list[dict], int]:
    """100 edits of every kind a counterparty makes, each in a section of its own (sections 5, 15, 25…,
    which the bench's accepted proposals leave alone), and how many proposals they should become: one
    per edited section, per new clause and per term; a comment on unchanged text is only noted."""
    kinds = ["replace"] * 40 + ["insert_after"] * 20 + ["delete"] * 15 + ["new_clause"] * 10 + ["comment"] * 10
    steps: list[dict] = []
    for number, kind in enumerate(kinds):
        text = paragraphs[6 + number * 10]  # section 5 is s6, its paragraph s6.p1
        words, within = text.split(" "), text[:60]
        if kind == "replace":
            why = {"comment": f"Clearer, {number}."} if number % 2 == 0 else {}  # half with a comment as rationale
            steps.append({"kind": kind, "words": " ".join(words[20:22]), "within": within,
                          "text": "reasonably and promptly"} | why)
        elif kind == "insert_after":
            steps.append({"kind": kind, "words": " ".join(words[:8]), "within": within,
                          "text": " (subject to the Alliance Board's approval)"})
        elif kind == "delete":
            steps.append({"kind": kind, "words": " " + " ".join(words[30:33]), "within": within})
        elif kind == "new_clause":
            steps.append({"kind": kind, "words": within, "heading": f"Further clause {number}",
                          "body": [f"Each Alliance Member will report on matter {number} each quarter.",
                                   "The Alliance Board will review the reports."]})
        else:
            steps.append({"kind": kind, "words": " ".join(words[5:8]), "within": within,
                          "comment": "Can we discuss this at the next Board?"})
    steps += [{"kind": "cell", "row": row, "column": "Value", "text": value} for row, value, _ in LO_CELLS]
    steps.append({"kind": "replace", "words": "none", "within": "Risk corridor", "text": "± 2% of the budget"})
    return steps, 75 + 10 + len(LO_CELLS) + 1


def _libreoffice_returned(library: Path, out: Path) -> int:
    """The agreed redline, edited in LibreOffice by Jane Smith with 100 tracked edits; returns how many
    proposals it should become."""
    from negotiator.services.session import open_workspace
    from negotiator.word.importer import read_returned

    sent = out.with_name("sent-1000.docx")
    ws = open_workspace(library, "Benchmark")
    ws.export.export_redline(AGREEMENT, sent, "Draft 1", "agreed", "ICB")
    ws.close()
    paragraphs = {int(p.anchor[1:-3]): p.text_accepting(set()) or "" for p in read_returned(sent).paragraphs
                  if p.anchor and p.anchor.startswith("s") and p.anchor.endswith(".p1")}
    steps, expected = _steps(paragraphs)
    request = out.with_name("libreoffice-request.json")
    request.write_text(json.dumps({"edit": str(sent), "out": str(out), "author": "Jane Smith", "steps": steps}),
                       encoding="utf-8")
    done = subprocess.run([str(LO_PYTHON), str(LO_SCRIPT), "--request", str(request)], capture_output=True,
                          text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"LibreOffice could not edit the file: {done.stdout.strip()} {done.stderr.strip()}")
    return expected


def import_libreoffice_redline_seconds(library: Path, folder: Path, repeat: int = 3) -> float:
    """Median time to import (plan and commit) a 1,000-section redline that LibreOffice edited with 100
    tracked edits, into a fresh copy of the library each time; the editing itself is not timed."""
    from negotiator.services.session import open_workspace

    returned = folder / "libreoffice-returned-1000.docx"
    expected = _libreoffice_returned(library, returned)
    times = []
    for run in range(repeat):
        copy = folder / f"lo-import-{run}.sqlite"
        shutil.copyfile(library, copy)
        ws = open_workspace(copy, "Benchmark")
        start = time.perf_counter()
        result = ws.returned.import_file(AGREEMENT, returned, {"Jane Smith": "PB"})
        times.append(time.perf_counter() - start)
        # The editor is a real LibreOffice: under load it may fold two nearby edits into one change. The
        # figure stays honest as long as the import does the work of (nearly) every edit.
        assert len(result.made) >= expected * 0.95, f"expected {expected} proposals, made {len(result.made)}: " \
            f"{result.notes}"
        if len(result.made) != expected:
            print(f"  (made {len(result.made)} proposals of the {expected} edits)", file=sys.stderr)
        ws.close()
        copy.unlink()
    return statistics.median(times)
