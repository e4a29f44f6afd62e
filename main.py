"""Sổ Công đoàn. No arguments (or only --db FILE): open the window. Otherwise run a headless
command (see `python main.py --help`); `--self-test` opens the window offscreen and exits."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if "--self-test" in argv:
        from gui.app import self_test

        return self_test()
    window_only = not argv or (len(argv) == 2 and argv[0] == "--db")
    if window_only:
        from pathlib import Path

        from gui.app import run_gui

        return run_gui(Path(argv[1]) if argv else None)
    from core.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
