"""Reading and editing .docx files through a real LibreOffice, for the Word export and import tests.

``libreoffice_read(path)`` returns what ``tests/lo_script.py`` reports for one file: the redlines
(type, author), the comments (author, content) and the paragraph texts after Accept All and after
Reject All. ``libreoffice_edit(src, out, author, steps)`` has LibreOffice edit a file as a
counterparty would (see ``tests/lo_edit.py`` for the steps) and save it as .docx. One soffice serves
the whole test session: the script runs under Debian's python3 (the one with ``uno``) in ``--serve``
mode, takes a request per line and answers a JSON line; closing its stdin ends it and soffice.
Where LibreOffice or ``uno`` is missing the tests skip, unless ``CI`` is set: there they fail, so
CI never passes without having read the files.

What LibreOffice 7.4 gets wrong on its own (Word does not), so the fixed documents avoid it:
- an outer ``w:ins`` around a ``w:del`` is lost (the writer never writes one);
- Accept All leaves U+200D (its placeholder) in an empty cell of an inserted row;
- insertions by one author within a minute on both sides of an unchanged paragraph mark (the end
  of one paragraph, the start of the next) become one redline that takes the mark along, so
  Reject All joins the two paragraphs.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import signal
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

SOFFICE = Path("/usr/bin/soffice")
PYTHON = Path("/usr/bin/python3")
SCRIPT = Path(__file__).with_name("lo_script.py")
ANSWER_TIMEOUT = 180.0
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def libreoffice_missing() -> str | None:
    """Why LibreOffice cannot be used here, or ``None`` when it can."""
    if not SOFFICE.exists():
        return f"LibreOffice is not installed ({SOFFICE} is missing)"
    if not PYTHON.exists():
        return f"LibreOffice is not installed ({PYTHON} is missing)"
    found = subprocess.run([str(PYTHON), "-c", "import uno"], capture_output=True, timeout=60, check=False)
    if found.returncode != 0:
        return "LibreOffice is not installed (python3-uno: `import uno` fails)"
    return None


def require_libreoffice() -> None:
    """Skip the calling test when LibreOffice is missing; fail it instead where ``CI`` is set."""
    reason = _missing_once()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must read the exported files with LibreOffice")
    pytest.skip(f"LibreOffice is not installed: {reason}")


_MISSING: list[str | None] = []


def _missing_once() -> str | None:
    if not _MISSING:
        _MISSING.append(libreoffice_missing())
    return _MISSING[0]


class _Server:
    """``lo_script.py --serve`` and the soffice it started, for one test session."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([str(PYTHON), str(SCRIPT), "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, encoding="utf-8")
        ready = json.loads(self._answer())
        self.soffice_pid = int(ready["soffice_pid"])

    def _answer(self) -> str:
        assert self.process.stdout is not None
        readable, _, _ = select.select([self.process.stdout], [], [], ANSWER_TIMEOUT)
        line = self.process.stdout.readline() if readable else ""
        if not line:
            self.close(force=True)
            raise RuntimeError("LibreOffice did not answer (lo_script.py ended or hung)")
        return line

    def ask(self, request: str) -> dict:
        """One request line (a path to read, or a JSON edit request) and its answer."""
        assert self.process.stdin is not None and "\n" not in request
        self.process.stdin.write(f"{request}\n")
        self.process.stdin.flush()
        return json.loads(self._answer())

    def close(self, force: bool = False) -> None:
        if self.process.poll() is None and not force:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                force = True
        if force:
            self.process.kill()
            self.process.wait(timeout=30)
            with contextlib.suppress(ProcessLookupError, PermissionError):  # soffice's own group, by its PID
                os.killpg(getattr(self, "soffice_pid", self.process.pid), signal.SIGKILL)


_SERVER: list[_Server] = []


def libreoffice_read(path: Path) -> dict:
    """What LibreOffice makes of the .docx at ``path`` (see the module docstring).

    LibreOffice always puts a paragraph after a table that ends the document; when the .docx body
    ends with a table, that extra empty paragraph is dropped from both texts so that they compare
    with the document's own paragraphs.
    """
    result = _server().ask(str(Path(path).resolve()))
    if "error" in result:
        raise AssertionError(f"LibreOffice could not read {path}: {result['error']}")
    if _ends_with_table(path):
        for key in ("accepted", "rejected"):
            if result[key] and result[key][-1] == "":
                result[key].pop()
    return result


def libreoffice_edit(src: Path, out: Path, author: str, steps: list[dict]) -> Path:
    """Have LibreOffice open ``src``, make ``steps`` as ``author`` with Record Changes on, and save the
    result to ``out`` as a Word 2007 .docx; returns ``out``. Each step is a dict with a ``kind``, as
    ``tests/lo_edit.py`` describes."""
    request = {"edit": str(Path(src).resolve()), "out": str(Path(out).resolve()), "author": author,
               "steps": steps}
    answer = _server().ask(json.dumps(request))
    if "error" in answer:
        raise AssertionError(f"LibreOffice could not edit {src}: {answer['error']}")
    return Path(out)


def _server() -> _Server:
    """The session's server, started on first use (the calling test skips where LibreOffice is missing)."""
    require_libreoffice()
    if not _SERVER:
        _SERVER.append(_Server())
        atexit.register(stop_libreoffice)
    return _SERVER[0]


def stop_libreoffice() -> None:
    """End the session's soffice (and the script serving it), if one was started."""
    while _SERVER:
        _SERVER.pop().close()


def _ends_with_table(path: Path) -> bool:
    with zipfile.ZipFile(path) as package:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        body = etree.fromstring(package.read("word/document.xml"), parser).find(f"{W}body")
    blocks = [child for child in body if child.tag in (f"{W}p", f"{W}tbl")]
    return bool(blocks) and blocks[-1].tag == f"{W}tbl"
