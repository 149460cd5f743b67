"""Keep the Qt translations in step with the code.

    python tools/i18n.py update    # collect every tr()/translate()/QT_TRANSLATE_NOOP string
    python tools/i18n.py release   # compile the .ts files to the .qm files the program loads

English is the source language, so only zh_CN has a file. New strings arrive untranslated
(type="unfinished"); tests/ui/test_translations.py fails until each has its Chinese.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The PySide6 tool ``name`` next to this interpreter, else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "workstation").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TS_DIR / f"workstation_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TS_DIR / f"workstation_{lang}.qm"


def update(ts: Path | None = None, lang: str = "zh_CN") -> None:
    target = ts or ts_path(lang)
    subprocess.run(
        [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources(),
         "-target-language", lang, "-ts", str(target)],
        cwd=ROOT, check=True,
    )


def release(ts: Path | None = None, qm: Path | None = None, lang: str = "zh_CN") -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts or ts_path(lang)), "-qm", str(qm or qm_path(lang))],
        cwd=ROOT, check=True,
    )


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "release"):
        print(__doc__)
        return 2
    for lang in LANGUAGES:
        update(lang=lang) if argv[0] == "update" else release(lang=lang)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
