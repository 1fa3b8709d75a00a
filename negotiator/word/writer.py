"""Write a :class:`WordDocument` as a .docx whose changes Word tracks, one author per party.

The template (``resources/word/reference.docx`` unless another is given) supplies the styles, the
page and the heading numbering; its body is replaced, its final section properties kept.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document

from negotiator.domain.document import WordDocument
from negotiator.domain.json_data import JsonObject
from negotiator.locations import resources_dir
from negotiator.safe_files import write_safely
from negotiator.word import parts
from negotiator.word.body import BodyWriter, Look
from negotiator.word.ooxml import w

_EMU_PER_TWIP = 635
_A4_TEXT_WIDTH = 9026  # twips: A4 less two 2.54 cm margins, when the template does not say


def reference_template() -> Path:
    """The bundled reference template."""
    return resources_dir() / "word" / "reference.docx"


@dataclass(frozen=True)
class Rendered:
    """A written .docx and what had to be written differently from what was asked."""

    data: bytes
    warnings: tuple[str, ...]


def render(document: WordDocument, template: Path | None = None, *, export_info: JsonObject | None = None) -> Rendered:
    """Build the .docx in memory: the bytes and the warnings (replaced characters, missing styles…).

    ``export_info`` (JSON-serialisable) is stored in a Custom XML part that Word keeps, for the
    importer to read back from the returned file (see :func:`negotiator.word.parts.export_info`).
    """
    word = docx.Document(str(template or reference_template()))
    writer = BodyWriter(_look(word))
    body = word.element.body
    section = body.find(w("sectPr"))
    for child in list(body):
        body.remove(child)
    writer.blocks(body, document.blocks)
    if section is not None:
        body.append(section)  # the final section properties stay last
    parts.margins(word, writer, document.header, document.footer)
    parts.comments(word, writer, writer.comments)
    parts.settings(word, document.track_revisions)
    parts.language(word)
    if export_info is not None:
        parts.export_info(word, export_info)
    stream = io.BytesIO()
    word.save(stream)
    return Rendered(stream.getvalue(), tuple(dict.fromkeys(writer.warnings)))


def docx_bytes(document: WordDocument, template: Path | None = None, *, export_info: JsonObject | None = None) -> bytes:
    """The .docx for ``document`` as bytes (with ``export_info`` stored as in :func:`render`)."""
    return render(document, template, export_info=export_info).data


def write_docx(document: WordDocument, path: Path, template: Path | None = None, *,
               export_info: JsonObject | None = None) -> list[str]:
    """Write ``document`` to ``path``; returns the warnings (empty when it was written as asked).

    ``export_info`` is stored in the file as in :func:`render`.
    """
    rendered = render(document, template, export_info=export_info)
    write_safely(path, rendered.data)
    return list(rendered.warnings)



def _look(word: Document) -> Look:
    styles = {style.name: style.style_id for style in word.styles if style.name}
    section = word.sections[0]
    width = _A4_TEXT_WIDTH
    if section.page_width is not None and section.left_margin is not None and section.right_margin is not None:
        width = max(1, (section.page_width - section.left_margin - section.right_margin) // _EMU_PER_TWIP)
    return Look(styles, parts.heading_numbering(word), width)
