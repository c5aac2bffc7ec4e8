"""Help → About: what a shop needs to tell when asking for help (version, files, model, log)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from fashiondesk.core import logs, services
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import log_file


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as installed

    try:
        return installed("fashiondesk")
    except PackageNotFoundError:
        return translate("About", "unknown (not installed)")


def about_facts(catalogue: services.Catalogue) -> list[tuple[str, str]]:
    written = log_file()
    log = str(written) if written is not None else translate("About", "{path} (not written: logging is off)").format(
        path=logs.log_path())
    try:
        model = services.model_version()
    except Exception as exc:  # noqa: BLE001 - the dialog still opens: it is where to look for help
        model = translate("About", "unknown ({error})").format(error=exc)
    return [
        (translate("About", "Version"), version()),
        (translate("About", "Catalogue"), catalogue.location),
        (translate("About", "Model"), model),
        (translate("About", "Model card"), str(services.browse.model_card())),
        (translate("About", "Log file"), log),
    ]


def about_text(catalogue: services.Catalogue) -> str:
    rows = "".join(f"<tr><td><b>{escape(name)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
                   for name, value in about_facts(catalogue))
    intro = translate("About", "<b>fashiondesk</b>: a catalogue for clothing boutiques: tags and similar items "
                               "for product photos.")
    help_text = escape(translate("About", "Help → Quick guide (F1) shows how to review categories with the keys. "
                                          "When you ask for help, send this list and the log file."))
    return f"<p>{intro}</p><table>{rows}</table><p>{help_text}</p>"


def show_about(parent: QWidget, catalogue: services.Catalogue) -> None:
    QMessageBox.about(parent, translate("About", "About fashiondesk"), about_text(catalogue))
