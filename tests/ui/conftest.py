"""Qt fixtures: offscreen platform, settings in a temporary folder, a background runner."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from workstation.services.context import Context  # noqa: E402
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
