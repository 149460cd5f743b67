"""The intake form's sections, in the order of the talk with the owner: business and owner
(R1), the loan asked (R3-R5), the last 12 months' figures (R12), activity or platform data
(R13, R15), the legal checklist (R18) and the consent (R37).

``IntakeSections`` builds them and keeps the registry the form works by: each field's widget
and label by its domain field path, its row (to hide it by customer kind) and the tab order.
``intake.IntakeDialog`` adds the logic: load, validate, save and submit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.application import Product
from workstation.domain.limits import LONGEST_TERM_MONTHS
from workstation.services import demo
from workstation.ui.common import product_label
from workstation.ui.intake_fields import (
    ChoiceEdit,
    Figure,
    FigureEdit,
    OrdersTable,
    TopCustomers,
    TriState,
    with_unit,
)

CONSENT_METHODS = ("signed_form", "app_checkbox", "video_call")
SELLER_LEVELS = (
    "1心",
    "3心",
    "5心",
    "1钻",
    "3钻",
    "5钻",
    "1皇冠",
    "3皇冠",
    "5皇冠",
    "金冠",
    "天猫",
)


class IntakeSections(QDialog):
    """The sections of the intake form and the registry of its fields.

    ``_changed`` (any field edited) and ``_kind_switched`` (platform or off-platform) are the
    hooks the dialog fills in.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self._chain: list[QWidget] = []

    def _changed(self, *_: Any) -> None:
        """A field changed; the dialog validates."""

    def _kind_switched(self) -> None:
        """The customer kind changed; the dialog shows the sections of that kind."""

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        return form

    def _add(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        widget: QWidget,
        container: QWidget | None = None,
    ) -> QWidget:
        """One row of a section: the field is known by ``key`` (the domain's field path)."""
        container = container or widget
        form.addRow(label, container)
        buddy = form.labelForField(container)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        self.fields[key] = widget
        self.labels[key] = label
        self._rows[key] = (form, container)
        self._chain.append(widget)
        self._watch(widget)
        return widget

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(self._changed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._changed)
        elif isinstance(widget, QCheckBox | QRadioButton):
            widget.toggled.connect(self._changed)
        elif isinstance(widget, OrdersTable | TopCustomers):
            widget.changed.connect(self._changed)

    def _text(self, form: QFormLayout, key: str, label: str, width: int = 0) -> QLineEdit:
        edit = QLineEdit()
        if width:
            edit.setMaximumWidth(width)
        self._add(form, key, label, edit)
        return edit

    def _figure(
        self, form: QFormLayout, key: str, label: str, kind: Figure, unit: str = ""
    ) -> FigureEdit:
        edit = FigureEdit(kind)
        prefix = "¥" if kind == Figure.MONEY else ""
        self._add(form, key, label, edit, with_unit(edit, prefix=prefix, suffix=unit))
        return edit

    def _business_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Business and owner"))
        form = self._form(box)
        kinds = QWidget()
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        self.platform_radio = QRadioButton(self.tr("Platform seller"))
        self.platform_radio.setToolTip(self.tr("Taobao, Tmall, Alibaba or Alipay seller"))
        self.off_platform_radio = QRadioButton(self.tr("Off-platform business"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.platform_radio)
        self.kind_group.addButton(self.off_platform_radio)
        self.platform_radio.setChecked(True)
        row.addWidget(self.platform_radio)
        row.addWidget(self.off_platform_radio)
        row.addStretch(1)
        self._add(form, "business.kind", self.tr("Kind"), self.platform_radio, kinds)
        self._chain.append(self.off_platform_radio)
        self._watch(self.off_platform_radio)
        self.platform_radio.toggled.connect(self._kind_switched)
        self.business_name = self._text(form, "business.business_name", self.tr("Business name"))
        self.credit_code = self._text(
            form, "business.credit_code", self.tr("Unified social credit code"), 230
        )
        self.credit_code.setPlaceholderText(self.tr("18 characters"))
        self.owner_name = self._text(form, "business.owner_name", self.tr("Owner name"), 230)
        self.owner_id = self._text(
            form, "business.owner_id_number", self.tr("Owner ID number"), 230
        )
        self.owner_id.setPlaceholderText(self.tr("18 characters"))
        self.owner_phone = self._text(form, "business.owner_phone", self.tr("Owner phone"), 230)
        self.industry = ChoiceEdit(tuple(name for name, _ in demo.INDUSTRIES))
        self._add(form, "business.industry", self.tr("Industry"), self.industry)
        self.region = ChoiceEdit(tuple(city for city, _ in demo.REGIONS))
        self._add(form, "business.region", self.tr("Region"), self.region)
        self.platform_account = self._text(
            form, "business.platform_account", self.tr("Platform account")
        )
        self.partner_bank = ChoiceEdit(demo.PARTNER_BANKS)
        self.partner_bank.lineEdit().setPlaceholderText(self.tr("None: not bank-referred"))
        self._add(form, "business.partner_bank", self.tr("Partner bank"), self.partner_bank)
        return box

    def _loan_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Loan asked"))
        form = self._form(box)
        self.product = QComboBox()
        for product in Product:
            self.product.addItem(product_label(product.value), product.value)
        self._add(form, "product", self.tr("Product"), self.product)
        self.amount = FigureEdit(Figure.MONEY)
        self.cap_note = QLabel()
        self.cap_note.setStyleSheet("color: #555;")
        amount_row = with_unit(self.amount, prefix="¥")
        amount_row.layout().insertWidget(3, self.cap_note)  # type: ignore[union-attr]
        self._add(form, "amount_fen", self.tr("Amount"), self.amount, amount_row)
        self.term = QSpinBox()
        self.term.setRange(1, LONGEST_TERM_MONTHS)
        self.term.setValue(LONGEST_TERM_MONTHS)
        self.term.setSuffix(self.tr(" months"))
        self.term.setFixedWidth(110)
        self._add(form, "term_months", self.tr("Term"), self.term, with_unit(self.term))
        return box

    def _financials_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Financials, last 12 months"))
        form = self._form(box)
        money, pct = Figure.MONEY, Figure.PERCENT
        f = "financials."
        self.sales = self._figure(form, f + "annual_sales_fen", self.tr("Total sales"), money)
        self.cost = self._figure(form, f + "operating_cost_fen", self.tr("Operating cost"), money)
        self.margin = self._figure(
            form, f + "net_profit_margin", self.tr("Net profit margin"), pct, "%"
        )
        self.inventory = self._figure(form, f + "inventory_fen", self.tr("Inventory"), money)
        self.assets = self._figure(form, f + "total_assets_fen", self.tr("Total assets"), money)
        self.liabilities = self._figure(
            form, f + "total_liabilities_fen", self.tr("Total liabilities"), money
        )
        self.receivables = self._figure(
            form, f + "accounts_receivable_fen", self.tr("Accounts receivable"), money
        )
        self.growth = self._figure(
            form, f + "sales_growth", self.tr("Sales growth, year on year"), pct, "%"
        )
        self.platform_share = self._figure(
            form, f + "platform_share_of_sales", self.tr("Platform share of sales"), pct, "%"
        )
        self.top_customers = TopCustomers()
        self._add(form, f + "top_customers", self.tr("Two largest customers"), self.top_customers)
        self._chain.remove(self.top_customers)
        for row in range(2):
            self._chain.extend(self.top_customers.edits(row))
            for column, edit in zip(
                ("name", "years", "share_of_sales"), self.top_customers.edits(row), strict=True
            ):
                self.fields[f"{f}top_customers.{row}.{column}"] = edit
        return box

    def _activity_box(self) -> QGroupBox:
        """Off-platform customers' activity and reviews (R15), where no platform data exists."""
        self.activity_box = QGroupBox(self.tr("Activity and reviews"))
        form = self._form(self.activity_box)
        self.off_active_days = self._figure(
            form,
            "active_days_per_month",
            self.tr("Active days"),
            Figure.DECIMAL,
            self.tr("days a month"),
        )
        self.off_reviews = self._figure(
            form, "positive_review_rate", self.tr("Positive reviews"), Figure.PERCENT, "%"
        )
        return self.activity_box

    def _platform_box(self) -> QGroupBox:
        self.platform_box = QGroupBox(self.tr("Platform data"))
        outer = QVBoxLayout(self.platform_box)
        columns = QHBoxLayout()
        outer.addLayout(columns)
        forms = []
        for _ in range(2):
            holder = QWidget()
            form = QFormLayout(holder)
            form.setContentsMargins(0, 0, 0, 0)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            columns.addWidget(holder, 1)
            forms.append(form)
        trade, quality = forms
        behaviour = trade
        p = "platform."
        self.order_count = self._figure(
            trade, p + "order_count", self.tr("Orders, 12 months"), Figure.COUNT
        )
        self.turnover = self._figure(
            trade,
            p + "inventory_turnover",
            self.tr("Inventory turnover"),
            Figure.DECIMAL,
            self.tr("times a year"),
        )
        self.complaints = self._figure(
            trade, p + "complaints", self.tr("Complaints, 12 months"), Figure.COUNT
        )
        self.active_days = self._figure(
            trade,
            p + "active_days_per_month",
            self.tr("Active days"),
            Figure.DECIMAL,
            self.tr("days a month"),
        )
        self.seller_level = ChoiceEdit(SELLER_LEVELS)
        self.seller_level.setFixedWidth(110)
        self._add(quality, p + "seller_level", self.tr("Seller level"), self.seller_level)
        self.dsr = self._figure(quality, p + "seller_dsr", self.tr("DSR"), Figure.DECIMAL, "/ 5")
        self.positive_reviews = self._figure(
            quality, p + "positive_review_rate", self.tr("Positive reviews"), Figure.PERCENT, "%"
        )
        self.favourites = self._figure(
            quality, p + "favourites", self.tr("Buyers' favourites"), Figure.COUNT
        )
        self.certified = TriState()
        self._add(quality, p + "certified", self.tr("Certified"), self.certified)
        self.login_days = self._figure(
            behaviour,
            p + "login_days_per_month",
            self.tr("Login days"),
            Figure.DECIMAL,
            self.tr("days a month"),
        )
        self.advertising = self._figure(
            behaviour,
            p + "advertising_fen_per_month",
            self.tr("Advertising"),
            Figure.MONEY,
            self.tr("a month"),
        )
        self.posts = self._figure(
            behaviour,
            p + "community_posts_per_month",
            self.tr("Community posts"),
            Figure.COUNT,
            self.tr("a month"),
        )
        self.orders_label = QLabel(self.tr("Orders offered for an order loan"))
        self.orders = OrdersTable()
        self.fields[p + "orders"] = self.orders
        self.labels[p + "orders"] = self.tr("Orders offered")
        self._chain.extend([self.orders.table, self.orders.add_button, self.orders.remove_button])
        self._watch(self.orders)
        outer.addWidget(self.orders_label)
        outer.addWidget(self.orders)
        return self.platform_box

    def _legal_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Legal review"))
        layout = QVBoxLayout(box)
        self.legal: dict[str, QCheckBox] = {}
        texts = {
            "guarantees_outstanding": self.tr("Guarantees given for others, outstanding"),
            "property_registration_issue": self.tr("Property registration issue"),
            "bankruptcy": self.tr("Bankruptcy proceedings"),
            "litigation": self.tr("Litigation pending"),
        }
        for name, text in texts.items():
            check = QCheckBox(text)
            layout.addWidget(check)
            self.legal[name] = check
            self.fields[f"legal.{name}"] = check
            self.labels[f"legal.{name}"] = text
            self._chain.append(check)
            self._watch(check)
        note = QLabel(self.tr("Any ticked item sends the case to manual review."))
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        return box

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent"))
        layout = QVBoxLayout(box)
        self.consent = QCheckBox(
            self.tr("The owner consents to the use of their data and to credit queries")
        )
        self.consent_method = QComboBox()
        names = {
            "signed_form": self.tr("Signed form"),
            "app_checkbox": self.tr("Checkbox in the app"),
            "video_call": self.tr("Recorded video call"),
        }
        for method in CONSENT_METHODS:
            self.consent_method.addItem(names[method], method)
        self.consent_note = QLabel()
        self.consent_note.setStyleSheet("color: #555;")
        method_row = QHBoxLayout()
        method_row.addWidget(QLabel(self.tr("How it was given")))
        method_row.addWidget(self.consent_method)
        method_row.addStretch(1)
        layout.addWidget(self.consent)
        layout.addLayout(method_row)
        layout.addWidget(self.consent_note)
        for key, widget, label in (
            ("consent", self.consent, self.tr("Consent")),
            ("consent.method", self.consent_method, self.tr("How consent was given")),
        ):
            self.fields[key] = widget
            self.labels[key] = label
            self._chain.append(widget)
            self._watch(widget)
        self.consent.toggled.connect(self.consent_method.setEnabled)
        self.consent_method.setEnabled(False)
        return box
