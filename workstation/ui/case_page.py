"""One case, as an officer works on it: who the customer is, where the case stands on the
line and how long it has waited, its history, and the moves this officer may make now.

Every move goes to the services with the version on screen; a refusal (the rules, or a
colleague who changed the case first) is shown and the page reloads, so the officer always
decides on what is really there. Later issues add tabs (scoring, documents, loan) through
``add_section``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.line_speed import DEFAULT_LIMITS, deadline
from workstation.domain.messages import RuleError
from workstation.domain.stages import FINAL_STAGES, MOVES, Action, Stage
from workstation.services import loans, pipeline
from workstation.services.context import Context, Session
from workstation.services.loans import LoanView
from workstation.store.cases import MoveRecord
from workstation.store.users import UserRow
from workstation.ui import dialogs
from workstation.ui.case_moves import DIALOG_ACTIONS, CaseMoves
from workstation.ui.common import (
    BREACH_COLOR,
    RISK_COLORS,
    action_label,
    format_duration,
    format_fen,
    format_time,
    kind_label,
    message_text,
    product_label,
    risk_label,
    show_refusal,
    stage_label,
    translate,
)
from workstation.ui.decision_tab import DecisionTab
from workstation.ui.investigation_tab import InvestigationTab, reached_investigation
from workstation.ui.loan_page import LoanTab
from workstation.ui.table_model import HeaderedTableModel
from workstation.ui.tasks import Background

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
            return move.reason
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
            return move.actor_name
        if col == 5:
            return move.reason
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
                when=format_time(case.updated_at), who=case.updated_by_name
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
                return move.actor_name
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


class CasePage(QWidget):
    """A case as a closable tab of the main window."""

    caseChanged = Signal(int)  # noqa: N815 - Qt naming
    loaded = Signal()  # a fresh read of the case is on screen

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._ctx, self._session, self._background = ctx, session, background
        self._data: CasePageData | None = None
        self._generation = 0
        self.revealed: dict[str, str] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        self._sections: list[CaseSection] = []
        self.loan_tab: LoanTab | None = None  # added when the case has an approved loan
        self.investigation_tab: InvestigationTab | None = None  # once it reached investigation
        self.moves = CaseMoves(self)
        self._build()
        self.reload()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self.tr("Case {case}").format(case=self.case_id))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage = QLabel()
        self.stage.setObjectName("stageChip")
        self.clock = QLabel()
        self.risk = QLabel()
        self.tier = QLabel()
        self.officer = QLabel()
        facts = QHBoxLayout()
        for widget in (self.stage, self.clock, self.risk, self.tier, self.officer):
            facts.addWidget(widget)
            facts.addSpacing(14)
        facts.addStretch(1)
        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(8)
        self.notice = QLabel()
        self.notice.setObjectName("refusalNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "#refusalNotice { background: #fff4e5; color: #6b3d00; border: 1px solid #f0c36d;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.notice.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BREACH_COLOR.name()};")
        self.error.hide()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.overview = OverviewTab(self)
        self.history = HistoryTab(self)
        self.decision = DecisionTab(
            self._ctx, self._session, self._background, self.case_id, self._write, self
        )
        self.add_section(self.tr("Overview"), self.overview)
        self.add_section(self.tr("Rating"), self.decision)
        self.add_section(self.tr("Stage history"), self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(facts)
        layout.addLayout(self.actions_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    def add_section(self, title: str, section: QWidget, index: int = -1) -> None:
        """Add a tab (at ``index``, else last); if it has ``show_case(data)`` it is refreshed
        with every load."""
        self.tabs.insertTab(index, section, title)
        if hasattr(section, "show_case"):
            self._sections.append(section)  # type: ignore[arg-type]

    # -- loading --------------------------------------------------------------------------

    @property
    def data(self) -> CasePageData | None:
        """The case as last read, or None before the first load arrives."""
        return self._data

    def reload(self) -> None:
        """Read the case again off the GUI thread; actions wait until it is on screen."""
        self._generation += 1
        generation = self._generation
        self._set_actions_enabled(False)
        session, case_id = self._session, self.case_id
        self._background.read(
            lambda ctx: load_case_page(ctx, session, case_id),
            lambda data: self._arrived(generation, data),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, data: CasePageData) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the tab was closed, or a newer read is on its way
        self._data = data
        self.error.hide()
        self._show_header(data)
        self._show_actions(data)
        if data.loan is not None and self.loan_tab is None:
            self.loan_tab = LoanTab(self._ctx, self._session, self._write, self.reload, self)
            self.add_section(self.tr("Loan"), self.loan_tab, 1)
        if self.investigation_tab is None and reached_investigation(data):
            self.investigation_tab = InvestigationTab(
                self._ctx, self._session, self._background, self.case_id, self._write, self
            )
            at = self.tabs.indexOf(self.decision) + 1
            self.add_section(self.tr("Investigation"), self.investigation_tab, at)
        for section in self._sections:
            section.show_case(data)
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        if isinstance(exc, RuleError):
            self.error.setText(message_text(exc.message))
        else:
            self.error.setText(self.tr("The case could not be read: {error}").format(error=exc))
        self.error.show()
        self.loaded.emit()

    def _show_header(self, data: CasePageData) -> None:
        case = data.detail.case
        self.title.setText(
            self.tr("Case {case} · {business}").format(case=case.id, business=case.business_name)
        )
        self.stage.setText(stage_label(case.stage))
        self.stage.setStyleSheet(
            "#stageChip { background: #37474f; color: white; border-radius: 4px;"
            " padding: 3px 10px; font-weight: bold; }"
        )
        clock_text, breached = stage_clock(case.stage, case.stage_entered_at, data.now)
        self.clock.setText(clock_text)
        self.clock.setStyleSheet(
            f"color: {BREACH_COLOR.name()}; font-weight: bold;" if breached else ""
        )
        color = RISK_COLORS.get(case.risk)
        self.risk.setText(self.tr("Risk: {risk}").format(risk=f"● {risk_label(case.risk)}"))
        self.risk.setStyleSheet(f"color: {color.name()}; font-weight: bold;" if color else "")
        self.tier.setText(self.tr("Tier {tier}").format(tier=case.tier or self.tr("not rated")))
        self.officer.setText(
            self.tr("Officer: {name}").format(name=case.officer_name)
            if case.officer_name
            else self.tr("In the stage queue (unassigned)")
        )

    def _show_actions(self, data: CasePageData) -> None:
        while self.actions_bar.count():
            item = self.actions_bar.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.action_buttons = {}
        detail, stage = data.detail, data.detail.case.stage
        if detail.may_claim:
            self._add_button("claim", self.tr("Claim"), self.claim)
        # Moves forward first; moves that need a reason (decline, send back…) after a gap.
        forward = [a for a in detail.allowed_actions if not needs_reason(stage, a)]
        with_reason = [a for a in detail.allowed_actions if needs_reason(stage, a)]
        for action in forward:
            self._add_button(action.value, action_label(action.value), self._mover(action))
        refusals = []
        for action, error in data.refused:
            button = self._add_button(action.value, action_label(action.value), None)
            button.setEnabled(False)
            button.setToolTip(message_text(error.message))
            refusals.append(f"{action_label(action.value)}: {message_text(error.message)}")
        if with_reason:
            self.actions_bar.addSpacing(24)
        for action in with_reason:
            label = self.tr("{action}…").format(action=action_label(action.value))
            self._add_button(action.value, label, self._mover(action))
        if not self.action_buttons:
            none = QLabel(self.tr("No move is open to you on this case."))
            none.setStyleSheet("color: gray;")
            self.actions_bar.addWidget(none)
        self.actions_bar.addStretch(1)
        if data.officers:
            self._add_button("reassign", self.tr("Reassign…"), self.reassign)
        self.notice.setText("\n".join(refusals))
        self.notice.setVisible(bool(refusals))

    def _add_button(self, key: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"action_{key}")
        if slot is not None:
            button.clicked.connect(slot)
        self.actions_bar.addWidget(button)
        self.action_buttons[key] = button
        return button

    def _mover(self, action: Action) -> Any:
        return lambda: self.perform(action)

    def _set_actions_enabled(self, enabled: bool) -> None:
        refused = {action.value for action, _ in self._data.refused} if self._data else set()
        for key, button in self.action_buttons.items():
            button.setEnabled(enabled and key not in refused)

    # -- actions --------------------------------------------------------------------------

    def perform(self, action: Action) -> bool:
        """Move the case by ``action`` at the version shown; True when it was done (for a
        move that needs its own dialog, recommend, approve and disburse: when it opened)."""
        if self._data is None:
            return False
        if action in DIALOG_ACTIONS:
            return self.moves.perform(action)
        case = self._data.detail.case
        reason = ""
        if needs_reason(case.stage, action):
            asked = dialogs.ask_reason(
                self,
                action_label(action.value),
                self.tr("Why “{action}” for case {case} ({business})?").format(
                    action=action_label(action.value), case=case.id, business=case.business_name
                ),
            )
            if asked is None:
                return False
            reason = asked
        return self._write(
            lambda: pipeline.move_case(
                self._ctx, self._session, case.id, action, case.version, reason
            )
        )

    def claim(self) -> bool:
        """Take the case from the stage queue into this officer's work list."""
        if self._data is None:
            return False
        case = self._data.detail.case
        return self._write(
            lambda: pipeline.claim_case(self._ctx, self._session, case.id, case.version)
        )

    def reassign(self) -> bool:
        """A supervisor gives the case to an officer, or back to the stage queue."""
        if self._data is None:
            return False
        case = self._data.detail.case
        people = [
            dialogs.Assignee(u.id, u.display_name, u.role)
            for u in self._data.officers
            if u.id != case.officer_id
        ]
        choice = dialogs.ask_assignee(
            self, self.tr("Reassign case {case}").format(case=case.id), people
        )
        if choice is None:
            return False
        return self._write(
            lambda: pipeline.reassign_case(
                self._ctx, self._session, case.id, case.version, choice.user_id, choice.reason
            )
        )

    def reveal(self, field: str) -> None:
        """Show one personal field in full (R37); the service audits the reveal."""
        try:
            value = pipeline.reveal_personal_data(self._ctx, self._session, self.case_id, field)
        except RuleError as exc:
            show_refusal(self, exc)
            return
        self.revealed[field] = value
        self.overview.values[field].setText(value)
        self.overview.reveal_buttons[field].hide()

    def _write(self, change: Any) -> bool:
        """Run one service call; reload either way so the screen shows what is stored."""
        try:
            change()
        except RuleError as exc:
            self.reload()
            show_refusal(self, exc)
            return False
        self.reload()
        self.caseChanged.emit(self.case_id)
        return True
