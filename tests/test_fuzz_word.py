"""Fuzzing the Word round trip: nasty text written as tracked changes by our writer reads back the
same through both readers, and a damaged .docx is refused with a message, never a crash.

What a .docx cannot hold is decided once (negotiator.word.ooxml.word_text): characters XML 1.0
cannot carry (C0 controls but tab, line feed and carriage return; lone surrogates; U+FFFE and
U+FFFF) become U+FFFD, and a carriage return becomes a line break, with a warning each time. Text
typed into the app never gets that far: check_text refuses those characters when they are typed.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from negotiator.domain.diff import Op, word_diff
from negotiator.domain.document import Change, Paragraph, Revision, Run, WordDocument
from negotiator.domain.errors import InvalidInput
from negotiator.word.importer import read_returned
from negotiator.word.reader import read_paragraphs, read_revisions
from negotiator.word.tracked import UNKNOWN_AUTHOR
from negotiator.word.writer import render

from .hostile_docx import minimal_parts, write_zip
from .nasty_text import carriable_text, clause_text, nasty_text

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHANGE = {Op.EQUAL: Change.EQUAL, Op.INSERT: Change.INSERT, Op.DELETE: Change.DELETE}
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-word-"))


def as_word_holds_it(text: str) -> str:
    """The documented rule, written out independently of the writer: CR and CRLF become a line
    break, every character XML 1.0 cannot carry becomes U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def redline(base: str, target: str, author: str, comment: str) -> WordDocument:
    """One paragraph leading from ``base`` to ``target`` by ``author``, with a comment."""
    revision = Revision(author, datetime(2027, 2, 1, 10, tzinfo=UTC), comment or None)
    runs = tuple(Run(s.text, _CHANGE[s.op], None if s.op is Op.EQUAL else revision) for s in word_diff(base, target))
    return WordDocument((Paragraph(runs, anchor="s1.p1"),), header="Subject to contract", footer=author)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(nasty_text(), clause_text()), st.one_of(nasty_text(), clause_text()),
       nasty_text(max_pieces=6, long=False), nasty_text(max_pieces=6, long=False))
@example("العقد \u202e30\u202c يوما", "العقد \u202e60\u202c يوما", "מחבר \u200f", "قال \u2067x\u2069")
@example("pay\x00 within\r\n30 days", "pay within\r60 days\x0b", "Jane\x00Smith", "why\ud800\tnot")
@example("", "👩\u200d👩\u200d👧\u200d👦 e\u0301 \U0010ffff", "  ", "")
@example("", "", "", "\x1f")
@example("", "0", "", "\r\n")  # a CRLF in a comment became two line breaks
def test_what_the_writer_writes_reads_back_the_same(base: str, target: str, author: str, comment: str) -> None:
    rendered = render(redline(base, target, author, comment))
    written = (base, target, author, comment) if base != target else (base, author)  # no change, no comment
    changed = any(as_word_holds_it(t) != t for t in written)
    assert bool(rendered.warnings) >= changed  # whatever was replaced is reported
    assert read_paragraphs(rendered.data, accept=True) == [as_word_holds_it(target)]
    assert read_paragraphs(rendered.data, accept=False) == [as_word_holds_it(base)]
    shown_author = as_word_holds_it(author).strip() or UNKNOWN_AUTHOR
    assert {who for _, who, _ in read_revisions(rendered.data)} <= {shown_author}

    path = FOLDER / "returned.docx"
    path.write_bytes(rendered.data)
    returned = read_returned(path)  # the importer, which shares nothing with the reader above
    paragraph, = returned.paragraphs[:1]
    assert paragraph.anchor == "s1.p1"
    assert paragraph.text_accepting({shown_author}) == as_word_holds_it(target)
    assert paragraph.text_accepting(set()) == as_word_holds_it(base)
    if comment and base != target:
        assert paragraph.comments == ((shown_author, as_word_holds_it(comment)),)


@settings(max_examples=15)
@given(carriable_text(), carriable_text())
def test_text_xml_can_carry_is_written_exactly_and_without_warnings(base: str, target: str) -> None:
    rendered = render(redline(base, target, "Provider B", "why"))
    assert rendered.warnings == ()
    assert read_paragraphs(rendered.data, accept=True) == [target]
    assert read_paragraphs(rendered.data, accept=False) == [base]


# Damaged files: one good export, then bytes flipped, cut, or parts replaced.

_GOOD = render(redline("The ICB shall pay in 30 days.", "The ICB shall pay in 60 days.", "Jane Smith", "")).data


def _refused_or_read(data: bytes) -> None:
    path = FOLDER / "damaged.docx"
    path.write_bytes(data)
    try:
        read_returned(path)
    except InvalidInput as error:
        assert str(error).strip() and path.name in str(error)


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(0, len(_GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=8),
       st.one_of(st.none(), st.integers(0, len(_GOOD))))
def test_a_corrupted_docx_is_read_or_refused_with_a_message(flips: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(_GOOD)
    for at, value in flips:
        data[at] = value
    _refused_or_read(bytes(data[:cut]))


_PARTS = ["word/document.xml", "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
          "word/comments.xml", "word/styles.xml", "customXml/item1.xml"]
_xmlish = st.one_of(
    nasty_text(long=False).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    nasty_text(long=False).map(lambda t: f'<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
                                         f'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
                                         f'{t}</w:t></w:r></w:p></w:body></w:document>'.encode("utf-8",
                                                                                             "surrogatepass")),
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe<\x00", "<a>\ud800</a>".encode("utf-8", "surrogatepass"),
                     b"<a>&#0;</a>", b"<a>&#xD800;</a>", b"<a>\xc3\x28</a>", b"<a b='\x00'/>"]),
)


@settings(max_examples=40)
@given(st.sampled_from(_PARTS), _xmlish)
@example("word/document.xml", b"<a>&#xD800;</a>")
@example("customXml/item1.xml", b'<negotiator xmlns="urn:negotiator:export">{"anchors": "\\ud800"}</negotiator>')
def test_a_docx_with_a_replaced_part_is_read_or_refused_with_a_message(part: str, data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(_GOOD)) as good:
        parts = {name: good.read(name) for name in good.namelist()}
    parts[part] = data
    _refused_or_read(write_zip(FOLDER / "source.docx", parts).read_bytes())


def test_the_minimal_hand_made_package_still_reads() -> None:
    """The control case: the corpus's minimal document is a Word document the importer accepts."""
    _refused_or_read(write_zip(FOLDER / "minimal.docx", minimal_parts()).read_bytes())
    assert read_returned(FOLDER / "damaged.docx").paragraphs
