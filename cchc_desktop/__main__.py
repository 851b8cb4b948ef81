"""`python -m cchc_desktop` and the frozen build's entry point."""

import sys

from cchc_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
