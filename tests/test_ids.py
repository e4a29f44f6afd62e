"""Bulk UUIDs: the same kind of key as uuid.uuid4()."""

from __future__ import annotations

import uuid

from core.common.ids import UuidPool, uuid4_batch


def test_batch_ids_are_random_version_4_uuids():
    ids = uuid4_batch(5000)
    assert len(set(ids)) == 5000
    for value in ids[:200]:
        assert isinstance(value, uuid.UUID)
        assert value.version == 4 and value.variant == uuid.RFC_4122
        assert uuid.UUID(str(value)) == value and hash(uuid.UUID(value.hex)) == hash(value)
        assert value.is_safe is uuid.SafeUUID.unknown
    assert uuid4_batch(0) == []


def test_pool_hands_out_distinct_ids_across_batches():
    pool = UuidPool(batch=7)
    ids = [pool.next() for _ in range(50)]
    assert len(set(ids)) == 50 and all(i.version == 4 for i in ids)
