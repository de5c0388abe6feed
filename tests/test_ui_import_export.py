"""File ▸ Import… and File ▸ Export…, driven by keys and clicks: every kind of file in, every format out,
what the summary says and what the collection holds afterwards. Only the file choosers are patched."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from heatcards import transfer
from heatcards.collection import HEAT_DECK_FILE, Collection
from heatcards.formats.text import CARD_COLUMNS
from heatcards.ui import import_export
from heatcards.ui.import_export import ExportDialog, ImportDialog, inspect_import_file
from tests.windows import open_main_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HEAT = "Heat (1995)"
HEAT_NOTES, HEAT_CARDS = 77, 83
FRENCH = "bonjour,hello,greeting\nmerci,thank you,polite\nau revoir,goodbye,greeting farewell\n"  # no header lines
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


# --- helpers --------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, collection, tmp_path):
    """The main window on an empty collection."""
    return open_main_window(qtbot, collection, tmp_path)


def opened(qtbot, cls):
    """The window of class `cls` once it is on screen and active, as a person would see it."""
    qtbot.waitUntil(lambda: any(isinstance(w, cls) and w.isVisible() for w in QApplication.topLevelWidgets()), timeout=10_000)
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    return window


def import_dialog(qtbot, collection, *paths, current_deck=None) -> ImportDialog:
    dialog = ImportDialog(collection, [inspect_import_file(Path(path)) for path in paths], current_deck=current_deck)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def section(dialog, file_name: str) -> str:
    """The summary's lines about one file: from its heading to the next file's (files are listed in order)."""
    text = dialog.summary.toPlainText()
    names = [source.path.name for source in dialog.sources]
    start = text.index(file_name + "\n")
    following = names[names.index(file_name) + 1:]
    return text[start:text.index(following[0] + "\n", start) if following else len(text)]


def fields_by_front(collection: Collection) -> dict[str, tuple[str, ...]]:
    notes = collection.store.notes(collection.find_notes("")).values()
    return {note.fields[0]: note.fields for note in notes}


def cancel_when_shown(qtbot):
    """Press Cancel on the progress dialog as soon as it is on screen (a timer firing whenever the import lets Qt run)."""
    clicked = []

    def press_cancel():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if shown and not clicked:
            button = next(b for b in shown[0].findChildren(QPushButton) if b.text() == "Cancel")
            qtbot.mouseClick(button, LEFT)
            clicked.append(True)

    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(0)
    return timer, clicked


# --- import -----------------------------------------------------------------------------------------
def test_import_a_deck_file_from_the_menu(window, collection, qtbot, monkeypatch, tmp_path):
    deck_file = tmp_path / "heat.heatdeck.toml"
    shutil.copy(HEAT_DECK_FILE, deck_file)
    filters = []

    def choose(parent, caption, folder, filter_text):
        filters.append(filter_text)
        return [str(deck_file)], filter_text

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL | SHIFT)
    dialog = opened(qtbot, ImportDialog)
    assert filters[0].startswith("All supported files (*.apkg *.colpkg *.csv *.tsv *.txt *.heatdeck.toml *.toml);;Anki deck package (*.apkg)")
    assert dialog.files.topLevelItem(0).text(1) == "heatcards deck file"
    assert not dialog.columns_group.isVisible()
    with qtbot.waitSignal(window.imported) as imported:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert imported.args[0].outcomes[0].report.added == HEAT_NOTES
    assert "Notes added\n77\n" in section(dialog, "heat.heatdeck.toml")
    assert len(collection.find_cards(f'"deck:{HEAT}"')) == HEAT_CARDS
    assert window.overview.title.text() == HEAT
    assert dialog.close_button.hasFocus() and dialog.close_button.text() == "Close"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_csv_with_header_lines_imports_without_mapping(qtbot, collection, tmp_path):
    csv = tmp_path / "spanish.csv"
    csv.write_text(
        "#separator:comma\n#html:false\n#notetype:Basic\n#deck:Spanish\n#tags column:3\n#columns:Front,Back,Tags\n"
        "hola,hello,greeting\ngracias,thank you,polite\n",
        encoding="utf-8",
    )
    dialog = import_dialog(qtbot, collection, csv)
    assert dialog.files.topLevelItem(0).text(1) == "Notes as comma-separated text: 2 rows, header lines name the columns"
    assert not dialog.columns_group.isVisible()
    qtbot.mouseClick(dialog.action_button, LEFT)
    assert "Notes added\n2\n" in section(dialog, "spanish.csv") and "Cards added\n2\n" in section(dialog, "spanish.csv")
    assert fields_by_front(collection)["gracias"] == ("gracias", "thank you")
    assert len(collection.find_cards('"deck:Spanish" tag:polite')) == 1


def test_csv_without_headers_mapped_by_keyboard(qtbot, collection, tmp_path):
    csv = tmp_path / "french.csv"
    csv.write_text("hello,bonjour,lesson 1,greeting\nthank you,merci,lesson 1,polite\n", encoding="utf-8")
    collection.add_deck("French")
    dialog = import_dialog(qtbot, collection, csv, current_deck="French")
    column_map = dialog.column_map_of("french.csv")
    assert dialog.columns_group.isVisible() and dialog.columns_group.title() == "Columns of french.csv"
    assert dialog.deck_combo.currentText() == "French"  # text files land in the current deck, as in Anki
    assert [c.currentText() for c in column_map.column_combos] == ["Front", "Back", "Tags", "Ignore"]  # Anki's default
    assert column_map.table.item(2, 1).text() == "merci"

    # Alt+N: the note type; then Tab through the columns, typing what each one is.
    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
    assert column_map.notetype_combo.hasFocus()
    qtbot.keyClick(column_map.notetype_combo, Qt.Key.Key_Down)
    assert column_map.notetype().name == "Basic (and reversed card)"
    for answer in ("Back", "Front", "Ignore", "Tags"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), answer)
    assert column_map.column_map() == ["Back", "Front", "_", "tags"]
    qtbot.mouseClick(dialog.action_button, LEFT)

    assert "Notes added\n2\n" in section(dialog, "french.csv") and "Cards added\n4\n" in section(dialog, "french.csv")
    assert fields_by_front(collection) == {"bonjour": ("bonjour", "hello"), "merci": ("merci", "thank you")}
    assert len(collection.find_cards('"deck:French" tag:greeting')) == 2  # both cards of the reversed note type


def test_a_column_map_that_cannot_work_says_why_and_blocks_import(qtbot, collection, tmp_path):
    csv = tmp_path / "french.csv"
    csv.write_text(FRENCH, encoding="utf-8")
    dialog = import_dialog(qtbot, collection, csv)
    column_map = dialog.column_map_of("french.csv")

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    qtbot.keyClicks(column_map.column_combos[1], "Front")
    assert column_map.problem_line.text.text() == "Front is chosen for columns 1 and 2: choose it for one column only."
    assert not dialog.action_button.isEnabled()
    press(Qt.Key.Key_Tab, SHIFT)
    qtbot.keyClicks(column_map.column_combos[0], "Ignore")
    assert column_map.problem_line.isHidden()
    assert dialog.action_button.isEnabled()
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Down)  # Front -> Back: now no column fills Front
    assert column_map.column_map() == ["_", "Back", "tags"]
    assert column_map.problem_line.text.text() == "Choose a column for Front, the first field of Basic."
    assert not dialog.action_button.isEnabled()


def test_update_and_skip_decide_what_happens_to_notes_already_there(qtbot, collection, tmp_path):
    csv = tmp_path / "french.csv"
    csv.write_text(FRENCH, encoding="utf-8")
    first = import_dialog(qtbot, collection, csv)
    qtbot.mouseClick(first.action_button, LEFT)
    assert fields_by_front(collection)["merci"] == ("merci", "thank you")

    csv.write_text(FRENCH.replace("thank you", "thanks"), encoding="utf-8")
    skip = import_dialog(qtbot, collection, csv)
    qtbot.keyClick(skip, Qt.Key.Key_E, ALT)
    qtbot.keyClicks(skip.existing_combo, "Skip")
    assert skip.existing_help.text() == "Notes already in the collection stay as they are; only new notes are added."
    with qtbot.waitSignal(skip.imported) as imported:
        qtbot.mouseClick(skip.action_button, LEFT)
    assert "Notes skipped\n3\n" in section(skip, "french.csv")
    reasons = imported.args[0].outcomes[0].report.notes
    assert reasons and all(reason in section(skip, "french.csv") for reason in reasons)  # why they were skipped
    assert fields_by_front(collection)["merci"] == ("merci", "thank you")

    update = import_dialog(qtbot, collection, csv)
    assert update.existing_combo.currentText() == "Update"
    qtbot.mouseClick(update.action_button, LEFT)
    assert "Notes updated\n1\n" in section(update, "french.csv") and "Notes unchanged\n2\n" in section(update, "french.csv")
    assert fields_by_front(collection)["merci"] == ("merci", "thanks")
    assert len(collection.find_notes("")) == 3


def test_keep_both_adds_a_second_copy(qtbot, collection, tmp_path):
    csv = tmp_path / "french.csv"
    csv.write_text(FRENCH, encoding="utf-8")
    first = import_dialog(qtbot, collection, csv)
    qtbot.mouseClick(first.action_button, LEFT)
    again = import_dialog(qtbot, collection, csv)
    qtbot.keyClick(again, Qt.Key.Key_E, ALT)
    qtbot.keyClicks(again.existing_combo, "Keep")
    qtbot.mouseClick(again.action_button, LEFT)
    assert "Notes added\n3\n" in section(again, "french.csv")
    assert len(collection.find_notes("merci")) == 2


def test_an_apkg_from_heatcards_into_a_chosen_deck(qtbot, collection, heat_collection, tmp_path):
    package = tmp_path / "heat.apkg"
    transfer.export_file(heat_collection, package, deck=HEAT)
    dialog = import_dialog(qtbot, collection, package)
    assert dialog.files.topLevelItem(0).text(1) == "Anki deck package"
    assert dialog.deck_combo.currentText() == ""  # packages keep their own decks unless told otherwise
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
    qtbot.keyClicks(dialog.deck_combo, "Films")
    with qtbot.waitSignal(dialog.imported) as imported:
        qtbot.mouseClick(dialog.action_button, LEFT)
    assert "Notes added\n77\nNotes updated\n0\nNotes unchanged\n0\nNotes skipped\n0\nCards added\n83\n" in section(dialog, "heat.apkg")
    assert [d.name for d in collection.decks()] == ["Default", "Films"]
    assert len(collection.find_cards('"deck:Films"')) == HEAT_CARDS
    assert imported.args[0].deck_id == collection.deck_named("Films").id


def test_an_apkg_written_by_anki_dropped_on_the_window(window, collection, qtbot, tmp_path):
    import tests.anki_oracle  # noqa: F401  (first: it sets up the environment anki reads when it loads)
    from anki.collection import Collection as AnkiCollection, ExportAnkiPackageOptions

    (tmp_path / "anki").mkdir()
    anki = AnkiCollection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        deck_id = anki.decks.id("Français::Salutations")
        for front, back in (("bonjour", "hello"), ("bonsoir", "good evening")):
            note = anki.new_note(anki.models.by_name("Basic"))
            note["Front"], note["Back"] = front, back
            note.tags = ["anki"]
            anki.add_note(note, deck_id)
        package = tmp_path / "from anki.apkg"
        options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False)
        anki.export_anki_package(out_path=str(package), options=options, limit=None)
    finally:
        anki.close()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(package))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier))
    dialog = opened(qtbot, ImportDialog)
    with qtbot.waitSignal(window.imported):
        qtbot.mouseClick(dialog.action_button, LEFT)
    assert "Notes added\n2\n" in section(dialog, "from anki.apkg")
    assert fields_by_front(collection)["bonsoir"] == ("bonsoir", "good evening")
    assert len(collection.find_cards('"deck:Français::Salutations" tag:anki')) == 2
    assert window.overview.title.text() == "Français"  # the new deck is shown


def test_a_broken_file_says_why_and_leaves_the_collection_unchanged(qtbot, heat_collection, tmp_path):
    broken = tmp_path / "broken.apkg"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    good = tmp_path / "good.csv"
    good.write_text(FRENCH, encoding="utf-8")
    unknown = tmp_path / "notes.pdf"
    unknown.write_bytes(b"%PDF")
    dialog = import_dialog(qtbot, heat_collection, broken, unknown, good)
    assert dialog.files.topLevelItem(1).isDisabled()
    qtbot.mouseClick(dialog.action_button, LEFT)
    assert section(dialog, "broken.apkg") == (
        "broken.apkg\nbroken.apkg: not an Anki package (File is not a zip file)\nThe collection was left unchanged for this file.\n"
    )
    assert "heatcards cannot import this kind of file (it imports .apkg, .colpkg" in section(dialog, "notes.pdf")
    assert "The collection was left unchanged for this file." in section(dialog, "notes.pdf")
    assert "Notes added\n3\n" in section(dialog, "good.csv")
    assert len(heat_collection.find_notes("")) == HEAT_NOTES + 3


def test_a_text_file_that_cannot_be_read_is_shown_and_cannot_be_imported(qtbot, collection, tmp_path):
    csv = tmp_path / "quotes.csv"
    csv.write_text('front,back\n"never closed,back\n', encoding="utf-8")
    dialog = import_dialog(qtbot, collection, csv)
    assert "quotes.csv line 2, column 1: a quoted cell is never closed" in dialog.files.topLevelItem(0).text(1)
    assert not dialog.action_button.isEnabled()


def test_cancel_during_an_import_leaves_the_collection_unchanged(qtbot, heat_collection, tmp_path, monkeypatch):
    monkeypatch.setattr(import_export, "PROGRESS_DELAY_MS", 0)  # a slow import: the progress shows at once
    csv = tmp_path / "many.csv"
    csv.write_text("".join(f"word {n},meaning {n}\n" for n in range(3000)), encoding="utf-8")
    later = tmp_path / "later.csv"
    later.write_text(FRENCH, encoding="utf-8")
    dialog = import_dialog(qtbot, heat_collection, csv, later)
    timer, clicked = cancel_when_shown(qtbot)
    qtbot.mouseClick(dialog.action_button, LEFT)
    timer.stop()
    assert clicked
    assert section(dialog, "many.csv") == "many.csv\nCancelled.\nThe collection was left unchanged for this file.\n"
    assert "Not imported: the import was cancelled before this file." in section(dialog, "later.csv")
    assert len(heat_collection.find_notes("")) == HEAT_NOTES
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


# --- export -----------------------------------------------------------------------------------------
def export_dialog(qtbot, collection, **kwargs) -> ExportDialog:
    dialog = ExportDialog(collection, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save_as(monkeypatch, path: Path) -> list[tuple[str, str]]:
    """Answer the save dialog with `path`; returns (suggested name, filter) of each time it was asked."""
    asked = []

    def choose(parent, caption, suggested, filter_text):
        asked.append((suggested, filter_text))
        return str(path), filter_text

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    return asked


def option_states(dialog: ExportDialog) -> list[tuple[bool, bool]]:
    """(enabled, checked) of scheduling, media and legacy."""
    return [(box.isEnabled(), box.isChecked()) for box in dialog.option_boxes]


FORMAT_ROWS = [f.key for f in transfer.EXPORT_FORMATS]


@pytest.mark.parametrize(
    "key, options",
    [
        ("apkg", [(True, True), (True, True), (True, False)]),
        ("colpkg", [(False, True), (True, True), (True, False)]),
        ("csv", [(False, False), (False, False), (False, False)]),
        ("tsv", [(False, False), (False, False), (False, False)]),
        ("heatdeck", [(True, True), (False, False), (False, False)]),
        ("csv-cards", [(False, True), (False, False), (False, False)]),
        ("tsv-cards", [(False, True), (False, False), (False, False)]),
    ],
)
def test_export_each_format_and_read_it_back(qtbot, heat_collection, tmp_path, monkeypatch, key, options):
    window = open_main_window(qtbot, heat_collection, tmp_path)
    file_format = next(f for f in transfer.EXPORT_FORMATS if f.key == key)
    target = tmp_path / "out" / "heat"  # no suffix typed: the format's is added
    target.parent.mkdir()
    asked = save_as(monkeypatch, target)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = opened(qtbot, ExportDialog)
    assert dialog.include_combo.currentText() == HEAT
    qtbot.keyClick(dialog, Qt.Key.Key_F, ALT)
    qtbot.keyClick(dialog.format_combo, Qt.Key.Key_Home)
    for _ in range(FORMAT_ROWS.index(key)):
        qtbot.keyClick(dialog.format_combo, Qt.Key.Key_Down)
    assert option_states(dialog) == options
    assert dialog.include_combo.isEnabled() == (key != "colpkg")
    with qtbot.waitSignal(dialog.exported) as exported:
        qtbot.mouseClick(dialog.action_button, LEFT)
    written = tmp_path / "out" / f"heat{file_format.suffixes[0]}"
    # The suggested name follows what is exported: the deck, kept while the format passed over .colpkg.
    assert asked[0][0].endswith(("Heat (1995)" if key != "colpkg" else "collection") + file_format.suffixes[0])
    assert asked[0][1] == f"{file_format.description} ({' '.join(file_format.patterns)});;All files (*)"
    assert exported.args[0].path == written and written.is_file()
    assert [p.name for p in written.parent.iterdir()] == [written.name]
    summary = dialog.summary.toPlainText()
    assert summary.startswith(f"{written.name}\nWritten to {written.parent}\nNotes\n{HEAT_NOTES}\nCards\n{HEAT_CARDS}\n")

    if file_format.imports:
        with Collection(tmp_path / "fresh.heatcards", install_heat_deck=False) as fresh:
            report, _changes = transfer.import_file(fresh, written)
            assert (report.added, len(fresh.find_cards(""))) == (HEAT_NOTES, HEAT_CARDS)
    else:
        separator = "," if key == "csv-cards" else "\t"
        lines = written.read_text(encoding="utf-8").splitlines()
        assert lines[0] == separator.join(CARD_COLUMNS) and len(lines) > HEAT_CARDS


def test_export_the_browsers_search_as_csv(qtbot, heat_collection, tmp_path, monkeypatch):
    query = f'"deck:{HEAT}" Hanna'
    save_as(monkeypatch, tmp_path / "hanna.csv")
    dialog = export_dialog(qtbot, heat_collection, search=query)
    assert dialog.include_combo.currentText() == f"Cards found by the search: {query}"
    qtbot.keyClick(dialog, Qt.Key.Key_F, ALT)
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Down, Qt.Key.Key_Down):
        qtbot.keyClick(dialog.format_combo, key)
    assert dialog.chosen_format() is transfer.CSV
    assert dialog.include_combo.currentText() == f"Cards found by the search: {query}"  # kept while passing .colpkg
    qtbot.mouseClick(dialog.action_button, LEFT)
    notes = {heat_collection.card(c).note_id for c in heat_collection.find_cards(query)}
    assert 0 < len(notes) < HEAT_NOTES
    with Collection(tmp_path / "fresh.heatcards", install_heat_deck=False) as fresh:
        report, _changes = transfer.import_file(fresh, tmp_path / "hanna.csv")
        assert report.added == len(notes)


def test_an_export_that_fails_says_why_and_writes_nothing(qtbot, heat_collection, tmp_path, monkeypatch):
    save_as(monkeypatch, tmp_path / "missing folder" / "heat.apkg")
    dialog = export_dialog(qtbot, heat_collection)
    qtbot.mouseClick(dialog.action_button, LEFT)
    assert dialog.summary.toPlainText() == (
        f"heat.apkg\ncannot export to {tmp_path / 'missing folder' / 'heat.apkg'}: the folder {tmp_path / 'missing folder'} "
        "does not exist\nNo file was written."
    )
    assert not (tmp_path / "missing folder").exists()


def test_cancel_during_an_export_writes_nothing(qtbot, heat_collection, tmp_path, monkeypatch):
    monkeypatch.setattr(import_export, "PROGRESS_DELAY_MS", 0)
    out = tmp_path / "out"
    out.mkdir()
    save_as(monkeypatch, out / "everything.apkg")
    dialog = export_dialog(qtbot, heat_collection)
    timer, clicked = cancel_when_shown(qtbot)
    qtbot.mouseClick(dialog.action_button, LEFT)
    timer.stop()
    assert clicked
    assert dialog.summary.toPlainText() == "everything.apkg\nCancelled.\nNo file was written."
    assert list(out.iterdir()) == []


def test_a_closed_save_dialog_keeps_the_export_dialog_as_it_was(qtbot, heat_collection, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    dialog = export_dialog(qtbot, heat_collection)
    qtbot.mouseClick(dialog.action_button, LEFT)
    assert dialog.pages.currentWidget() is dialog.options_page and dialog.action_button.isVisible()
