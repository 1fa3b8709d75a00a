"""Allow ``python -m negotiator``."""

import sys

from negotiator.app import main

sys.exit(main())
