"""File dialogs must not open the files they list: closing any descriptor of the catalogue
drops this process's SQLite locks on it (see gui/file_dialogs.py)."""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider

from fashiondesk.gui import file_dialogs


def test_files_are_named_by_their_extension_never_by_their_content(qapp, tmp_path):
    disguised = tmp_path / "catalogue.db-wal"
    disguised.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # content a sniffer would call a PNG
    sniffer = QAbstractFileIconProvider()
    assert "PNG" in sniffer.type(QFileInfo(str(disguised))), "Qt's own provider reads the file"
    plain = file_dialogs.PlainIcons()
    assert plain.type(QFileInfo(str(disguised))) == "DB-WAL file"
    assert plain.type(QFileInfo(str(tmp_path))) == "Folder"
    assert not plain.icon(QFileInfo(str(disguised))).isNull()


def test_every_dialog_the_window_opens_lists_quietly(qapp, monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(file_dialogs.QFileDialog, "exec", lambda self: seen.append(self.iconProvider()) or 0)
    assert file_dialogs.open_file(None, "t", str(tmp_path), "CSV files (*.csv)") == ""
    assert file_dialogs.save_file(None, "t", str(tmp_path), "CSV files (*.csv)") == ""
    assert file_dialogs.folder(None, "t", str(tmp_path)) == ""
    assert len(seen) == 3 and all(isinstance(p, file_dialogs.PlainIcons) for p in seen)
