"""Nothing lost, on the desktop: automatic and manual backups, Preferences ▸ Backups and its Restore
dialog, Tools ▸ Check Database, a damaged collection at start, a full disk while answering, and one
app per collection — driven by keys and clicks, with real files on disk."""
import errno
import os
import socket
import sqlite3
import threading
import time
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QDir, QSettings, Qt, QTimer
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication, QMessageBox

from heatcards import backups as backups_module
from heatcards.backups import BackupReason, Backups, backup_file_name
from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.model import Rating
from heatcards.storage import backup as backup_storage
from heatcards.storage.check import FindingKind
from heatcards.storage.faults import ReadOnlyError
from heatcards.ui import app as app_module
from heatcards.ui import single_instance
from heatcards.ui.backups_dialog import DAMAGED, DamagedCollectionDialog, RestoreDialog
from heatcards.ui.check_dialog import CheckDatabaseDialog
from heatcards.ui.main_window import MainWindow, WelcomeDialog
from heatcards.ui.preferences import PreferencesDialog
from heatcards.ui.reviewer import ReviewerView

from .conftest import NOON

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HEAT = "Heat (1995)"
MINUTE = 60


def now(clock):
    return datetime.fromtimestamp(clock.now(), timezone.utc)


def open_heat(path, clock):
    return Collection(path, clock=clock, calendar_tz=timezone.utc, fuzz=False)


@pytest.fixture
def settings(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/welcomed", True)
    return settings


@pytest.fixture
def window(qtbot, heat_collection, clock, settings):
    window = MainWindow(heat_collection, settings, open_collection=lambda path: open_heat(path, clock))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    if window.collection is not heat_collection:  # a restore opened it again
        window.collection.close()


@pytest.fixture
def warnings(monkeypatch):
    """Message boxes would block the test: what they would have said."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append(text))
    return shown


def reasons(collection):
    return [backup.reason for backup in collection.backups.list()]


def opened(cls):
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible())


def answer_good(qtbot, reviewer):
    qtbot.keyClick(reviewer, Qt.Key.Key_Space)
    qtbot.keyClick(reviewer, Qt.Key.Key_Space)


# --- automatic backups -------------------------------------------------------------------------
def test_opening_backs_up_off_the_ui_thread_once_a_day(window, heat_collection, clock, qtbot, monkeypatch):
    threads = []
    write = backups_module.write_backup
    monkeypatch.setattr(backups_module, "write_backup", lambda *a: threads.append(threading.current_thread()) or write(*a))
    with qtbot.waitSignal(window.backup_made) as made:
        window.back_up_if_due(BackupReason.OPENED)
    assert threads and threads[0] is not threading.main_thread()
    assert made.args[0].reason == "opened" and made.args[0].cards == len(heat_collection.find_cards())
    assert "Backed up the collection (opened)" in window.statusBar().currentMessage()

    window.back_up_if_due(BackupReason.OPENED)  # the newest is minutes old: none is due
    with qtbot.waitSignal(window.backup_made):  # the worker runs one job at a time, in order
        window.back_up_now()
    assert reasons(heat_collection) == ["backed up by hand", "opened"]
    clock.advance(24 * 3600 + 1)  # a day after the newest
    with qtbot.waitSignal(window.backup_made):
        window.back_up_if_due(BackupReason.OPENED)
    assert reasons(heat_collection) == ["opened", "backed up by hand", "opened"]


def test_studying_backs_up_every_30_minutes(window, heat_collection, clock, qtbot):
    with qtbot.waitSignal(window.backup_made):
        window.back_up_if_due(BackupReason.OPENED)
    qtbot.keyClick(window, Qt.Key.Key_S)
    reviewer = window.reviewer
    for _ in range(3):  # 10 minutes of study: no backup is due
        clock.advance(10 * MINUTE - 1)
        answer_good(qtbot, reviewer)
    clock.advance(3)
    with qtbot.waitSignal(window.backup_made) as made:
        answer_good(qtbot, reviewer)  # 30 minutes after the last backup
    assert made.args[0].reason == "while studying" and made.args[0].reviews == 4
    assert reasons(heat_collection) == ["while studying", "opened"]
    assert heat_collection.store.review_count() == 4


def test_switched_off_automatic_backups_make_none_but_back_up_now_still_does(window, heat_collection, qtbot):
    heat_collection.set_automatic_backups(False)
    window.back_up_if_due(BackupReason.OPENED)
    with qtbot.waitSignal(window.backup_made):
        window.back_up_now()
    assert reasons(heat_collection) == ["backed up by hand"]


def test_a_failed_backup_is_a_warning_in_the_status_bar_and_study_goes_on(window, heat_collection, clock, qtbot, monkeypatch):
    def full_disk(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_storage, "_compress", full_disk)
    qtbot.keyClick(window, Qt.Key.Key_S)
    with qtbot.waitSignal(window.backup_failed) as failed:
        answer_good(qtbot, window.reviewer)
    assert failed.args[0] == (
        f"the disk holding {heat_collection.backups.folder} is full, so no backup was made; "
        "free some space on it and try again"
    )
    assert window.statusBar().currentMessage() == f"Backup failed: {failed.args[0]}"
    clock.advance(MINUTE)
    # Studying goes on, and the next answer tries again. Its outcome is waited for: a backup still
    # under way when the disk frees up would make the answer after it skip its own.
    with qtbot.waitSignal(window.backup_failed):
        answer_good(qtbot, window.reviewer)
    assert heat_collection.store.review_count() == 2
    assert window.pages.currentWidget() is window.reviewer
    monkeypatch.undo()
    with qtbot.waitSignal(window.backup_made):  # with space again, the next answer backs up
        answer_good(qtbot, window.reviewer)
    assert reasons(heat_collection) == ["while studying"]
    assert [p.name for p in heat_collection.backups.folder.iterdir() if p.name.startswith(".")] == []


# --- Preferences ▸ Backups -----------------------------------------------------------------
def open_preferences(qtbot, window) -> PreferencesDialog:
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preferences = opened(PreferencesDialog)
    qtbot.waitExposed(preferences)
    return preferences


def test_back_up_now_in_preferences_makes_a_backup_and_shows_it(window, heat_collection, qtbot):
    preferences = open_preferences(qtbot, window)
    assert preferences.backup_folder.text() == str(heat_collection.path.parent / "backups")
    assert preferences.newest_backup.text() == "No backup yet."
    with qtbot.waitSignal(window.backup_made) as made:
        qtbot.mouseClick(preferences.back_up_button, Qt.MouseButton.LeftButton)
        assert not preferences.back_up_button.isEnabled()
        assert preferences.back_up_button.text() == "Backing up…"
    backup = made.args[0]
    assert backup.path.is_file() and backup.reason == "backed up by hand"
    assert preferences.back_up_button.isEnabled()
    assert preferences.newest_backup.text().endswith(
        f"(backed up by hand): {backup.cards} cards, {backup.notes} notes, 0 reviews. 1 backup in all."
    )


def test_back_up_now_that_fails_says_why_in_preferences(window, heat_collection, qtbot, monkeypatch):
    def read_only_folder(*args):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(backup_storage, "_compress", read_only_folder)
    preferences = open_preferences(qtbot, window)
    with qtbot.waitSignal(window.backup_failed):
        qtbot.mouseClick(preferences.back_up_button, Qt.MouseButton.LeftButton)
    assert not preferences.error_message.isHidden()
    assert preferences.error_message.text().startswith(f"Backup failed: {heat_collection.backups.folder} cannot be written")
    assert preferences.back_up_button.isEnabled() and preferences.newest_backup.text() == "No backup yet."


@pytest.fixture
def tokyo(monkeypatch):
    """The computer's time zone is Tokyo (UTC+9, no summer time)."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def make_backups(collection, clock):
    """A backup by hand, three answers later one while studying, and a file whose header is damaged."""
    collection.backup(BackupReason.MANUAL)
    deck = collection.deck_named(HEAT)
    for _ in range(3):
        clock.advance(MINUTE)
        card, _ = collection.next_card(deck)
        collection.answer(card.id, Rating.GOOD)
    clock.advance(40 * MINUTE)
    collection.backup(BackupReason.STUDY)
    clock.advance(MINUTE)
    damaged = collection.backups.folder / backup_file_name(collection.path.stem, now(clock))
    damaged.write_bytes(b"not a backup" * 100)
    return collection.backups.list()


def test_restore_dialog_lists_backups_in_local_time_and_marks_damaged_ones(heat_collection, clock, qtbot, qtmodeltester, tokyo):
    listed = make_backups(heat_collection, clock)
    dialog = RestoreDialog(listed, heat_collection.backups.folder)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    rows = [[model.index(row, column).data() for column in range(model.columnCount())] for row in range(model.rowCount())]
    cards = f"{len(heat_collection.find_cards())}"
    notes = f"{len(heat_collection.find_notes())}"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == ["Made", "Cards", "Notes", "Reviews", "Size", "Why"]
    assert [row[0] for row in rows] == ["Mon 02 Mar 2026, 21:44", "Mon 02 Mar 2026, 21:43", "Mon 02 Mar 2026, 21:00"]
    assert rows[0][1:4] + [rows[0][5]] == ["—", "—", "—", DAMAGED]
    assert rows[1][1:4] + [rows[1][5]] == [cards, notes, "3", "while studying"]
    assert rows[2][1:4] + [rows[2][5]] == [cards, notes, "0", "backed up by hand"]
    assert rows[0][4] == "1.2 kB" and rows[1][4].endswith(" kB")
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags  # greyed
    assert dialog.chosen_backup() == listed[1]  # the newest that can be restored
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)  # the damaged one cannot be chosen
    assert dialog.chosen_backup() == listed[1] and dialog.restore_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.chosen_backup() == listed[2]


def test_restore_puts_the_backup_back_and_the_window_shows_it(window, heat_collection, clock, qtbot, monkeypatch):
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: questions.append(text) or QMessageBox.StandardButton.Yes)
    heat_collection.backup(BackupReason.MANUAL)
    clock.advance(MINUTE)
    heat_collection.add_deck("Added after the backup")
    window.refresh_decks()
    qtbot.keyClick(window, Qt.Key.Key_S)  # studying when the restore begins
    preferences = open_preferences(qtbot, window)
    qtbot.mouseClick(preferences.restore_button, Qt.MouseButton.LeftButton)
    restore = opened(RestoreDialog)
    assert restore.chosen_backup().reason == "backed up by hand"
    with qtbot.waitSignal(window.collection_changed, timeout=10_000):
        qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
        assert not window.isEnabled()  # the collection is closed while the worker restores
    assert "backed up by hand" in questions[0] and "backed up first" in questions[0]
    restored = window.collection
    assert restored is not heat_collection and window.isEnabled()
    assert [d.name for d in restored.decks()] == ["Default", HEAT]
    assert [window.deck_model.index(row, 0).data() for row in range(window.deck_model.rowCount())] == ["Default", HEAT]
    assert window.pages.currentWidget() is window.splitter and window.reviewer is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, (PreferencesDialog, RestoreDialog)) and w.isVisible()]
    before_restore = restored.backups.list()[0]
    assert before_restore.reason == "before restore"
    assert window.statusBar().currentMessage().endswith(f"the collection as it was is saved as {before_restore.path.name}.")
    # the collection as it was, deck included, is in that backup
    restored.close()
    Backups(restored.path, clock).restore(before_restore.path)
    window.collection = open_heat(restored.path, clock)
    assert "Added after the backup" in [d.name for d in window.collection.decks()]


def test_a_backup_that_turns_out_damaged_leaves_the_collection_as_it_was(window, heat_collection, clock, qtbot, monkeypatch, warnings):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    backup = heat_collection.backup(BackupReason.MANUAL)
    data = backup.path.read_bytes()
    backup.path.write_bytes(data[: len(data) // 2])  # the header is whole, the database is cut short
    heat_collection.add_deck("Kept")
    preferences = open_preferences(qtbot, window)
    qtbot.mouseClick(preferences.restore_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.collection_changed, timeout=10_000):
        qtbot.mouseClick(opened(RestoreDialog).restore_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and warnings[0].startswith(f"{backup.path} is damaged")
    assert "the collection was not changed: choose an older backup" in warnings[0]
    assert "Kept" in [d.name for d in window.collection.decks()] and window.isEnabled()


# --- Tools ▸ Check Database -------------------------------------------------------------------
def tools_menu_action(window, text):
    tools = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Tools")
    return next(action for action in tools.actions() if action.text() == text)


def damage(collection):
    """Two new cards due before the queue starts, a file in the media folder no note names, and a
    note naming an image the folder lacks."""
    new_cards = collection.find_cards(f'"deck:{HEAT}" is:new')[:2]
    collection.store.db.conn.execute(f"UPDATE cards SET due = -5 WHERE id IN ({new_cards[0]}, {new_cards[1]})")
    (collection.media_folder / "unused.png").write_bytes(b"png")
    collection.add_note("Basic", ['<img src="missing.jpg">', "a still from the bank robbery"], HEAT)
    return new_cards


def test_check_database_lists_each_problem_and_repair_mends_what_it_can(window, heat_collection, qtbot):
    new_cards = damage(heat_collection)
    tools_menu_action(window, "Check Database").trigger()
    dialog = opened(CheckDatabaseDialog)
    lines = [dialog.findings.item(row).text() for row in range(dialog.findings.count())]
    assert lines == [f.message for f in heat_collection.check().findings]
    assert lines[0].startswith("2 cards have")
    assert any(line.startswith("1 media file is missing") and "missing.jpg" in line for line in lines)
    assert any(line.startswith("1 media file is used by no note (unused.png)") for line in lines)
    assert dialog.summary.text().startswith("3 problems found. Repair mends 1 of them after backing up the collection")
    assert dialog.repair_button.isEnabled()

    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    backup = heat_collection.backups.list()[0]
    assert backup.reason == "before repair"
    assert dialog.summary.text().startswith(f"Backed up to {backup.path.name}, then repaired 1 of 3 problems.")
    lines = [dialog.findings.item(row).text() for row in range(dialog.findings.count())]
    assert lines[0].startswith("Repaired: 2 cards have") and len(lines) == 3
    assert all(line.startswith("Still there: 1 media file is") for line in lines[1:])
    assert not dialog.repair_button.isEnabled()
    assert all(heat_collection.card(card_id).due > 0 for card_id in new_cards)
    assert (heat_collection.media_folder / "unused.png").exists()  # listed, never deleted
    assert {f.kind for f in heat_collection.check().findings} == {FindingKind.MISSING_MEDIA, FindingKind.UNUSED_MEDIA}


def test_check_database_on_a_sound_collection_says_so(window, qtbot):
    tools_menu_action(window, "Check Database").trigger()
    dialog = opened(CheckDatabaseDialog)
    assert dialog.summary.text() == "No problems found."
    assert dialog.findings.count() == 0 and not dialog.repair_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_check_database_on_a_damaged_file_points_to_the_backups(tmp_path, clock, qtbot):
    path = tmp_path / "damaged-index.heatcards"
    with open_heat(path, clock) as collection:
        for _ in range(6):
            card, _ = collection.next_card(collection.deck_named(HEAT))
            collection.answer(card.id, Rating.GOOD)
            clock.advance(2 * MINUTE)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA writable_schema = ON")  # the index of the review log no longer matches its rows
    raw.execute("UPDATE sqlite_schema SET sql = replace(sql, '(card_id, time', '(time, card_id') WHERE name = 'revlog_by_card_time'")
    raw.close()
    with open_heat(path, clock) as damaged:
        dialog = CheckDatabaseDialog(damaged)
        qtbot.addWidget(dialog)
        dialog.check()
        assert dialog.summary.text().startswith("The collection file is damaged, so nothing else was checked")
        assert dialog.summary.text().endswith("Restore the newest good backup: Preferences ▸ Backups ▸ Restore…")
        assert dialog.findings.count() == 1 and "missing from index revlog_by_card_time" in dialog.findings.item(0).text()
        assert not dialog.repair_button.isEnabled()


# --- a full or read-only disk while answering ------------------------------------------------
@pytest.fixture
def reviewer(qtbot, heat_collection):
    view = ReviewerView(heat_collection, heat_collection.deck_named(HEAT).id)
    qtbot.addWidget(view)
    view.show()
    view.setFocus()
    return view


def test_a_full_disk_refuses_the_answer_and_the_card_stays(reviewer, heat_collection, clock, qtbot, warnings):
    connection = heat_collection.store.db.conn
    connection.execute(f"PRAGMA max_page_count = {connection.execute('PRAGMA page_count').fetchone()[0]}")
    for _ in range(200):  # Again brings cards back a minute later: answers go on until their log fills the pages
        card, answered, reviews = reviewer.session.card, reviewer.session.answered, heat_collection.store.review_count()
        clock.advance(MINUTE)
        qtbot.keyClick(reviewer, Qt.Key.Key_Space)
        qtbot.keyClick(reviewer, Qt.Key.Key_1)
        if warnings:
            break
    assert warnings == [f"the disk holding {heat_collection.path} is full, so the change was not saved; free some space on it and try again"]
    assert reviewer.session.card == card and reviewer.answer_shown  # the same card, its answer still showing
    assert reviewer.session.answered == answered and heat_collection.store.review_count() == reviews
    connection.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same key answers it
    qtbot.keyClick(reviewer, Qt.Key.Key_3)
    assert heat_collection.store.review_count() == reviews + 1 and reviewer.session.answered == answered + 1
    assert reviewer.session.card != card and not reviewer.answer_shown


def test_a_read_only_disk_refuses_the_answer_and_the_card_stays(reviewer, heat_collection, qtbot, monkeypatch, warnings):
    message = f"{heat_collection.path} cannot be written (…), so the change was not saved; make it writable"

    def read_only(*args):
        raise ReadOnlyError(message)

    card = reviewer.session.card
    monkeypatch.setattr(heat_collection, "answer", read_only)
    answer_good(qtbot, reviewer)
    assert warnings == [message]
    assert reviewer.session.card == card and reviewer.session.answered == 0 and reviewer.answer_shown
    assert heat_collection.store.review_count() == 0


# --- a damaged collection at start ----------------------------------------------------------
@pytest.fixture
def damaged_collection(tmp_path, clock):
    """A studied collection with a good backup and, newer, a backup whose header is damaged; then
    the collection file's header is destroyed."""
    path = tmp_path / "damaged" / "col.heatcards"
    with open_heat(path, clock) as collection:
        collection.add_deck("In the backup")
        good = collection.backup(BackupReason.STUDY)
        clock.advance(MINUTE)
        collection.backups.folder.joinpath(backup_file_name("col", now(clock))).write_bytes(b"x" * 50)
    data = bytearray(path.read_bytes())
    data[:100] = os.urandom(100)
    path.write_bytes(bytes(data))
    return path, good, bytes(data)


def click_when_shown(qtbot, button_name: str, seen: list):
    """Once the damaged-collection dialog is up, note what it says and click one of its buttons."""

    def click():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DamagedCollectionDialog):
            QTimer.singleShot(20, click)
            return
        seen.append((dialog.text(), dialog.informativeText()))
        qtbot.mouseClick(getattr(dialog, button_name), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_a_damaged_collection_at_start_offers_the_newest_good_backup(damaged_collection, settings, qtbot, monkeypatch, app_state):
    path, good, damaged_bytes = damaged_collection
    seen, shown = [], {}

    def fake_exec():
        window = opened(MainWindow)
        shown["decks"] = [d.name for d in window.collection.decks()]
        window.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec)
    click_when_shown(qtbot, "restore_button", seen)
    assert app_module.run(path, settings=settings) == 0
    text, offer = seen[0]
    assert text.startswith(f"{path} is damaged") and "restore the newest good backup" in text
    assert offer.startswith("The newest good backup is from ") and "(while studying)" in offer
    assert "In the backup" in shown["decks"]
    [kept] = [p for p in path.parent.joinpath("backups").iterdir() if p.name.endswith(".damaged.heatcards")]
    assert kept.read_bytes() == damaged_bytes  # set aside, not deleted


def test_quitting_at_the_damaged_collection_changes_nothing(damaged_collection, settings, qtbot, app_state):
    path, _good, damaged_bytes = damaged_collection
    seen = []
    click_when_shown(qtbot, "quit_button", seen)
    assert app_module.run(path, settings=settings) == 1
    assert len(seen) == 1 and path.read_bytes() == damaged_bytes


# --- one app per collection -------------------------------------------------------------------
@pytest.fixture
def app_state(qapp):
    """`app.run` applies the saved theme to the whole application: put it back afterwards."""
    style, palette, font = qapp.style().name(), qapp.palette(), qapp.font()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def test_a_second_start_brings_the_first_window_forward_and_exits_quietly(tmp_path, settings, monkeypatch, app_state):
    path = tmp_path / "one.heatcards"
    errors, seen = [], {}
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: 0)

    def first_app_running():
        first = opened(MainWindow)
        first.showMinimized()
        seen["second start"] = app_module.run(path, settings=settings)  # a second start, while the first runs
        seen["windows"] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["first minimised"] = first.isMinimized()
        first.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", first_app_running)
    assert app_module.run(path, settings=settings) == 0
    assert seen["second start"] == 0 and len(seen["windows"]) == 1 and not seen["first minimised"]
    assert errors == []


def test_a_first_app_that_does_not_answer_gets_the_in_use_message(heat_collection, settings, monkeypatch, qapp):
    hung = QLocalServer()  # accepts the connection, never answers: a first app that hangs
    QLocalServer.removeServer(single_instance.instance_name(heat_collection.path))
    assert hung.listen(single_instance.instance_name(heat_collection.path))
    monkeypatch.setattr(single_instance, "ANSWER_TIMEOUT_MS", 300)
    errors = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: errors.append(text))
    try:
        assert app_module.run(heat_collection.path, settings=settings) == 1
    finally:
        hung.close()
    assert errors == [f"collection {heat_collection.path} is in use by process {os.getpid()}; close it there first"]


def test_a_crashed_first_app_leaves_nothing_in_the_way(tmp_path, settings, monkeypatch, app_state):
    path = tmp_path / "crashed.heatcards"
    name = single_instance.instance_name(path)
    stale = socket.socket(socket.AF_UNIX)  # the socket file a killed app leaves behind
    stale.bind(os.path.join(QDir.tempPath(), name))
    stale.close()
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: 0)
    seen = {}

    def running():
        seen["asked"] = single_instance.ask_running_instance_to_show(path)  # this app now answers
        opened(MainWindow).close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", running)
    assert app_module.run(path, settings=settings) == 0
    assert seen["asked"] is True


def test_a_server_answers_a_request_in_the_same_process(tmp_path, qtbot):
    server = single_instance.InstanceServer(tmp_path / "c.heatcards")
    shown = []
    server.show_requested.connect(lambda: shown.append(True))
    assert single_instance.ask_running_instance_to_show(tmp_path / "c.heatcards") is True
    assert shown == [True]
    assert single_instance.ask_running_instance_to_show(tmp_path / "other.heatcards") is False
    assert single_instance.instance_name(tmp_path / "c.heatcards") != single_instance.instance_name(tmp_path / "other.heatcards")
    server.server.close()
