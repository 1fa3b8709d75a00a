"""Negotiator: negotiate multi-party NHS integrated-care agreements offline, with Word redlines."""

from importlib import metadata

try:
    __version__ = metadata.version("negotiator")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "Negotiator"
