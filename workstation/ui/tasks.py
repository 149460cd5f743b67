"""One way to run work off the GUI thread (STYLE.md "One way to run long work").

``Background.read`` runs a query on a second connection in a one-thread pool and hands the
result back on the GUI thread; ``Background.run`` runs long work (batches, imports, the demo)
with a progress dialog that appears after 600 ms and a cancel button. The window never waits
on SQLite.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from workstation.services.context import Context

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Progress:
    """Handed to long work: report how far it is, and check whether to stop."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self.cancelled = False

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self._relay.progress.emit(done, total)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a worker arrive there (queued)."""

    done = Signal(object, object)
    failed = Signal(object, object)
    progress = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._call)
        self.failed.connect(self._call)

    @Slot(object, object)
    def _call(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        if callback is not None:
            callback(value)


class _Job(QRunnable):
    def __init__(
        self,
        work: Callable[[], Any],
        relay: _Relay,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._work, self._relay = work, relay
        self._on_done, self._on_error = on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the window
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(self._on_error, exc)
            return
        self._relay.done.emit(self._on_done, result)


class Background(QObject):
    """Off-thread reads on their own connection, and long jobs with progress."""

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._reader: Context | None = None
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(1)  # one thread owns the reader connection
        self._jobs = QThreadPool(self)
        self._jobs.setMaxThreadCount(1)  # long writes one at a time (Anki's single writer)
        self._relay = _Relay()  # created on the GUI thread, so its slots run there
        self._running: set[_Relay] = set()  # per-job relays, kept alive until delivered
        self._closed = False

    def _reader_ctx(self) -> Context:
        if self._reader is None:  # opened on the worker thread, used only there
            self._reader = Context(self._ctx.store.reader(), self._ctx.clock)
        return self._reader

    def read(
        self,
        query: Callable[[Context], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``query`` against the reader connection; ``on_done`` gets its result.

        After ``shutdown`` a read is dropped: a closing widget must not start a thread on a
        pool (and a connection) that is going away.
        """
        if self._closed:
            return
        job = _Job(lambda: query(self._reader_ctx()), self._relay, on_done, on_error)
        self._reads.start(job)

    def run(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Context, Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Progress:
        """Long work on its own connection, with a progress dialog and a cancel button."""
        relay = _Relay()
        self._running.add(relay)
        progress = Progress(relay)
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(600)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def on_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        def cancel() -> None:
            progress.cancelled = True

        def finish(callback: Callable[[Any], None] | None) -> Callable[[Any], None]:
            def wrapped(value: Any) -> None:
                self._running.discard(relay)
                dialog.close()
                dialog.deleteLater()
                if callback is not None:
                    callback(value)

            return wrapped

        relay.progress.connect(on_progress)
        dialog.canceled.connect(cancel)

        def work_on_own_connection() -> T:
            ctx = Context(self._ctx.store.reader(), self._ctx.clock)
            try:
                return work(ctx, progress)
            finally:
                ctx.store.close()

        self._jobs.start(_Job(work_on_own_connection, relay, finish(on_done), finish(on_error)))
        return progress

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until queued work is done (tests and shutdown only)."""
        return self._reads.waitForDone(msecs) and self._jobs.waitForDone(msecs)

    def shutdown(self) -> None:
        self._closed = True
        self.wait()
        if self._reader is not None:
            self._reader.store.close()
            self._reader = None
