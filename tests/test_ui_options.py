"""Deck options and preferences dialogs, driven the way a person would."""
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QMessageBox

from heatcards.model import Changes, LeechAction, Rating
from heatcards.presets import format_parameters
from heatcards.scheduling import DEFAULT_PARAMETERS
from heatcards.ui.deck_options import DeckOptionsDialog

from .test_ui_card_info import study

# Showing a top-level dialog under the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def heat(heat_collection):
    return heat_collection, heat_collection.deck_named("Heat (1995)")


@pytest.fixture
def options(heat, qtbot):
    collection, deck = heat
    dialog = DeckOptionsDialog(collection, deck.id)
    qtbot.addWidget(dialog)
    return dialog


def replace_text(qtbot, widget, text):
    """Select what the field holds and type over it, as a person would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def good_interval(collection, card_id):
    previews = collection.previews(collection.card(card_id))
    return next(p for p in previews if p.rating is Rating.GOOD).interval_days


def shown(message) -> bool:
    return not message.isHidden()


# --- deck options -------------------------------------------------------------------
def test_dialog_shows_the_decks_preset(options, heat):
    collection, deck = heat
    preset = collection.preset_of(deck)
    assert options.preset_combo.currentText() == "Default (used by 2 decks)"
    assert options.new_per_day.value() == preset.new_per_day == 20
    assert options.learning_steps.text() == "1m 10m"
    assert options.relearning_steps.text() == "10m"
    assert options.desired_retention.value() == pytest.approx(0.9)
    assert options.parameters.text() == "" and options.parameters.placeholderText()
    assert options.leech_action.currentData() is LeechAction.TAG
    assert not options.rename_button.isEnabled() and not options.delete_button.isEnabled()
    assert "used by 2 decks" in options.usage_label.text()


def test_desired_retention_typed_and_saved_changes_the_next_good_interval(options, heat, qtbot):
    collection, deck = heat
    options.show()
    card, _ = collection.next_card(deck)
    study(collection, card.id, (Rating.GOOD, Rating.GOOD, Rating.GOOD))
    collection.clock.current = collection.card(card.id).due + 3600
    before = good_interval(collection, card.id)
    point = options.desired_retention.locale().decimalPoint()
    replace_text(qtbot, options.desired_retention, f"0{point}80")
    with qtbot.waitSignal(options.changed) as saved:
        qtbot.keyClick(options.desired_retention, Qt.Key.Key_Return)
    assert isinstance(saved.args[0], Changes) and saved.args[0].queue
    assert options.result() == options.DialogCode.Accepted
    assert collection.preset_of(deck).desired_retention == 0.8
    assert good_interval(collection, card.id) > before


def test_bad_steps_show_the_error_and_save_nothing(options, heat, qtbot):
    collection, deck = heat
    replace_text(qtbot, options.learning_steps, "1m 10x")
    message = "learning step 2, '10x', is not a duration like 10m, 1h or 2d"
    assert shown(options.learning_message) and options.learning_message.text.text() == message
    replace_text(qtbot, options.new_per_day, "5")
    with qtbot.assertNotEmitted(options.changed):
        qtbot.mouseClick(options.save_button, Qt.MouseButton.LeftButton)
    assert shown(options.error_message)
    assert options.error_message.text.text() == f"Not saved: {message}"
    assert options.focusWidget() is options.learning_steps  # back where the mistake is
    assert options.result() != options.DialogCode.Accepted
    preset = collection.preset_of(deck)
    assert (preset.learning_steps, preset.new_per_day) == ((1.0, 10.0), 20)
    replace_text(qtbot, options.learning_steps, "2m 15m")
    assert not shown(options.learning_message)
    qtbot.mouseClick(options.save_button, Qt.MouseButton.LeftButton)
    preset = collection.preset_of(deck)
    assert (preset.learning_steps, preset.new_per_day) == ((2.0, 15.0), 5)


def test_warnings_for_day_steps_and_high_retention_come_and_go(options, qtbot):
    assert not any(shown(m) for m in (options.learning_message, options.relearning_message, options.retention_message))
    replace_text(qtbot, options.learning_steps, "1m 1d")
    assert shown(options.learning_message)
    assert options.learning_message.text.text().startswith("Learning steps of a day or more")
    replace_text(qtbot, options.relearning_steps, "2d")
    assert options.relearning_message.text.text().startswith("Relearning steps of a day or more")
    options.desired_retention.setFocus()
    qtbot.keyClick(options.desired_retention, Qt.Key.Key_End)
    for _ in range(8):
        qtbot.keyClick(options.desired_retention, Qt.Key.Key_Up)
    assert options.desired_retention.value() == pytest.approx(0.98)
    assert shown(options.retention_message) and "0.98" in options.retention_message.text.text()
    qtbot.keyClick(options.desired_retention, Qt.Key.Key_Down)
    assert not shown(options.retention_message)
    replace_text(qtbot, options.learning_steps, "1m 10m")
    replace_text(qtbot, options.relearning_steps, "10m")
    assert not shown(options.learning_message) and not shown(options.relearning_message)


def test_parameters_validated_reset_and_kept_exactly(options, heat, qtbot):
    collection, deck = heat
    replace_text(qtbot, options.parameters, "0.4, 1.2")
    assert "needs 21 parameters, got 2" in options.parameters_message.text.text()
    tuned = [round(p, 4) for p in DEFAULT_PARAMETERS]
    tuned[20] = 0.3
    replace_text(qtbot, options.parameters, ", ".join(map(str, tuned)))
    assert not shown(options.parameters_message)
    qtbot.mouseClick(options.save_button, Qt.MouseButton.LeftButton)
    assert collection.preset_of(deck).parameters == tuple(tuned)
    assert collection.scheduler_for(collection.deck(deck.id)).decay == 0.3

    again = DeckOptionsDialog(collection, deck.id)
    qtbot.addWidget(again)
    assert again.parameters.text() == format_parameters(tuned)
    qtbot.mouseClick(again.reset_parameters_button, Qt.MouseButton.LeftButton)
    assert again.parameters.text() == ""
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert collection.preset_of(deck).parameters == ()


def test_unedited_parameters_are_not_rounded(heat, qtbot):
    collection, deck = heat
    precise = tuple(DEFAULT_PARAMETERS)
    collection.update_preset(replace(collection.preset_of(deck), parameters=precise))
    dialog = DeckOptionsDialog(collection, deck.id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert collection.preset_of(deck).parameters == precise


def test_add_rename_assign_and_delete_presets(options, heat, qtbot, monkeypatch):
    collection, deck = heat
    names = iter(["Film", "Film studies"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (next(names), True))
    replace_text(qtbot, options.new_per_day, "7")  # an edit to Default, kept while another preset is shown
    qtbot.mouseClick(options.add_button, Qt.MouseButton.LeftButton)
    film = next(p for p in collection.presets() if p.name == "Film")
    assert options.selected_preset_id() == film.id
    assert options.preset_combo.currentText() == "Film (used by 1 deck)"
    assert options.new_per_day.value() == 20
    assert options.rename_button.isEnabled()

    with qtbot.waitSignal(options.changed):
        qtbot.mouseClick(options.rename_button, Qt.MouseButton.LeftButton)
    assert collection.preset(film.id).name == "Film studies"
    assert options.preset_combo.currentText().startswith("Film studies")

    replace_text(qtbot, options.reviews_per_day, "50")
    qtbot.mouseClick(options.save_button, Qt.MouseButton.LeftButton)
    assert collection.deck(deck.id).preset_id == film.id
    assert collection.preset(film.id).reviews_per_day == 50
    assert collection.default_preset().new_per_day == 7  # the draft of Default was saved too

    dialog = DeckOptionsDialog(collection, deck.id)
    qtbot.addWidget(dialog)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: asked.append(text) or QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "“Film studies”? 1 deck uses it and will use “Default” instead" in asked[0]
    assert collection.deck(deck.id).preset_id == collection.default_preset().id
    assert [p.name for p in collection.presets()] == ["Default"]
    assert dialog.preset_combo.currentText() == "Default (used by 2 decks)"
    assert dialog.new_per_day.value() == 7


def test_clone_copies_unsaved_settings_and_switching_back_keeps_them(options, heat, qtbot, monkeypatch):
    collection, deck = heat
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Copy", True))
    replace_text(qtbot, options.learning_steps, "5m 30m")
    qtbot.mouseClick(options.clone_button, Qt.MouseButton.LeftButton)
    assert options.preset_combo.currentText() == "Copy (used by 1 deck)"
    assert options.learning_steps.text() == "5m 30m"
    replace_text(qtbot, options.learning_steps, "3m")
    options.preset_combo.setCurrentIndex(options.preset_combo.findData(collection.default_preset().id))
    assert options.learning_steps.text() == "5m 30m"
    assert options.preset_combo.currentText() == "Default (used by 2 decks)"


def test_switching_presets_with_an_invalid_form_is_refused(options, heat, qtbot):
    collection, _ = heat
    other = collection.add_preset("Other")
    options._fill_presets(options.shown_id)
    replace_text(qtbot, options.relearning_steps, "abc")
    options.preset_combo.setCurrentIndex(options.preset_combo.findData(other.id))
    assert options.selected_preset_id() == collection.default_preset().id
    assert options.error_message.text.text().startswith("Fix this first: relearning step 1, 'abc'")


def test_a_duplicate_preset_name_is_shown_not_raised(options, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("default", True))
    qtbot.mouseClick(options.add_button, Qt.MouseButton.LeftButton)
    assert "a preset named 'Default' already exists" in options.error_message.text.text()


def test_every_setting_reaches_the_preset(options, heat, qtbot):
    collection, deck = heat
    replace_text(qtbot, options.reviews_per_day, "150")
    replace_text(qtbot, options.maximum_interval, "365")
    replace_text(qtbot, options.leech_threshold, "5")
    options.leech_action.setFocus()
    qtbot.keyClick(options.leech_action, Qt.Key.Key_Down)
    for box in (options.bury_new, options.bury_review, options.bury_interday):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    replace_text(qtbot, options.relearning_steps, "")
    qtbot.mouseClick(options.save_button, Qt.MouseButton.LeftButton)
    preset = collection.preset_of(deck)
    assert (preset.reviews_per_day, preset.maximum_interval, preset.leech_threshold) == (150, 365, 5)
    assert preset.leech_action is LeechAction.SUSPEND
    assert preset.bury_new_siblings and preset.bury_review_siblings and preset.bury_interday_learning_siblings
    assert preset.relearning_steps == ()


def test_every_interactive_widget_has_an_accessible_name(options):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    widgets = options.findChildren(QAbstractButton) + options.findChildren(QAbstractSpinBox)
    widgets += options.findChildren(QComboBox) + options.findChildren(QLineEdit)
    unnamed = [w for w in widgets if not w.accessibleName() and not isinstance(w.parent(), QAbstractSpinBox)]
    assert unnamed == []


# --- preferences ------------------------------------------------------------------------
@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "heatcards.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app_appearance(qapp):
    """Put the application's style, palette and font back after a test changes them."""
    style, palette, font = qapp.style().name(), qapp.palette(), qapp.font()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def preferences(collection, settings, qtbot):
    from heatcards.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(collection, settings)
    qtbot.addWidget(dialog)
    return dialog


def test_theme_choice_is_stored_and_applied(preferences, settings, app_appearance, qtbot):
    from heatcards.ui.theme import is_dark

    assert preferences.theme.currentData() == "system"
    preferences.theme.setFocus()
    qtbot.keyClick(preferences.theme, Qt.Key.Key_End)  # the last choice: Dark
    assert preferences.theme.currentText() == "Dark"
    settings.sync()
    assert QSettings(settings.fileName(), QSettings.Format.IniFormat).value("theme") == "dark"
    assert is_dark(app_appearance)
    qtbot.keyClick(preferences.theme, Qt.Key.Key_Up)
    assert settings.value("theme") == "light" and not is_dark(app_appearance)


def test_interface_size_is_stored_and_applied(preferences, settings, app_appearance, qtbot):
    before = app_appearance.font().pointSizeF()
    preferences.interface_size.setFocus()
    qtbot.keyClick(preferences.interface_size, Qt.Key.Key_Down)
    assert preferences.interface_size.currentText() == "110 %"
    assert int(settings.value("interface_size")) == 110
    assert app_appearance.font().pointSizeF() == pytest.approx(before * 1.1)


def test_saved_appearance_is_shown(collection, settings, qtbot):
    from heatcards.ui.preferences import PreferencesDialog

    settings.setValue("theme", "dark")
    settings.setValue("interface_size", 125)
    dialog = PreferencesDialog(collection, settings)
    qtbot.addWidget(dialog)
    assert (dialog.theme.currentText(), dialog.interface_size.currentText()) == ("Dark", "125 %")


def test_rollover_hour_typed_moves_the_day_boundary(preferences, collection, qtbot):
    from .conftest import NOON

    assert preferences.rollover_hour.value() == 4
    day_before = collection.calendar.day(NOON)
    emitted = []
    preferences.changed.connect(emitted.append)
    with qtbot.waitSignal(preferences.changed) as changed:
        replace_text(qtbot, preferences.rollover_hour, "13")
        qtbot.keyClick(preferences.rollover_hour, Qt.Key.Key_Return)
    assert changed.args[0].queue
    assert len(emitted) == 1  # typing "13" is one change, not "1" then "13"
    assert collection.calendar.rollover_hour == 13
    assert collection.calendar.day(NOON) == day_before - 1  # noon is now before the day's start
    assert collection.store.config("rollover_hour") == 13


def test_backups_page_shows_the_switch_the_folder_and_the_newest_backup(preferences, collection, qtbot):
    from heatcards.backups import BackupReason
    from heatcards.ui.backups_dialog import local_time

    assert preferences.automatic_backups.isChecked()
    assert preferences.backup_folder.text() == str(collection.path.parent / "backups")
    assert preferences.newest_backup.text() == "No backup yet."
    preferences.automatic_backups.setFocus()
    with qtbot.waitSignal(preferences.changed):
        qtbot.keyClick(preferences.automatic_backups, Qt.Key.Key_Space)
    assert collection.automatic_backups() is False
    assert collection.backup_if_due(BackupReason.OPENED) is None  # switched off: none is made
    with qtbot.waitSignal(preferences.backup_requested):  # the main window makes it, in its worker
        qtbot.mouseClick(preferences.back_up_button, Qt.MouseButton.LeftButton)
    assert not preferences.back_up_button.isEnabled()
    backup = collection.backup()
    preferences.show_backup_made(backup)
    assert preferences.back_up_button.isEnabled() and preferences.back_up_button.text() == "&Back up now"
    made = local_time(backup.created)  # in the computer's time zone (tests/test_ui_backups.py: Tokyo)
    assert preferences.newest_backup.text() == f"{made} (backed up by hand): 0 cards, 0 notes, 0 reviews. 1 backup in all."


def test_open_backup_folder_says_when_there_is_none_yet(preferences, collection, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(preferences.open_backup_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [] and preferences.error_message.text() == (
        f"{collection.backups.folder} does not exist yet: the first backup makes it."
    )
    collection.backup()
    qtbot.mouseClick(preferences.open_backup_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(collection.backups.folder))]


def test_open_folder_opens_the_collections_folder(preferences, collection, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert preferences.location.text() == str(collection.path)
    qtbot.mouseClick(preferences.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(collection.path.parent))]
    assert preferences.error_message.isHidden()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    qtbot.mouseClick(preferences.open_folder_button, Qt.MouseButton.LeftButton)
    assert not preferences.error_message.isHidden()
    assert str(collection.path.parent) in preferences.error_message.text()
