"""Messages as data (domain/messages.py): a placeholder may hold another message, rendered
as its own text (the window translates each, ui.common.message_text)."""

from __future__ import annotations

from workstation.domain.messages import Message, RuleError

INNER = "{file}, line {line}: “{value}” is not a date and time"
OUTER = "The mapping was not saved: {file} cannot be read with this one: {why}."


def test_a_message_inside_a_message_is_rendered_as_its_own_text() -> None:
    inner = Message.of(INNER, file="a.csv", line=8, value="转账存入")
    outer = Message.of(OUTER, file="a.csv", why=inner)
    assert outer.render() == (
        "The mapping was not saved: a.csv cannot be read with this one: a.csv, line 8: "
        "“转账存入” is not a date and time."
    )
    assert str(RuleError(outer)) == outer.render()
    assert dict(outer.params)["why"] is inner  # kept as a message, for the translation
    # a translated template gets the nested message filled in too
    assert outer.render("未保存：{file}；{why}") == (
        "未保存：a.csv；a.csv, line 8: “转账存入” is not a date and time"
    )


def test_messages_nest_more_than_once_and_stay_comparable() -> None:
    deepest = Message.of("{n} rows", n=3)
    middle = Message.of("read: {what}", what=deepest)
    outer = Message.of("[{inner}]", inner=middle)
    assert outer.render() == "[read: 3 rows]"
    assert outer == Message.of("[{inner}]", inner=Message.of("read: {what}", what=deepest))
    assert hash(outer) == hash(Message.of("[{inner}]", inner=middle))
