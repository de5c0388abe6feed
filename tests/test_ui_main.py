"""The main window, driven by keys and clicks: deck list, overview, deck operations, doors to other screens."""
import gc
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from heatcards.collection import HEAT_DECK_FILE
from heatcards.ui import main_window as main_window_module
from heatcards.ui.deck_tree import DECK_ID_ROLE, DeckTreeModel
from heatcards.ui.import_export import ImportDialog
from heatcards.ui.main_window import DeckSwitcherDialog, MainWindow, WelcomeDialog

HEAT = "Heat (1995)"


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, heat_collection, settings):
    window = MainWindow(heat_collection, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def deck_rows(model: DeckTreeModel, parent=None):
    """(indented name, new, learn, due) for every row, depth first."""
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        depth = 0
        walker = index.parent()
        while walker.isValid():
            depth += 1
            walker = walker.parent()
        rows.append(("  " * depth + index.data(), *(model.index(row, c, parent).data() for c in (1, 2, 3))))
        rows.extend(deck_rows(model, index))
    return rows


def test_deck_tree_shows_hierarchy_and_counts(window, heat_collection, qtmodeltester):
    heat_collection.add_deck("Films::Crime")
    window.refresh_decks()
    qtmodeltester.check(window.deck_model)
    assert deck_rows(window.deck_model) == [
        ("Default", "0", "0", "0"),
        ("Films", "0", "0", "0"),
        ("  Crime", "0", "0", "0"),
        (HEAT, "20", "0", "0"),
    ]


def test_first_start_selects_the_heat_deck_ready_to_study(window):
    assert window.deck_model.data(window.deck_tree.currentIndex()) == HEAT
    assert window.overview.title.text() == HEAT
    assert "20" in window.overview.study_button.text()
    assert "Michael Mann" in window.overview.description.text()


def test_selecting_a_deck_by_keyboard_updates_the_overview(window, heat_collection, qtbot):
    window.deck_tree.setFocus()
    qtbot.keyClick(window.deck_tree, Qt.Key.Key_Home)
    assert window.overview.title.text() == "Default"
    qtbot.keyClick(window.deck_tree, Qt.Key.Key_End)
    assert window.overview.title.text() == HEAT


def test_create_deck_from_the_button(window, heat_collection, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Films::Heat notes", True))
    qtbot.mouseClick(window.add_deck_button, Qt.MouseButton.LeftButton)
    assert window.overview.title.text() == "Films › Heat notes"
    assert ("  Heat notes", "0", "0", "0") in deck_rows(window.deck_model)


def test_rename_with_f2_moves_under_a_new_parent(window, heat_collection, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Films::" + HEAT, True))
    window.deck_tree.setFocus()
    qtbot.keyClick(window.deck_tree, Qt.Key.Key_F2)
    assert [d.name for d in heat_collection.decks()] == ["Default", "Films", "Films::" + HEAT]
    assert window.overview.title.text() == "Films › " + HEAT
    assert window.deck_tree.hasFocus()


def test_rename_error_is_shown_and_nothing_changes(window, heat_collection, qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Default", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    window.deck_tree.setFocus()
    qtbot.keyClick(window.deck_tree, Qt.Key.Key_F2)
    assert warnings == ["a deck named 'Default' already exists"]
    assert [d.name for d in heat_collection.decks()] == ["Default", HEAT]


def test_delete_deck_says_how_many_cards_and_undo_brings_it_back(window, heat_collection, qtbot, monkeypatch):
    questions = []

    def answer_yes(parent, title, text):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window.delete_deck_action.trigger()
    assert "83 cards" in questions[0]
    assert [d.name for d in heat_collection.decks()] == ["Default"]
    assert deck_rows(window.deck_model) == [("Default", "0", "0", "0")]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [d.name for d in heat_collection.decks()] == ["Default", HEAT]
    assert (HEAT, "20", "0", "0") in deck_rows(window.deck_model)
    assert "Undone: delete deck" in window.statusBar().currentMessage()


def test_delete_deck_cancelled_keeps_everything(window, heat_collection, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    window.delete_deck_action.trigger()
    assert len(heat_collection.find_cards("")) == 83


def test_deck_switcher_filters_and_enter_selects(qtbot, heat_collection):
    heat_collection.add_deck("Films::Crime")
    dialog = DeckSwitcherDialog(heat_collection.decks())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.filter_edit, "crim")
    visible = [dialog.deck_list.item(r).text() for r in range(dialog.deck_list.count()) if not dialog.deck_list.item(r).isHidden()]
    assert visible == ["Films::Crime"]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.chosen_deck_id() == heat_collection.deck_named("Films::Crime").id


def test_slash_opens_the_switcher_and_goes_to_the_chosen_deck(window, heat_collection, qtbot, monkeypatch):
    default_id = heat_collection.deck_named("Default").id

    def choose_default(dialog):
        dialog.deck_list.setCurrentRow(0)
        return DeckSwitcherDialog.DialogCode.Accepted

    monkeypatch.setattr(DeckSwitcherDialog, "exec", choose_default)
    qtbot.keyClick(window, Qt.Key.Key_Slash)
    assert window.current_deck_id() == default_id


def test_menus_carry_ankis_shortcuts(window):
    shortcuts = {a.text(): a.shortcut().toString() for a in window.actions()}
    assert {k: shortcuts[k] for k in ("Decks", "Study", "Add", "Browse", "Statistics", "Switch deck…", "Undo", "Import…", "Export…", "Preferences…", "Keyboard shortcuts")} == {
        "Decks": "D",
        "Study": "S",
        "Add": "A",
        "Browse": "B",
        "Statistics": "T",
        "Switch deck…": "/",
        "Undo": "Ctrl+Z",
        "Import…": "Ctrl+Shift+I",
        "Export…": "Ctrl+E",
        "Preferences…": "Ctrl+P",
        "Keyboard shortcuts": "F1",
    }


def drop(window, path: Path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def import_dialog_of(qtbot, window) -> ImportDialog:
    """The import dialog a drop opened, once the files were read."""
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None, timeout=10_000)
    return window.findChild(ImportDialog)


def test_dropping_a_deck_file_imports_it(qtbot, collection, settings, tmp_path):
    window = MainWindow(collection, settings)
    qtbot.addWidget(window)
    deck_file = tmp_path / "heat.heatdeck.toml"
    shutil.copy(HEAT_DECK_FILE, deck_file)
    drop(window, deck_file)
    dialog = import_dialog_of(qtbot, window)
    with qtbot.waitSignal(window.imported, timeout=10_000):
        qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    assert window.overview.title.text() == HEAT
    assert len(collection.find_cards(f'"deck:{HEAT}"')) == 83
    assert "Notes added\n77\n" in dialog.summary.toPlainText()


def test_dropping_an_unknown_file_explains_what_can_be_imported(window, qtbot, tmp_path):
    notes = tmp_path / "notes.xyz"
    notes.write_bytes(b"%XYZ")
    drop(window, notes)
    dialog = import_dialog_of(qtbot, window)
    assert "cannot import this kind of file" in dialog.files.topLevelItem(0).text(1)
    assert ".heatdeck.toml" in dialog.files.topLevelItem(0).text(1)
    assert not dialog.action_button.isEnabled()


def test_broken_deck_file_shows_where_it_is_wrong_and_changes_nothing(window, heat_collection, qtbot, tmp_path):
    broken = tmp_path / "broken.heatdeck.toml"
    broken.write_text('format = "heatcards-deck"\nversion = 1\n[deck]\nname = \n', encoding="utf-8")
    window.import_files([broken])
    dialog = import_dialog_of(qtbot, window)
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    summary = dialog.summary.toPlainText()
    assert "broken.heatdeck.toml" in summary and "The collection was left unchanged for this file." in summary
    assert len(heat_collection.find_cards("")) == 83


def test_welcome_is_shown_once(window, settings, monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: shown.append(dialog.windowTitle()))
    window.welcome_if_new()
    qtbot.waitUntil(lambda: shown == ["Welcome to heatcards"])
    window.welcome_if_new()
    qtbot.wait(20)
    assert shown == ["Welcome to heatcards"]


def test_welcome_names_the_five_keys(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(main_window_module.QLabel).text()
    for key, _ in main_window_module.KEYS_THAT_MATTER:
        assert f"<b>{key}</b>" in text
    assert len(main_window_module.KEYS_THAT_MATTER) == 5


def test_geometry_splitter_and_deck_persist(qtbot, heat_collection, settings):
    first = MainWindow(heat_collection, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.splitter.setSizes([250, 450])
    first.select_deck(heat_collection.deck_named("Default").id)
    splitter_state = first.splitter.saveState()
    first.close()
    second = MainWindow(heat_collection, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.saveState() == splitter_state
    assert second.overview.title.text() == "Default"


def test_run_opens_the_window_on_the_requested_deck(qtbot, tmp_path, monkeypatch, settings):
    from heatcards.ui import app as app_module

    seen = {}

    def fake_exec():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["deck"] = window.overview.title.text()
        window.close()
        return 0

    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: 0)
    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec)
    assert app_module.run(tmp_path / "c.heatcards", HEAT, settings) == 0
    assert seen == {"deck": HEAT}


def test_run_reports_a_collection_in_use(monkeypatch, heat_collection, settings):
    from heatcards.ui import app as app_module

    errors = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: errors.append(text))
    assert app_module.run(heat_collection.path, settings=settings) == 1
    assert "in use by process" in errors[0]


def test_background_work_runs_off_the_ui_thread_and_cancel_drops_the_result(qtbot):
    import threading

    from PySide6.QtWidgets import QPushButton, QWidget

    from heatcards.ui.tasks import BackgroundTasks

    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = BackgroundTasks(parent)
    threads, results, errors = [], [], []
    release = threading.Event()

    def work(cancel):
        threads.append(threading.current_thread())
        release.wait(5)
        return "parsed"

    progress = tasks.run(parent, "Working…", work, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    qtbot.waitUntil(progress.isVisible)  # shown once the work takes longer than 300 ms
    cancel_button = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    tasks.shutdown()
    assert results == [] and errors == []

    release.clear()
    release.set()
    tasks = BackgroundTasks(parent)
    tasks.run(parent, "Working…", work, results.append, errors.append)
    qtbot.waitUntil(lambda: results == ["parsed"])
    tasks.run(parent, "Failing…", lambda cancel: 1 / 0, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    tasks.shutdown()


class _Cycle:
    """Garbage only the cyclic collector frees; records the thread that freed it."""

    def __init__(self, freed_in: list):
        self.itself, self.freed_in = self, freed_in

    def __del__(self):
        self.freed_in.append(threading.current_thread())


def test_garbage_is_collected_in_the_ui_thread_never_in_a_worker(qtbot):
    """A worker thread that allocates enough to fill a generation does not collect: collecting
    there could destroy Qt objects outside their thread and deadlock with the UI thread. The UI
    thread's timer collects instead."""
    from heatcards.ui.tasks import collect_garbage_in_ui_thread

    assert collect_garbage_in_ui_thread() is collect_garbage_in_ui_thread()
    assert not gc.isenabled()
    freed_in: list = []
    _Cycle(freed_in)
    allocated = []
    worker = threading.Thread(target=lambda: allocated.extend([i] for i in range(50_000)))
    worker.start()
    worker.join()
    assert freed_in == []  # 50,000 lists, far past a generation's threshold of 700, and no collection
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5_000)
    assert freed_in == [threading.main_thread()]


def _printed_by_a_fresh_python(code: str) -> str:
    """What `code` prints, run in a Python process of its own (no module imported yet, no
    QApplication, the garbage collector as Python starts it)."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_bridge_to_the_workers_moves_garbage_collection_to_the_ui_thread():
    """Whatever runs work off the UI thread (the app, a script showing the statistics window) makes
    a `BackgroundTasks`, and from then on its workers never collect."""
    code = (
        "import gc\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from heatcards.ui.tasks import BackgroundTasks\n"
        "before = gc.isenabled()\n"
        "tasks = BackgroundTasks()\n"
        "print(before, gc.isenabled())\n"
        "tasks.shutdown()\n"
    )
    assert _printed_by_a_fresh_python(code).split() == ["True", "False"]


def test_qt_calls_do_not_leak_references_to_none(qapp):
    """PySide6 6.12.0 dropped a reference to None on every call returning nothing; on Python 3.11
    (where None is not immortal) the app then aborts after a few thousand calls. Keep such a build out."""
    import sys

    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(1000):
        qapp.processEvents()
        widget.update()
    assert sys.getrefcount(None) - before > -100


def test_switching_theme_recolours_the_deck_counts_at_once(window, qapp):
    from heatcards.ui.theme import apply_theme

    new_count = window.deck_model.index(len(deck_rows(window.deck_model)) - 1, 1)
    try:
        apply_theme(qapp, "light")
        qapp.processEvents()  # Qt delivers the palette change as a posted event
        light = new_count.data(Qt.ItemDataRole.ForegroundRole)
        apply_theme(qapp, "dark")
        qapp.processEvents()
        dark = new_count.data(Qt.ItemDataRole.ForegroundRole)
        overview_in_dark = window.overview.counts_label.text()
    finally:
        apply_theme(qapp, "light")
    assert light.name() == "#1f5fc8"
    assert dark.name() == "#6cb4ff"
    assert "#6cb4ff" in overview_in_dark


def test_the_main_window_opens_without_loading_the_chart_library(tmp_path):
    """pyqtgraph takes ~0.3 s to import: the charts' windows (statistics, deck options, card info)
    load it when first opened, not the main window at start."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from heatcards.collection import Collection\n"
        "from heatcards.ui.main_window import MainWindow\n"
        f"folder = Path({str(tmp_path)!r})\n"
        "collection = Collection(folder / 'collection.heatcards')\n"
        "window = MainWindow(collection, QSettings(str(folder / 'settings.ini'), QSettings.Format.IniFormat))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pyqtgraph'))\n"
        "window.close()\n"
        "collection.close()\n"
    )
    assert _printed_by_a_fresh_python(code).strip() == "[]"
