"""Word-level differences as HTML for the comparison view."""

from __future__ import annotations

from html import escape

from negotiator.domain.diff import Op, Segment

# Colours chosen to read on light and dark palettes alike.
_STYLE = {
    Op.EQUAL: "",
    Op.INSERT: "color:#1a7f37;background-color:rgba(46,160,67,0.18);text-decoration:underline;",
    Op.DELETE: "color:#cf222e;background-color:rgba(248,81,73,0.15);text-decoration:line-through;",
}


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def segments_html(segments: list[Segment]) -> str:
    """Inserted words underlined in green, deleted words struck through in red."""
    parts = []
    for segment in segments:
        if segment.op is Op.EQUAL:
            parts.append(_html(segment.text))
        else:
            parts.append(f'<span style="{_STYLE[segment.op]}">{_html(segment.text)}</span>')
    return "<p>" + "".join(parts) + "</p>"


def text_html(text: str) -> str:
    """Plain clause wording, paragraphs kept."""
    return "".join(f"<p>{_html(paragraph)}</p>" for paragraph in text.split("\n\n"))
