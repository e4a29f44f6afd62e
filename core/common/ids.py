"""Random (version 4) UUIDs in bulk, for imports that mint hundreds of thousands of keys.

``uuid.uuid4()`` asks the OS for 16 random bytes and runs ``UUID.__init__``'s checks for each
key; :func:`uuid4_batch` reads the bytes for all of them at once and sets the version and
variant bits on the integer itself (about 2× faster). The keys are the same kind of value:
``uuid.UUID`` objects of version 4, RFC 4122 variant, from the OS's random source.
"""

from __future__ import annotations

import os
import uuid

_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))  # version nibble and variant bits
_SET = (4 << 76) | (0x8000 << 48)  # version 4, variant 10xx (RFC 4122)


def uuid4_batch(count: int) -> list[uuid.UUID]:
    """``count`` new random UUIDs (version 4)."""
    data = os.urandom(16 * count)
    new, set_slot, from_bytes = object.__new__, object.__setattr__, int.from_bytes
    cls, unknown = uuid.UUID, uuid.SafeUUID.unknown
    ids = []
    for start in range(0, 16 * count, 16):
        value = new(cls)
        # what UUID.__init__ does (UUID objects are immutable through their own __setattr__)
        set_slot(value, "int", from_bytes(data[start:start + 16], "big") & _CLEAR | _SET)
        set_slot(value, "is_safe", unknown)
        ids.append(value)
    return ids


class UuidPool:
    """``next()`` hands out version 4 UUIDs drawn :func:`uuid4_batch` at a time."""

    def __init__(self, batch: int = 4096) -> None:
        self._batch = batch
        self._ids: list[uuid.UUID] = []

    def next(self) -> uuid.UUID:
        if not self._ids:
            self._ids = uuid4_batch(self._batch)
            self._ids.reverse()
        return self._ids.pop()
