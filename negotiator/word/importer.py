"""Read a .docx that came back from a counterparty: every body paragraph (table cells included) in
reading order with its export anchor, its runs by change and author, its comments; every tracked
change; and what the app cannot import (formatting changes, moves, header edits…), so it is
reported rather than silently dropped.

The file is treated as hostile. Before anything is inflated, the zip's declared sizes are checked
(size on disk, number of entries, total unpacked size, compression ratio, entry names, encryption,
compression method); each part is then read through a reader capped at its declared size, and
parsed with entities unresolved, no DTD and no network, a DOCTYPE being refused outright. Every
refusal is an :class:`InvalidInput` whose message names the file and says what is wrong.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from pathlib import Path

from docx.styles import BabelFish
from lxml import etree

from negotiator.domain.json_data import JsonObject
from negotiator.domain.returned import ReturnedDocument
from negotiator.word.ooxml import w
from negotiator.word.parts import EXPORT_ROOT
from negotiator.word.safe_zip import SafeDocx
from negotiator.word.stories import read_comments, read_threads, story_changes, untracked_story
from negotiator.word.walker import NAME, TYPE, VAL, Walker

MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled Word document (.docm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "a Word template (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "a macro-enabled Word template (.dotm)",
}
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT = "word/document.xml"
_CONTENT_TYPES = "[Content_Types].xml"
_CUSTOM_ITEM = re.compile(r"^customxml/item(\d+)\.xml$")
_STORIES = {"header": "the header", "footer": "the footer", "footnotes": "a footnote", "endnotes": "an endnote",
            "comments": "a comment"}
_NOTE_KIND = {"footnotes": "footnote", "endnotes": "endnote"}


def read_returned(path: Path) -> ReturnedDocument:
    """Read the returned .docx at ``path``; raises :class:`InvalidInput` (in plain words, naming the
    file) when it is not a Word document or looks like an attack (zip bomb, path traversal, DTD…)."""
    path = Path(path)
    package = _Package(path)
    try:
        return package.read()
    finally:
        package.close()


# --- the package ------------------------------------------------------------------------------


class _Package(SafeDocx):
    """The returned file: its content types, its related parts, the app's export information and its text."""

    def read(self) -> ReturnedDocument:
        """Check the content types, then read the export info, the styles, the comments and the body."""
        if not self.has(_CONTENT_TYPES):
            raise self._refuse(f"{self.label} was refused: it has no [Content_Types].xml, which every Word "
                               "document has, so it is not a Word document.")
        if not self.has(_DOCUMENT):
            raise self._refuse(f"{self.label} is not a Word document: it has no word/document.xml, the part that "
                               "holds a Word document's text.")
        self._check_main_type(self.xml(_CONTENT_TYPES))
        related = self._related()
        notes: list[str] = []
        info = self._export_info(notes)
        known: set[str] = set(info["anchors"]) | set(info.get("anchor_names", ())) if info is not None else set()
        styles = Styles(self.optional_xml(_first(related.get("styles")) or "word/styles.xml"))
        comments = read_comments(self.optional_xml(_first(related.get("comments")) or "word/comments.xml"))
        extended = _first(related.get("commentsExtended"))
        threads = read_threads(self.optional_xml(extended) if extended else None, comments)
        document = self.xml(_DOCUMENT)
        walker = Walker(styles, comments, known, threads)
        body = document.find(w("body"))
        if body is not None:
            walker.blocks(body, None)
        walker.finish()
        for kind, label in _STORIES.items():
            for name in related.get(kind, ()):
                story = self.optional_xml(name)
                if story is not None:
                    prefix = _NOTE_KIND.get(kind, "")
                    places = {key.split(":", 1)[1]: place for key, place in walker.note_places.items()
                              if key.split(":", 1)[0] == prefix}
                    walker.reported.extend(story_changes(story, label, places))
                    walker.reported.extend(untracked_story(story, label, _exported_story(info, kind)))
        return ReturnedDocument(name=self.label, paragraphs=tuple(walker.paragraphs), export_info=info,
                                unsupported=_counted(notes + walker.unsupported),
                                tracked=tuple(walker.tracked), reported=tuple(walker.reported),
                                replies=tuple(walker.replies))

    def _check_main_type(self, types: etree._Element) -> None:
        declared: str | None = None
        for override in types.iter(f"{{{_CT_NS}}}Override"):
            if override.get("PartName", "").lower() == "/" + _DOCUMENT:
                declared = override.get("ContentType", "")
        if declared is None:
            for default in types.iter(f"{{{_CT_NS}}}Default"):
                if default.get("Extension", "").lower() == "xml":
                    declared = default.get("ContentType", "")
        if declared == MAIN_TYPE:
            return
        if declared in _OTHER_MAIN_TYPES:
            raise self._refuse(f"{self.label} was refused: it is {_OTHER_MAIN_TYPES[declared]}, not a plain Word "
                               "document. Save it in Word as \"Word Document (.docx)\" and try again.")
        what = f"declared as {declared[:80]}" if declared else "not declared at all"
        raise self._refuse(f"{self.label} is not a Word document: its [Content_Types].xml does not declare "
                           f"word/document.xml as a Word document's main part (it is {what}).")

    def _related(self) -> dict[str, list[str]]:
        """The main document's related parts by relationship kind (``styles``, ``header``…), in order."""
        rels_name = "word/_rels/document.xml.rels"
        found: dict[str, list[str]] = {}
        if not self.has(rels_name):
            return found
        for rel in self.xml(rels_name).iter(f"{{{_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))
            if name.startswith("../") or not self.has(name):
                continue
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            found.setdefault(kind, []).append(self.entries[name.lower()].filename)
        return found

    def _export_info(self, notes: list[str]) -> JsonObject | None:
        """The app's export information, from the first Custom XML part of ours; None when absent."""
        items = sorted((int(match.group(1)), info.filename) for key, info in self.entries.items()
                       if (match := _CUSTOM_ITEM.match(key)))
        for _, name in items:
            root = self.xml(name)
            if root.tag != EXPORT_ROOT:
                continue
            try:
                info = json.loads(root.text or "")
            except (ValueError, RecursionError):
                info = None
            if isinstance(info, dict):
                anchors = info.get("anchors")
                # What the export wrote where: text by anchor; anything else in its place is ignored, so
                # that a tampered record can only lose the check of untracked edits, never crash the import.
                info["anchors"] = {k: v for k, v in anchors.items() if isinstance(k, str) and isinstance(v, str)} \
                    if isinstance(anchors, dict) else {}
                if isinstance(anchors, list):  # names only: the paragraphs are known, their texts are not
                    info["anchor_names"] = [a for a in anchors if isinstance(a, str)]
                return info
            notes.append(f"the app's export information in this file ({name}) is damaged and was ignored, so "
                         "paragraphs are matched by their bookmarks alone")
            return None
        return None


def _exported_story(info: JsonObject | None, kind: str) -> str | None:
    """What the export wrote in the header or footer, when the file records it; footnotes and endnotes
    the export never writes ("" for them); None when the file does not say."""
    if kind in _NOTE_KIND:
        return ""
    stories = (info or {}).get("stories")
    text = stories.get(kind) if isinstance(stories, dict) else None
    return text if isinstance(text, str) else None


def _counted(notes: list[str]) -> tuple[str, ...]:
    """Each note once, with how many times it came when more than once (two page layout changes by one
    author read alike): counted, never merged away."""
    return tuple(note if count == 1 else f"{count} times: {note}" for note, count in Counter(notes).items())


def _first(names: list[str] | None) -> str | None:
    return names[0] if names else None


# --- styles and comments ----------------------------------------------------------------------


class Styles:
    """Paragraph style names by id (Word's built-in names as the UI shows them: ``Heading 1``)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.names: dict[str, str] = {}
        self.default = "Normal"
        if root is None:
            return
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"))
            name = style.find(NAME)
            if style_id is None or name is None or not name.get(VAL):
                continue
            ui_name = BabelFish.internal2ui(name.get(VAL, ""))
            self.names[style_id] = ui_name
            if style.get(TYPE) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                self.default = ui_name

    def name(self, style_id: str | None) -> str:
        """The style's name, its id when styles.xml does not know it, the default style for none."""
        if style_id is None:
            return self.default
        return self.names.get(style_id, style_id)
