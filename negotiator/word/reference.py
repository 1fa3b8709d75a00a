"""Build ``resources/word/reference.docx``: python-docx's plain styles on an A4 page, the comment
styles Word uses, ``compatibilityMode`` 15 and the 1 / 1.1 / 1.1.1 heading numbering.

Run ``python -m negotiator.word.reference`` to rebuild the shipped file.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.parser import parse_xml
from docx.shared import Cm

from negotiator.word import parts
from negotiator.word.ooxml import W_NS

_COMMENT_STYLES = (
    f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    f'<w:style xmlns:w="{W_NS}" w:type="character" w:styleId="CommentReference">'
    '<w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
    '<w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
)


def build_reference(path: Path) -> None:
    """Write the reference template to ``path``."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    body.insert(0, parse_xml(f'<w:p xmlns:w="{W_NS}"/>'))  # Word expects at least one paragraph
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.54))
    styles = document.styles.element
    names = {style.name for style in document.styles}
    for xml in _COMMENT_STYLES:
        style = parse_xml(xml)
        if style.find(f"{{{W_NS}}}name").get(f"{{{W_NS}}}val") not in names:
            styles.append(style)
    for required in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Table Grid",
                     "Header", "Footer"):
        if required not in names:
            raise RuntimeError(f"python-docx's default template lacks the style {required!r}")
    parts.heading_numbering(document)
    parts.settings(document, track_revisions=False)
    parts.language(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "Negotiator"
    properties.title = properties.subject = properties.keywords = properties.comments = ""
    properties.category = ""
    properties.revision = 1
    properties.created = properties.modified = datetime(2026, 1, 1, tzinfo=UTC)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:  # python-docx's own preview picture
            del package.rels[rel_id]
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


if __name__ == "__main__":
    from negotiator.word.writer import reference_template

    build_reference(Path(sys.argv[1]) if len(sys.argv) > 1 else reference_template())
