"""Officer-adjusted R12 figures (R24): what the officer believes after the interview and the
bills, beside what was declared and what the bills rebuilt, with the reason. Every version
is kept; scoring uses the latest. A figure left empty stays as declared, so a field starts
empty unless the last version adjusted it: the rebuilt figure is one click away ("Use
rebuilt"), never typed in silently (a rebuilt growth or margin would change the score)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.application import Financials
from workstation.domain.messages import RuleError
from workstation.domain.rebuild_checks import FigureComparison
from workstation.ui.common import show_refusal, translate
from workstation.ui.intake_fields import parse_percent, parse_yuan, percent_text, yuan_text
from workstation.ui.investigation_text import MISSING_COLOR, MUTED_COLOR
from workstation.ui.paperwork_dialogs import SubmitDialog
from workstation.ui.rebuilt_models import FIGURE_NAMES, figure_text

ADJUSTABLE = ("annual_sales_fen", "operating_cost_fen", "net_profit_margin", "sales_growth")


@dataclass(frozen=True)
class AdjustRequest:
    figures: Financials
    reason: str


Finished = Callable[[BaseException | None], None]


def _value_text(name: str, value: int | Decimal | None) -> str:
    """A figure as the officer types it (yuan, or percent), "" when there is none."""
    if value is None:
        return ""
    return yuan_text(int(value)) if name.endswith("_fen") else percent_text(Decimal(value))


class AdjustDialog(SubmitDialog):
    """One row a figure: declared and rebuilt to read, the adjusted one to type.

    Saving rebuilds the statement and scores the case again, which takes a moment on a
    large statement: ``start(request, finished)`` runs it off the GUI thread and calls
    ``finished(None)`` when done, ``finished(error)`` when refused (the input stays).
    """

    def __init__(
        self,
        comparison: tuple[FigureComparison, ...],
        start: Callable[[AdjustRequest, Finished], None],
        parent: QWidget | None,
    ) -> None:
        super().__init__(lambda _r: None, parent)
        self._start = start
        self.saving = False
        self.setWindowTitle(self.tr("Adjust the R12 figures"))
        by_name = {c.name: c for c in comparison}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for col, title in enumerate(
            (self.tr("Figure"), self.tr("Declared"), self.tr("Rebuilt"), self.tr("Adjusted"))
        ):
            label = QLabel(title)
            label.setStyleSheet("font-weight: 600;")
            grid.addWidget(label, 0, col)
        self.edits: dict[str, QLineEdit] = {}
        self.use_rebuilt: dict[str, QToolButton] = {}
        for row, name in enumerate(ADJUSTABLE, 1):
            found = by_name.get(name)
            grid.addWidget(QLabel(translate("ComparisonModel", FIGURE_NAMES[name])), row, 0)
            grid.addWidget(QLabel(figure_text(name, found.declared if found else None)), row, 1)
            grid.addWidget(QLabel(figure_text(name, found.rebuilt if found else None)), row, 2)
            edit = QLineEdit(_value_text(name, found.adjusted if found else None))
            edit.setObjectName(name)
            rebuilt = _value_text(name, found.rebuilt if found else None)
            unit = self.tr("yuan") if name.endswith("_fen") else self.tr("percent")
            edit.setPlaceholderText(
                self.tr("as declared (rebuilt: {value})").format(value=rebuilt)
                if rebuilt
                else self.tr("as declared ({unit})").format(unit=unit)
            )
            edit.textChanged.connect(self.update_ok)
            self.edits[name] = edit
            grid.addWidget(edit, row, 3)
            if rebuilt:
                take = QToolButton()
                take.setText(self.tr("Use rebuilt"))
                take.setObjectName(f"use_rebuilt_{name}")
                take.setToolTip(self.tr("Type the rebuilt figure into the adjusted one"))
                take.clicked.connect(lambda _=False, e=edit, v=rebuilt: e.setText(v))
                self.use_rebuilt[name] = take
                grid.addWidget(take, row, 4)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(
            self.tr(
                "Required: why these figures (what the interview, the bills or the site showed)"
            )
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.reason.textChanged.connect(self.update_ok)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {MISSING_COLOR};")
        note = QLabel(
            self.tr(
                "Scoring uses the adjusted figures from now on (the case is scored again). A "
                "figure left empty stays as declared; declared and rebuilt are kept as they are."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_COLOR};")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.update_ok()

    def accept(self) -> None:
        request = self.request()
        if request is None or self.saving:
            return
        self._busy(True)
        self._start(request, self._finished)

    def _busy(self, saving: bool) -> None:
        self.saving = saving
        self.buttons.setEnabled(not saving)
        for edit in (*self.edits.values(), self.reason):
            edit.setReadOnly(saving)
        self.problem.setStyleSheet(f"color: {MUTED_COLOR if saving else MISSING_COLOR};")
        self.problem.setText(self.tr("Saving and scoring the case again…") if saving else "")

    def _finished(self, error: BaseException | None) -> None:
        self._busy(False)
        if error is None:
            QDialog.accept(self)
        elif isinstance(error, RuleError):
            show_refusal(self, error)
        else:
            self.problem.setText(self.tr("Not saved: {error}").format(error=error))

    def reject(self) -> None:
        if not self.saving:  # the save in progress finishes; its result must reach the page
            super().reject()

    def request(self) -> AdjustRequest | None:
        self.problem.setText("")
        values: dict[str, int | Decimal | None] = {}
        for name, edit in self.edits.items():
            try:
                values[name] = (
                    parse_yuan(edit.text()) if name.endswith("_fen") else parse_percent(edit.text())
                )
            except ValueError:
                self.problem.setText(
                    self.tr("{figure} is not a number.").format(
                        figure=translate("ComparisonModel", FIGURE_NAMES[name])
                    )
                )
                return None
        reason = self.reason.toPlainText().strip()
        if not reason or all(v is None for v in values.values()):
            return None
        return AdjustRequest(Financials(**values), reason)  # type: ignore[arg-type]
