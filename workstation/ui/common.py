"""Words and formats every screen shares: labels for the rules' names, money, durations,
risk colours, and the one way to tell a person that something was refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QWidget

from workstation.domain.messages import CONTEXT, QT_TRANSLATE_NOOP, Message, RuleError


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def column_title(
    context: str,
    headers: Sequence[str],
    section: int,
    orientation: Qt.Orientation,
    role: int,
) -> str | None:
    """A table model's translated column title, for ``headerData``; None elsewhere."""
    if (
        role == Qt.ItemDataRole.DisplayRole
        and orientation == Qt.Orientation.Horizontal
        and 0 <= section < len(headers)
    ):
        return translate(context, headers[section])
    return None


_STAGES = {
    "application": QT_TRANSLATE_NOOP("labels", "Application"),
    "rating": QT_TRANSLATE_NOOP("labels", "Rating"),
    "investigation": QT_TRANSLATE_NOOP("labels", "Investigation"),
    "approval": QT_TRANSLATE_NOOP("labels", "Approval"),
    "disbursement": QT_TRANSLATE_NOOP("labels", "Disbursement"),
    "monitoring": QT_TRANSLATE_NOOP("labels", "In-loan monitoring"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    "declined": QT_TRANSLATE_NOOP("labels", "Declined"),
    "overdue": QT_TRANSLATE_NOOP("labels", "Overdue"),
    "warning": QT_TRANSLATE_NOOP("labels", "Warning / recall"),
    "recovery": QT_TRANSLATE_NOOP("labels", "Credit recovery"),
    "blacklisted": QT_TRANSLATE_NOOP("labels", "Blacklisted"),
}
_ACTIONS = {
    "receive": QT_TRANSLATE_NOOP("labels", "Application received"),
    "submit": QT_TRANSLATE_NOOP("labels", "Send to rating"),
    "rate": QT_TRANSLATE_NOOP("labels", "Send to investigation"),
    "decline": QT_TRANSLATE_NOOP("labels", "Decline"),
    "recommend": QT_TRANSLATE_NOOP("labels", "Recommend for approval"),
    "approve": QT_TRANSLATE_NOOP("labels", "Approve"),
    "auto_approve": QT_TRANSLATE_NOOP("labels", "Approved by the system (straight-through)"),
    "send_back": QT_TRANSLATE_NOOP("labels", "Send back"),
    "disburse": QT_TRANSLATE_NOOP("labels", "Disburse"),
    "settle": QT_TRANSLATE_NOOP("labels", "Settle (repaid in full)"),
    "lapse": QT_TRANSLATE_NOOP("labels", "Limit lapsed undrawn"),
    "mark_overdue": QT_TRANSLATE_NOOP("labels", "Mark overdue"),
    "cure": QT_TRANSLATE_NOOP("labels", "Arrears paid"),
    "warn": QT_TRANSLATE_NOOP("labels", "Raise early warning"),
    "clear_warning": QT_TRANSLATE_NOOP("labels", "Clear warning"),
    "start_recovery": QT_TRANSLATE_NOOP("labels", "Start credit recovery"),
    "complete_recovery": QT_TRANSLATE_NOOP("labels", "Recovery plan kept"),
    "fail_recovery": QT_TRANSLATE_NOOP("labels", "Recovery plan failed"),
    "blacklist": QT_TRANSLATE_NOOP("labels", "Blacklist"),
    "lift_blacklist": QT_TRANSLATE_NOOP("labels", "Lift blacklist"),
}
_ROLES = {
    "investigator": QT_TRANSLATE_NOOP("labels", "Investigator"),
    "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
    "finance": QT_TRANSLATE_NOOP("labels", "Finance"),
    "admin": QT_TRANSLATE_NOOP("labels", "Administrator"),
    "system": QT_TRANSLATE_NOOP("labels", "System"),
}
_RISKS = {
    "green": QT_TRANSLATE_NOOP("labels", "Green"),
    "amber": QT_TRANSLATE_NOOP("labels", "Amber"),
    "red": QT_TRANSLATE_NOOP("labels", "Red"),
}
_KINDS = {
    "platform": QT_TRANSLATE_NOOP("labels", "Platform"),
    "off_platform": QT_TRANSLATE_NOOP("labels", "Off-platform"),
}
_PRODUCTS = {
    "credit": QT_TRANSLATE_NOOP("labels", "Credit loan"),
    "order": QT_TRANSLATE_NOOP("labels", "Order loan"),
    "both": QT_TRANSLATE_NOOP("labels", "Credit + order"),
}
_PERMISSIONS = {
    "manage_users": QT_TRANSLATE_NOOP("labels", "manage users"),
    "claim_case": QT_TRANSLATE_NOOP("labels", "claim cases"),
    "reassign_case": QT_TRANSLATE_NOOP("labels", "reassign cases"),
    "review_queues": QT_TRANSLATE_NOOP("labels", "review the officers' queues"),
    "reveal_personal_data": QT_TRANSLATE_NOOP("labels", "reveal personal data"),
    "view_cases": QT_TRANSLATE_NOOP("labels", "view cases"),
    "view_portfolio": QT_TRANSLATE_NOOP("labels", "view the loan book"),
}
DOCUMENT_KINDS = {
    "bank_statement": QT_TRANSLATE_NOOP("labels", "Bank statement (12 months)"),
    "payment_export": QT_TRANSLATE_NOOP("labels", "Alipay / WeChat Pay export"),
    "electricity_bill": QT_TRANSLATE_NOOP("labels", "Electricity bill"),
    "water_bill": QT_TRANSLATE_NOOP("labels", "Water bill"),
    "business_licence": QT_TRANSLATE_NOOP("labels", "Business licence"),
    "lease": QT_TRANSLATE_NOOP("labels", "Lease of the premises"),
    "other": QT_TRANSLATE_NOOP("labels", "Other document"),
}
# The R12 figures an officer adjusts, as refusals name them.
FIGURES = {
    "annual_sales_fen": QT_TRANSLATE_NOOP("labels", "annual sales"),
    "operating_cost_fen": QT_TRANSLATE_NOOP("labels", "operating cost"),
    "net_profit_margin": QT_TRANSLATE_NOOP("labels", "net profit margin"),
    "sales_growth": QT_TRANSLATE_NOOP("labels", "sales growth"),
    "total_liabilities_fen": QT_TRANSLATE_NOOP("labels", "total liabilities"),
}
# Placeholder values that are lists of rule names ("a, b, c"): each translated.
_PARAM_LIST_LABELS = {"kinds": DOCUMENT_KINDS, "figures": FIGURES}
# Placeholder values that are themselves rule names get translated before filling in.
_PARAM_LABELS = {
    "stage": _STAGES,
    "action": _ACTIONS,
    "role": _ROLES,
    "permission": _PERMISSIONS,
}

RISK_COLORS = {"green": QColor("#2e7d32"), "amber": QColor("#ef8f00"), "red": QColor("#c62828")}
BREACH_COLOR = QColor("#c62828")


def _label(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    return translate("labels", table[key]) if key in table else key


SYSTEM_NAME = "System"  # the display name of the user automatic work is recorded under


def person_name(name: str | None) -> str:
    """A person's name as recorded, the system's own in the interface language."""
    if name == SYSTEM_NAME:
        return _label(_ROLES, "system")
    return name or ""


def stage_label(stage: str) -> str:
    return _label(_STAGES, stage)


def action_label(action: str) -> str:
    return _label(_ACTIONS, action)


def role_label(role: str) -> str:
    return _label(_ROLES, role)


def risk_label(risk: str) -> str:
    return _label(_RISKS, risk)


def kind_label(kind: str) -> str:
    return _label(_KINDS, kind)


def product_label(product: str) -> str:
    return _label(_PRODUCTS, product)


def message_text(message: Message) -> str:
    """The message in the interface language, placeholders filled (rule names translated;
    a placeholder that holds a message is that message in the interface language)."""
    params = {
        name: message_text(value)
        if isinstance(value, Message)
        else _label(_PARAM_LABELS[name], value)
        if name in _PARAM_LABELS
        else value
        for name, value in message.params
    }
    for name, table in _PARAM_LIST_LABELS.items():
        if isinstance(params.get(name), str):
            params[name] = translate("common", ", ").join(
                _label(table, item) for item in str(params[name]).split(", ")
            )
    return translate(CONTEXT, message.template).format(**params)


def show_refusal(parent: QWidget | None, error: RuleError, title: str | None = None) -> None:
    """Tell the user why the rules refused; the caller has changed nothing."""
    QMessageBox.warning(
        parent,
        title or translate("common", "Not done"),
        message_text(error.message),
    )


def format_fen(fen: int) -> str:
    """Integer fen as CNY with thousands separators: 1234500 -> ¥12,345.00 (exact)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"


def format_wait(since: datetime | str | None, now: datetime) -> str:
    """How long since ``since``, as an officer reads it: 45 min, 3 h 10 min, 2 d 4 h."""
    if since is None:
        return ""
    if isinstance(since, str):
        since = datetime.fromisoformat(since)
    return format_duration(now - since)


def format_duration(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return translate("common", "{d} d {h} h").format(d=days, h=hours)
    if hours:
        return translate("common", "{h} h {m} min").format(h=hours, m=mins)
    return translate("common", "{m} min").format(m=mins)


def format_time(value: str | None) -> str:
    """Stored ISO time as the officer reads it: 2026-11-26 10:00."""
    return value.replace("T", " ")[:16] if value else ""
