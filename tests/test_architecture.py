"""The core must never load Qt: the command line, the tests and any other front end depend on it."""
import ast
import pkgutil
import re
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


SQLITE_MODULES = {"sqlite3", "sqlite_utils", "pysqlite3"}
SQL_METHODS = {"execute", "executemany", "executescript"}
# Statements as they are written in code (upper case); docstrings and comments may mention them.
SQL_TEXT = re.compile(
    r"\b(SELECT\s|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|"
    r"CREATE\s+(TEMP\s+|UNIQUE\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b|DROP\s+(TABLE|INDEX)\b|ALTER\s+TABLE\b|PRAGMA\s)"
)


def sql_problems(tree: ast.Module) -> list[str]:
    """What in a module's code talks to SQLite: imports of a SQLite library, calls of `execute`
    and its kin, string literals (outside docstrings) that hold SQL statements."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported = [node.module or ""]
        else:
            imported = []
        found += [(node.lineno, f"imports {name}") for name in imported if name.split(".")[0] in SQLITE_MODULES]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_METHODS:
            found.append((node.lineno, f"calls .{node.func.attr}()"))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if match := SQL_TEXT.search(node.value):
                found.append((node.lineno, f"SQL text {match.group(0).strip()!r}"))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def test_only_storage_contains_sql():
    """SQL lives in heatcards/storage; elsewhere no module talks to SQLite or holds SQL in its code."""
    offenders = {
        str(path.relative_to(PACKAGE_DIR)): problems
        for path in PACKAGE_DIR.rglob("*.py")
        if "storage" not in path.relative_to(PACKAGE_DIR).parts
        and (problems := sql_problems(ast.parse(path.read_text(), filename=str(path))))
    }
    assert offenders == {}


def test_sql_check_sees_what_it_looks_for():
    code = '''
"""Docstrings may say SELECT id FROM notes."""
import sqlite_utils
from sqlite3 import connect
SCHEMA = f"CREATE TABLE {name} (id integer)"
def read(db):
    return db.execute("PRAGMA user_version"), db.query("SELECT id FROM notes")
'''
    assert sql_problems(ast.parse(code)) == [
        "line 3: imports sqlite_utils",
        "line 4: imports sqlite3",
        "line 5: SQL text 'CREATE TABLE'",
        "line 7: SQL text 'PRAGMA'",
        "line 7: SQL text 'SELECT'",
        "line 7: calls .execute()",
    ]
    assert sql_problems(ast.parse('"""SELECT in a docstring."""\nLABEL = "Select a deck"\n')) == []


def test_only_scheduling_imports_fsrs():
    offenders = [
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if path.name != "scheduling.py" and "fsrs_rs_python" in path.read_text()
    ]
    assert offenders == []
