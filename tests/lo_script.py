"""Read .docx files through LibreOffice: redlines, comments, and the paragraph texts after Accept All
and after Reject All. Runs under Debian's /usr/bin/python3, the interpreter that has ``uno``.

    /usr/bin/python3 tests/lo_script.py A.docx B.docx   # prints one JSON list
    /usr/bin/python3 tests/lo_script.py --serve          # a request per stdin line, a JSON line back
    /usr/bin/python3 tests/lo_script.py --request R.json # one edit request from a file, its answer printed

A request line is a path (read that file) or a JSON object: ``{"edit": IN, "out": OUT, "author": A,
"steps": [...]}`` edits a file as a counterparty in LibreOffice would (see ``lo_edit.py``) and
answers ``{"ok": true}``; any failure answers ``{"error": "..."}``.

One soffice serves every file: headless, a private profile, a named pipe; it is ended by its PID
(its process group) when the script finishes. In ``--serve`` mode the first line out is
``{"ready": true, "soffice_pid": N}`` so the caller can end soffice itself if this script dies.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # noqa: I001  (Debian's python3-uno; must come before com.sun.star imports)
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).parent))  # lo_edit.py beside this script, however it is started
import lo_edit  # noqa: E402

SOFFICE = "/usr/bin/soffice"
START_TIMEOUT = 60.0


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


class Office:
    """A private headless soffice and a UNO connection to it."""

    def __init__(self) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="negotiator-lo-"))
        pipe = f"negotiator_{os.getpid()}_{int(time.time() * 1000)}"
        self.process = subprocess.Popen(
            [SOFFICE, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             f"-env:UserInstallation={self.profile.as_uri()}", f"--accept=pipe,name={pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                self.context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.close()
                    raise RuntimeError("soffice did not start") from None
                time.sleep(0.1)
        self.smgr = self.context.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.context)
        self.dispatcher = self.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.context)

    def load(self, path: Path) -> object:
        """Open a document hidden, with a view (Accept All and Reject All need one)."""
        doc = self.desktop.loadComponentFromURL(path.resolve().as_uri(), "_blank", 0, (_property("Hidden", True),))
        if doc is None:
            raise RuntimeError(f"LibreOffice could not load {path}")
        return doc

    def dispatch(self, doc: object, command: str) -> None:
        """Run a ``.uno:`` command on the document's frame."""
        frame = doc.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, command, "", 0, ())

    def read(self, path: Path) -> dict:
        """Everything the tests compare, for one file."""
        doc = self.load(path)
        try:
            redlines = [{"type": r.getPropertyValue("RedlineType"), "author": r.getPropertyValue("RedlineAuthor"),
                         "text": _redline_text(r)} for r in _each(doc.getRedlines())]
            comments = [{"author": f.getPropertyValue("Author"), "content": f.getPropertyValue("Content")}
                        for f in _each(doc.getTextFields())
                        if f.supportsService("com.sun.star.text.textfield.Annotation")]
            self.dispatch(doc, ".uno:AcceptAllTrackedChanges")
            accepted = _paragraphs(doc.getText())
            left_after_accept = len(list(_each(doc.getRedlines())))
        finally:
            doc.close(True)
        doc = self.load(path)
        try:
            self.dispatch(doc, ".uno:RejectAllTrackedChanges")
            rejected = _paragraphs(doc.getText())
            left_after_reject = len(list(_each(doc.getRedlines())))
        finally:
            doc.close(True)
        return {"redlines": redlines, "comments": comments, "accepted": accepted, "rejected": rejected,
                "redlines_left": [left_after_accept, left_after_reject]}

    def close(self) -> None:
        """End soffice by its PID (its own process group) and remove the private profile."""
        try:
            if getattr(self, "desktop", None) is not None:
                self.desktop.terminate()
        except Exception:  # noqa: BLE001  (the bridge goes away as soffice exits)
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # any helper soffice left in the group
        shutil.rmtree(self.profile, ignore_errors=True)


def _each(access: object) -> list:
    enumeration = access.createEnumeration()
    items = []
    while enumeration.hasMoreElements():
        items.append(enumeration.nextElement())
    return items


def _redline_text(redline: object) -> str | None:
    """The text a redline covers (a paragraph mark reads as a line break), or None where LibreOffice
    cannot say (a tracked table row)."""
    try:
        start, end = redline.getPropertyValue("RedlineStart"), redline.getPropertyValue("RedlineEnd")
        cursor = start.getText().createTextCursorByRange(start)
        cursor.gotoRange(end, True)
        return cursor.getString()
    except Exception:  # noqa: BLE001  (a row redline's ends lie in different cells)
        return None


def _paragraphs(text: object) -> list[str]:
    """The paragraphs of a text in order; a table's cells row by row, each cell's paragraphs."""
    out: list[str] = []
    for element in _each(text):
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                out += _paragraphs(element.getCellByName(name).getText())
        elif element.supportsService("com.sun.star.text.Paragraph"):
            out.append(element.getString())
    return out


def _answer(office: Office, request: str) -> dict:
    """What one request line asks for: a path is read, a JSON object is an edit."""
    try:
        if request.startswith("{"):
            return lo_edit.edit(office.context, office.desktop, office.dispatcher, json.loads(request))
        return office.read(Path(request))
    except Exception as error:  # noqa: BLE001  (reported to the caller, who fails the test)
        return {"error": f"{type(error).__name__}: {error}"}


def main(argv: list[str]) -> int:
    """Read the files named in ``argv``, serve requests from stdin with ``--serve``, or carry out the
    edit request in a JSON file with ``--request FILE`` (exit status 1 when it fails)."""
    office = Office()
    try:
        if argv[:1] == ["--serve"]:
            print(json.dumps({"ready": True, "soffice_pid": office.process.pid}), flush=True)
            for line in sys.stdin:
                if line.strip():
                    print(json.dumps(_answer(office, line.strip())), flush=True)
        elif argv[:1] == ["--request"]:
            answer = _answer(office, Path(argv[1]).read_text(encoding="utf-8").strip())
            print(json.dumps(answer))
            return 1 if "error" in answer else 0
        else:
            print(json.dumps([_answer(office, str(Path(arg))) for arg in argv]))
    finally:
        office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
