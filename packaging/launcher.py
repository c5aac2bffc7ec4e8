"""The bundle's entry point: every CLI command; with no arguments, the window."""

import sys


def _hide_own_console() -> None:
    """Started from Explorer or the Start menu, a console program gets a console window of
    its own: hide it behind the app's window. A console shared with the shell that started
    us (more than one process attached) stays, so CLI output still shows there."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if kernel32.GetConsoleProcessList((ctypes.c_uint * 2)(), 2) == 1:
        window = kernel32.GetConsoleWindow()
        if window:
            ctypes.windll.user32.ShowWindow(window, 0)  # type: ignore[attr-defined]  # SW_HIDE


if sys.platform == "win32":
    # ONNX Runtime's DLLs must load before Qt's on Windows, or they clash (onnxruntime#16883).
    import onnxruntime  # noqa: F401

    if len(sys.argv) == 1:
        _hide_own_console()

from fashiondesk.cli.main import main

sys.exit(main())
