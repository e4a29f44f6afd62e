"""What a use case changed, so that every open screen can refresh what it caches.

Modelled on Anki's ``OpChanges``: a mutating use case (``core/<feature>/ops.py``) returns a
:class:`Changes` (alone, or inside :class:`Done` with its value). The window hands it to every
page; each page refreshes only what depends on the kinds that changed. A sync import that
touches everything returns :meth:`Changes.everything`.

    done = org_ops.add_unit(db, draft)          # Done(value=UnitInfo(...), changes=Changes(units=True))
    bus.notify(done.changes, source=self)       # gui: every page's apply_changes() runs
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Kinds of things a use case changed. Combine with ``|``."""

    units: bool = False  # the unit tree: created, renamed, moved, merged, member counts
    members: bool = False
    office: bool = False  # this office's identity and document wording
    programmes: bool = False  # programmes and their phase dates
    initiatives: bool = False  # register records, authors, status, payments
    targets: bool = False  # targets and saved dashboard settings
    fund: bool = False
    commendations: bool = False
    sync: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def kinds(self) -> list[str]:
        """The names of the kinds that changed, e.g. ``["units", "members"]``."""
        return [f.name for f in fields(self) if getattr(self, f.name)]

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T]):
    """A mutating use case's result: what it returns, and what it changed."""

    value: T
    changes: Changes
