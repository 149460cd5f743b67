"""The supervisor's rating settings: macro outlooks, the blacklist, the batch re-score."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workstation.domain.limits import MacroSettings
from workstation.domain.messages import Message, RuleError
from workstation.services.context import Session
from workstation.ui import dialogs
from workstation.ui.blacklist import LIFTED_COLOR, BlacklistDialog
from workstation.ui.macro_settings import MacroSettingsDialog
from workstation.ui.rescore import RescoreSummaryDialog, rating_text, start_rescore


@dataclass(frozen=True)
class MacroVersion:
    version: int
    at: str
    by_name: str | None
    settings: MacroSettings


@dataclass(frozen=True)
class BlacklistRow:
    id: int
    kind: str
    value: str
    reason: str
    added_by: str
    added_at: str
    lifted_by: str | None = None
    lifted_at: str | None = None
    lift_reason: str | None = None


@dataclass(frozen=True)
class RescoreSummary:
    scored: int
    changed: tuple[tuple[int, str, str], ...]
    cancelled: bool


class FakeRating:
    """The settings services over plain lists, as the real ones behave for these screens."""

    def __init__(self) -> None:
        first = MacroSettings(1, (("Retail", "stable"), ("Textiles", "shrinking")), "neutral")
        self.versions = [MacroVersion(1, "2026-11-01T09:00:00", None, first)]
        self.entries = [
            BlacklistRow(
                1,
                "credit_code",
                "91330100MA27AAAA1X",
                "Fake trading",
                "王主管",
                "2026-10-01T10:00:00",
            ),
            BlacklistRow(
                2,
                "platform_account",
                "shop-777",
                "Malicious default",
                "王主管",
                "2026-09-01T10:00:00",
                "赵主管",
                "2026-11-02T10:00:00",
                "Repaid in full",
            ),
        ]
        self.added: list[tuple[str, str, str]] = []

    def macro_settings(self, ctx):  # noqa: ANN001
        return self.versions[-1].settings

    def macro_history(self, ctx):  # noqa: ANN001
        return list(self.versions)

    def update_macro_settings(  # noqa: ANN001
        self, ctx, session, industry_outlook, economy, expected_version=None
    ):
        if session.role.value != "supervisor":
            raise RuleError(Message.of("Only a supervisor may {what}.", what="change"))
        new = replace(
            self.versions[-1].settings,
            version=len(self.versions) + 1,
            industry_outlook=tuple(sorted(industry_outlook)),
            economy=economy,
        )
        self.versions.append(MacroVersion(new.version, "2026-11-26T10:00:00", "王主管", new))
        return new

    def blacklist_entries(self, ctx, session, include_lifted=False):  # noqa: ANN001
        return [e for e in self.entries if include_lifted or e.lifted_at is None]

    def add_to_blacklist(self, ctx, session, kind, value, reason):  # noqa: ANN001
        self.added.append((kind, value, reason))
        self.entries.append(
            BlacklistRow(
                len(self.entries) + 1, kind, value, reason, "王主管", "2026-11-26T10:00:00"
            )
        )
        return len(self.entries)

    def lift_blacklist_entry(self, ctx, session, entry_id, reason):  # noqa: ANN001
        i = next(i for i, e in enumerate(self.entries) if e.id == entry_id)
        self.entries[i] = replace(
            self.entries[i], lifted_by="王主管", lifted_at="2026-11-26T10:00:00", lift_reason=reason
        )

    def rescore_open_cases(self, ctx, session, progress=None, cancelled=None):  # noqa: ANN001
        for done in range(0, 30, 10):
            if cancelled and cancelled():
                return RescoreSummary(done, (), True)
            if progress:
                progress(done, 30)
        return RescoreSummary(
            30, ((7, "B/investigate", "C/investigate"), (9, "D/investigate", "E/decline")), False
        )


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake_warning(parent, title, text, *args, **kwargs):  # noqa: ANN001
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    return shown


@pytest.fixture
def sup(people) -> Session:
    return people["wang.sup"]


def _macro(qtbot, ctx, background, session, service) -> MacroSettingsDialog:
    dialog = MacroSettingsDialog(ctx, session, background, service=service)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings is not None)
    return dialog


# ---- macro settings --------------------------------------------------------------------


def test_macro_models_keep_qt_s_rules(qtbot, qtmodeltester, ctx, background, sup) -> None:
    dialog = _macro(qtbot, ctx, background, sup, FakeRating())
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.history_model)


def test_outlooks_show_their_multipliers(qtbot, ctx, background, sup) -> None:
    dialog = _macro(qtbot, ctx, background, sup, FakeRating())
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert rows == [["Retail", "Stable", "× 0.9"], ["Textiles", "Shrinking", "× 0.7"]]
    assert dialog.economy.currentData() == "neutral"
    assert dialog.economy_multiplier.text() == "limit × 0.95"
    assert not dialog.save_button.isEnabled()  # nothing changed yet


def test_saving_makes_a_new_version(qtbot, ctx, background, sup) -> None:
    service = FakeRating()
    dialog = _macro(qtbot, ctx, background, sup, service)
    assert dialog.model.setData(dialog.model.index(1, 1), "growing")
    assert dialog.model.index(1, 2).data() == "× 1"
    dialog.economy.setCurrentIndex(dialog.economy.findData("downturn"))
    assert dialog.economy_multiplier.text() == "limit × 0.8"
    assert dialog.model.add_industry("Catering")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args == [2]
    assert service.versions[-1].settings.economy == "downturn"
    assert service.versions[-1].settings.industry_outlook == (
        ("Catering", "stable"),
        ("Retail", "stable"),
        ("Textiles", "growing"),
    )
    qtbot.waitUntil(lambda: dialog.history_model.rowCount() == 2)
    newest = [dialog.history_model.index(0, c).data() for c in range(4)]
    assert newest == ["2", "2026-11-26 10:00", "王主管", "Downturn"]
    assert dialog.version.text() == "version 2"


def test_two_supervisors_cannot_overwrite_each_others_settings(
    qtbot, ctx, background, people, warnings
) -> None:
    from workstation.services import rating

    wang, zhou = people["wang.sup"], people["zhou.sup"]
    first = _macro(qtbot, ctx, background, wang, rating)
    second = _macro(qtbot, ctx, background, zhou, rating)  # both opened on the same version
    first.economy.setCurrentIndex(first.economy.findData("downturn"))
    assert first.save()
    second.economy.setCurrentIndex(second.economy.findData("expansion"))
    assert not second.save()  # refused: it was opened on the older version
    assert warnings and "changed by" in warnings[-1]
    assert rating.macro_settings(ctx).economy == "downturn"  # wang's change kept
    qtbot.waitUntil(lambda: second.economy.currentData() == "downturn")  # reloaded


def test_others_see_the_settings_read_only(qtbot, ctx, background, people) -> None:
    dialog = _macro(qtbot, ctx, background, people["li.inv"], FakeRating())
    assert dialog.save_button.isHidden() and not dialog.economy.isEnabled()
    assert not dialog.model.flags(dialog.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_a_refused_save_is_shown_and_changes_nothing(qtbot, ctx, background, sup, warnings) -> None:
    service = FakeRating()
    dialog = _macro(qtbot, ctx, background, sup, service)
    dialog.economy.setCurrentIndex(dialog.economy.findData("expansion"))
    dialog._session = replace(sup, role=type(sup.role)("investigator"))  # role changed since
    assert not dialog.save()
    assert warnings == ["Only a supervisor may change."] and len(service.versions) == 1


# ---- blacklist -------------------------------------------------------------------------


def _blacklist(qtbot, ctx, background, session, service) -> BlacklistDialog:
    dialog = BlacklistDialog(ctx, session, background, service=service)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    return dialog


def test_blacklist_add_requires_a_reason(qtbot, ctx, background, sup) -> None:
    service = FakeRating()
    dialog = _blacklist(qtbot, ctx, background, sup, service)
    dialog.kind.setCurrentIndex(dialog.kind.findData("owner_id_number"))
    dialog.value.setText("330106199001011234")
    assert not dialog.add_button.isEnabled()
    dialog.reason.setText("   ")
    assert not dialog.add_button.isEnabled()
    assert not dialog.add() and service.added == []
    dialog.reason.setText("Malicious default on loan 88")
    assert dialog.add_button.isEnabled()
    dialog.add_button.click()
    assert service.added == [
        ("owner_id_number", "330106199001011234", "Malicious default on loan 88")
    ]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.value.text() == "" and dialog.reason.text() == ""


def test_lifting_asks_why_and_lifted_entries_show_greyed(
    qtbot, ctx, background, sup, monkeypatch
) -> None:
    service = FakeRating()
    dialog = _blacklist(qtbot, ctx, background, sup, service)
    assert dialog.model.rowCount() == 1  # the lifted one is hidden
    dialog.table.selectRow(0)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: None)
    assert not dialog.lift_selected()  # cancelled: nothing lifted
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: "Court order set aside")
    assert dialog.lift_selected()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    dialog.show_lifted.setChecked(True)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    lifted = dialog.model.index(0, 5).data()
    assert lifted == "2026-11-26 10:00 by 王主管: Court order set aside"
    assert dialog.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == LIFTED_COLOR


def test_blacklist_model_keeps_qt_s_rules(qtbot, qtmodeltester, ctx, background, sup) -> None:
    dialog = _blacklist(qtbot, ctx, background, sup, FakeRating())
    dialog.show_lifted.setChecked(True)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtmodeltester.check(dialog.model)


def test_others_may_only_read_the_blacklist(qtbot, ctx, background, people) -> None:
    dialog = _blacklist(qtbot, ctx, background, people["li.inv"], FakeRating())
    assert dialog.lift_button.isHidden() and dialog.add_button.parent().isHidden()


# ---- re-score --------------------------------------------------------------------------


def test_rescore_runs_in_the_background_and_lists_the_changes(qtbot, ctx, background, sup) -> None:
    summaries = []
    start_rescore(None, background, sup, summaries.append, pytest.fail, service=FakeRating())
    qtbot.waitUntil(lambda: summaries != [])
    dialog = RescoreSummaryDialog(summaries[0])
    qtbot.addWidget(dialog)
    assert "30 open case(s) scored." in dialog.headline.text()
    assert "2 changed tier or outcome" in dialog.headline.text()
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert rows == [
        ["7", "tier B · On to investigation", "tier C · On to investigation"],
        ["9", "tier D · On to investigation", "tier E · Declined"],
    ]
    with qtbot.waitSignal(dialog.caseActivated) as opened:
        dialog.table.doubleClicked.emit(dialog.model.index(1, 0))
    assert opened.args == [9]


def test_a_cancelled_rescore_says_how_far_it_got(qtbot) -> None:
    dialog = RescoreSummaryDialog(RescoreSummary(10, (), True))
    qtbot.addWidget(dialog)
    assert dialog.headline.text().startswith("<b>Cancelled: 10 case(s) were scored")
    assert dialog.table.isHidden()


def test_rating_labels() -> None:
    assert rating_text("-/-") == "not rated"
    assert rating_text("A/investigate") == "tier A · On to investigation"
    assert rating_text("-/decline") == "Declined"


def test_the_rating_menu_is_for_supervisors(qtbot, ctx, background, people, monkeypatch) -> None:
    from tests.ui.test_main_window import install_stand_ins
    from workstation.ui.main_window import MainWindow

    install_stand_ins(monkeypatch)
    shown = {}
    for name in ("wang.sup", "li.inv"):
        window = MainWindow(ctx, people[name], background)
        qtbot.addWidget(window)
        shown[name] = window.rating_menu.menuAction().isVisible()
    assert shown == {"wang.sup": True, "li.inv": False}
    assert window.rating_menu.title() == "&Rating"
