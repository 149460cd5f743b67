"""GUI-thread cost of the board's refresh, sort, filter and scroll on a big database.

    python bench/bench_gui_thread.py bench/out/cases_1000000_seed20121_schema<hash>.sqlite

For each step: time spent in the call on the GUI thread, in the handlers that receive the
background results, the repaint, and the longest stall of the event loop (a 1 ms timer's
lateness) while the query runs off the GUI thread. Target: no stall over 100 ms.
"""

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from datetime import datetime

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from workstation.services import auth
from workstation.services.context import Context, FixedClock
from workstation.store import users
from workstation.store.db import open_store
from workstation.ui import board as board_mod
from workstation.ui.board import BoardView
from workstation.ui.case_model import COL_AMOUNT, COL_NAME, COL_WAIT, CaseTableModel
from workstation.ui.tasks import Background

app = QApplication([])
store = open_store(sys.argv[1], migrate=False)
ctx = Context(store, FixedClock(datetime.fromisoformat(users.meta_value(store, "demo_built_at"))))
session = auth.log_in(ctx, "wang.sup", "demo1234")
bg = Background(ctx)

# Time every GUI-thread handler that touches the results.
costs: dict[str, list[float]] = {}


def timed(cls, name, label):
    orig = getattr(cls, name)

    def wrapper(self, *a, **k):
        t = time.perf_counter()
        try:
            return orig(self, *a, **k)
        finally:
            costs.setdefault(label, []).append((time.perf_counter() - t) * 1000)

    setattr(cls, name, wrapper)


timed(CaseTableModel, "_deliver", "deliver ids (reset+restore)")
timed(BoardView, "_restore_position", "  of which restore selection")
timed(board_mod.LaneBoard, "show_snapshot", "show snapshot")
timed(CaseTableModel, "_fetch_block", "fetch row block (64)")

gap = {"max": 0.0, "last": None}
clock = QElapsedTimer()
clock.start()


def tick():
    now = clock.nsecsElapsed() / 1e6
    if gap["last"] is not None:
        gap["max"] = max(gap["max"], now - gap["last"])
    gap["last"] = now


probe = QTimer()
probe.setInterval(2)
probe.timeout.connect(tick)
probe.start()

t = time.perf_counter()
w = BoardView(ctx, session, bg)
construct = (time.perf_counter() - t) * 1000
w.resize(1400, 850)
w.show()


def run(label, action):
    costs.clear()
    gap["max"] = 0.0
    gap["last"] = None
    t = time.perf_counter()
    action()
    call = (time.perf_counter() - t) * 1000
    wall0 = time.perf_counter()
    while w.busy:
        app.processEvents()
    t2 = time.perf_counter()
    w.repaint()
    paint = (time.perf_counter() - t2) * 1000
    for _ in range(3):
        app.processEvents()
    wall = (time.perf_counter() - wall0) * 1000
    details = ", ".join(f"{k} {max(v):.1f} ms" for k, v in costs.items())
    print(
        f"{label:28s} call {call:6.1f} ms | repaint {paint:5.1f} ms | "
        f"longest GUI stall {gap['max']:6.1f} ms | result after {wall:6.0f} ms | "
        f"{w.model.rowCount():,} rows | {details}"
    )


print(f"construct BoardView {construct:.1f} ms")
run("first load", lambda: None)
w.table.selectRow(20)
run("refresh", w.refresh)
run("sort by amount", lambda: w.table.sortByColumn(COL_AMOUNT, Qt.SortOrder.DescendingOrder))
run("sort by business name", lambda: w.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder))
run("sort by time in stage", lambda: w.table.sortByColumn(COL_WAIT, Qt.SortOrder.DescendingOrder))
run("lane: investigation", lambda: w.lanes._choose("investigation"))
run("lane: all open", lambda: w.lanes._choose("open"))
run("filter risk red", lambda: w.risk.setCurrentIndex(w.risk.findData("red")))
run("breached only", lambda: w.breached.setChecked(True))
run("clear filters", lambda: (w.breached.setChecked(False), w.risk.setCurrentIndex(0)))
run("search '鑫源'", lambda: (w.search.setText("鑫源"), w._reload_ids()))
run("clear search", lambda: (w.search.setText(""), w._reload_ids()))


def jump():
    sb = w.table.verticalScrollBar()
    sb.setValue(sb.maximum() // 2)


run("scroll to the middle", jump)
run("scroll to the end", lambda: w.table.scrollToBottom())
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
ids_mb = w.model._ids.itemsize * len(w.model._ids) / 1e6
print(f"max RSS {rss_mb:.0f} MB; id list {ids_mb:.1f} MB; cache rows {len(w.model._cache)}")
bg.shutdown()
