"""The layers: core/ and db/ never import PySide6; start-up does not import heavy libraries."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: str) -> list[str]:
    names = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_core_and_db_sources_never_import_qt():
    offenders = []
    for package in ("core", "db"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in {"PySide6", "shiboken6", "gui"} for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_importing_every_core_and_db_module_loads_no_qt():
    modules = _modules("core") + _modules("db")
    assert "core.org.units" in modules and "db.models" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_startup_path_does_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "import core.cli, core.common.database, core.org.units, core.org.members, core.org.office\n"
        "print(sorted(n for n in ('reportlab', 'openpyxl', 'python_calamine') if n in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_opening_an_up_to_date_database_does_not_load_alembic(db_path):
    code = (
        "import sys\n"
        "from core.common.database import open_app_database\n"
        f"open_app_database({str(db_path)!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
