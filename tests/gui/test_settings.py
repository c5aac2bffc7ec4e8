"""Settings upgrades migrate old keys instead of clearing everything (issue 12, item 7)."""

from PySide6.QtCore import QSettings

from fashiondesk.gui import settings as settings_module
from fashiondesk.gui.main_window import MainWindow
from fashiondesk.gui.settings import SETTINGS_VERSION, VERSION_KEY, open_settings, rename


def _version_1_file(qtbot, catalogue, path, tmp_path):
    """What the first release leaves behind: a window closed after some use."""
    settings = open_settings(path, migrations=[])  # version 1, the first layout
    assert settings.value(VERSION_KEY) in (1, "1")
    first = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)  # the offscreen screen is 800 x 600
    first.splitter.setSizes([120, 300, 280])
    settings.setValue("last_folder", "/shop/summer")
    settings.setValue("last_export", "/shop/export.csv")
    settings.setValue("someone_elses/key", "kept")  # a key this release does not know
    sizes = first.splitter.sizes()
    first.close()
    settings.sync()
    return sizes


def test_a_version_1_file_keeps_geometry_splitter_and_last_folder_after_upgrading(
        qtbot, catalogue, tmp_path, monkeypatch):
    path = tmp_path / "fashiondesk.ini"
    sizes = _version_1_file(qtbot, catalogue, path, tmp_path)

    # A later release moves the paths into a group and drops a key it no longer uses.
    def version_2(s):
        rename(s, "last_folder", "paths/last_folder")
        rename(s, "last_export", "paths/last_export")

    def version_3(s):
        s.remove("paths/last_export")

    monkeypatch.setattr(settings_module, "MIGRATIONS", [(2, version_2), (3, version_3)])
    upgraded = open_settings(path)
    assert int(upgraded.value(VERSION_KEY)) == 3
    assert upgraded.value("paths/last_folder") == "/shop/summer"
    assert not upgraded.contains("last_folder") and not upgraded.contains("paths/last_export")
    assert upgraded.value("someone_elses/key") == "kept"
    assert upgraded.value("window/geometry") is not None and upgraded.value("window/splitter") is not None

    second = MainWindow(catalogue, upgraded, tmp_path / "thumbs")
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 520)
    assert second.splitter.sizes() == sizes
    second.close()


def test_the_current_release_opens_a_version_1_file_as_it_is(qtbot, catalogue, tmp_path):
    path = tmp_path / "fashiondesk.ini"
    _version_1_file(qtbot, catalogue, path, tmp_path)
    again = open_settings(path)
    assert int(again.value(VERSION_KEY)) == SETTINGS_VERSION
    assert again.value("last_folder") == "/shop/summer"
    assert again.value("someone_elses/key") == "kept"
    assert again.value("window/geometry") is not None


def test_a_file_from_a_newer_release_is_left_alone(tmp_path):
    path = tmp_path / "fashiondesk.ini"
    newer = QSettings(str(path), QSettings.Format.IniFormat)
    newer.setValue(VERSION_KEY, 99)
    newer.setValue("paths/somewhere_new", "/x")
    newer.setValue("window/geometry", b"\x01\x02")
    newer.sync()
    opened = open_settings(path)
    assert int(opened.value(VERSION_KEY)) == 99
    assert opened.value("paths/somewhere_new") == "/x"
    assert opened.value("window/geometry") is not None


def test_a_step_that_fails_stops_there_and_loses_nothing(tmp_path, caplog):
    path = tmp_path / "fashiondesk.ini"
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue(VERSION_KEY, 1)
    old.setValue("last_folder", "/shop")
    old.sync()

    def broken(_s):
        raise RuntimeError("a bug in a step")

    opened = open_settings(path, migrations=[(2, lambda s: rename(s, "last_folder", "paths/last_folder")),
                                             (3, broken), (4, lambda s: s.setValue("four", 4))])
    assert int(opened.value(VERSION_KEY)) == 2  # the next start tries step 3 again
    assert opened.value("paths/last_folder") == "/shop" and not opened.contains("four")
    assert "upgrading the settings to version 3 failed" in caplog.text and "a bug in a step" in caplog.text


def test_a_new_file_starts_at_the_current_version(tmp_path):
    opened = open_settings(tmp_path / "new.ini")
    assert int(opened.value(VERSION_KEY)) == SETTINGS_VERSION
