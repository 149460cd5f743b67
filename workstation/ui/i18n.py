"""Which language the window speaks, and loading its translations.

The translators are children of the application object (found again by object name), so a
live switch can remove the old ones without a module-level registry. A missing ``.qm`` file
is not an error: the English source strings are shown instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = ("zh_CN", "en")
LANGUAGE_KEY = "ui/language"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
_TRANSLATOR_NAME = "workstation-translator"


def choose_language(requested: str | None, settings: QSettings | None = None) -> str:
    """The command line wins, then the saved choice, then Chinese on a Chinese system."""
    if requested in LANGUAGES:
        return str(requested)
    saved = (settings or QSettings()).value(LANGUAGE_KEY, "", str)
    if saved in LANGUAGES:
        return str(saved)
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def save_language(language: str) -> None:
    QSettings().setValue(LANGUAGE_KEY, language)


def current_language() -> str:
    """The language installed last (English when no translation is loaded)."""
    app = QCoreApplication.instance()
    if app is None:
        return "en"
    return str(app.property("workstation_language") or "en")


def install_translators(language: str) -> bool:
    """Replace the installed translators with ``language``'s; True when ours was found.

    Installing sends every widget a ``LanguageChange`` event, so open windows retranslate.
    """
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    app.setProperty("workstation_language", language)
    if language == "en":
        return True  # the source strings are English
    if not _load(app, f"workstation_{language}", str(TRANSLATIONS_DIR)):
        return False  # all English, rather than Chinese OK buttons under English text
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, f"qtbase_{language}", qt_dir)  # standard buttons and dialogs
    return True


def _load(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if not translator.load(name, folder):
        translator.deleteLater()
        return False
    QCoreApplication.installTranslator(translator)
    return True
