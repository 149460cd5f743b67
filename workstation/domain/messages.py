"""Messages the rules give to people, as data the window translates.

The domain knows no Qt, yet its refusals must reach an officer in Chinese or English. A
message is an English template with named placeholders, marked with
``QT_TRANSLATE_NOOP("messages", ...)`` so ``pyside6-lupdate`` collects it; the window
looks the template up in the "messages" context and fills the placeholders.

A placeholder's value may itself be a message (a refusal that quotes another, say): it is
rendered in English here, and the window translates it like the outer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONTEXT = "messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate knows
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """A message for a person: English template plus the values of its placeholders (a
    value may be a ``Message``, filled in as its own text)."""

    template: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    @classmethod
    def of(cls, template: str, **params: Any) -> Message:
        return cls(template, tuple(sorted(params.items())))

    def render(self, template: str | None = None) -> str:
        """Fill the placeholders into ``template`` (a translation) or the English one; a
        nested message is rendered in English (``ui.common.message_text`` translates it)."""
        params = {
            name: value.render() if isinstance(value, Message) else value
            for name, value in self.params
        }
        return (template or self.template).format(**params)

    def __str__(self) -> str:
        return self.render()


class RuleError(Exception):
    """A move or input the rules refuse; carries a translatable message."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message
