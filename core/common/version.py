"""The program's version, shown in crash details and the log (tests/test_logs.py checks that
it agrees with pyproject.toml)."""

__version__ = "0.1.0"
