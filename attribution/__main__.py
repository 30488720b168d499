"""``python -m attribution``: the same command as the ``attribution`` script."""

from attribution.cli import main

raise SystemExit(main())
