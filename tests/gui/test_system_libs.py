"""A missing X11 library is named with its package, before Qt can abort the process."""

from fashiondesk.gui import system_libs


def test_x11_is_used_only_on_linux_without_another_platform_asked_for():
    assert system_libs.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not system_libs.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert system_libs.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not system_libs.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
                                    "linux")
    assert not system_libs.uses_xcb({}, "linux")  # no display at all: Qt says so itself
    assert not system_libs.uses_xcb({"DISPLAY": ":0"}, "win32")


def test_missing_libraries_are_named_with_the_package_to_install(monkeypatch):
    def load(name):
        if name == "libxcb-cursor.so.0":
            raise OSError(f"{name}: cannot open shared object file")

    missing = system_libs.missing_libraries(load)
    assert missing == ["libxcb-cursor.so.0"]
    assert "sudo apt install libxcb-cursor0" in system_libs.explain(missing)


def test_the_window_command_stops_with_the_explanation(monkeypatch, capsys):
    from fashiondesk.cli.main import main

    monkeypatch.setattr(system_libs, "uses_xcb", lambda: True)
    monkeypatch.setattr(system_libs, "missing_libraries", lambda: ["libxcb-icccm.so.4"])
    assert main(["gui"]) == 1
    assert "libxcb-icccm4" in capsys.readouterr().err
