"""This office's identity and the wording of its documents (set on first run)."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.common.letterhead import OfficeSettings  # the letterhead every document prints
from core.common.text import clean
from core.org import units as org
from db.models import Setting, UnitKind

_PREFIX = "office."


def load_office(session: Session) -> OfficeSettings:
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.like(_PREFIX + "%")))
    values = {key.removeprefix(_PREFIX): value for key, value in rows}
    known = {f.name for f in fields(OfficeSettings)}
    return OfficeSettings(**{k: v for k, v in values.items() if k in known})


def save_office(session: Session, settings: OfficeSettings) -> None:
    for key, value in asdict(settings).items():
        session.merge(Setting(key=_PREFIX + key, value=clean(value)))


_LEVELS = {"province": UnitKind.PROVINCE, "upper": UnitKind.UPPER, "grassroots": UnitKind.GRASSROOTS}


def init_office(
    session: Session,
    *,
    code: str,
    name: str,
    level: str,
    parent_code: str | None = None,
    parent_name: str | None = None,
    place: str | None = None,
    chair_name: str = "",
) -> OfficeSettings:
    """Set this installation up as office ``code``, creating its unit (and parent) if needed.

    The caller must have set ``session.info["office_code"]`` to ``code`` first, so the
    created rows carry it as their origin.
    """
    code, name = clean(code).upper(), clean(name)
    if level not in _LEVELS:
        raise UserError(f"Cấp không hợp lệ: {level} (chọn province, upper hoặc grassroots).")
    if not code or not name:
        raise UserError("Cần mã và tên đơn vị.")
    existing = load_office(session)
    if existing.unit_code and existing.unit_code != code:
        raise UserError(
            f"Cơ sở dữ liệu này đã được khởi tạo cho đơn vị {existing.unit_code}; "
            "không thể đổi sang đơn vị khác."
        )
    parent = None
    if parent_code:
        parent = org.find_by_code(session, parent_code)
        if parent is None:
            parent_kind = UnitKind.PROVINCE if level != "grassroots" else UnitKind.UPPER
            parent = org.create_unit(
                session,
                org.UnitInput(code=parent_code, name=parent_name or parent_code, kind=parent_kind),
            )
    unit = org.find_by_code(session, code)
    if unit is None:
        unit = org.create_unit(
            session,
            org.UnitInput(code=code, name=name, kind=_LEVELS[level], parent_code=parent.code if parent else None),
        )
    settings = OfficeSettings(
        **{
            **asdict(existing),
            "unit_code": unit.code,
            "name": unit.name,
            "parent_name": parent.name if parent else existing.parent_name,
            "place": clean(place) if place else (existing.place or name),
            "chair_name": chair_name or existing.chair_name,
        }
    )
    save_office(session, settings)
    return settings
