"""Uploads (上传资料, R23, R24): statements and bills dropped on the tab or chosen, each read and
stored off the GUI thread with a progress bar and Cancel; what each upload did (a refusal
names the file and the line; nothing of a refused file is kept); the files on the case;
the utility bills, typed in or read from a CSV; the original opened as it was uploaded.
"""

from __future__ import annotations

import html
import tempfile
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.importers.mapped import ColumnMapping, MappingPreview
from workstation.importers.utility import UtilityBill
from workstation.services import bank_layouts, uploads
from workstation.services.context import Context, Session
from workstation.services.uploads import LayoutUnknown, UploadRefused
from workstation.ui import dialogs
from workstation.ui.bill_dialog import BillDialog
from workstation.ui.column_mapping import ColumnMappingDialog
from workstation.ui.common import message_text, show_refusal, translate
from workstation.ui.investigation_text import (
    MISSING_COLOR,
    MUTED_COLOR,
    heading,
    plain_table,
    source_label,
)
from workstation.ui.saved_mappings import kept_text
from workstation.ui.tasks import Background, Cancelled, Progress
from workstation.ui.upload_models import BillsModel, UploadsModel

Write = Callable[[Callable[[], Any]], bool]
MAX_OUTCOMES = 8  # the newest outcomes kept, refusals apart
MAX_REFUSALS = 40  # refusals stay (up to this many) until newer ones push them out
FILE_FILTER = "*.csv *.xlsx *.pdf *.txt"


def kept_outcomes(outcomes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The newest ``MAX_OUTCOMES`` outcomes, and every refusal among the older ones (up to
    ``MAX_REFUSALS``): in a batch of many files, a file refused early must not scroll out of
    sight behind the ones that went in."""
    kept, refusals = [], 0
    for n, (kind, text) in enumerate(outcomes):
        refused = kind == "refused"
        if refused and refusals >= MAX_REFUSALS:
            continue
        if n < MAX_OUTCOMES or refused:
            kept.append((kind, text))
            refusals += refused
    return kept


def choose_files(parent: QWidget, title: str, filters: str) -> list[Path]:
    """Files to upload (tests replace this function)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    return [Path(p) for p in paths]


def open_path(path: Path) -> bool:
    """Show a file in the system's viewer (tests replace this function)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def reread_text(saved: bank_layouts.LayoutSaved) -> str:
    """What saving over a mapping did to the files read with the earlier one, in words."""
    names = ", ".join(dict.fromkeys(r.file_name for r in saved.reread))
    return translate(
        "UploadsPanel",
        "The mapping for {bank} replaced an earlier one: {n} uploaded file(s) read with it "
        "were read again ({files}).",
    ).format(bank=saved.layout.name, n=len(saved.reread), files=names)


def upload_work(
    session: Session, case_id: int, path: Path
) -> Callable[[Context, Progress], uploads.Upload]:
    """The upload as the worker thread runs it: no Qt, progress through ``Progress``."""

    def work(ctx: Context, progress: Progress) -> uploads.Upload:
        def report(done: int, total: int) -> None:
            if not progress.cancelled:
                progress.report(done, total)

        return uploads.upload(
            ctx, session, case_id, path, progress=report, cancelled=lambda: progress.cancelled
        )

    return work


class UploadsPanel(QWidget):
    """Drop zone, the running upload, what the last uploads did, the files and the bills."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        case_id: int,
        write: Write,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self.case_id = case_id
        self._write = write
        self.editable = False
        self.queue: deque[Path] = deque()
        self.progress: Progress | None = None
        self.current: Path | None = None
        self.outcomes: list[tuple[str, str]] = []  # (ok | notice | refused | cancelled, text)
        # refusals of an unknown layout, by their outcome text: the file and what to map
        self.unmapped: dict[str, tuple[Path, MappingPreview]] = {}
        self.dialog: QDialog | None = None
        self.opened: Path | None = None
        self.setAcceptDrops(True)
        self._build()

    def _build(self) -> None:
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self._paint_drop_zone(False)
        self.drop_text = QLabel(
            self.tr(
                "Drop bank statements, Alipay or WeChat Pay exports and utility bills here "
                "(CSV, XLSX, PDF), or choose them."
            )
        )
        self.drop_text.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose files…"))
        self.choose_button.setObjectName("chooseFiles")
        self.choose_button.clicked.connect(self.choose)
        zone = QHBoxLayout(self.drop_zone)
        zone.addWidget(self.drop_text, 1)
        zone.addWidget(self.choose_button)
        self.running_label = QLabel()
        self.running_label.setObjectName("uploadRunning")
        self.bar = QProgressBar()
        self.bar.setObjectName("uploadBar")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelUpload")
        self.cancel_button.clicked.connect(self.cancel)
        self.running = QWidget()
        running = QHBoxLayout(self.running)
        running.setContentsMargins(0, 0, 0, 0)
        running.addWidget(self.running_label)
        running.addWidget(self.bar, 1)
        running.addWidget(self.cancel_button)
        self.running.hide()
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("uploadOutcomes")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextFormat(Qt.TextFormat.RichText)
        self.outcome_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.outcome_label.linkActivated.connect(self._link)
        self.outcome_label.hide()
        # a batch of many files says something of each; the list scrolls, the tables stay
        self.outcome_scroll = QScrollArea()
        self.outcome_scroll.setWidgetResizable(True)
        self.outcome_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.outcome_scroll.setWidget(self.outcome_label)
        self.outcome_scroll.setMaximumHeight(150)
        self.outcome_scroll.hide()

        self.buttons: dict[str, QPushButton] = {}
        self.uploads_model = UploadsModel(self)
        self.uploads_table = plain_table(self, self.uploads_model, stretch=1)
        self.uploads_table.doubleClicked.connect(lambda _i: self.open_selected())
        self.uploads_table.selectionModel().selectionChanged.connect(self._update_buttons)
        files_bar = QHBoxLayout()
        files_bar.addWidget(heading(self.tr("Files on the case")))
        files_bar.addStretch(1)
        self._button(files_bar, "open", self.tr("Open original"), self.open_selected)
        self._button(files_bar, "remove", self.tr("Remove…"), self.remove_selected)
        self.bills_model = BillsModel(self)
        self.bills_table = plain_table(self, self.bills_model, stretch=5)
        self.bills_table.selectionModel().selectionChanged.connect(self._update_buttons)
        bills_bar = QHBoxLayout()
        bills_bar.addWidget(heading(self.tr("Utility bills (electricity, water)")))
        bills_bar.addStretch(1)
        self._button(bills_bar, "add_bill", self.tr("Add bill…"), self.add_bill)
        self._button(bills_bar, "import_bills", self.tr("Import bills (CSV)…"), self.import_bills)
        self._button(bills_bar, "remove_bill", self.tr("Remove bill…"), self.remove_bill)
        split = QSplitter(Qt.Orientation.Vertical)
        for bar, table in ((files_bar, self.uploads_table), (bills_bar, self.bills_table)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addLayout(bar)
            column.addWidget(table)
            split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.drop_zone)
        layout.addWidget(self.running)
        layout.addWidget(self.outcome_scroll)
        layout.addWidget(split, 1)
        self._update_buttons()

    def _button(self, bar: QHBoxLayout, key: str, text: str, slot: Any) -> None:
        button = QPushButton(text)
        button.setObjectName(f"uploads_{key}")
        button.clicked.connect(slot)
        self.buttons[key] = button
        bar.addWidget(button)

    def _paint_drop_zone(self, hovering: bool) -> None:
        back, border = ("#e3f2fd", "#1565c0") if hovering else ("#f5f7fa", "#90a4ae")
        self.drop_zone.setStyleSheet(
            f"#dropZone {{ background: {back}; border: 2px dashed {border}; border-radius: 6px; }}"
        )

    # -- showing --------------------------------------------------------------------------

    def show_uploads(
        self,
        documents: Sequence[uploads.CaseDocument],
        bills: Sequence[uploads.StoredBill],
        editable: bool,
    ) -> None:
        self.editable = editable
        self.uploads_model.set_rows(tuple(documents))
        self.bills_model.set_rows(tuple(bills))
        self.drop_zone.setVisible(editable)
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        busy = self.progress is not None
        doc = self.selected_document()
        bill = self.selected_bill()
        may_open = self._session.role.value in ("investigator", "supervisor")
        self.choose_button.setEnabled(self.editable and not busy)
        self.buttons["open"].setEnabled(doc is not None and may_open)
        self.buttons["remove"].setEnabled(self.editable and doc is not None and not busy)
        self.buttons["add_bill"].setEnabled(self.editable)
        self.buttons["import_bills"].setEnabled(self.editable and not busy)
        typed = bill is not None and bill.file_name is None
        self.buttons["remove_bill"].setEnabled(self.editable and typed)
        for key in ("remove", "add_bill", "import_bills", "remove_bill"):
            self.buttons[key].setVisible(self.editable)

    def selected_document(self) -> uploads.CaseDocument | None:
        rows = self.uploads_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.uploads_model.rows):
            return None
        return self.uploads_model.rows[rows[0].row()]

    def selected_bill(self) -> uploads.StoredBill | None:
        rows = self.bills_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.bills_model.rows):
            return None
        return self.bills_model.rows[rows[0].row()]

    # -- drag and drop --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.editable and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            self._paint_drop_zone(True)

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._paint_drop_zone(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self._paint_drop_zone(False)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if self.editable and paths:
            event.acceptProposedAction()
            self.upload_files(paths)

    # -- uploading ------------------------------------------------------------------------

    def choose(self) -> None:
        paths = choose_files(
            self, self.tr("Upload statements and bills"),
            self.tr("Statements and bills ({patterns})").format(patterns=FILE_FILTER),
        )  # fmt: skip
        if paths:
            self.upload_files(paths)

    def import_bills(self) -> None:
        paths = choose_files(
            self, self.tr("Import utility bills"),
            self.tr("Utility bills ({patterns})").format(patterns="*.csv *.xlsx"),
        )  # fmt: skip
        if paths:
            self.upload_files(paths)

    def upload_files(self, paths: Sequence[Path]) -> None:
        """Queue files; one is read and stored at a time, off the GUI thread."""
        if not self.editable:
            return
        self.queue.extend(p for p in paths if p.is_file())
        if self.progress is None:
            self._next()

    def _next(self) -> None:
        if not self.queue:
            self.current = None
            self.running.hide()
            self._update_buttons()
            self._write(lambda: None)  # the page reads again: files, bills, paperwork, rebuild
            return
        path = self.current = self.queue.popleft()
        waiting = len(self.queue)
        self.running_label.setText(
            self.tr("Reading {file}…").format(file=path.name)
            if not waiting
            else self.tr("Reading {file}… ({n} more waiting)").format(file=path.name, n=waiting)
        )
        self.bar.setRange(0, 0)
        self.running.show()
        self.cancel_button.setEnabled(True)
        self.progress = self._background.run(
            self, self.tr("Upload"), upload_work(self._session, self.case_id, path),
            self._done, self._failed, self._progressed,
        )  # fmt: skip
        self._update_buttons()

    def _progressed(self, report: tuple[int, int]) -> None:
        done, total = report
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def cancel(self) -> None:
        """Stop the running upload (nothing of it is stored) and drop the queue."""
        self.queue.clear()
        if self.progress is not None:
            self.progress.cancelled = True
            self.cancel_button.setEnabled(False)
            self.running_label.setText(self.tr("Cancelling…"))

    def _done(self, result: uploads.Upload) -> None:
        name = self.current.name if self.current else ""
        self.progress = None
        if result.cancelled:
            self._outcome(
                "cancelled", self.tr("{file}: cancelled, nothing stored").format(file=name)
            )
        elif result.already and result.notice is not None:
            self._outcome("notice", message_text(result.notice))
        elif result.document is not None:
            doc = result.document
            text = self.tr("{file}: {rows} row(s) stored as {kind}").format(
                file=doc.file_name,
                rows=f"{doc.rows:,}",
                kind=source_label(doc.source, doc.bank_name),
            )
            if doc.problems:
                text += " " + self.tr("({n} warning(s))").format(n=len(doc.problems))
            self._outcome("ok", text)
        self._next()

    def _failed(self, error: BaseException) -> None:
        name = self.current.name if self.current else ""
        self.progress = None
        if isinstance(error, Cancelled):
            self._outcome(
                "cancelled", self.tr("{file}: cancelled, nothing stored").format(file=name)
            )
        elif isinstance(error, UploadRefused):
            lines = [message_text(p.message) for p in error.problems]
            text = self.tr("Refused, nothing stored: {why}").format(
                why="; ".join(dict.fromkeys(lines))
            )
            if isinstance(error, LayoutUnknown) and self.current is not None:
                self.unmapped[text] = (self.current, error.preview)
            self._outcome("refused", text)
        elif isinstance(error, RuleError):
            self._outcome("refused", message_text(error.message))
        else:
            self._outcome(
                "refused", self.tr("{file} could not be stored: {error}").format(
                    file=name, error=error
                )
            )  # fmt: skip
        self._next()

    def _outcome(self, kind: str, text: str) -> None:
        self.outcomes = kept_outcomes([(kind, text), *self.outcomes])
        shown = {t for _, t in self.outcomes}
        self.unmapped = {t: found for t, found in self.unmapped.items() if t in shown}
        self._show_outcomes()

    def _show_outcomes(self) -> None:
        colors = {"ok": "#1b5e20", "notice": "#1a3e72", "refused": MISSING_COLOR}
        link = html.escape(self.tr("Map the columns…"))
        items = "".join(
            f"<li style='color:{colors.get(k, MUTED_COLOR)}'>"
            f"{'⚠ ' if k == 'refused' else ''}{html.escape(t)}"
            + (f" <a href='map:{i}'>{link}</a>" if t in self.unmapped and self.editable else "")
            + "</li>"
            for i, (k, t) in enumerate(self.outcomes)
        )
        self.outcome_label.setText(f"<ul style='margin:0 0 0 -24px'>{items}</ul>")
        self.outcome_label.show()
        self.outcome_scroll.show()

    def _link(self, href: str) -> None:
        kind, _, position = href.partition(":")
        if kind == "map" and position.isdigit() and int(position) < len(self.outcomes):
            self.map_columns(self.outcomes[int(position)][1])

    # -- a layout no preset knows ---------------------------------------------------------

    def map_columns(self, outcome: str) -> ColumnMappingDialog | None:
        """The column-mapping dialog for the file that ``outcome`` refused as unknown layout;
        on Save and import the mapping is saved and the file uploaded again with it."""
        found = self.unmapped.get(outcome)
        if found is None or not self.editable:
            return None
        path, preview = found
        ctx, session = self._ctx, self._session

        saved: list[bank_layouts.LayoutSaved] = []

        def save(name: str, mapping: ColumnMapping) -> None:
            saved.append(bank_layouts.save_layout(ctx, session, name, mapping))

        dialog = ColumnMappingDialog(preview, save, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._mapped(outcome, path, saved[-1] if saved else None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _mapped(self, outcome: str, path: Path, saved: bank_layouts.LayoutSaved | None) -> None:
        self.unmapped.pop(outcome, None)
        if saved is not None and (saved.reread or saved.kept):
            said = [reread_text(saved)] if saved.reread else []
            self._outcome("notice", " ".join([*said, kept_text(saved)]).strip())
        else:
            self._show_outcomes()
        self.upload_files([path])

    # -- the files and bills --------------------------------------------------------------

    def open_selected(self) -> Path | None:
        doc = self.selected_document()
        return self.open_original(doc.sha256, doc.file_name) if doc else None

    def open_original(self, sha256: str, file_name: str) -> Path | None:
        """Write the original as uploaded to a private temporary folder and open it (the
        opening is audited by the service)."""
        try:
            content = uploads.original(self._ctx, self._session, self.case_id, sha256)
        except RuleError as exc:
            show_refusal(self, exc)
            return None
        folder = Path(tempfile.mkdtemp(prefix="workstation-original-"))
        path = folder / Path(file_name).name
        path.write_bytes(content)
        self.opened = path
        open_path(path)
        return path

    def remove_selected(self) -> bool:
        doc = self.selected_document()
        if doc is None or not self.editable:
            return False
        reason = dialogs.ask_reason(
            self,
            self.tr("Remove file"),
            self.tr(
                "Why take {file} off the case? Its lines stop counting; the original is kept "
                "as evidence."
            ).format(file=doc.file_name),
        )
        if reason is None:
            return False
        ctx, session, case_id = self._ctx, self._session, self.case_id
        return self._write(lambda: uploads.remove(ctx, session, case_id, doc.sha256, reason))

    def add_bill(self) -> QDialog | None:
        if not self.editable:
            return None
        ctx, session, case_id = self._ctx, self._session, self.case_id

        def submit(bill: UtilityBill) -> None:
            _, warnings = uploads.add_utility_bill(ctx, session, case_id, bill)
            for warning in warnings:
                self._outcome("notice", message_text(warning.message))
            self._write(lambda: None)

        dialog = BillDialog(ctx.clock.now().date(), submit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def remove_bill(self) -> bool:
        stored = self.selected_bill()
        if stored is None or not self.editable:
            return False
        reason = dialogs.ask_reason(
            self, self.tr("Remove bill"), self.tr("Why remove this bill typed in by hand?")
        )
        if reason is None:
            return False
        ctx, session, case_id = self._ctx, self._session, self.case_id
        return self._write(
            lambda: uploads.remove_utility_bill(ctx, session, case_id, stored.id, reason)
        )
