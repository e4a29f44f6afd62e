"""Sổ Công đoàn. No arguments (or only --db FILE): open the window. Otherwise run a headless
command (see `python main.py --help`); `--self-test` opens the window offscreen and exits.

An unexpected error (a bug, not a refusal) goes to the log (core.common.logs) with its
traceback; the user sees one Vietnamese line and the log's path, and the exit code is 1.
"""

from __future__ import annotations

import sys

EXIT_FAILED = 1


def main(argv: list[str]) -> int:
    try:
        return _dispatch(argv)
    except Exception as exc:  # noqa: BLE001 - the last stop before a bare traceback
        return _unexpected(exc)


def _dispatch(argv: list[str]) -> int:
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


def _unexpected(exc: BaseException) -> int:
    """Log ``exc`` and say so in one Vietnamese line on stderr (absent in the windowed build)."""
    import logging

    from core.common import logs

    path = logs.setup_logging()
    logging.getLogger("socongdoan").error(
        "Unexpected error, program stopped: %s\n%s", " ".join(sys.argv),
        "\n".join([*logs.environment(), logs.format_exception(exc)]))
    if sys.stderr is None:
        return EXIT_FAILED
    if path is not None:
        print(f"Lỗi ngoài dự kiến, chương trình đã dừng; chi tiết đã được ghi vào {path}",
              file=sys.stderr)
    else:  # no log to point to: the details go to the screen after all
        print("Lỗi ngoài dự kiến, chương trình đã dừng (không ghi được tệp nhật ký):\n"
              + logs.format_exception(exc), file=sys.stderr)
    return EXIT_FAILED


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the workbook reader's child process in the frozen app
    sys.exit(main(sys.argv[1:]))
