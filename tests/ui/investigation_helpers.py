"""Opening a case's Investigation tab in the UI tests, with the page shown (the tab reads
its statements when it is on screen)."""

from __future__ import annotations

from pathlib import Path

from tests.services.book import add_case
from workstation.services import uploads
from workstation.services.context import Context, Session
from workstation.ui.case_page import CasePage
from workstation.ui.investigation_tab import InvestigationTab

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
HISTORY = (("application", "rating", "submit"), ("rating", "investigation", "rate"))


def investigated_case(ctx: Context, people: dict[str, Session]) -> int:
    """A platform case in investigation, held by 李调查."""
    return add_case(ctx, "investigation", officer_id=people["li.inv"].user_id, history=HISTORY)


def with_statements(ctx: Context, people: dict[str, Session]) -> int:
    """A case in investigation with the Alipay export and the ICBC statement as a PDF."""
    case_id = investigated_case(ctx, people)
    for name in ("alipay.csv", "icbc.pdf"):
        uploads.upload(ctx, people["li.inv"], case_id, FIXTURES / name)
    return case_id


def open_tab(
    qtbot, ctx: Context, session: Session, background, case_id: int, part: int = 0
) -> tuple[CasePage, InvestigationTab]:
    """The case page shown on its Investigation tab, ``part`` chosen, everything read."""
    page = CasePage(ctx, session, background, case_id)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    qtbot.waitUntil(lambda: page.investigation_tab is not None)
    tab = page.investigation_tab
    assert tab is not None
    page.tabs.setCurrentWidget(tab)
    tab.parts.setCurrentIndex(part)
    page.show()
    qtbot.waitUntil(lambda: tab.read is not None and tab.paperwork.paperwork is not None)
    return page, tab


def reread(qtbot, page: CasePage, tab: InvestigationTab, action) -> None:  # noqa: ANN001
    """Run ``action`` (a write through the page) and wait until the tab has read again."""
    before = tab.read
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        action()
    qtbot.waitUntil(lambda: tab.read is not before, timeout=10_000)


def count(ctx: Context, table: str) -> int:
    return int(ctx.store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
