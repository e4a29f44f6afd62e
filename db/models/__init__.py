"""All mapped tables. Import models from here so Alembic sees the whole metadata."""

from db.models.base import Base, SyncedMixin, new_row_stamp, table_of, utcnow
from db.models.initiatives import (
    Initiative,
    InitiativeAuthor,
    InitiativeChange,
    InitiativeField,
    InitiativeKind,
    InitiativePayment,
    InitiativeStatus,
    InitiativeTally,
    Programme,
    ProgrammePhase,
    Recogniser,
)
from db.models.org import Gender, Member, Sector, Unit, UnitEvent, UnitKind, UnitMemberCount
from db.models.settings import Setting
from db.models.sync import (
    SyncApplying,
    SyncConflict,
    SyncIdentity,
    SyncOutbox,
    SyncPackage,
    SyncPeer,
)
from db.models.targets import FundModelTarget, InitiativeTarget

__all__ = [
    "Base",
    "FundModelTarget",
    "Gender",
    "Initiative",
    "InitiativeAuthor",
    "InitiativeChange",
    "InitiativeField",
    "InitiativeKind",
    "InitiativePayment",
    "InitiativeStatus",
    "InitiativeTally",
    "InitiativeTarget",
    "Programme",
    "ProgrammePhase",
    "Recogniser",
    "Member",
    "Sector",
    "Setting",
    "SyncApplying",
    "SyncConflict",
    "SyncIdentity",
    "SyncOutbox",
    "SyncPackage",
    "SyncPeer",
    "SyncedMixin",
    "Unit",
    "UnitEvent",
    "UnitKind",
    "UnitMemberCount",
    "new_row_stamp",
    "table_of",
    "utcnow",
]
