"""Allow ``python -m desktop_app`` as an alias of the ``newsgold`` command."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
