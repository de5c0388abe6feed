"""Regenerate docs/screenshots/*.png (the README's pictures), in the light and dark themes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py   (or: make screenshots)
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py import export   (only these screens)

Works on a throwaway collection with the Heat deck, where three weeks of study
have been simulated with a fixed clock, so every screen shows real data. The deck
options' optimiser and workload simulator work on the real review log in
../shared/data/ when it is there (three weeks are too few reviews to optimise).
"""
from __future__ import annotations

import os
import socket
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

from heatcards import transfer  # noqa: E402
from heatcards.authoring.model import LanguageModelSettings  # noqa: E402
from heatcards.authoring.reading import read_document  # noqa: E402
from heatcards.authoring.rules import RulesEngine  # noqa: E402
from heatcards.backups import BackupReason, backup_file_name  # noqa: E402
from heatcards.clock import SECONDS_PER_DAY, FixedClock  # noqa: E402
from heatcards.collection import Collection  # noqa: E402
from heatcards.model import Rating  # noqa: E402
from heatcards.ui.backups_dialog import RestoreDialog  # noqa: E402
from heatcards.ui.browser import BrowserWindow  # noqa: E402
from heatcards.ui.card_info import CardInfoDialog  # noqa: E402
from heatcards.ui.check_dialog import CheckDatabaseDialog  # noqa: E402
from heatcards.ui.deck_options import DeckOptionsDialog  # noqa: E402
from heatcards.ui.documents_dialog import DocumentDialog, DocumentsDialog  # noqa: E402
from heatcards.ui.editor import AddDialog  # noqa: E402
from heatcards.ui.generate_dialog import GenerateDialog  # noqa: E402
from heatcards.ui.import_export import ExportDialog, ImportDialog, inspect_import_file  # noqa: E402
from heatcards.ui.main_window import MainWindow, WelcomeDialog  # noqa: E402
from heatcards.ui.preferences import PreferencesDialog  # noqa: E402
from heatcards.ui.reviewer import ReviewerView  # noqa: E402
from heatcards.ui.stats_window import StatisticsWindow  # noqa: E402
from heatcards.ui.tasks import BackgroundTasks  # noqa: E402
from heatcards.ui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
REVIEW_LOG = Path(__file__).resolve().parents[2] / "shared" / "data" / "py-fsrs_review_logs_josh.csv"
START = 1772452800  # 2026-03-02 12:00 UTC
HEAT = "Heat (1995)"
FRENCH = "bonjour,hello,Lesson 1,greeting\nmerci,thank you,Lesson 1,polite\nau revoir,goodbye,Lesson 2,greeting farewell\n"
ARTICLE = (  # the document screens' article, written for them: the seed articles are not ours to show
    "The making of Heat\n\n"
    "Michael Mann wrote the first version of Heat in 1979, after a Chicago detective told him about a thief he had hunted. "
    "Mann filmed that story as a television film, L.A. Takedown, in 1989.\n\n"
    "Shooting of Heat began in Los Angeles in August 1994 and lasted 107 days, at 65 locations. "
    "Warner Bros. released the film on December 15, 1995. It cost $60 million and earned $187 million worldwide.\n\n"
    "Al Pacino plays the detective Vincent Hanna and Robert De Niro the thief Neil McCauley; "
    "the two actors share the screen for the first time in the coffee shop scene.\n\n"
    "Val Kilmer plays Chris Shiherlis, a member of McCauley's crew, and Jon Voight plays Nate, the fence who finds the crew its jobs. "
    "Dante Spinotti shot the film, and Elliot Goldenthal wrote the score. "
    "The bank robbery and the street battle that follows it were filmed in downtown Los Angeles.\n"
)
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


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 300) -> None:
    for _ in range(int(seconds * 10)):
        if condition():
            return
        QTest.qWait(100)
    raise TimeoutError(f"{what} took over {seconds:g} s")


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

    def article() -> Path:
        path = folder / "the-making-of-heat.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        return path

    def generate() -> QWidget:
        """The rules engine's suggestions for the article, the fourth one chosen and one left out."""
        tasks = BackgroundTasks()
        keep.callback(tasks.shutdown)
        dialog = GenerateDialog(collection, tasks)
        dialog.show()
        dialog.generate_from_file(article())
        wait_until(lambda: dialog.model.rowCount() > 0 or dialog.message.isVisible(), "suggesting cards", 60)
        dialog.table.selectRow(min(3, dialog.model.rowCount() - 1))
        dialog.model.toggle(1)
        return dialog

    def stored_article() -> int:
        """The article in the collection, the rules engine's suggestions for it added to the Heat deck (so the
        document screen has passages with cards)."""
        document = read_document(article())
        document_id, known = collection.add_document(document)
        if not known:
            collection.add_suggestions(document_id, RulesEngine().suggest(document), deck_name=HEAT)
        return document_id

    def documents() -> QWidget:
        stored_article()
        return DocumentsDialog(collection)

    def document() -> QWidget:
        return DocumentDialog(collection.stored_document(stored_article()))

    def deck_options(target: Collection, deck_id: int, size: tuple[int, int]) -> DeckOptionsDialog:
        """Deck options shown with the workload simulated."""
        dialog = DeckOptionsDialog(target, deck_id)
        dialog.resize(*size)
        dialog.show()
        wait_until(lambda: dialog.workload.simulation is not None, "simulating")
        return dialog

    def deck_options_fsrs() -> QWidget:
        """Deck options scrolled to FSRS: the workload graph and an optimiser result, on the real review log
        (imported into a collection of its own) or, without ../shared, on the three weeks of the Heat deck."""
        target, deck_name = collection, HEAT
        if REVIEW_LOG.exists():
            target = keep.enter_context(
                Collection(Path(tempfile.mkdtemp(dir=folder)) / "reviews.heatcards", clock=FixedClock(START), install_heat_deck=False)
            )
            target.set_rollover_hour(10)  # the learner's days start between 06:00 and 15:00 UTC
            transfer.import_file(target, REVIEW_LOG)
            deck_name = REVIEW_LOG.stem  # a review log's cards go to a deck named after the file
        dialog = deck_options(target, target.deck_named(deck_name).id, (860, 900))
        dialog.optimizer.optimize_button.click()
        wait_until(lambda: dialog.optimizer.run is None, "optimising")
        dialog.desired_retention.setValue(0.85)
        QTest.qWait(200)  # the layout settles before scrolling
        scroll = dialog.findChild(QScrollArea)
        scroll.verticalScrollBar().setValue(dialog.workload.parentWidget().y())  # the FSRS group at the top
        return dialog

    def preferences_language_model() -> QWidget:
        """Preferences with a language model configured, after Test connection found nothing listening
        (a closed local port: the screenshots need no model server)."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        collection.set_language_model_settings(LanguageModelSettings(f"http://127.0.0.1:{port}", "llama3.1:8b"))
        dialog = PreferencesDialog(collection, settings)
        collection.set_language_model_settings(None)  # the other screens show the default: none
        dialog.test_connection_button.click()
        wait_until(lambda: not dialog.connection_result.isHidden(), "testing the connection", 30)
        return dialog

    def statistics() -> QWidget:
        """The Heat deck's month, every panel drawn (the numbers come from a worker thread)."""
        tasks = BackgroundTasks()
        keep.callback(tasks.shutdown)
        window = StatisticsWindow(collection, tasks, HEAT)
        loop = QEventLoop()
        window.all_panels_drawn.connect(loop.quit)
        loop.exec()
        return window

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
        "deck-options": (lambda: deck_options(collection, heat.id, (820, 760)), (820, 760)),
        "deck-options-fsrs": (deck_options_fsrs, (860, 900)),
        "welcome": (WelcomeDialog, (520, 340)),
        "import": (lambda: import_dialog(collection), (760, 560)),
        "import-summary": (import_summary, (760, 560)),
        "export": (lambda: ExportDialog(collection, deck_id=heat.id), (600, 260)),
        "preferences": (lambda: PreferencesDialog(collection, settings), (680, 760)),
        "preferences-language-model": (preferences_language_model, (680, 800)),
        "restore": (lambda: RestoreDialog(collection.backups.list(), collection.backups.folder), (760, 460)),
        "check-database": (check_database, (760, 440)),
        "statistics": (statistics, (1240, 1180)),
        "generate": (generate, (1200, 720)),
        "documents": (documents, (760, 400)),
        "document": (document, (680, 560)),
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
            # each screen in both themes before the next: a screen that adds to the collection (the documents
            # screen adds its article's cards) then changes neither theme's picture of the screens before it
            for name, (build, size) in screens(collection, settings, Path(folder), keep).items():
                if only and name not in only:
                    continue
                for theme in ("light", "dark"):
                    apply_theme(app, theme)
                    shoot(build(), f"{name}-{theme}", size)
                    print(f"docs/screenshots/{name}-{theme}.png")
        finally:
            collection.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
