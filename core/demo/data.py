"""The demo's word lists, read once from ``resources/demo/*.json`` (UTF-8, NFC).

Each file holds one family of lists (``people``, ``places``, ``units``, ``initiative_words``,
``initiative_templates``, ``initiative_texts``, ``initiative_domains``) and says in its
``about`` what they are. The generators are deterministic for a seed, so the order of every
list matters: editing a list changes the demo.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from core.common.paths import resource_path

FILES = (
    "people",
    "places",
    "units",
    "initiative_words",
    "initiative_templates",
    "initiative_texts",
    "initiative_domains",
)


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``resources/demo/<name>.json`` (cached: callers must not change it)."""
    if name not in FILES:
        raise ValueError(f"unknown demo data file {name!r}")
    return json.loads(resource_path("demo", f"{name}.json").read_text(encoding="utf-8"))


def pairs(rows: list[list[Any]]) -> tuple[tuple[Any, Any], ...]:
    """``[[value, weight], …]`` as a tuple of pairs."""
    return tuple((value, weight) for value, weight in rows)
