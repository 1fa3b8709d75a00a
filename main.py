"""Thin entry point: ``python main.py`` behaves like the ``negotiator`` command."""

import sys

from negotiator.app import main

if __name__ == "__main__":
    sys.exit(main())
