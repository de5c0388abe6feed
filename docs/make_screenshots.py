"""Regenerate docs/screenshots/*.png (the README's pictures), in the light and dark themes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py   (or: make screenshots)
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py import export   (only these screens)

Works on a throwaway collection with the Heat deck, where three weeks of study
have been simulated with a fixed clock, so every screen shows real data.
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from heatcards import transfer  # noqa: E402
from heatcards.backups import BackupReason, backup_file_name  # noqa: E402
from heatcards.clock import SECONDS_PER_DAY, FixedClock  # noqa: E402
from heatcards.collection import Collection  # noqa: E402
from heatcards.model import Rating  # noqa: E402
from heatcards.ui.backups_dialog import RestoreDialog  # noqa: E402
from heatcards.ui.browser import BrowserWindow  # noqa: E402
from heatcards.ui.card_info import CardInfoDialog  # noqa: E402
from heatcards.ui.check_dialog import CheckDatabaseDialog  # noqa: E402
from heatcards.ui.deck_options import DeckOptionsDialog  # noqa: E402
from heatcards.ui.editor import AddDialog  # noqa: E402
from heatcards.ui.import_export import ExportDialog, ImportDialog, inspect_import_file  # noqa: E402
from heatcards.ui.main_window import MainWindow, WelcomeDialog  # noqa: E402
from heatcards.ui.preferences import PreferencesDialog  # noqa: E402
from heatcards.ui.reviewer import ReviewerView  # noqa: E402
from heatcards.ui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
START = 1772452800  # 2026-03-02 12:00 UTC
HEAT = "Heat (1995)"
FRENCH = "bonjour,hello,Lesson 1,greeting\nmerci,thank you,Lesson 1,polite\nau revoir,goodbye,Lesson 2,greeting farewell\n"
RATINGS = (Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY, Rating.GOOD, Rating.GOOD, Rating.GOOD)


def simulate_study(collection: Collection, clock: FixedClock, days: int = 21) -> None:
    """Study the Heat deck once a day for `days` days, with a mix of answers, backing up when the
    collection opens as the app does; one backup of the middle week is damaged."""
    deck = collection.deck_named(HEAT)
    answered = 0
    for day in range(days):
        collection.backup_if_due(BackupReason.OPENED)
        if day == days - 4:
            made = datetime.fromtimestamp(clock.now() + 600, timezone.utc)
            (collection.backups.folder / backup_file_name(collection.path.stem, made)).write_bytes(b"\0" * 4096)
        while True:
            card, _counts = collection.next_card(deck)
            if card is None:
                break
            collection.answer(card.id, RATINGS[answered % len(RATINGS)], duration_ms=4000 + 700 * (answered % 9))
            answered += 1
            clock.advance(20)
        clock.advance(SECONDS_PER_DAY)


def shoot(widget: QWidget, name: str, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    QTest.qWait(400)  # layouts settle and debounced previews render
    widget.grab().save(str(OUT / f"{name}.png"))
    widget.close()


def screens(
    collection: Collection, settings: QSettings, folder: Path, keep: ExitStack
) -> dict[str, tuple[Callable[[], QWidget], tuple[int, int]]]:
    """Each screen's builder and size. Files to import are written to `folder`; collections opened
    for a screen are closed by `keep`."""
    heat = collection.deck_named(HEAT)
    studied = collection.find_cards(f'"deck:{HEAT}" -is:new')
    rich = max(studied, key=lambda card_id: len(collection.store.reviews_of_card(card_id)))

    def reviewer(show_answer: bool) -> QWidget:
        view = ReviewerView(collection, heat.id)
        if show_answer:
            view.show_answer()
        return view

    def main_window() -> QWidget:
        window = MainWindow(collection, settings)
        window.select_deck(heat.id)
        return window

    def browser() -> QWidget:
        window = BrowserWindow(collection, settings)
        window.search(f'"deck:{HEAT}"')
        window.select_rows([0])
        return window

    def add_dialog() -> QWidget:
        dialog = AddDialog(collection, heat.id)
        dialog.choose_notetype("Cloze")
        QTest.keyClicks(dialog.editor.field_editors()[0].rich, "{{c1::Michael Mann}} wrote and directed Heat ({{c2::1995}}).")
        return dialog

    def files_to_import() -> list[Path]:
        """A text file without header lines (its columns need mapping) and the studied Heat deck as a package."""
        french = folder / "french.csv"
        french.write_text(FRENCH, encoding="utf-8")
        package = folder / "heat.apkg"
        if not package.exists():
            transfer.export_file(collection, package, deck=HEAT)
        return [french, package]

    def import_dialog(target: Collection) -> ImportDialog:
        dialog = ImportDialog(target, [inspect_import_file(path) for path in files_to_import()])
        column_map = dialog.column_map_of("french.csv")
        column_map.notetype_combo.setCurrentText("Basic (and reversed card)")
        column_map.choose(2, "Ignore")
        column_map.choose(3, "Tags")
        return dialog

    def check_database() -> QWidget:
        """What Check Database finds in a collection with a few problems of each kind (the shared one has none)."""
        target = keep.enter_context(Collection(Path(tempfile.mkdtemp(dir=folder)) / "checked.heatcards", clock=FixedClock(START)))
        deck = target.deck_named(HEAT)
        for _ in range(6):
            card, _counts = target.next_card(deck)
            target.answer(card.id, Rating.GOOD)
        studied = target.find_cards(f'"deck:{HEAT}" -is:new')[:2]
        new = target.find_cards(f'"deck:{HEAT}" is:new')[:3]
        connection = target.store.db.conn
        connection.execute(f"UPDATE cards SET stability = 99 WHERE id IN ({', '.join(map(str, studied))})")
        connection.execute(f"UPDATE cards SET due = -5 WHERE id IN ({', '.join(map(str, new))})")
        for name in ("old-poster.jpg", "scene-12.png"):
            (target.media_folder / name).write_bytes(b"image")
        target.add_note("Basic", ['<img src="neil-mccauley.jpg">', "Robert De Niro as Neil McCauley"], HEAT)
        dialog = CheckDatabaseDialog(target)
        dialog.check()
        return dialog

    def import_summary() -> QWidget:
        """The summary of importing both files into a new collection (the shared one stays as it was)."""
        target = keep.enter_context(Collection(Path(tempfile.mkdtemp(dir=folder)) / "imported.heatcards", install_heat_deck=False))
        dialog = import_dialog(target)
        dialog.run()
        return dialog

    return {
        "main-window": (main_window, (900, 560)),
        "reviewer-question": (lambda: reviewer(False), (820, 560)),
        "reviewer-answer": (lambda: reviewer(True), (820, 560)),
        "add": (add_dialog, (820, 640)),
        "browser": (browser, (1200, 700)),
        "card-info": (lambda: CardInfoDialog(collection, rich), (820, 760)),
        "deck-options": (lambda: DeckOptionsDialog(collection, heat.id), (820, 760)),
        "welcome": (WelcomeDialog, (520, 340)),
        "import": (lambda: import_dialog(collection), (760, 560)),
        "import-summary": (import_summary, (760, 560)),
        "export": (lambda: ExportDialog(collection, deck_id=heat.id), (600, 260)),
        "preferences": (lambda: PreferencesDialog(collection, settings), (680, 600)),
        "restore": (lambda: RestoreDialog(collection.backups.list(), collection.backups.folder), (760, 460)),
        "check-database": (check_database, (760, 440)),
    }


def main(only: list[str]) -> int:
    """Shoot every screen, or only those named in `only`."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, ExitStack() as keep:
        clock = FixedClock(START)
        collection = Collection(Path(folder) / "shots.heatcards", clock=clock, calendar_tz=timezone.utc)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("main/welcomed", True)
        try:
            simulate_study(collection, clock)
            for theme in ("light", "dark"):
                apply_theme(app, theme)
                for name, (build, size) in screens(collection, settings, Path(folder), keep).items():
                    if only and name not in only:
                        continue
                    shoot(build(), f"{name}-{theme}", size)
                    print(f"docs/screenshots/{name}-{theme}.png")
        finally:
            collection.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
