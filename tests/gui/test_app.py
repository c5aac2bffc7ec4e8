from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fashiondesk.cli.main import main
from fashiondesk.core import services
from fashiondesk.core.catalogue.db import open_catalogue
from fashiondesk.gui.main_window import MainWindow


def test_gui_command_opens_the_window_and_indexes_the_folder(qapp, tmp_path, sample_photos):
    """What the README's Quick start runs: `fashiondesk --db DB gui FOLDER`."""
    folder = sample_photos(3)
    seen = []

    def close_when_indexed():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            QTimer.singleShot(50, close_when_indexed)
            return
        window = windows[0]
        seen.append(window.isVisible())
        if window.is_indexing():
            window.index_finished.connect(lambda _s: window.close())
        else:
            window.close()

    QTimer.singleShot(0, close_when_indexed)
    assert main(["--db", str(tmp_path / "c.db"), "gui", str(folder)]) == 0
    assert seen == [True]
    catalogue = open_catalogue(tmp_path / "c.db")
    assert services.info(catalogue, "").photos_by_status == {"ok": 3}
    catalogue.close()
