"""The core must never load Qt: the command line, the tests and any other front end depend on it."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import heatcards

PACKAGE_DIR = Path(heatcards.__file__).parent


def core_modules() -> list[str]:
    names = []
    for module in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="heatcards."):
        if module.name == "heatcards.ui" or module.name.startswith("heatcards.ui."):
            continue
        if module.name == "heatcards.__main__":
            continue
        names.append(module.name)
    return names


def test_core_modules_are_found():
    modules = core_modules()
    assert "heatcards.collection" in modules and "heatcards.scheduling" in modules


def test_no_core_module_loads_pyside6():
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "    assert not loaded, f'{name} loaded {loaded}'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_only_storage_contains_sql():
    """SQL lives in heatcards/storage; elsewhere no module talks to sqlite directly."""
    offenders = [
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if "storage" not in path.parts and ("import sqlite3" in path.read_text() or ".execute(" in path.read_text())
    ]
    assert offenders == []


def test_only_scheduling_imports_fsrs():
    offenders = [
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if path.name != "scheduling.py" and "fsrs_rs_python" in path.read_text()
    ]
    assert offenders == []
