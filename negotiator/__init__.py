"""Negotiator: negotiate multi-party NHS integrated-care agreements offline, with Word redlines."""

APP_NAME = "Negotiator"


def __getattr__(name: str) -> str:
    # The version comes from the installed package's metadata (pyproject.toml is its one source);
    # looking it up costs a noticeable part of start-up, so it is done only when asked for.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("negotiator")
        except metadata.PackageNotFoundError:  # running from a source tree that was never installed
            return "0.0.0+source"
    raise AttributeError(name)
