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


FEATURES = ("org", "initiatives", "targets", "fund", "commendations", "sync")


def _imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def test_gui_speaks_only_to_core():
    """No database layer in gui/: no `db`, no SQLAlchemy, no session opened (sessions and ORM
    objects stay in core; the GUI calls core/<feature>/ops.py)."""
    offenders = sorted(
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "gui").rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in {"db", "sqlalchemy"}
    )
    sessions = sorted(
        f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}"
        for path in (ROOT / "gui").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in {"reading", "transaction", "sessions"}
    )
    assert offenders == [] and sessions == []


def test_one_package_per_feature():
    """core/ and gui/ hold one package per feature plus a common one; no flat feature modules."""
    for layer in ("core", "gui"):
        for feature in FEATURES + ("common",):
            assert (ROOT / layer / feature / "__init__.py").is_file(), f"{layer}/{feature}"
    assert sorted(p.name for p in (ROOT / "core").glob("*.py")) == ["__init__.py"]
    assert sorted(p.name for p in (ROOT / "gui").glob("*.py")) == ["__init__.py", "app.py", "main_window.py"]
    assert {p.name for p in (ROOT / "core").iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        *FEATURES, "common", "cli", "demo"}


def test_common_code_does_not_depend_on_features():
    """core/common and gui/common are shared infrastructure: they import no feature package."""
    feature_roots = {f"{layer}.{f}" for layer in ("core", "gui") for f in FEATURES + ("demo", "cli")}
    offenders = sorted(
        f"{path.relative_to(ROOT)}: {name}"
        for layer in ("core", "gui")
        for path in (ROOT / layer / "common").rglob("*.py")
        for name in _imported_modules(path)
        if ".".join(name.split(".")[:2]) in feature_roots
    )
    assert offenders == []
