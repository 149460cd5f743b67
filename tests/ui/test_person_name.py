"""The user automatic work is recorded under reads as 系统 in Chinese, not "System"."""

from __future__ import annotations

from workstation.ui import i18n
from workstation.ui.common import person_name


def test_the_system_is_named_in_the_interface_language(qapp) -> None:  # noqa: ANN001
    assert person_name("System") == "System" and person_name("李调查") == "李调查"
    assert person_name(None) == ""
    assert i18n.install_translators("zh_CN")
    try:
        assert person_name("System") == "系统"
        assert person_name("李调查") == "李调查"
    finally:
        i18n.install_translators("en")
