"""Entry point of the frozen NewsGold (PyInstaller runs this as __main__)."""

import multiprocessing
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    # pre-annotation with --n-process > 1 starts worker processes: in a frozen app they re-run
    # this executable, and freeze_support() turns them into workers instead of a second CLI
    multiprocessing.freeze_support()
    sys.exit(main())
