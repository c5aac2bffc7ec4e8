"""Help → Quick guide, Model card, Open log folder and About: help that works offline.

The guide and the model card open in a small window of their own, beside the main one,
so staff can keep the guide open while they work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from fashiondesk.core import logs, services
from fashiondesk.gui.editing import UNDO_STEPS
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import log_file, shown_path

GUIDE = QT_TRANSLATE_NOOP("Help", """
<h2>fashiondesk in five minutes</h2>

<h3>Add your photos</h3>
<p><b>File → Add folder…</b> (Ctrl+O), or drag a folder onto the window. fashiondesk looks
at every photo once, in the background, and puts it in the grid with a category (dress,
shoes…) and its colours. Your photo files stay where they are. <b>Rescan</b> (F5) picks up
photos added, changed or moved since.</p>

<h3>Check the categories</h3>
<p>Click <b>Needs review</b> on the left: the photos with no category yet, or whose category
fashiondesk is not sure of, least sure first. An orange dot marks them in the grid. Click a
photo in the grid, then use the keys:</p>
<table cellspacing="2" cellpadding="2">
<tr><td><b>A</b></td><td>the category is right: accept it</td></tr>
<tr><td><b>R</b></td><td>the category is wrong: reject it (then choose the right one)</td></tr>
<tr><td><b>1</b> to <b>9</b>, <b>0</b></td><td>choose the 1st to 9th category of the Category box's
list, 0 the 10th (<b>Review → Set the category</b> shows which number is which)</td></tr>
<tr><td><b>C</b></td><td>type a category's name, then Enter; a new name of your own (blazer, polo)
is fine</td></tr>
<tr><td><b>N</b></td><td>go to the next photo to review</td></tr>
<tr><td><b>Ctrl+Z</b></td><td>undo the last change (up to {undo_steps} steps)</td></tr>
</table>
<p>Select several photos first (Ctrl+click, Shift+click) and the key applies to all of them.
After a decision on one photo fashiondesk moves on to the next one to review (turn that off in
the Review menu).</p>

<h3>It learns from you</h3>
<p>Every category you set or accept is an example. A moment after your last change,
fashiondesk learns again from all your examples, in the background, in a few seconds, and
updates the categories it suggests for the other photos: correct a few blazers it called
“outerwear” and the rest follow. A new name of your own is suggested on other photos once it
has {min_examples} examples. Categories you set yourself are never changed by this; remove one and its
example is forgotten. <b>Why?</b> beside a learned category shows the examples it came
from.</p>

<h3>Find photos</h3>
<p><b>Search</b> (Ctrl+F) looks in file names and tags; every word must match. The boxes
beside it narrow to one category or colour. Click a photo to see similar items beside it;
drag a customer's picture onto the window to find the look-alikes you have.
<b>View → Sort by</b> orders the grid by folder, name, date or least sure first;
<b>View → Thumbnail size</b> (Ctrl + and Ctrl −, Ctrl+0 for the usual size, or Ctrl and
the mouse wheel) makes the photos larger or smaller.</p>

<h3>Products</h3>
<p>Select the photos of one garment (front, back, detail), right-click and choose
<b>Group as one product…</b>, with its SKU. Similar items then show each product once.
<b>File → Import spreadsheet…</b> (Ctrl+I) reads a CSV with a <i>path</i> column and any of
<i>product</i>, <i>title</i>, <i>price</i>, <i>size</i>, <i>stock</i>, <i>tags</i>: it says what
would change before it changes anything, and a file with a mistake changes nothing and
lists the rows to fix.</p>

<h3>Outfits</h3>
<p>Unfold <b>Goes with</b> under the similar items: for the photo shown, the bottoms, shoes,
outerwear and accessories of your stock that complete the look, one row each; colours that
clash come last. <b>Save look</b> keeps the photo with the first piece of each row (or
select photos worn together, right-click, <b>Save as a look…</b>): the suggestions learn
from the looks you save.</p>

<h3>Export</h3>
<p><b>File → Export…</b> (Ctrl+E) writes one line per photo (where it is, its category and
whether it still needs review, colours, tags, its product), for Excel, LibreOffice or the
till; or a <b>Shopify</b> or <b>WooCommerce</b> product file, with the address where your
shop will host the photos. <i>Only the photos shown now</i> exports the current view.
<b>File → Write keyword sidecars (XMP)…</b> puts the tags beside the photos for Lightroom,
digiKam and Bridge; the photos themselves are never changed.</p>

<h3>If something goes wrong</h3>
<p>The message says what happened; the details go to the log. <b>Help → Open log folder</b>
shows it, and <b>Help → About</b> lists what to send when you ask for help.</p>
""")


def build_help_menu(window, menu: QMenu) -> None:
    """Fill ``menu``: the quick guide (F1), the model card, the log folder, then About
    (``window.about_action``)."""
    guide = QAction(translate("Help", "Quick guide"), window)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.setStatusTip(translate("Help", "How to add photos, review categories with the keys, group products, import and export"))
    guide.triggered.connect(lambda: show_guide(window))
    card = QAction(translate("Help", "Model card"), window)
    card.setStatusTip(translate("Help", "What the model that suggests categories learned from, and how often it is right"))
    card.triggered.connect(lambda: show_model_card(window))
    folder = QAction(translate("Help", "Open log folder"), window)
    folder.setStatusTip(translate("Help", "The folder of the log file, where the details of every error go"))
    folder.triggered.connect(lambda: open_log_folder(window))
    menu.addAction(guide)
    menu.addAction(card)
    menu.addSeparator()
    menu.addAction(folder)
    menu.addSeparator()
    menu.addAction(window.about_action)
    window.addAction(guide)  # F1 wherever the window has the focus


# -- the pages ---------------------------------------------------------------------------

class TextPage(QDialog):
    """A page of text in a window of its own, with Close; links open in the browser. Closed,
    it is only hidden: asked for again, it comes back as it was."""

    def __init__(self, parent: QWidget, name: str, title: str):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setModal(False)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 720)


def _page(parent: QWidget, name: str, title: str) -> tuple[TextPage, bool]:
    """The page made already, or a new one (True)."""
    found = parent.findChild(TextPage, name)
    return (found, False) if found is not None else (TextPage(parent, name, title), True)


def _show(page: TextPage) -> TextPage:
    page.show()
    page.raise_()
    page.activateWindow()
    return page


def show_guide(parent: QWidget) -> TextPage:
    page, new = _page(parent, "quick guide", translate("Help", "fashiondesk: quick guide"))
    if new:
        page.text.setHtml(translate("Help", GUIDE).format(undo_steps=UNDO_STEPS, min_examples=services.MIN_EXAMPLES))
    return _show(page)


def show_model_card(parent: QWidget) -> TextPage:
    page, new = _page(parent, "model card", "fashiondesk: model card")
    if new:
        path = services.browse.model_card()
        try:
            page.text.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError as exc:
            page.text.setPlainText(f"The model card cannot be read: {path} ({exc.strerror or exc}).")
    return _show(page)


# -- the log folder ----------------------------------------------------------------------

def log_folder() -> Path:
    """Where the log is written (or would be, with logging off)."""
    return (log_file() or logs.log_path()).parent


def open_log_folder(parent: QWidget) -> None:
    """Show the log folder in the file manager; where there is none, say where it is."""
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the file manager, or the message below, says it is not there
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        QMessageBox.information(parent, "Log folder", f"The log folder is {shown_path(folder)}")
