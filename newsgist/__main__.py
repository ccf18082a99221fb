"""``python -m newsgist`` runs the command line."""

from newsgist.cli import main

raise SystemExit(main())
