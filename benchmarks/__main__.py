"""``python -m benchmarks``: every figure, as ``make bench`` prints them."""

from benchmarks.main import main

raise SystemExit(main())
