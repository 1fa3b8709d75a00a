"""Errors a user can act on. Their text is shown as is, so it says what was wrong and what to do."""


class NegotiatorError(Exception):
    """Base of every error whose message is meant for the user."""


class InvalidInput(NegotiatorError):
    """The user gave something the app cannot accept (a bad file entry, an unknown key)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field  # which input field was wrong, when there is one


class NotFound(InvalidInput):
    """A named thing (clause key, version number) does not exist in the library."""


class LibraryUnusable(NegotiatorError):
    """The library file or URL cannot be opened as a Negotiator library."""


class LibraryBusy(LibraryUnusable):
    """Another window or program kept the library's write lock longer than the app waits for it."""


class Cancelled(NegotiatorError):
    """The user cancelled long work (an import, a search); its transaction was rolled back whole."""
