"""The statement of account and the disbursement voucher as PDF (QTextDocument + QPdfWriter).

Both are HTML built from ``LoanView`` in the interface language, set in a CJK font so the
Chinese renders, with the price's annualised rate first and larger (R35).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from workstation.services.loans import DrawView, LoanView
from workstation.ui.common import (
    format_fen,
    format_time,
    person_name,
    product_label,
    stage_label,
    translate,
)
from workstation.ui.loan_models import entry_detail
from workstation.ui.loan_text import (
    annual_text,
    daily_text,
    entry_label,
    months_text,
    plan_label,
)

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimSun",
    "WenQuanYi Micro Hei",
)
_CSS = """
body { font-size: 9pt; }
h1 { font-size: 15pt; margin-bottom: 2px; }
h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }
table.grid { border-collapse: collapse; }
table.grid { font-size: 8pt; }
table.grid th { background: #eceff1; font-weight: 600; padding: 3px 5px; text-align: left; }
table.grid td { padding: 2px 5px; border-bottom: 1px solid #cfd8dc; white-space: nowrap; }
table.grid td.wrap { white-space: normal; }
th.num, td.num { text-align: right; }
.muted { color: #546e7a; }
.annual { font-size: 16pt; font-weight: 600; color: #0d47a1; }
"""


def cjk_family() -> str | None:
    """The first installed font that has the Chinese glyphs, or None."""
    installed = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in installed), None)


def _document(document_html: str) -> QTextDocument:
    document = QTextDocument()
    family = cjk_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(_CSS)
    document.setHtml(document_html)
    return document


def write_pdf(document_html: str, path: Path, title: str) -> Path:
    """Lay ``document_html`` out on A4 and write it to ``path``."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Credit workstation")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # QTextDocument.print_ keeps its own 2 cm margin round the page; add none here.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    _document(document_html).print_(writer)
    return path


def print_document(document_html: str, printer: QPrinter) -> None:
    """The same page, on a printer the user chose (A4, the document's own margins)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    _document(document_html).print_(printer)


def _esc(value: object) -> str:
    return html.escape(str(value))


def _price(view: LoanView) -> str:
    rate = view.terms.daily_rate
    return (
        f"<span class='annual'>{_esc(annual_text(rate))}</span>&nbsp;&nbsp;"
        f"<span class='muted'>{_esc(daily_text(rate))}</span>"
    )


def _pairs(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td class='muted' valign='middle'>{_esc(k)}</td>"
        f"<td valign='middle'><b>{v}</b></td></tr>"
        for k, v in rows
    )
    return f"<table cellspacing='0' cellpadding='3'>{cells}</table>"


def _grid(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: set[int],
    wrap: int | None = None,
) -> str:
    """A table; ``numeric`` columns align right, only column ``wrap`` may break lines."""

    def cls(i: int) -> str:
        return "num" if i in numeric else "wrap" if i == wrap else ""

    head = "".join(f"<th class='{cls(i)}'>{_esc(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>"
        + "".join(f"<td class='{cls(i)}'>{_esc(c)}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table class='grid' width='100%' cellspacing='0'><tr>{head}</tr>{body}</table>"


def _heading(title: str, view: LoanView, printed: datetime) -> str:
    return (
        f"<h1>{_esc(title)}</h1>"
        f"<p>{_esc(view.business_name)} · "
        + _esc(translate("LoanPdf", "Case {case}").format(case=view.case_id))
        + " · "
        + _esc(translate("LoanPdf", "printed {when}").format(when=format_time(printed.isoformat())))
        + "</p>"
    )


def _terms(view: LoanView) -> list[tuple[str, str]]:
    terms = view.terms
    return [
        (translate("LoanPdf", "Price"), _price(view)),
        (translate("LoanPdf", "Product"), _esc(product_label(terms.product))),
        (translate("LoanPdf", "Limit"), _esc(format_fen(terms.limit_fen))),
        (translate("LoanPdf", "Repayment plan"), _esc(plan_label(terms.plan.value))),
        (
            translate("LoanPdf", "Limit period"),
            _esc(f"{view.opened_on.isoformat()} — {view.available_until.isoformat()}"),
        ),
    ]


def _schedule_table(draw: DrawView) -> str:
    return _grid(
        [
            translate("LoanPdf", "No."),
            translate("LoanPdf", "Due date"),
            translate("LoanPdf", "Principal"),
            translate("LoanPdf", "Interest"),
            translate("LoanPdf", "Total"),
        ],
        (
            (
                str(i.number),
                i.due_on.isoformat(),
                format_fen(i.principal_fen),
                format_fen(i.interest_fen),
                format_fen(i.total_fen),
            )
            for i in draw.schedule
        ),
        {2, 3, 4},
    )


def statement_html(view: LoanView, printed: datetime) -> str:
    """The statement of account: terms, balances to the day, draws, the ledger."""
    due = (
        translate("LoanPdf", "{amount}, the amount due on {day}").format(
            amount=format_fen(view.next_due_fen), day=view.next_due_on.isoformat()
        )
        if view.next_due_on
        else "—"
    )
    overdue = (
        translate("LoanPdf", "{days} days past due ({cls})").format(
            days=view.days_past_due, cls=view.overdue_class
        )
        if view.days_past_due
        else translate("LoanPdf", "none")
    )
    refund = format_fen(view.refund_fen)
    balances = [
        (translate("LoanPdf", "Stage"), _esc(stage_label(view.stage))),
        (translate("LoanPdf", "Drawn in all"), _esc(format_fen(view.drawn_fen))),
        (translate("LoanPdf", "Available"), _esc(format_fen(view.available_fen))),
        (translate("LoanPdf", "Outstanding principal"), _esc(format_fen(view.principal_fen))),
        (
            translate("LoanPdf", "Interest (posted unpaid + accruing)"),
            _esc(format_fen(view.interest_unpaid_fen + view.interest_accrued_fen)),
        ),
        (
            translate("LoanPdf", "Penalty (posted unpaid + accruing)"),
            _esc(format_fen(view.penalty_unpaid_fen + view.penalty_accrued_fen)),
        ),
        (translate("LoanPdf", "Credit held"), _esc(format_fen(view.credit_fen))),
        *(
            [(translate("LoanPdf", "Credit beyond all owed, to give back"), _esc(refund))]
            if view.refund_fen
            else []
        ),
        (translate("LoanPdf", "Total to settle today"), _esc(format_fen(view.total_owed_fen))),
        (translate("LoanPdf", "Next due"), _esc(due)),
        (translate("LoanPdf", "Overdue"), _esc(overdue)),
    ]
    draws = _grid(
        [
            translate("LoanPdf", "Draw"),
            translate("LoanPdf", "Drawn on"),
            translate("LoanPdf", "Amount"),
            translate("LoanPdf", "Term"),
            translate("LoanPdf", "Matures"),
            translate("LoanPdf", "Principal left"),
        ],
        (
            (
                d.terms.draw_id,
                d.terms.drawn_on.isoformat(),
                format_fen(d.terms.amount_fen),
                months_text(d.terms.term_months),
                d.terms.matures_on.isoformat(),
                format_fen(d.principal_fen),
            )
            for d in view.draws
        ),
        {2, 5},
    )
    ledger = _grid(
        [
            translate("LoanPdf", "No."),
            translate("LoanPdf", "Date"),
            translate("LoanPdf", "Kind"),
            translate("LoanPdf", "Amount"),
            translate("LoanPdf", "Detail"),
            translate("LoanPdf", "Principal after"),
            translate("LoanPdf", "Interest after"),
            translate("LoanPdf", "Penalty after"),
        ],
        (
            (
                str(r.entry.seq),
                r.entry.on.isoformat(),
                entry_label(r.entry),
                format_fen(r.entry.amount_fen),
                entry_detail(r),
                format_fen(r.principal_fen),
                format_fen(r.interest_fen),
                format_fen(r.penalty_fen),
            )
            for r in view.ledger
        ),
        {3, 5, 6, 7},
        wrap=4,
    )
    balances_title = translate("LoanPdf", "Balances")
    draws_title = translate("LoanPdf", "Draws")
    ledger_title = translate("LoanPdf", "Ledger")
    as_of = translate("LoanPdf", "Balances at the close of {day}.").format(
        day=view.as_of.isoformat()
    )
    return (
        _heading(translate("LoanPdf", "Statement of account"), view, printed)
        + _pairs(_terms(view))
        + f"<h2>{_esc(balances_title)}</h2><p class='muted'>{_esc(as_of)}</p>"
        + _pairs(balances)
        + f"<h2>{_esc(draws_title)}</h2>"
        + draws
        + f"<h2>{_esc(ledger_title)}</h2>"
        + ledger
    )


def voucher_html(view: LoanView, draw: DrawView, by_name: str, printed: datetime) -> str:
    """The disbursement voucher of one draw: what was lent, at what price, due when."""
    terms = draw.terms
    rows = [
        (translate("LoanPdf", "Draw"), _esc(terms.draw_id)),
        (translate("LoanPdf", "Drawn on"), _esc(terms.drawn_on.isoformat())),
        (
            translate("LoanPdf", "Amount"),
            f"<span style='font-size:13pt'>{_esc(format_fen(terms.amount_fen))}</span>",
        ),
        (translate("LoanPdf", "Price"), _price(view)),
        (translate("LoanPdf", "Term"), _esc(months_text(terms.term_months))),
        (translate("LoanPdf", "Repayment plan"), _esc(plan_label(terms.plan.value))),
        (translate("LoanPdf", "Falls due on"), _esc(terms.matures_on.isoformat())),
        (translate("LoanPdf", "Product"), _esc(product_label(view.terms.product))),
        (translate("LoanPdf", "Approved limit"), _esc(format_fen(view.terms.limit_fen))),
        (translate("LoanPdf", "Disbursed by"), _esc(person_name(by_name) or "—")),
    ]
    note = translate(
        "LoanPdf",
        "Interest runs from the day after the draw on the principal outstanding; early "
        "repayment costs no fee. Overdue principal bears penalty interest at 1.5 times the "
        "daily rate.",
    )
    schedule_title = translate("LoanPdf", "Schedule, if kept to plan")
    signatures_title = translate("LoanPdf", "Signatures")
    finance = _esc(translate("LoanPdf", "Finance"))
    customer = _esc(translate("LoanPdf", "Customer"))
    signatures = (
        "<table class='grid' width='100%' cellspacing='0'><tr>"
        f"<th width='50%'>{finance}</th><th>{customer}</th></tr>"
        "<tr><td height='60'></td><td></td></tr></table>"
    )
    return (
        _heading(translate("LoanPdf", "Disbursement voucher"), view, printed)
        + _pairs(rows)
        + f"<h2>{_esc(schedule_title)}</h2>"
        + _schedule_table(draw)
        + f"<p class='muted'>{_esc(note)}</p>"
        + f"<h2>{_esc(signatures_title)}</h2>"
        + signatures
    )


def draw_disbursed_by(view: LoanView, draw_id: str) -> str:
    """Who recorded the draw's ledger row."""
    return next(
        (r.by_name for r in view.ledger if r.entry.draw_id == draw_id and r.entry.kind == "draw"),
        "",
    )
