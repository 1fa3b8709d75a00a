"""The benchmarks measure what their names say: with settings of their own, not the user's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_runs_with_settings_of_its_own() -> None:
    code = ("import json; from benchmarks.main import own_settings; home = own_settings();"
            "from PySide6.QtCore import QCoreApplication, QSettings;"
            "from negotiator import APP_NAME; from negotiator.locations import default_library_path, "
            "remembered_parties_file;"
            "QCoreApplication.setOrganizationName(APP_NAME); QCoreApplication.setApplicationName(APP_NAME);"
            "print(json.dumps([str(home), QSettings().fileName(), str(default_library_path()),"
            " str(remembered_parties_file())]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    home, *places = json.loads(done.stdout)
    # The window's settings, the default library and the remembered parties all live in the bench's folder.
    assert all(place.startswith(home) for place in places), places


def _export_and_floor(folder: Path) -> tuple[bytes, bytes]:
    """A 20-section redline, exported for real, and the floor's file for the same document and information."""
    from benchmarks.export import build, export_info, export_seconds
    from benchmarks.floor import floor_docx
    from negotiator.services.session import open_workspace
    from negotiator.word.writer import reference_template

    library, out = folder / "export-20.sqlite", folder / "redline.docx"
    build(library, 20)
    export_seconds(library, out, repeat=1)
    ws = open_workspace(library, "Benchmark")
    document = ws.export.redline_document("Bench alliance", "Draft 1", "agreed", "ICB")
    ws.close()
    return out.read_bytes(), floor_docx(document, export_info(out), reference_template().read_bytes())


def test_the_export_floor_writes_the_parts_the_export_writes(tmp_path: Path) -> None:
    import io
    import zipfile

    from benchmarks.floor import part_differences

    export, floor = _export_and_floor(tmp_path)
    names = zipfile.ZipFile(io.BytesIO(export)).namelist()
    # What makes a redline more than its paragraphs is in both: comments, header, footer, export information.
    assert {"word/comments.xml", "word/header1.xml", "word/footer1.xml", "customXml/item2.xml"} <= set(names)
    assert part_differences(export, floor) == []
    # A floor that leaves out a part, or writes fewer elements, is caught.
    thinner = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(floor)) as source, zipfile.ZipFile(thinner, "w") as archive:
        for name in source.namelist():
            if name != "word/comments.xml":
                data = source.read(name)
                archive.writestr(name, data.replace(b"<w:tblHeader/>", b"") if name == "word/document.xml" else data)
    found = part_differences(export, thinner.getvalue())
    assert any("word/comments.xml" in line for line in found), found
    assert any("word/document.xml" in line and "tblHeader" in line for line in found), found


def test_the_first_paint_on_x_has_a_session_bus_beside_it_as_a_desktop_does() -> None:
    from benchmarks.desktop import _session_bus

    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (make setup installs it when run as root)")
    bus = _session_bus()
    assert bus is not None and bus.stdout is not None
    try:
        address = bus.stdout.readline().strip()
        # A client reaches the bus at that address: the app's start is not slowed by launching one.
        sent = subprocess.run(["dbus-send", f"--bus={address}", "--print-reply", "--dest=org.freedesktop.DBus",
                               "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"],
                              capture_output=True, text=True, timeout=30) if shutil.which("dbus-send") else None
        assert address.startswith("unix:")
        if sent is not None:
            assert sent.returncode == 0 and "org.freedesktop.DBus" in sent.stdout, sent.stderr
    finally:
        bus.terminate()
        bus.wait(timeout=10)
