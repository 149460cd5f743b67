"""Words of the Investigation tab (调查): the interview's checklist and modes, document
states, and the small table helpers its panels share.

The checklist keys and their order live in ``domain.interview``; here is only how they
read on screen, each a short title and the question the investigator answers.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from workstation.domain.classify import CATEGORY_LABELS, Category
from workstation.ui.common import DOCUMENT_KINDS, translate

CONTEXT = "InvestigationText"

CHECKLIST_TITLES = {
    "identity": QT_TRANSLATE_NOOP("InvestigationText", "Identity"),
    "premises": QT_TRANSLATE_NOOP("InvestigationText", "Premises"),
    "stock": QT_TRANSLATE_NOOP("InvestigationText", "Stock"),
    "business": QT_TRANSLATE_NOOP("InvestigationText", "Business"),
    "use_of_funds": QT_TRANSLATE_NOOP("InvestigationText", "Use of funds"),
    "other_debts": QT_TRANSLATE_NOOP("InvestigationText", "Other debts"),
    "consent": QT_TRANSLATE_NOOP("InvestigationText", "Consent"),
}
CHECKLIST_HINTS = {
    "identity": QT_TRANSLATE_NOOP(
        "InvestigationText", "The person on the call is the owner on the ID card"
    ),
    "premises": QT_TRANSLATE_NOOP(
        "InvestigationText", "The shop, stall or warehouse was shown on camera"
    ),
    "stock": QT_TRANSLATE_NOOP(
        "InvestigationText", "Goods on hand were shown and match the declared inventory"
    ),
    "business": QT_TRANSLATE_NOOP(
        "InvestigationText", "What is sold, to whom, and through which channels"
    ),
    "use_of_funds": QT_TRANSLATE_NOOP("InvestigationText", "What the loan is for"),
    "other_debts": QT_TRANSLATE_NOOP(
        "InvestigationText", "Other loans, guarantees given, private lending"
    ),
    "consent": QT_TRANSLATE_NOOP(
        "InvestigationText", "Consent to the data use and credit queries confirmed again"
    ),
}
MODES = {
    "video": QT_TRANSLATE_NOOP("InvestigationText", "Video interview"),
    "online": QT_TRANSLATE_NOOP("InvestigationText", "Online (voice or text)"),
    "on_site": QT_TRANSLATE_NOOP("InvestigationText", "On site"),
}

MISSING_COLOR = "#c62828"
DONE_COLOR = "#2e7d32"
WAIVED_COLOR = "#6a1b9a"
MUTED_COLOR = "#546e7a"


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def checklist_title(key: str) -> str:
    return _tr(CHECKLIST_TITLES[key]) if key in CHECKLIST_TITLES else key


def checklist_hint(key: str) -> str:
    return _tr(CHECKLIST_HINTS[key]) if key in CHECKLIST_HINTS else ""


def mode_label(mode: str) -> str:
    return _tr(MODES[mode]) if mode in MODES else mode


def document_label(kind: str) -> str:
    return translate("labels", DOCUMENT_KINDS[kind]) if kind in DOCUMENT_KINDS else kind


def category_label(category: str) -> str:
    """Our class of a transaction (sales receipts, rent…), in the interface language."""
    try:
        return translate("messages", CATEGORY_LABELS[Category(category)])
    except ValueError:
        return category


def plain_table(
    parent: QWidget, model: QAbstractItemModel, stretch: int | None = None
) -> QTableView:
    """A read-only, row-selecting table over ``model``; columns fit their contents and
    ``stretch`` (else the last) takes the room left."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


FIT_ROWS = 60


def fit_columns(table: QTableView, widest: int = 240) -> None:
    """Columns the user can resize, first fitted to their contents but none wider than
    ``widest`` pixels (long texts are elided; their tooltips show them whole)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(FIT_ROWS)  # the rows measured, not 100,000
    table.resizeColumnsToContents()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600;")
    return label


def banner(object_name: str) -> QLabel:
    """A wrapped, rich-text notice whose colours the caller sets with ``paint_banner``."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


BANNER_STYLES = {
    "block": ("#fdecea", "#8e1b1b", "#e57373"),
    "warn": ("#fff4e5", "#6b3d00", "#f0c36d"),
    "ok": ("#e8f5e9", "#1b5e20", "#81c784"),
    "info": ("#e8f0fe", "#1a3e72", "#9fb8e8"),
}


def paint_banner(label: QLabel, kind: str) -> None:
    back, text, border = BANNER_STYLES[kind]
    label.setStyleSheet(
        f"#{label.objectName()} {{ background: {back}; color: {text};"
        f" border: 1px solid {border}; border-radius: 4px; padding: 8px; }}"
    )


SOURCES = {
    "alipay": QT_TRANSLATE_NOOP("InvestigationText", "Alipay"),
    "wechat": QT_TRANSLATE_NOOP("InvestigationText", "WeChat Pay"),
    "bank_icbc": QT_TRANSLATE_NOOP("InvestigationText", "ICBC"),
    "bank_ccb": QT_TRANSLATE_NOOP("InvestigationText", "CCB"),
    "bank_ccb_signed": QT_TRANSLATE_NOOP("InvestigationText", "CCB (signed amounts)"),
    "bank_cmb": QT_TRANSLATE_NOOP("InvestigationText", "China Merchants Bank"),
    "bank_bocom": QT_TRANSLATE_NOOP("InvestigationText", "Bank of Communications"),
    "bank_other": QT_TRANSLATE_NOOP("InvestigationText", "Other bank (columns mapped)"),
    "utility": QT_TRANSLATE_NOOP("InvestigationText", "Utility bills"),
}
UTILITY_KINDS = {
    "electricity": QT_TRANSLATE_NOOP("InvestigationText", "Electricity"),
    "water": QT_TRANSLATE_NOOP("InvestigationText", "Water"),
}
UNITS = {
    "electricity": QT_TRANSLATE_NOOP("InvestigationText", "kWh"),
    "water": QT_TRANSLATE_NOOP("InvestigationText", "m³"),
}


def source_label(source: str, bank: str = "") -> str:
    """Which export a file is: Alipay, WeChat Pay, a bank, or a list of utility bills; a
    file read with a saved column mapping also names the bank it was saved for."""
    label = _tr(SOURCES[source]) if source in SOURCES else source
    if source == "bank_other" and bank:
        return translate("InvestigationText", "{source}: {bank}").format(source=label, bank=bank)
    return label


def utility_label(kind: str) -> str:
    return _tr(UTILITY_KINDS[kind]) if kind in UTILITY_KINDS else kind


def unit_label(kind: str) -> str:
    return _tr(UNITS[kind]) if kind in UNITS else ""
