"""Long work off the UI thread, with a progress dialog that can cancel.

One long-lived bridge per main window: a single worker thread runs the work, and
a second one runs what is asked to run beside it (`run_beside`); the result comes
back as a closure appended to a locked list plus one queued signal, so the UI
thread applies it (the collection's SQLite connection belongs to the UI thread;
work done in a worker must not touch it).

Python's cyclic garbage collection is moved to the UI thread once a bridge exists
(`collect_garbage_in_ui_thread`): whatever makes one (the app, a script showing a
window) is covered.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class UiThreadCollector(QObject):
    """Python's cyclic garbage collection, run by a timer in the UI thread: `check` collects a
    generation when the automatic collector would have (its thresholds, read when made), the
    younger generations first. Automatic collection stays off while it exists."""

    def __init__(self, interval_ms: int = 1000):
        super().__init__()
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        for generation, (count, threshold) in enumerate(zip(counts, self.thresholds)):
            if count <= threshold:
                return
            gc.collect(generation)


_ui_thread_collector: UiThreadCollector | None = None


def collect_garbage_in_ui_thread() -> UiThreadCollector:
    """Turn off Python's automatic cyclic garbage collection and collect in the UI thread instead,
    on a one-second timer with the same thresholds (`UiThreadCollector`); called in the UI thread
    once the QApplication exists (by `BackgroundTasks`). Later calls return the same collector.

    Automatic collection runs in whichever thread allocates when a generation fills up. In a worker
    (a statistics reader, an import, a backup) it may destroy Qt objects left in reference cycles:
    PySide then holds Qt's connection lock in the worker while it waits for the GIL, and the UI
    thread, holding the GIL, waits for that lock, and the app hangs (seen in a statistics window
    test). Collected in the UI thread, Qt objects are destroyed in the thread they belong to."""
    global _ui_thread_collector
    if _ui_thread_collector is None:
        _ui_thread_collector = UiThreadCollector()
    return _ui_thread_collector


class BackgroundTasks(QObject):
    _results_ready = Signal()

    def __init__(self, parent: QObject | None = None):
        """Made in the UI thread, once the QApplication exists; from then on garbage is collected
        there only (`collect_garbage_in_ui_thread`), since the work runs in other threads."""
        super().__init__(parent)
        collect_garbage_in_ui_thread()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heatcards-work")
        self._beside = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heatcards-beside")
        self._lock = threading.Lock()
        self._pending: list[Callable[[], None]] = []
        self._results_ready.connect(self._on_results_ready, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[threading.Event], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> QProgressDialog:
        """Run `work(cancel_flag)` in the worker; then `on_done(result)` or `on_error(error)` in the UI thread.

        Cancelling sets the flag and drops the result: nothing is applied."""
        cancel = threading.Event()
        progress = QProgressDialog(label, "Cancel", 0, 0, parent)
        progress.setWindowTitle("heatcards")
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.canceled.connect(cancel.set)

        def finish(outcome: Callable[[], None]) -> None:
            cancelled = cancel.is_set() or progress.wasCanceled()
            progress.reset()
            progress.deleteLater()
            if not cancelled:
                outcome()

        self._submit(
            self._executor,
            lambda: work(cancel),
            lambda result: finish(lambda: on_done(result)),
            lambda error: finish(lambda: on_error(error)),
        )
        return progress

    def run_quietly(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        """Run `work()` in the worker without a progress dialog, and without a way to cancel (an
        automatic backup; a restore, whose caller shows it is busy); then `on_done(result)` or
        `on_error(error)` in the UI thread."""
        self._submit(self._executor, work, on_done, on_error)

    def run_beside(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        """As `run_quietly`, in the second worker thread: `work()` runs while the worker runs its
        own work (reads on connections of their own, which two cores overlap), after what was
        asked to run beside it before."""
        self._submit(self._beside, work, on_done, on_error)

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        def job() -> None:
            try:
                result = work()
            except BaseException as error:  # handed to the UI thread, which decides what to show
                self._hand_back(lambda failure=error: on_error(failure))
            else:
                self._hand_back(lambda: on_done(result))

        executor.submit(job)

    def _hand_back(self, closure: Callable[[], None]) -> None:
        with self._lock:
            self._pending.append(closure)
        self._results_ready.emit()

    def _on_results_ready(self) -> None:
        with self._lock:
            ready, self._pending = self._pending, []
        for closure in ready:
            closure()

    def shutdown(self) -> None:
        """Wait for the running work (in both threads) and drop its result: the window it was for is closing."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._beside.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            self._pending = []
