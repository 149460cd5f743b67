"""The case page's data and its own tabs: what one load reads (``load_case_page``), the
stage clock against the line's limits (R22), the overview of customer and application with
personal data masked (R37), and the stage history. Kept apart from ``case_page`` (the page,
its header and its moves) so each file reads on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.line_speed import DEFAULT_LIMITS, deadline
from workstation.domain.messages import Message, RuleError
from workstation.domain.stages import FINAL_STAGES, MOVES, Action, Stage
from workstation.services import investigation, loans, pipeline
from workstation.services.context import Context, Session
from workstation.services.loans import LoanView
from workstation.store import codec
from workstation.store.cases import MoveRecord
from workstation.store.users import UserRow
from workstation.ui.common import (
    action_label,
    format_duration,
    format_fen,
    format_time,
    kind_label,
    message_text,
    person_name,
    product_label,
    stage_label,
    translate,
)
from workstation.ui.table_model import HeaderedTableModel

if TYPE_CHECKING:
    from workstation.ui.case_page import CasePage

AnyIndex = QModelIndex | QPersistentModelIndex
SENSITIVE_FIELDS = ("owner_id_number", "owner_phone")


@dataclass(frozen=True)
class CasePageData:
    """What one load of the page read, at one moment (``now`` is the business clock)."""

    detail: pipeline.CaseDetail
    refused: tuple[tuple[Action, RuleError], ...]
    officers: tuple[UserRow, ...]  # who the case could be given to (supervisors only)
    now: datetime
    loan: LoanView | None = None  # the approved loan's figures, once there is one


def load_case_page(ctx: Context, session: Session, case_id: int) -> CasePageData:
    """Everything the page shows, read in one go (runs on the background reader)."""
    detail = pipeline.case_detail(ctx, session, case_id)
    stage = Stage(detail.case.stage)
    officers = (
        tuple(pipeline.assignable_officers(ctx, stage))
        if detail.may_reassign and stage not in FINAL_STAGES
        else ()
    )
    refused = pipeline.refused_actions(detail, session)
    if Action.RECOMMEND in detail.allowed_actions:  # R23: shown refused before terms are typed
        blocking = investigation.leave_problems(ctx, case_id, detail.case.kind)
        if blocking:
            allowed = tuple(a for a in detail.allowed_actions if a != Action.RECOMMEND)
            detail = replace(detail, allowed_actions=allowed)
            refused = ((Action.RECOMMEND, RuleError(blocking[0])), *refused)
    loan = loans.loan_view(ctx, session, case_id) if loans.has_loan(ctx, case_id) else None
    return CasePageData(detail, refused, officers, ctx.clock.now(), loan)


def needs_reason(stage: str, action: Action) -> bool:
    """Whether the line's rule for ``action`` out of ``stage`` asks for a reason."""
    return any(m.source == stage and m.action == action and m.needs_reason for m in MOVES)


def stage_clock(stage: str, entered: str, now: datetime) -> tuple[str, bool]:
    """Time in stage against its limit (R22), as text, and whether the limit is passed."""
    entered_at = datetime.fromisoformat(entered)
    waited = format_duration(now - entered_at)
    limit = DEFAULT_LIMITS.get(Stage(stage))
    due = deadline(Stage(stage), entered_at, DEFAULT_LIMITS)
    if limit is None or due is None:
        return translate("CasePage", "in stage {wait}").format(wait=waited), False
    if limit.working_days:
        limit_text = translate("CasePage", "{n} working day(s)").format(n=limit.working_days)
    else:
        limit_text = translate("CasePage", "{n} h").format(n=limit.hours)
    if now > due:
        return (
            translate("CasePage", "in stage {wait} — limit {limit}, over by {over}").format(
                wait=waited, limit=limit_text, over=format_duration(now - due)
            ),
            True,
        )
    return (
        translate("CasePage", "in stage {wait} of {limit} (due {due})").format(
            wait=waited, limit=limit_text, due=format_time(due.isoformat())
        ),
        False,
    )


def time_in_stages(history: list[MoveRecord], now: datetime) -> list[timedelta | None]:
    """For each move, how long the case stayed in the stage it entered (None: final stage)."""
    spans: list[timedelta | None] = []
    for i, move in enumerate(history):
        start = datetime.fromisoformat(move.at)
        if i + 1 < len(history):
            spans.append(datetime.fromisoformat(history[i + 1].at) - start)
        elif move.to_stage in FINAL_STAGES:
            spans.append(None)
        else:
            spans.append(now - start)
    return spans


class CaseSection(Protocol):
    """A tab of the case page; it is shown each fresh load of the case."""

    def show_case(self, data: CasePageData) -> None: ...


def reason_text(reason: str) -> str:
    """A move's reason in the reader's language: the system stores its reasons as messages
    (a ``codec`` JSON list of ``Message``, see ``services.intake``); what a person typed,
    and every reason stored before, shows as it was written."""
    if not reason.startswith("[{"):
        return reason
    try:
        messages = codec.loads(tuple[Message, ...], reason)
    except (ValueError, TypeError, KeyError, AttributeError):
        return reason
    return translate("HistoryModel", "; ").join(message_text(m) for m in messages)


class HistoryModel(HeaderedTableModel):
    """Every move of the case, oldest first, with how long the case stayed after it."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "When"),
        QT_TRANSLATE_NOOP("HistoryModel", "From"),
        QT_TRANSLATE_NOOP("HistoryModel", "To"),
        QT_TRANSLATE_NOOP("HistoryModel", "Action"),
        QT_TRANSLATE_NOOP("HistoryModel", "By"),
        QT_TRANSLATE_NOOP("HistoryModel", "Reason"),
        QT_TRANSLATE_NOOP("HistoryModel", "Time in stage"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moves: list[MoveRecord] = []
        self._spans: list[timedelta | None] = []
        self._current = -1

    def set_history(self, moves: list[MoveRecord], now: datetime) -> None:
        self.beginResetModel()
        self._moves = list(moves)
        self._spans = time_in_stages(self._moves, now)
        self._current = len(self._moves) - 1
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._moves)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._moves):
            return None
        move, col = self._moves[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), move, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 5 and move.reason:
            return reason_text(move.reason)
        if role == Qt.ItemDataRole.FontRole and index.row() == self._current:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: int, move: MoveRecord, col: int) -> str:
        if col == 0:
            return format_time(move.at)
        if col == 1:
            return stage_label(move.from_stage) if move.from_stage else "—"
        if col == 2:
            return stage_label(move.to_stage)
        if col == 3:
            return action_label(move.action)
        if col == 4:
            return person_name(move.actor_name)
        if col == 5:
            return reason_text(move.reason)
        span = self._spans[row]
        if span is None:
            return "—"
        text = format_duration(span)
        if row == self._current:
            return translate("HistoryModel", "{span} (so far)").format(span=text)
        return text


class OverviewTab(QWidget):
    """Who the customer is and what they asked for; personal data masked (R37)."""

    def __init__(self, page: CasePage) -> None:
        super().__init__(page)
        self._page = page
        self.customer = QGroupBox(self.tr("Customer"))
        self.customer_form = QFormLayout(self.customer)
        self.application = QGroupBox(self.tr("Application"))
        self.application_form = QFormLayout(self.application)
        for form in (self.customer_form, self.application_form):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setHorizontalSpacing(16)
            form.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        self.bank_note = QLabel()
        self.bank_note.setWordWrap(True)
        self.bank_note.setObjectName("bankNote")
        self.bank_note.setStyleSheet(
            "#bankNote { background: #e8f0fe; color: #1a3e72; border-radius: 4px; padding: 6px; }"
        )
        self._build_customer()
        self._build_application()
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.addWidget(self.customer, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.application, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.bank_note, 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _value(self, key: str) -> QLabel:
        label = QLabel()
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setObjectName(key)
        self.values[key] = label
        return label

    def _build_customer(self) -> None:
        form = self.customer_form
        form.addRow(self.tr("Kind"), self._value("kind"))
        form.addRow(self.tr("Business"), self._value("business_name"))
        form.addRow(self.tr("Unified social credit code"), self._value("credit_code"))
        form.addRow(self.tr("Owner"), self._value("owner_name"))
        form.addRow(self.tr("Owner ID number"), self._sensitive_row("owner_id_number"))
        form.addRow(self.tr("Owner phone"), self._sensitive_row("owner_phone"))
        form.addRow(self.tr("Industry"), self._value("industry"))
        form.addRow(self.tr("Region"), self._value("region"))
        form.addRow(self.tr("Platform account"), self._value("platform_account"))
        form.addRow(self.tr("Partner bank"), self._value("partner_bank"))

    def _sensitive_row(self, key: str) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._value(key))
        button = QPushButton(self.tr("Reveal"))
        button.setObjectName(f"reveal_{key}")
        button.setToolTip(self.tr("Show the full value; the reveal is recorded in the audit log"))
        button.clicked.connect(lambda: self._page.reveal(key))
        self.reveal_buttons[key] = button
        box.addWidget(button)
        box.addStretch(1)
        return row

    def _build_application(self) -> None:
        form = self.application_form
        form.addRow(self.tr("Product"), self._value("product"))
        form.addRow(self.tr("Amount asked"), self._value("amount"))
        form.addRow(self.tr("Created"), self._value("created_at"))
        form.addRow(self.tr("Last changed"), self._value("updated"))
        form.addRow(self.tr("Recommended by"), self._value("recommended_by"))

    def show_case(self, data: CasePageData) -> None:
        case, detail = data.detail.case, data.detail
        revealed = self._page.revealed
        none = self.tr("—")
        texts = {
            "kind": kind_label(case.kind),
            "business_name": case.business_name,
            "credit_code": case.credit_code,
            "owner_name": case.owner_name,
            "owner_id_number": revealed.get("owner_id_number") or case.owner_id_number,
            "owner_phone": revealed.get("owner_phone") or case.owner_phone,
            "industry": case.industry,
            "region": case.region,
            "platform_account": case.platform_account or none,
            "partner_bank": case.partner_bank or self.tr("None (not bank-referred)"),
            "product": product_label(case.product),
            "amount": format_fen(case.amount_fen),
            "created_at": format_time(case.created_at),
            "updated": self.tr("{when} by {who}").format(
                when=format_time(case.updated_at), who=person_name(case.updated_by_name)
            )
            if case.updated_by_name
            else format_time(case.updated_at),
            "recommended_by": self._recommender(data) or none,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        for key, button in self.reveal_buttons.items():
            button.setVisible(detail.may_reveal and key not in revealed)
        self.bank_note.setVisible(case.partner_bank is not None)
        self.bank_note.setText(
            self.tr(
                "Referred by {bank}: the partner bank's risk department monitors this loan; "
                "the workstation raises no in-loan warnings of its own (post-loan scoring "
                "still applies)."
            ).format(bank=case.partner_bank or "")
        )

    @staticmethod
    def _recommender(data: CasePageData) -> str:
        for move in reversed(data.detail.history):
            if move.action == Action.RECOMMEND.value:
                return person_name(move.actor_name)
        return ""


class HistoryTab(QWidget):
    """Every move of the case (R21: who, when, why) and the time it spent in each stage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setObjectName("stageTotals")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def show_case(self, data: CasePageData) -> None:
        history = data.detail.history
        self.model.set_history(history, data.now)
        totals: dict[str, timedelta] = {}
        for move, span in zip(history, time_in_stages(history, data.now), strict=True):
            if span is not None:
                totals[move.to_stage] = totals.get(move.to_stage, timedelta()) + span
        parts = [f"{stage_label(stage)} {format_duration(span)}" for stage, span in totals.items()]
        self.totals.setText(
            self.tr("Time per stage: {parts}").format(parts=" · ".join(parts)) if parts else ""
        )
