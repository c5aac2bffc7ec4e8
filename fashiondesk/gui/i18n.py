"""The window's language: English or Simplified Chinese, the Qt way.

Strings are marked with ``translate(context, text)``, extracted
into ``resources/i18n/fashiondesk_zh_CN.ts`` and compiled to ``.qm`` by

    pyside6-lupdate fashiondesk/gui/*.py fashiondesk/core/*.py fashiondesk/core/*/*.py -ts resources/i18n/fashiondesk_zh_CN.ts
    pyside6-lrelease resources/i18n/fashiondesk_zh_CN.ts

Qt's own dialogs (file chooser, message-box buttons) speak it through Qt's
``qtbase_zh_CN.qm``. The language follows the system's unless staff chose one under
View → Language (remembered; it applies the next time the window opens). Chinese text
needs a font that has it: the families listed in ``CJK_FONTS`` are asked for after the
desktop's own, one of which each of Windows, macOS and the common Linux desktops has.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from fashiondesk.core import services
from fashiondesk.core.messages import Message, read_back

LANGUAGE_KEY = "view/language"
SYSTEM = "system"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
CJK_FONTS = ["Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC",
             "WenQuanYi Micro Hei", "Droid Sans Fallback"]

_installed: list[QTranslator] = []


def translate(context: str, text: str) -> str:
    """``text`` in the window's language. Call it with literal strings, so that
    ``pyside6-lupdate`` finds them (it reads calls named ``translate``)."""
    return QCoreApplication.translate(context, text)


def shown(text: object) -> str:
    """A message of the core's (``core.messages``) in the window's language, its fields too;
    anything else as it is."""
    if isinstance(text, Message):
        fields = {name: shown(value) for name, value in text.fields.items()}
        template = QCoreApplication.translate(text.context, text.template) if text.context else text.template
        try:
            return template.format(**fields) if fields else template
        except (KeyError, IndexError, ValueError):  # a translation that lost a field: English, not a crash
            return text.template.format(**fields) if fields else text.template
    return str(text)


def stored(reason: str) -> str:
    """A reason the catalogue keeps in English (why a photo could not be read) in the
    window's language, its parts too; as it is if no message of the core reads it."""
    message = read_back(reason, STORED_CONTEXTS)
    if message is None:
        return reason
    fields = {name: stored(str(value)) for name, value in message.fields.items()}  # "a folder", say
    template = QCoreApplication.translate(message.context, message.template)
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: English, not a crash
        return message.template.format(**fields)


STORED_CONTEXTS = ("Photos",)


def chosen(settings: QSettings | None) -> str:
    """The language to speak: staff's choice, else the system's when fashiondesk speaks it."""
    choice = str(settings.value(LANGUAGE_KEY, SYSTEM)) if settings is not None else SYSTEM
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def choose(settings: QSettings, language: str) -> None:
    settings.setValue(LANGUAGE_KEY, language if language in LANGUAGES else SYSTEM)


def install(app: QApplication, language: str) -> bool:
    """Speak ``language`` from now on (English needs nothing); False when its file is missing."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    # Dates and numbers in the language spoken, whatever the system's locale (often C).
    system = QLocale.system()
    english = system if system.language() == QLocale.Language.English else QLocale("en_GB")
    QLocale.setDefault(english if language == "en" else QLocale(language))
    if language == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(translations_dir() / f"fashiondesk_{language}.qm")):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    font = QFont(app.font())
    font.setFamilies([font.family(), *CJK_FONTS])
    app.setFont(font)
    return True


def translations_dir() -> Path:
    return services.browse.resources_dir() / "i18n"
