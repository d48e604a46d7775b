"""`python -m bot.analysis`: the same as the `attune-analyze` console script."""
import sys

from bot.analysis.cli import main

sys.exit(main())
