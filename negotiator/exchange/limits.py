"""The limits a negotiation package must keep. A package comes from another organisation's laptop, so
every size is checked before anything is unpacked or parsed (see docs/package-format.md)."""

from __future__ import annotations

MB = 1024 * 1024

MAX_FILE_BYTES = 100 * MB  # the .negotiation file itself
MAX_ENTRIES = 64  # entries in the zip
MAX_ENTRY_BYTES = 50 * MB  # one entry, unpacked
MAX_TOTAL_BYTES = 200 * MB  # all entries, unpacked
MAX_RATIO = 100  # unpacked bytes per packed byte, for one entry
MAX_CENTRAL_DIRECTORY_BYTES = 1 * MB  # the zip's table of contents
MAX_STRING = 1_000_000  # characters in any one text
MAX_ITEMS = 100_000  # items in any one list (proposals, events, sections...)
MAX_DEPTH = 32  # nesting of free-form data such as the terms sheet
MAX_INTEGER = 2**53 - 1  # the largest whole number every JSON reader keeps exactly

READ_CHUNK = 1 * MB  # how much of an entry is unpacked at a time
