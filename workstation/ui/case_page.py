"""One case, as an officer works on it: who the customer is, where the case stands on the
line and how long it has waited, its history, and the moves this officer may make now.

Every move goes to the services with the version on screen; a refusal (the rules, or a
colleague who changed the case first) is shown and the page reloads, so the officer always
decides on what is really there. Later issues add tabs (scoring, documents, loan) through
``add_section``.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.stages import LEDGER_MOVES, Action
from workstation.services import pipeline
from workstation.services.context import Context, Session
from workstation.ui import dialogs
from workstation.ui.case_moves import DIALOG_ACTIONS, CaseMoves
from workstation.ui.case_sections import (
    CasePageData,
    CaseSection,
    HistoryTab,
    OverviewTab,
    load_case_page,
    needs_reason,
    stage_clock,
)
from workstation.ui.common import (
    BREACH_COLOR,
    RISK_COLORS,
    action_label,
    message_text,
    risk_label,
    show_refusal,
    stage_label,
)
from workstation.ui.decision_tab import DecisionTab
from workstation.ui.investigation_tab import InvestigationTab, reached_investigation
from workstation.ui.loan_page import LoanTab
from workstation.ui.tasks import Background


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
            if action not in LEDGER_MOVES:  # "nothing is past due" on a sound loan is no news
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
