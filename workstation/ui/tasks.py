"""One way to run work off the GUI thread (STYLE.md "One way to run long work").

``Background.read`` runs a query on a second connection in a one-thread pool and hands the
result back on the GUI thread; ``Background.run`` runs long work (batches, imports, the demo)
with a progress dialog that appears after 600 ms and a cancel button. The window never waits
on SQLite.
"""

from __future__ import annotations

import queue
import sys
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from workstation.services.context import Context

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class _Relay(QObject):
    """Lives on the GUI thread and runs callbacks there.

    Worker threads only put ``(callback, value)`` into a plain queue: they make no Qt call at
    all. A Qt call (even emitting a signal) from a Python thread makes Qt adopt that thread,
    and tearing the adoption down when the thread ends crashed the process now and then. A
    GUI-thread timer drains the queue while work is outstanding and stops when none is.
    """

    POLL_MS = 10

    def __init__(self) -> None:
        super().__init__()
        self._inbox: queue.SimpleQueue[tuple[Callable[[Any], None] | None, Any, bool]] = (
            queue.SimpleQueue()
        )
        self._outstanding = 0  # results expected and not yet delivered (GUI thread only)
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self.deliver)

    def expect(self) -> None:
        """On the GUI thread, before a job starts: one more result to wait for."""
        self._outstanding += 1
        if not self._timer.isActive():
            self._timer.start()

    def post(self, callback: Callable[[Any], None] | None, value: Any, final: bool = True) -> None:
        """From any thread, without touching Qt: have ``callback(value)`` run on the GUI thread.

        ``final`` marks a job's result (or failure); progress reports are not final.
        """
        self._inbox.put((callback, value, final))

    @Slot()
    def deliver(self) -> None:
        while True:
            try:
                callback, value, final = self._inbox.get_nowait()
            except queue.Empty:
                break
            if final:
                self._outstanding -= 1
            if callback is not None:
                _call_safely(callback, value)
        if self._outstanding <= 0:
            self._outstanding = 0
            self._timer.stop()


def _call_safely(callback: Callable[[Any], None], value: Any) -> None:
    try:
        callback(value)
    except RuntimeError as exc:
        # The widget that asked was closed while the query ran (a tab, a language switch):
        # its answer has nobody to go to.
        if "already deleted" not in str(exc) and "has been deleted" not in str(exc):
            sys.excepthook(type(exc), exc, exc.__traceback__)
    except Exception as exc:  # noqa: BLE001 - one bad callback must not drop the rest
        sys.excepthook(type(exc), exc, exc.__traceback__)


class Progress:
    """Handed to long work: report how far it is, and check whether to stop."""

    def __init__(self, relay: _Relay, on_progress: Callable[[tuple[int, int]], None]) -> None:
        self._relay = relay
        self._on_progress = on_progress
        self.cancelled = False

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self._relay.post(self._on_progress, (done, total), final=False)


def _job(
    work: Callable[[], Any],
    relay: _Relay,
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
) -> Callable[[], None]:
    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the window
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            relay.post(on_error, exc)
            return
        relay.post(on_done, result)

    return run


class Background(QObject):
    """Off-thread reads on their own connection, and long jobs with progress.

    Plain Python worker threads (one for reads, one for jobs) run no Qt code; they only
    hand results to a relay on the GUI thread.
    """

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._reader: Context | None = None
        # One thread owns the reader connection; long writes one at a time (Anki's single
        # writer).
        self._reads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ws-read")
        self._jobs = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ws-job")
        self._pending: set[Future[None]] = set()
        self._relay = _Relay()  # created on the GUI thread, so its slot runs there
        self._closed = False

    def _reader_ctx(self) -> Context:
        if self._reader is None:  # opened on the worker thread, used only there
            self._reader = Context(self._ctx.store.reader(), self._ctx.clock)
        return self._reader

    def _submit(self, pool: ThreadPoolExecutor, run: Callable[[], None]) -> None:
        future = pool.submit(run)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    def read(
        self,
        query: Callable[[Context], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``query`` against the reader connection; ``on_done`` gets its result.

        After ``shutdown`` a read is dropped: a closing widget must not start work on a
        pool (and a connection) that is going away.
        """
        if self._closed:
            return
        self._relay.expect()
        self._submit(
            self._reads, _job(lambda: query(self._reader_ctx()), self._relay, on_done, on_error)
        )

    def run(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Context, Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[tuple[int, int]], None] | None = None,
    ) -> Progress:
        """Long work on its own connection, with a progress dialog and a cancel button.

        A window that shows the progress itself passes ``on_progress`` (it gets each
        ``(done, total)`` on the GUI thread, and cancels through the returned ``Progress``);
        no dialog is shown then.
        """
        if on_progress is not None:
            return self._run_quietly(work, on_done, on_error, on_progress)
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(600)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def on_progress(report: tuple[int, int]) -> None:
            done, total = report
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        progress = Progress(self._relay, on_progress)

        def cancel() -> None:
            progress.cancelled = True

        def finish(callback: Callable[[Any], None] | None) -> Callable[[Any], None]:
            def wrapped(value: Any) -> None:
                dialog.close()
                dialog.deleteLater()
                if callback is not None:
                    callback(value)

            return wrapped

        dialog.canceled.connect(cancel)
        self._relay.expect()

        def work_on_own_connection() -> T:
            ctx = Context(self._ctx.store.reader(), self._ctx.clock)
            try:
                return work(ctx, progress)
            finally:
                ctx.store.close()

        self._submit(
            self._jobs,
            _job(work_on_own_connection, self._relay, finish(on_done), finish(on_error)),
        )
        return progress

    def _run_quietly(
        self,
        work: Callable[[Context, Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[tuple[int, int]], None],
    ) -> Progress:
        progress = Progress(self._relay, on_progress)
        self._relay.expect()

        def work_on_own_connection() -> T:
            ctx = Context(self._ctx.store.reader(), self._ctx.clock)
            try:
                return work(ctx, progress)
            finally:
                ctx.store.close()

        self._submit(self._jobs, _job(work_on_own_connection, self._relay, on_done, on_error))
        return progress

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until queued work is done (tests and shutdown only)."""
        _, not_done = wait_futures(set(self._pending), timeout=msecs / 1000)
        return not not_done

    def shutdown(self) -> None:
        self._closed = True
        self.wait()
        self._reads.shutdown(wait=True)
        self._jobs.shutdown(wait=True)
        if self._reader is not None:
            self._reader.store.close()
            self._reader = None
