"""The intake form: an investigator fills an application while talking to the owner.

Sections follow the talk: who the business and its owner are (R1), what they ask for
(R3-R5), the last 12 months' figures (R12), what the platform holds on them (R13), the legal
checklist (R18) and the owner's consent (R37). The domain's ``validate_application`` runs
200 ms after the last keystroke and every problem is marked on its field and listed below,
in the user's language. Empty figures are None (not supplied), never 0.

Save draft keeps whatever is there (an amount no one could mean excepted); Submit for rating
needs the consent and no error. A refusal by a rule is shown and the form keeps what the
officer typed; when someone else saved the case first, the form offers to read it again (the
officer's edits are lost, and the question says so) or to keep editing.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.application import (
    Application,
    Business,
    Consent,
    CustomerKind,
    Financials,
    PlatformData,
    Problem,
    Product,
    Severity,
    validate_application,
)
from workstation.domain.approval import LoanTerms
from workstation.domain.decision import Outcome
from workstation.domain.limits import (
    OFF_PLATFORM_CAP_FEN,
    PLATFORM_CAP_FEN,
    LegalReview,
)
from workstation.domain.messages import Message, RuleError
from workstation.domain.stages import Stage
from workstation.services import rating
from workstation.services.context import Context, Session
from workstation.services.intake import MAX_AMOUNT_FEN, StaleDraft
from workstation.ui.common import (
    BREACH_COLOR,
    RISK_COLORS,
    format_fen,
    message_text,
    product_label,
    show_refusal,
)
from workstation.ui.intake_fields import (
    Figure,
    FigureEdit,
    OrdersTable,
    plain,
)
from workstation.ui.intake_sections import IntakeSections
from workstation.ui.loan_text import months_text, plan_label, rate_text
from workstation.ui.tasks import Background

VALIDATE_DELAY_MS = 200
MASKED_FIELDS = ("business.owner_id_number", "business.owner_phone")
WARNING_COLOR = RISK_COLORS["amber"]
PROBLEM_STYLE = (
    f'*[problem="error"] {{ border: 2px solid {BREACH_COLOR.name()}; border-radius: 3px; }}'
    f'*[problem="warning"] {{ border: 2px solid {WARNING_COLOR.name()}; border-radius: 3px; }}'
)

# A found problem: (field path, text in the user's language, severity).
Found = tuple[str, str, Severity]


def _parent_keys(key: str) -> list[str]:
    """``key`` and the paths that contain it: a.b.1.c -> a.b.1.c, a.b.1, a.b, a."""
    parts = key.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _row_number(key: str) -> int | None:
    """The 1-based row a path names (``platform.orders.2.amount_fen`` -> 3), if any."""
    match = re.search(r"\.(\d+)(\.|$)", key)
    return int(match.group(1)) + 1 if match else None


# The platform figures (R13) the form shows as plain numbers, in PlatformData's field names.
PLATFORM_FIGURES = (
    "order_count",
    "inventory_turnover",
    "complaints",
    "seller_dsr",
    "active_days_per_month",
    "login_days_per_month",
    "advertising_fen_per_month",
    "community_posts_per_month",
    "favourites",
    "positive_review_rate",
)


class IntakeDialog(IntakeSections):
    """A new application, or a draft reopened (``case_id``), as one form.

    ``submitted(case_id)`` follows a rating; ``saved(case_id)`` every stored draft, so the
    window can read the board again.
    """

    submitted = Signal(int)
    saved = Signal(int)

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self.case_id = case_id
        self.version: int | None = None
        self.dirty = False
        self.outcome_text = ""
        self.problems: list[Found] = []
        self._marked: dict[QWidget, str] = {}  # widget -> its own tooltip, put back on clear
        self._masked: dict[str, str] = {}  # masked personal data as loaded (R37)
        self._consent_recorded: Consent | None = None
        self._loading = False
        self.setObjectName("IntakeDialog")
        self.setStyleSheet(PROBLEM_STYLE)
        self.setSizeGripEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self._build()
        self._set_title()
        self.resize(1180, 860)
        self._kind_switched()
        if case_id is not None:
            self._load(case_id)
        else:
            self.validate_now()
        self.business_name.setFocus()

    # ---- building ------------------------------------------------------------------------

    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self._business_box())
        left.addWidget(self._loan_box())
        left.addWidget(self._legal_box())
        left.addWidget(self._consent_box())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._financials_box())
        right.addWidget(self._activity_box())
        right.addWidget(self._platform_box())
        right.addStretch(1)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        inner = QWidget()
        inner.setLayout(grid)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)

        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setMaximumHeight(110)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self.problem_title = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.save_button = QPushButton(self.tr("&Save draft"))
        self.save_button.setToolTip(self.tr("Keep what is filled in, errors and all (Ctrl+S)"))
        self.submit_button = QPushButton(self.tr("Submit for &rating"))
        self.submit_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._submit_if_ready)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.save_button, self.submit_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.problem_title)
        layout.addWidget(self.problem_list)
        layout.addLayout(buttons)
        for first, second in zip(self._chain, self._chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if self._chain:
            QWidget.setTabOrder(self._chain[-1], self.save_button)
        QWidget.setTabOrder(self.save_button, self.submit_button)
        QWidget.setTabOrder(self.submit_button, self.cancel_button)

    def _set_title(self) -> None:
        if self.case_id is None:
            self.setWindowTitle(self.tr("New application"))
        else:
            self.setWindowTitle(self.tr("Application — case {id}").format(id=self.case_id))

    # ---- kind: which sections show -----------------------------------------------------------

    @property
    def kind(self) -> CustomerKind:
        if self.platform_radio.isChecked():
            return CustomerKind.PLATFORM
        return CustomerKind.OFF_PLATFORM

    def _set_row_visible(self, key: str, visible: bool) -> None:
        form, container = self._rows[key]
        form.setRowVisible(container, visible)

    def _kind_switched(self) -> None:
        platform = self.kind == CustomerKind.PLATFORM
        self._set_row_visible("business.platform_account", platform)
        self._set_row_visible("business.partner_bank", not platform)
        self._set_row_visible("financials.platform_share_of_sales", platform)
        self._set_row_visible("financials.top_customers", platform)
        self.platform_box.setVisible(platform)
        self.activity_box.setVisible(not platform)
        model = self.product.model()
        for row in range(self.product.count()):
            order_based = self.product.itemData(row) != Product.CREDIT.value
            model.item(row).setEnabled(platform or not order_based)  # type: ignore[attr-defined]
        if not platform and self.product.currentData() != Product.CREDIT.value:
            self.product.setCurrentIndex(self.product.findData(Product.CREDIT.value))
        cap = PLATFORM_CAP_FEN if platform else OFF_PLATFORM_CAP_FEN
        self.cap_note.setText(self.tr("at most {cap}").format(cap=format_fen(cap)))
        self._changed()

    # ---- the form as an Application ------------------------------------------------------

    def _value(self, key: str, local: list[Found]) -> Any:
        """The figure at ``key``; a text that is no number yet is a local problem, and None."""
        edit = self.fields[key]
        assert isinstance(edit, FigureEdit)
        try:
            return edit.value()
        except ValueError:
            local.append(
                (key, self.tr("Not a number: {text}").format(text=edit.text()), Severity.ERROR)
            )
            return None

    def _amount(self, local: list[Found]) -> int:
        """The amount asked for, in fen; 0 until given. A negative or absurd amount is said
        here, on the field (the sign is never dropped, the store never overflows)."""
        fen = self._value("amount_fen", local) or 0
        if fen < 0:
            local.append(
                (
                    "amount_fen",
                    self.tr("A negative amount is not accepted: give the amount asked for."),
                    Severity.ERROR,
                )
            )
        elif fen > MAX_AMOUNT_FEN:
            local.append(
                (
                    "amount_fen",
                    self.tr(
                        "Far more than any customer may borrow (at most {cap}): check for a typo."
                    ).format(cap=format_fen(PLATFORM_CAP_FEN)),
                    Severity.ERROR,
                )
            )
        return fen

    def _personal(self, key: str, edit: QLineEdit, local: list[Found]) -> str:
        """ID number or phone; a masked value sent back unchanged means "keep" (R37)."""
        text = edit.text().strip()
        if "*" in text and text != self._masked.get(key):
            local.append(
                (
                    key,
                    self.tr("Type the whole number again, or undo the change to keep it."),
                    Severity.ERROR,
                )
            )
        return text

    def read_form(self) -> tuple[Application, list[Found]]:
        """The Application the form shows now, and what the form itself could not read."""
        local: list[Found] = []
        platform = self.kind == CustomerKind.PLATFORM
        business = Business(
            kind=self.kind,
            business_name=self.business_name.text().strip(),
            credit_code=self.credit_code.text().strip().upper(),
            owner_name=self.owner_name.text().strip(),
            owner_id_number=self._personal(
                "business.owner_id_number", self.owner_id, local
            ).upper(),
            owner_phone=self._personal("business.owner_phone", self.owner_phone, local),
            industry=self.industry.text(),
            region=self.region.text(),
            platform_account=(self.platform_account.text().strip() or None) if platform else None,
            partner_bank=None if platform else (self.partner_bank.text() or None),
        )
        app = Application(
            business=business,
            product=Product(self.product.currentData()),
            # The one figure the record cannot leave out: 0 until given (the rules refuse 0).
            amount_fen=self._amount(local),
            term_months=self.term.value(),
            financials=self._financials(platform, local),
            platform=self._platform(local) if platform else PlatformData(),
            consent=self._consent(),
            legal=LegalReview(**{name: c.isChecked() for name, c in self.legal.items()}),
            active_days_per_month=None if platform else self._value("active_days_per_month", local),
            positive_review_rate=None if platform else self._value("positive_review_rate", local),
        )
        return app, local

    def _financials(self, platform: bool, local: list[Found]) -> Financials:
        f = "financials."
        names = (
            "annual_sales_fen",
            "operating_cost_fen",
            "net_profit_margin",
            "inventory_fen",
            "total_assets_fen",
            "total_liabilities_fen",
            "accounts_receivable_fen",
            "sales_growth",
        )
        values = {name: self._value(f + name, local) for name in names}
        if not platform:
            return Financials(**values)
        customers, bad = self.top_customers.customers()
        for row, column in bad:
            local.append(
                (
                    f"{f}top_customers.{row}.{column}",
                    self.tr("A named customer needs the years and the share."),
                    Severity.ERROR,
                )
            )
        return Financials(
            **values,
            platform_share_of_sales=self._value(f + "platform_share_of_sales", local),
            top_customers=customers,
        )

    def _platform(self, local: list[Found]) -> PlatformData:
        p = "platform."
        orders, bad = self.orders.orders()
        for row, column in bad:
            text = (
                self.tr("Give the order's amount in yuan, e.g. 1280.50.")
                if column == "amount"
                else self.tr("Give the order number.")
            )
            local.append((f"{p}orders.{row}.{column}", text, Severity.ERROR))
        names = PLATFORM_FIGURES
        return PlatformData(
            **{name: self._value(p + name, local) for name in names},
            seller_level=self.seller_level.text() or None,
            certified=self.certified.value(),
            orders=orders,
        )

    def _consent(self) -> Consent:
        if self._consent_recorded is not None and self._consent_recorded.given:
            return self._consent_recorded
        given = self.consent.isChecked()
        return Consent(given=given, method=self.consent_method.currentData() if given else "")

    # ---- loading a draft -------------------------------------------------------------------

    def _load(self, case_id: int) -> None:
        """Read the draft off the GUI thread; the form waits, disabled, until it is here."""
        self.scroll.setEnabled(False)
        self._set_buttons(False)
        self.status.setText(self.tr("Reading case {id}…").format(id=case_id))
        ctx_session = self._session

        def read(ctx: Context) -> tuple[Application, int]:
            return rating.load_application(ctx, ctx_session, case_id)

        self._background.read(read, self._arrived, self._load_failed)

    def _arrived(self, loaded: tuple[Application, int]) -> None:
        app, version = loaded
        self.set_application(app)
        self.version = version
        self.scroll.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.setText("")
        self.validate_now()

    def _load_failed(self, error: BaseException) -> None:
        self.status.setText("")
        if isinstance(error, RuleError):
            show_refusal(self, error)
        else:
            QMessageBox.critical(
                self,
                self.windowTitle(),
                self.tr("The application could not be read: {error}").format(error=error),
            )
        self.dirty = False
        self.reject()

    def set_application(self, app: Application) -> None:
        """Show ``app`` in the form; masked personal data stays masked until re-typed."""
        self._loading = True
        try:
            self._show_business(app)
            self.product.setCurrentIndex(max(0, self.product.findData(app.product.value)))
            self.amount.set_value(app.amount_fen or None)
            self.term.setValue(app.term_months)
            self._show_financials(app)
            self._show_platform(app.platform)
            self.off_active_days.set_value(app.active_days_per_month)
            self.off_reviews.set_value(app.positive_review_rate)
            for name, check in self.legal.items():
                check.setChecked(bool(getattr(app.legal, name)))
            self._show_consent(app.consent)
        finally:
            self._loading = False
        self.dirty = False

    def _show_business(self, app: Application) -> None:
        b = app.business
        (
            self.platform_radio if b.kind == CustomerKind.PLATFORM else self.off_platform_radio
        ).setChecked(True)
        self.business_name.setText(b.business_name)
        self.credit_code.setText(b.credit_code)
        self.owner_name.setText(b.owner_name)
        self._masked = {}
        for key, edit, value in (
            ("business.owner_id_number", self.owner_id, b.owner_id_number),
            ("business.owner_phone", self.owner_phone, b.owner_phone),
        ):
            edit.setText(value)
            if "*" in (value or ""):
                self._masked[key] = value
                edit.setToolTip(self.tr("Masked: type the whole number to change it."))
        self.industry.setText(b.industry)
        self.region.setText(b.region)
        self.platform_account.setText(b.platform_account or "")
        self.partner_bank.setText(b.partner_bank or "")

    def _show_financials(self, app: Application) -> None:
        fin = app.financials
        for name in (
            "annual_sales_fen",
            "operating_cost_fen",
            "net_profit_margin",
            "inventory_fen",
            "total_assets_fen",
            "total_liabilities_fen",
            "accounts_receivable_fen",
            "sales_growth",
            "platform_share_of_sales",
        ):
            self.fields[f"financials.{name}"].set_value(getattr(fin, name))  # type: ignore
        self.top_customers.set_customers(fin.top_customers)

    def _show_platform(self, data: PlatformData) -> None:
        for name in PLATFORM_FIGURES:
            self.fields[f"platform.{name}"].set_value(getattr(data, name))  # type: ignore
        self.seller_level.setText(data.seller_level or "")
        self.certified.set_value(data.certified)
        self.orders.set_orders(data.orders)

    def _show_consent(self, consent: Consent) -> None:
        self._consent_recorded = consent if consent.given else None
        self.consent.setChecked(consent.given)
        if consent.method and self.consent_method.findData(consent.method) < 0:
            self.consent_method.addItem(consent.method, consent.method)
        if consent.method:
            self.consent_method.setCurrentIndex(self.consent_method.findData(consent.method))
        self.consent.setEnabled(not consent.given)
        self.consent_method.setEnabled(False)
        self.consent_note.setText(
            self.tr("Recorded {when}.").format(when=(consent.recorded_at or "").replace("T", " "))
            if consent.given
            else ""
        )

    # ---- validation as the officer types -------------------------------------------------

    def _changed(self, *_: Any) -> None:
        if self._loading:
            return
        self.dirty = True
        self._timer.start()

    def validate_now(self) -> list[Found]:
        """Run the rules on the form as it is; mark the fields and list the problems."""
        self._timer.stop()
        app, local = self.read_form()
        untouched = {k for k, v in self._masked.items() if self.fields[k].text().strip() == v}
        found = list(local)
        local_keys = {key for key, _, _ in local}
        for problem in validate_application(app):
            if problem.field in untouched or problem.field in local_keys:
                continue  # masked as loaded: checked when stored; unreadable: said already
            found.append((problem.field, self._problem_text(problem), problem.severity))
        self.problems = found
        self._mark(found)
        self._list(found)
        self._update_submit()
        return found

    def _problem_text(self, problem: Problem) -> str:
        """The rule's message; bounds of a ratio typed as percent are said in percent."""
        widget = self.fields.get(problem.field)
        params = dict(problem.message.params)
        if not (isinstance(widget, FigureEdit) and widget.kind == Figure.PERCENT):
            return message_text(problem.message)
        for name in ("low", "high"):
            if name in params:
                params[name] = plain(Decimal(str(params[name])) * 100) + "%"
        return message_text(Message.of(problem.message.template, **params))

    def has_errors(self) -> bool:
        return any(severity == Severity.ERROR for _, _, severity in self.problems)

    def widget_for(self, key: str) -> QWidget | None:
        for candidate in _parent_keys(key):
            if candidate in self.fields:
                return self.fields[candidate]
        return None

    def label_for(self, key: str) -> str:
        for candidate in _parent_keys(key):
            if candidate in self.labels:
                label = self.labels[candidate]
                row = _row_number(key)
                if row is not None:
                    return self.tr("{field}, row {row}").format(field=label, row=row)
                return label
        return key

    def _mark(self, found: list[Found]) -> None:
        for widget, tooltip in self._marked.items():
            widget.setProperty("problem", None)
            widget.setToolTip(tooltip)
            self._repolish(widget)
        self._marked = {}
        texts: dict[QWidget, list[str]] = {}
        worst: dict[QWidget, Severity] = {}
        for key, text, severity in found:
            widget = self.widget_for(key)
            if widget is None:
                continue
            target = widget.table if isinstance(widget, OrdersTable) else widget
            texts.setdefault(target, []).append(text)
            if worst.get(target) != Severity.ERROR:
                worst[target] = severity
        self._mark_orders(found)
        for widget, lines in texts.items():
            self._marked[widget] = widget.toolTip() if widget not in self._marked else ""
            widget.setProperty("problem", worst[widget].value)
            widget.setToolTip("\n".join(lines))
            self._repolish(widget)

    def _mark_orders(self, found: list[Found]) -> None:
        """An order's amount or number with a problem is tinted in its cell, too."""
        columns = {"order_no": 0, "amount": 1, "amount_fen": 1}
        cells: dict[tuple[int, int], str] = {}
        for key, text, _ in found:
            parts = key.split(".")
            if len(parts) == 4 and parts[:2] == ["platform", "orders"] and parts[3] in columns:
                cells[(int(parts[2]), columns[parts[3]])] = text
        self.orders.mark_cells(cells)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()

    def _list(self, found: list[Found]) -> None:
        self.problem_list.clear()
        errors = sum(1 for _, _, s in found if s == Severity.ERROR)
        warnings = len(found) - errors
        for key, text, severity in sorted(found, key=lambda f: f[2] != Severity.ERROR):
            item = QListWidgetItem(
                self.tr("{field}: {problem}").format(field=self.label_for(key), problem=text)
            )
            item.setData(Qt.ItemDataRole.UserRole, key)
            color = BREACH_COLOR if severity == Severity.ERROR else QColor(WARNING_COLOR)
            item.setForeground(color)
            self.problem_list.addItem(item)
        if not found:
            self.problem_title.setText(self.tr("No problems found."))
        else:
            self.problem_title.setText(
                self.tr("{errors} error(s) to correct, {warnings} warning(s) to check:").format(
                    errors=errors, warnings=warnings
                )
            )
        self.problem_list.setVisible(bool(found))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        widget = self.widget_for(str(item.data(Qt.ItemDataRole.UserRole)))
        if widget is not None and widget.isVisible():
            self.scroll.ensureWidgetVisible(widget)
            widget.setFocus()

    def _update_submit(self) -> None:
        consent = self.consent.isChecked()
        self.submit_button.setEnabled(consent and not self.has_errors())
        if not consent:
            self.submit_button.setToolTip(self.tr("Record the owner's consent first."))
        elif self.has_errors():
            self.submit_button.setToolTip(self.tr("Correct the errors listed below first."))
        else:
            self.submit_button.setToolTip(self.tr("Score the application and decide (Ctrl+Enter)"))

    def _set_buttons(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        if enabled:
            self._update_submit()
        else:
            self.submit_button.setEnabled(False)

    # ---- saving and submitting -------------------------------------------------------------

    def _store(self) -> bool:
        """Save what the form holds (new case or update at the version shown)."""
        app, _ = self.read_form()
        ctx, session = self._ctx, self._session
        try:
            saved: object = None
            if self.case_id is None:
                self.case_id = rating.new_application(ctx, session, app)
                self._set_title()
            else:
                saved = rating.update_application(ctx, session, self.case_id, app, self.version)
            if isinstance(saved, int):  # the version this save made: never someone else's
                self.version = saved
            else:  # a service that does not say: read it back
                _, self.version = rating.load_application(ctx, session, self.case_id)
        except StaleDraft as error:
            self._stale(error)
            return False
        except RuleError as error:
            show_refusal(self, error)
            return False
        self.dirty = False
        self.saved.emit(self.case_id)
        return True

    def _stale(self, error: RuleError) -> None:
        """Someone else saved the case after this form read it: nothing was saved. Offer to
        read the case as it is now (this form's edits are lost, and the question says so) or
        to keep editing (the edits stay on screen, but cannot be saved over the newer case)."""
        answer = QMessageBox.question(
            self,
            self.tr("Changed by someone else"),
            "\n\n".join(
                (
                    message_text(error.message),
                    self.tr("Reload the case as it is now? The changes in this form will be lost."),
                    self.tr(
                        "No: keep editing. Your changes stay on screen but cannot be saved "
                        "until the case is reloaded; note what you need first."
                    ),
                )
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self.case_id is not None:
            self.dirty = False
            self._load(self.case_id)
        else:
            self.status.setText(
                self.tr("Not saved: case {id} was changed by someone else.").format(id=self.case_id)
            )

    def save_draft(self) -> bool:
        """Keep what is there, errors and all; True when stored."""
        if not self._store():
            return False
        self.status.setText(self.tr("Saved as a draft: case {id}.").format(id=self.case_id))
        return True

    def submit(self) -> bool:
        """Save, record the consent (R37), rate; show the outcome and say ``submitted``."""
        self.validate_now()
        if self.has_errors() or not self.consent.isChecked():
            return False
        if not self._store():
            return False
        assert self.case_id is not None
        ctx, session, case_id = self._ctx, self._session, self.case_id
        try:
            if self._consent_recorded is None:
                recorded: object = rating.record_consent(
                    ctx, session, case_id, self.consent_method.currentData(), self.version
                )
                app, version = rating.load_application(ctx, session, case_id)
                self.version = recorded if isinstance(recorded, int) else version
                self._consent_recorded = app.consent
            stored = rating.submit_application(ctx, session, case_id, self.version)
        except StaleDraft as error:
            self._stale(error)
            return False
        except RuleError as error:
            show_refusal(self, error)
            return False
        self.outcome_text = self.describe(stored)
        declined = stored.decision.outcome == Outcome.DECLINE
        approved = getattr(stored, "stage", None) == Stage.DISBURSEMENT.value
        title = (self.tr("Case {id} approved") if approved else self.tr("Case {id} rated")).format(
            id=case_id
        )
        if declined:
            QMessageBox.warning(self, title, self.outcome_text)
        else:
            QMessageBox.information(self, title, self.outcome_text)
        self.submitted.emit(case_id)
        self.accept()
        return True

    def _submit_if_ready(self) -> None:
        if self.submit_button.isEnabled():
            self.submit()

    def describe(self, stored: Any) -> str:
        """The outcome as the officer tells the owner: declined and why; approved by the
        system on its terms and with finance for disbursement (R39); or on to investigation."""
        decision = stored.decision
        reasons = [f"• {message_text(reason)}" for reason in decision.reasons]
        score, limit = decision.score, decision.limit
        rated = self.tr("Tier {tier}, score {score}.").format(
            tier=score.tier if score else "—", score=score.total if score else "—"
        )
        terms: LoanTerms | None = getattr(stored, "terms", None)
        stage = getattr(stored, "stage", None)
        if decision.outcome == Outcome.DECLINE:
            head = self.tr("Declined at screening.")
        elif terms is not None and stage == Stage.DISBURSEMENT.value:
            head = "\n".join(
                (
                    self.tr("Approved by the system (straight-through) for {amount}.").format(
                        amount=format_fen(terms.limit_fen)
                    ),
                    self.tr("Terms: {product}, {term}, {rate}; {plan}.").format(
                        product=product_label(terms.product),
                        term=months_text(terms.term_months),
                        rate=rate_text(terms.daily_rate),
                        plan=plan_label(terms.plan.value),
                    ),
                    self.tr("The case is with finance for disbursement."),
                    rated,
                )
            )
        else:
            head = self.tr(
                "On to investigation: tier {tier}, score {score}, limit {limit}."
            ).format(
                tier=score.tier if score else "—",
                score=score.total if score else "—",
                limit=format_fen(limit.combined_limit_fen) if limit else "—",
            )
            if decision.outcome == Outcome.MANUAL_REVIEW:
                head += "\n" + self.tr("Flagged for manual review.")
        return "\n".join([head, *reasons])

    def reject(self) -> None:
        """Cancel: ask before throwing away edits that are not saved."""
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("The changes to this application are not saved. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._timer.stop()
        super().reject()
