"""Preferences: the language model for card generation, typed and tested the way a person would."""
import pytest
from PySide6.QtCore import QSettings, Qt

from heatcards.authoring.model import LanguageModelSettings
from heatcards.ui.preferences import PreferencesDialog

from .test_llm_engine import MODEL, closed_port, server  # noqa: F401 (server is a fixture)
from .test_ui_options import replace_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def preferences(collection, settings, qtbot):
    dialog = PreferencesDialog(collection, settings)
    qtbot.addWidget(dialog)
    return dialog


def type_into(qtbot, field, text: str) -> None:
    replace_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_typed_endpoint_and_model_are_saved_in_the_collection(preferences, collection, qtbot):
    assert (preferences.language_model_url.text(), preferences.language_model_name.text()) == ("", "")
    type_into(qtbot, preferences.language_model_url, "http://localhost:11434")
    assert collection.language_model_settings() is None  # no model named yet: nothing to save
    with qtbot.waitSignal(preferences.changed):
        type_into(qtbot, preferences.language_model_name, " llama3.1:8b ")
    assert collection.language_model_settings() == LanguageModelSettings("http://localhost:11434", "llama3.1:8b")
    assert preferences.error_message.isHidden()


def test_saved_settings_are_shown_and_clearing_both_fields_forgets_them(collection, settings, qtbot):
    collection.set_language_model_settings(LanguageModelSettings("http://127.0.0.1:8080/v1", "qwen2.5"))
    dialog = PreferencesDialog(collection, settings)
    qtbot.addWidget(dialog)
    assert (dialog.language_model_url.text(), dialog.language_model_name.text()) == ("http://127.0.0.1:8080/v1", "qwen2.5")
    type_into(qtbot, dialog.language_model_url, "")
    assert collection.language_model_settings() is not None  # the model's name alone is still there
    type_into(qtbot, dialog.language_model_name, "")
    assert collection.language_model_settings() is None


def test_a_url_that_is_not_http_says_what_is_wrong_and_is_not_saved(preferences, collection, qtbot):
    type_into(qtbot, preferences.language_model_name, "llama3.1:8b")
    type_into(qtbot, preferences.language_model_url, "localhost:11434")
    assert not preferences.error_message.isHidden()
    assert "must start with http:// or https://" in preferences.error_message.text()
    assert collection.language_model_settings() is None
    type_into(qtbot, preferences.language_model_url, "http://localhost:11434")
    assert preferences.error_message.isHidden()
    assert collection.language_model_settings() == LanguageModelSettings("http://localhost:11434", "llama3.1:8b")


def test_test_connection_asks_the_server_off_the_ui_thread(preferences, server, qtbot):  # noqa: F811
    server.delay = 0.5
    type_into(qtbot, preferences.language_model_url, server.url)
    type_into(qtbot, preferences.language_model_name, MODEL)
    assert server.gets == []  # saving asks nothing
    qtbot.mouseClick(preferences.test_connection_button, Qt.MouseButton.LeftButton)
    assert not preferences.test_connection_button.isEnabled()  # the click returned while the server still waits
    assert preferences.connection_result.isHidden()
    qtbot.waitUntil(lambda: not preferences.connection_result.isHidden(), timeout=5000)
    assert preferences.connection_result.text() == f"{server.url} answers and has the model {MODEL}."
    assert preferences.test_connection_button.isEnabled()
    assert server.gets == ["/v1/models"] and server.requests == []


def test_test_connection_to_a_server_without_the_model_lists_its_models(preferences, server, qtbot):  # noqa: F811
    type_into(qtbot, preferences.language_model_url, server.url)
    type_into(qtbot, preferences.language_model_name, "mistral")
    qtbot.mouseClick(preferences.test_connection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not preferences.connection_result.isHidden(), timeout=5000)
    assert preferences.connection_result.text() == (
        f"{server.url} answers, but has no model named mistral. Its models: {MODEL}, other-model."
    )


def test_test_connection_to_nothing_says_what_to_start(preferences, qtbot):
    url = f"http://127.0.0.1:{closed_port()}"
    type_into(qtbot, preferences.language_model_url, url)
    type_into(qtbot, preferences.language_model_name, MODEL)
    qtbot.mouseClick(preferences.test_connection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not preferences.connection_result.isHidden(), timeout=5000)
    text = preferences.connection_result.text()
    assert text.startswith(f"Connection failed: no language model answers at {url}: ")
    assert text.endswith("start Ollama / llama.cpp server / LM Studio or check the URL in Preferences")
    assert preferences.test_connection_button.isEnabled()


def test_test_connection_without_a_model_name_says_so_at_once(preferences, qtbot):
    type_into(qtbot, preferences.language_model_url, "http://localhost:11434")
    qtbot.mouseClick(preferences.test_connection_button, Qt.MouseButton.LeftButton)
    assert preferences.connection_result.text() == "Cannot test: name the language model to use (e.g. llama3.1:8b for Ollama)"
    assert preferences.test_connection_button.isEnabled()
