"""The background runner: results come back on the GUI thread, and a closed widget is no error."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel


def test_results_arrive_on_the_gui_thread_in_order(qtbot, background) -> None:
    seen: list[tuple[int, bool]] = []
    for n in range(5):
        background.read(
            lambda ctx, n=n: n,
            lambda value: seen.append(
                (value, threading.current_thread() is threading.main_thread())
            ),
        )
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=3000)
    assert seen == [(n, True) for n in range(5)]


def test_an_answer_for_a_closed_widget_is_dropped_and_the_next_still_arrives(
    qtbot, background
) -> None:
    label = QLabel()
    gate = threading.Event()
    background.read(lambda ctx: gate.wait(5) and 42, label.setNum)
    shiboken6.delete(label)  # the tab closed while its query ran
    gate.set()
    after: list[int] = []
    background.read(lambda ctx: 7, after.append)
    qtbot.waitUntil(lambda: after == [7], timeout=3000)


def test_a_failing_query_reaches_its_error_handler(qtbot, background) -> None:
    errors: list[BaseException] = []
    background.read(lambda ctx: 1 / 0, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=3000)
    assert isinstance(errors[0], ZeroDivisionError)
