"""python -m snippets.exercises — 명령은 cli.py에 있다."""

import sys

from snippets.exercises.cli import main

if __name__ == "__main__":
    sys.exit(main())
