"""Every string a person sees has its Chinese, with the same placeholders (TagStudio's check)."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def test_every_string_in_the_code_is_in_the_translation_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(i18n.ts_path("zh_CN"), fresh)
    i18n.update(fresh)
    committed = {(c, s) for c, s, _ in messages(i18n.ts_path("zh_CN"))}
    current = {(c, s) for c, s, _ in messages(fresh)}
    missing = sorted(current - committed)
    assert not missing, f"run `python tools/i18n.py update` and translate: {missing[:10]}"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_string_is_translated_with_the_same_placeholders(lang: str) -> None:
    problems = []
    for context, source, message in messages(i18n.ts_path(lang)):
        node = message.find("translation")
        forms = [f.text or "" for f in node.iter("numerusform")] if node is not None else []
        text = (node.text or "" if not forms else " ".join(forms)) if node is not None else ""
        kind = node.get("type") if node is not None else "missing"
        if not text.strip() or kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} has no translation")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} placeholders differ")
    assert not problems, "\n".join(problems[:20])


def test_compiled_translation_is_current_and_loads(tmp_path: Path, qapp) -> None:
    fresh = tmp_path / "fresh.qm"
    i18n.release(qm=fresh)
    assert fresh.read_bytes() == i18n.qm_path("zh_CN").read_bytes(), (
        "run `python tools/i18n.py release`"
    )
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("zh_CN")))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("labels", "Investigation") == "调查"
    finally:
        QCoreApplication.removeTranslator(translator)
