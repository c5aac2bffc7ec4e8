"""The bundle's entry point: every CLI command; with no arguments, the window."""

import sys

if sys.platform == "win32":
    # ONNX Runtime's DLLs must load before Qt's on Windows, or they clash (onnxruntime#16883).
    import onnxruntime  # noqa: F401

from fashiondesk.cli.main import main

sys.exit(main())
