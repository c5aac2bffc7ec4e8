"""Messages the core gives staff (errors, refusals), translatable by the window.

The core knows nothing of Qt, and the command line speaks English. A message is made with
``translate(context, template, **fields)``: an ordinary English string (what the command
line prints, what the log keeps) that also carries its template and fields, so the window
can show it in its own language (``gui/i18n.py``, ``jobs.failure_text``).
``pyside6-lupdate`` finds these calls as it finds the window's (see the README).
"""

from __future__ import annotations

import functools
import re


class Message(str):
    """English text that remembers how it was made. ``format`` fills its fields and keeps
    them (``translate(...).format(...)``: the shape ``pyside6-lupdate`` reads)."""

    context: str
    template: str
    fields: dict[str, object]

    def __new__(cls, context: str, template: str, fields: dict[str, object]) -> "Message":
        made = super().__new__(cls, template.format(**fields) if fields else template)
        made.context, made.template, made.fields = context, template, fields
        return made


    def format(self, *args: object, **fields: object) -> "Message":
        if args:
            raise TypeError("a message's fields are named")
        return Message(self.context, self.template, {**self.fields, **fields})


_templates: dict[str, set[str]] = {}  # every template made so far, by context


def translate(context: str, template: str) -> Message:
    """The message in English, translatable: call it with literal strings, then ``.format``
    its named fields."""
    _templates.setdefault(context, set()).add(template)
    return Message(context, template, {})


def read_back(text: str, contexts: tuple[str, ...]) -> Message | None:
    """The message of one of these contexts that reads ``text`` (a reason stored in the
    catalogue as English), fields and all, so that the window can show it in its language;
    None if no template made so far reads it. Templates are known once the module that
    makes them is imported (define them at module level)."""
    for context in contexts:
        for template in sorted(_templates.get(context, ()), key=len, reverse=True):
            found = re.fullmatch(_pattern(template), text, flags=re.DOTALL)
            if found:
                return Message(context, template, found.groupdict())
    return None


@functools.lru_cache(maxsize=256)
def _pattern(template: str) -> str:
    parts = re.split(r"\{(\w+)\}", template)  # text, name, text, name, ..., text
    return "".join(re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts))


def joined(separator: str, parts: list) -> Message:
    """Parts (messages or plain text) joined, each translated on its own by the window."""
    fields = {f"p{n}": part for n, part in enumerate(parts)}
    return Message("", separator.join("{" + name + "}" for name in fields), fields)
