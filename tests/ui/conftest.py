"""Qt fixtures: offscreen platform, settings in a temporary folder, a background runner."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from workstation.services.context import Context, Session  # noqa: E402
from workstation.ui.tasks import Background  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path, qapp) -> None:
    """Keep tests off the user's real settings (napari's autouse fixture)."""
    QCoreApplication.setOrganizationName("credit-workstation-tests")
    QCoreApplication.setApplicationName("workstation-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))


@pytest.fixture
def background(ctx: Context):
    runner = Background(ctx)
    yield runner
    runner.shutdown()


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refusal boxes record their text instead of waiting for a click."""
    shown: list[str] = []

    def warning(parent, title, text, *args, **kwargs):  # noqa: ANN001
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(  # a notice after success would wait for a click
        QMessageBox, "information", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    )
    return shown


@pytest.fixture
def officer(people: dict[str, Session]) -> Session:
    return people["li.inv"]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes record (kind, text) instead of waiting for a click."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _p, _t, text, *a, k=kind, **kw: shown.append((k, text))),
        )
    return shown
