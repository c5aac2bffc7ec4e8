"""The `fashiondesk` command: the GUI by default, subcommands for scripts."""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import unicodedata
from typing import Sequence

from fashiondesk import __version__
from fashiondesk.cli import teach_cmd


class _Version(argparse.Action):
    """``--version``: the app's version and the shipped model's (read only when asked)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from fashiondesk.core.services.models import model_version

        try:
            model = model_version()
        except OSError as exc:
            model = f"missing ({exc.strerror or exc})"
        print(f"fashiondesk {__version__}\nmodel {model}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fashiondesk", description="Catalogue clothing photos.")
    parser.add_argument("--version", action=_Version, help="show the app's and the model's versions and exit")
    parser.add_argument("--db", help="catalogue file or SQLAlchemy URL (default: $FASHIONDESK_DB, then the user data dir)")
    parser.add_argument("--verbose", action="store_true", help="log debugging detail too")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help="open the window (the default); folders given are added and indexed")
    p.add_argument("folders", nargs="*")

    p = sub.add_parser("index", help="add folders and index them (incremental)")
    p.add_argument("folders", nargs="*", help="folders to add; none re-indexes every known folder")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser("export", help="write the catalogue as CSV (generic, or a webshop's product file)")
    p.add_argument("out", help="output file, or '-' for stdout")
    p.add_argument("--format", choices=["generic", "shopify", "woocommerce"], default="generic",
                   help="generic (default): one row per photo; shopify, woocommerce: their product CSV files")
    p.add_argument("--image-url-prefix", default="", metavar="URL",
                   help="where the shop hosts the photos: image URLs are URL + the photo's path in its folder")

    p = sub.add_parser("import", help="product fields, categories and tags from a spreadsheet (all or nothing)")
    p.add_argument("file", help="a CSV file: a path column and any of product, title, price, size, stock, tags, "
                                "category (see the README)")
    p.add_argument("--check", action="store_true", help="only say what would change")
    p.add_argument("--encoding", help="the file's encoding, when it is not found out (e.g. cp1252, gb18030, shift_jis)")

    p = sub.add_parser("group", help="make the photos one product (front, back, detail...)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--product", metavar="HANDLE", help="the product's SKU or handle (default: the one they are in, "
                                                      "else named after the first photo)")

    p = sub.add_parser("ungroup", help="take the photos out of their products")
    p.add_argument("paths", nargs="+")

    p = sub.add_parser("write-xmp", help="keyword sidecars (photo.jpg.xmp) for Lightroom, digiKam, Bridge")
    p.add_argument("paths", nargs="*", help="photos (default: every photo in the catalogue)")
    p.add_argument("--inside", action="store_true",
                   help="put the keywords inside the JPEGs themselves instead (losslessly; each original is "
                        "first copied to the 'originals' folder beside the catalogue)")

    p = sub.add_parser("tag", help="add or remove manual tags, set the staff category")
    p.add_argument("paths", nargs="+")
    p.add_argument("--add", action="append", default=[], metavar="TAG")
    p.add_argument("--remove", action="append", default=[], metavar="TAG")
    p.add_argument("--category", metavar="NAME", help="the staff category of these photos (a new name is allowed)")

    p = sub.add_parser("similar", help="most similar catalogue photos, as path,score CSV")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="catalogued photos or any image files")
    p.add_argument("-k", type=int, default=10, help="how many (default 10)")
    p.add_argument("--category")
    p.add_argument("--tag")
    p.add_argument("--colour", "--color", dest="colour")
    p.add_argument("--products", action="store_true",
                   help="one photo per product (a third column names it), the query's own product left out")

    p = sub.add_parser("outfit", help="pieces of your stock that complete the look, as role,path,score CSV")
    p.add_argument("image", metavar="PHOTO", help="a catalogued photo or any image file")
    p.add_argument("-k", type=int, default=3, help="pieces per role (default 3)")

    p = sub.add_parser("roles", help="the part each category plays in an outfit; set one for your own categories")
    p.add_argument("category", nargs="?", help="a category")
    p.add_argument("role", nargs="?", help="top, bottom, dress, outerwear, shoes or accessory ('none' to forget staff's)")

    p = sub.add_parser("look", help="save photos as a look (an outfit): suggestions learn from saved looks")
    p.add_argument("paths", nargs="*", help="the photos worn together")
    p.add_argument("--name", help="the look's name (default 'Look N')")
    p.add_argument("--list", action="store_true", help="list the saved looks")
    p.add_argument("--delete", type=int, metavar="ID", help="delete a saved look")

    p = sub.add_parser("duplicates", help="groups of the same photo (exact copies, altered copies) and of similar "
                                          "photos, as group,path,min_score,kind,keep CSV")
    p.add_argument("--threshold", type=float, default=None,
                   help="share of fine detail two photos must have in common, once aligned, to be the same photo "
                        "altered (0-1, default 0.85; copies score 0.93-1, other photos at most about 0.8)")
    p.add_argument("--kinds", default="exact,near",
                   help="which groups: exact (the same bytes), near (the same photo altered), similar (photos of a "
                        "similar garment); comma-separated, default exact,near")
    p.add_argument("--similar", type=float, default=None,
                   help="for --kinds similar: embedding cosine similarity (default 0.94)")

    p = sub.add_parser("train", help="fine-tune the clothing model on DATASET/{train,validation}/CLASS/")
    p.add_argument("dataset")
    p.add_argument("--work", help="folder for the activation cache and checkpoints (default ./train-work)")
    p.add_argument("--out", help="where to write NAME.onnx and NAME.json (default resources/models)")
    p.add_argument("--name", default="lite0-clothing")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--views", type=int, help="augmented views cached per photo (default: the recipe's, 6 or 5)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--recipe", choices=["style-free", "flat-lay"], default="style-free",
                   help="style-free (default): views unlike the training photos' style, calibrated on such views "
                        "too; flat-lay: the first model's recipe")

    p = sub.add_parser("evaluate", help="accuracy, F1, calibration, retrieval on DATASET/{train,test}/CLASS/")
    p.add_argument("dataset")
    p.add_argument("--json", help="also write the report as JSON here")
    p.add_argument("--model", help="a model name in resources/models (default: the shipped one)")

    p = sub.add_parser("evaluate-colours", help="dominant-colour accuracy against a CSV of hand labels")
    p.add_argument("labels", help="CSV with columns file,colour (e.g. tests/data/colour_labels.csv)")
    p.add_argument("dataset", help="folder the file column is relative to")

    p = sub.add_parser("folders", help="watched folders: list them, relocate one that moved, remove one")
    p.add_argument("--relocate", nargs=2, metavar=("OLD", "NEW"), help="the folder OLD is now at NEW")
    p.add_argument("--remove", metavar="FOLDER", help="stop watching FOLDER and forget its photos (backed up first)")

    p = sub.add_parser("restore", help="bring back a backup of the catalogue (--list shows them)")
    p.add_argument("backup", nargs="?", help="a number from --list (1 = newest) or a backup file")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")

    teach_cmd.add_commands(sub)
    sub.add_parser("info", help="catalogue location, counts, model version")
    sub.add_parser("failures", help="photos that could not be read, with the reason")
    return parser


# Commands that only read: a catalogue in a read-only folder is opened as it is for them.
READ_ONLY = {"export", "similar", "duplicates", "info", "failures", "outfit"}


def _open(args, read_only: bool | None = None, migrate: bool = True):
    from fashiondesk.core.services import open_catalogue

    read_only = args.command in READ_ONLY if read_only is None else read_only
    catalogue = open_catalogue(args.db, read_only=read_only, migrate=migrate)
    if catalogue.read_only:
        print(f"fashiondesk: note: {catalogue.location} is in a read-only folder; opened it read-only",
              file=sys.stderr)
    return catalogue


def cmd_index(args) -> int:
    from fashiondesk.cli.progressbar import ProgressBar
    from fashiondesk.core import services
    from fashiondesk.core.progress import CancelToken, no_progress

    catalogue = _open(args)
    try:
        _daily_backup(catalogue)
        cancel = CancelToken()
        previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
        bar = no_progress if args.quiet else ProgressBar()
        try:
            summary = services.index(
                catalogue, progress=bar, cancel=cancel,
                folder_paths=args.folders or None, add=True,
            )
        finally:
            signal.signal(signal.SIGINT, previous)
            if bar is not no_progress:
                bar.finish()
    finally:
        catalogue.close()
    _print_summary(summary)
    return 130 if summary.cancelled else 0


def _daily_backup(catalogue) -> None:
    """Before a command changes the catalogue: today's backup, if none yet. A failure is a
    warning, not a reason to stop the work."""
    from fashiondesk.core import services

    try:
        services.daily_backup(catalogue)
    except services.UserError as exc:
        print(f"fashiondesk: warning: no backup today: {exc}", file=sys.stderr)


def _shown(path: str) -> str:
    """A file name as one line: a newline or tab in it is written as \\n or \\t."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) == "Cc" else c for c in path)  # control characters only


def _print_summary(s) -> None:
    err = sys.stderr
    for path in s.added:
        print(f"added folder {path}", file=err)
    state = "cancelled: " if s.cancelled else ""
    print(
        f"{state}{s.indexed} indexed, {s.unchanged} unchanged, {len(s.failed)} failed, "
        f"{s.missing} newly missing, {len(s.relinked)} moved"
        + (f", {s.still_failing} still unreadable" if s.still_failing else "")
        + (f", {s.rechecked} touched but unchanged" if s.rechecked else "")
        + (f", {s.retagged} tagged again by a newer method" if s.retagged else ""),
        file=err,
    )
    for old, new in s.relinked[:20]:
        print(f"  moved: {_shown(old)} -> {_shown(new)}", file=err)
    if len(s.relinked) > 20:
        print(f"  ... and {len(s.relinked) - 20} more moved", file=err)
    for path in s.replaced[:20]:
        print(f"  replaced: {_shown(path)} holds a different photo now; the one it held keeps its tags "
              "as missing until its file turns up", file=err)
    for path, reason in s.failed[:50]:
        print(f"  failed: {_shown(path)}: {reason}", file=err)
    if len(s.failed) > 50:
        print(f"  ... and {len(s.failed) - 50} more (see 'fashiondesk failures')", file=err)
    for path in s.unavailable:
        print(f"  folder not found, or empty (an unplugged drive?); its photos are kept as they were: {path}; if it moved: "
              f"'fashiondesk folders --relocate OLD NEW', if it is gone for good: 'fashiondesk folders --remove OLD'",
              file=err)
    if s.keywords_added:
        print(f"{s.keywords_added} tags read from the photos' own keywords (XMP sidecars, IPTC)", file=err)
    for path, reason in s.keyword_problems[:10]:
        print(f"  keywords not read: {reason} ({_shown(path)})", file=err)
    if s.taught is not None:
        print(f"categories: {s.taught.describe()} ({s.taught.changed} changed)", file=err)
    if s.learning_failed:
        print(f"warning: learning from staff categories failed ({s.learning_failed}); "
              "the next 'fashiondesk learn' or index tries again", file=err)
    if s.cancelled:
        print("the next 'fashiondesk index' continues where this run stopped", file=err)


def cmd_export(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        if args.out == "-":
            count = services.export_csv(catalogue, sys.stdout, args.format, args.image_url_prefix)
        else:
            count = services.export_csv_file(catalogue, args.out, args.format, args.image_url_prefix)
    finally:
        catalogue.close()
    print(f"exported {count} {'photos' if args.format == 'generic' else 'products'}", file=sys.stderr)
    if args.format != "generic" and not args.image_url_prefix:
        print("note: image URLs are the photos' file names; give --image-url-prefix URL with the address "
              "where the shop will host them", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        if not args.check:
            _daily_backup(catalogue)
        result = services.import_sheet(catalogue, args.file, check=args.check, encoding=args.encoding)
    finally:
        catalogue.close()
    what = (f"{result.products_created} products created, {result.products_changed} changed, "
            f"{result.photos_moved} photos put in or moved within a product, {result.categories_set} categories set, "
            f"{result.tags_added} tags added")
    read = f"{result.rows} rows ({result.encoding}, separated by {result.delimiter!r})"
    if result.extra_columns:
        read += "; kept with the products: " + ", ".join(result.extra_columns)
    print(f"{read}\n{'would be: ' if args.check else ''}{what}" + (" (nothing was changed)" if args.check else ""),
          file=sys.stderr)
    return 0


def cmd_group(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        _daily_backup(catalogue)
        product = services.group_photos(catalogue, services.photo_ids_at(catalogue, args.paths), args.product)
    finally:
        catalogue.close()
    print(f"product {product.handle}: {len(product.photo_ids)} photos", file=sys.stderr)
    return 0


def cmd_ungroup(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        n = services.ungroup_photos(catalogue, services.photo_ids_at(catalogue, args.paths))
    finally:
        catalogue.close()
    print(f"{n} photos taken out of their products", file=sys.stderr)
    return 0


def cmd_write_xmp(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        report = services.write_xmp(catalogue, args.paths or None, inside=args.inside)
        kept = services.originals_folder(catalogue)
    finally:
        catalogue.close()
    what = "photos given their keywords inside" if args.inside else "sidecars written"
    for path, reason in report.failed[:20]:
        print(f"  not written: {path}{'' if args.inside else '.xmp'}: {reason}", file=sys.stderr)
    print(f"{report.written} {what}, {report.unchanged} already up to date, {len(report.failed)} failed",
          file=sys.stderr)
    if args.inside and report.written:
        print(f"the originals are kept in {kept}", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_tag(args) -> int:
    from fashiondesk.core import services

    if not args.add and not args.remove and args.category is None:
        raise services.UserError("say what to do: --add TAG, --remove TAG and/or --category NAME")
    catalogue = _open(args)
    try:
        _daily_backup(catalogue)
        n = services.tag(catalogue, args.paths, args.add, args.remove, args.category)
    finally:
        catalogue.close()
    print(f"tags changed on {n} of {len(args.paths)} photos" if n else "no change: every photo already had those tags",
          file=sys.stderr)
    if n and args.category is not None:
        print("the other photos learn from this on the next 'fashiondesk learn' or 'fashiondesk index'", file=sys.stderr)
    return 0


def cmd_similar(args) -> int:
    from fashiondesk.core import services
    from fashiondesk.core.services import Filters, csv_writer, neutralise

    catalogue = _open(args)
    try:
        hits = services.similar(
            catalogue, args.images, args.k, Filters(args.category, args.tag, args.colour), products=args.products
        )
    finally:
        catalogue.close()
    out = csv_writer(sys.stdout)
    out.writerow(["path", "score"] + (["product"] if args.products else []))
    for hit in hits:
        out.writerow([hit.path, f"{hit.score:.4f}"] + ([neutralise(hit.product or "")] if args.products else []))
    return 0


def cmd_outfit(args) -> int:
    from fashiondesk.core import services
    from fashiondesk.core.services import csv_writer

    catalogue = _open(args)
    try:
        pieces = services.outfit(catalogue, args.image, args.k)
    finally:
        catalogue.close()
    out = csv_writer(sys.stdout)
    out.writerow(["role", "path", "score"])
    for piece in pieces:
        out.writerow([piece.role, piece.path, f"{piece.score:.4f}"])
    if not pieces:
        print("nothing in the catalogue completes this look yet", file=sys.stderr)
    return 0


def cmd_roles(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        if args.category is not None:
            if args.role is None:
                raise services.UserError("say the role too: fashiondesk roles CATEGORY ROLE")
            services.set_role(catalogue, args.category, None if args.role == "none" else args.role)
        listed = services.roles(catalogue)
    finally:
        catalogue.close()
    for row in listed:
        print(f"{row.category:24s} {row.role or '-':10s} {row.how} ({row.photos} photos)")
    return 0


def cmd_look(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        if args.delete is not None:
            if not services.delete_look(catalogue, args.delete):
                raise services.UserError(f"there is no look {args.delete}")
        elif args.paths:
            look_id = services.save_look(catalogue, services.photo_ids_at(catalogue, args.paths), args.name)
            print(f"look {look_id} saved ({len(args.paths)} photos)", file=sys.stderr)
        saved = services.looks(catalogue) if args.list or not args.paths else []
    finally:
        catalogue.close()
    for look_id, name, members in saved:
        print(f"{look_id}\t{name}\t{len(members)} photos")
    return 0


def cmd_duplicates(args) -> int:
    from fashiondesk.core import services
    from fashiondesk.core.services import csv_writer

    catalogue = _open(args)
    try:
        found = services.duplicates(catalogue, args.threshold, [k.strip() for k in args.kinds.split(",") if k.strip()],
                                    args.similar)
    finally:
        catalogue.close()
    out = csv_writer(sys.stdout)
    out.writerow(["group", "path", "min_score", "kind", "keep"])
    for n, group in enumerate(found.groups, 1):
        for photo in group.photos:
            out.writerow([n, photo.path, f"{group.score:.4f}", group.kind, "keep" if photo.keep else ""])
    words = {"exact": "of exact copies", "near": "of altered copies", "similar": "of similar photos"}
    counts = [(sum(1 for g in found.groups if g.kind == kind), text) for kind, text in words.items()]
    print("; ".join(f"{n} group{'' if n == 1 else 's'} {text}" for n, text in counts if n) or "no duplicates found",
          file=sys.stderr)
    if found.unchecked:
        print(f"{found.unchecked} photos were indexed before fashiondesk kept fingerprints: run `fashiondesk index` "
              "to check them for altered copies too", file=sys.stderr)
    return 0


def cmd_train(args) -> int:
    from fashiondesk.cli import train_cmd

    return train_cmd.run(args)


def cmd_evaluate(args) -> int:
    import json

    from fashiondesk.core import services

    report = services.evaluate(args.dataset, args.model)
    print(services.format_evaluation(report))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2)
    return 0


def cmd_evaluate_colours(args) -> int:
    from fashiondesk.core import services

    print(services.evaluate_colours(args.labels, args.dataset))
    return 0


def cmd_info(args) -> int:
    from fashiondesk.core import logs, services

    catalogue = _open(args)
    try:
        i = services.info(catalogue, services.model_version())
        backups = services.list_backups(catalogue)
        cut_short = services.index_unfinished(catalogue)
    finally:
        catalogue.close()
    print(f"catalogue: {i.location} (schema {i.schema_version})")
    print(f"model: {i.model_version}")
    print(f"folders: {len(i.folders)}")
    for f in i.folders:
        print(f"  {f}")
    total = sum(i.photos_by_status.values())
    by_status = ", ".join(f"{k} {v}" for k, v in sorted(i.photos_by_status.items()))
    print(f"photos: {total}" + (f" ({by_status})" if by_status else ""))
    if cut_short:
        print("the last index run was cut short: 'fashiondesk index' (or opening the window) finishes it")
    if i.skipped_files:
        print(f"files that could not be taken as photos: {i.skipped_files} (see 'fashiondesk failures')")
    print(f"embeddings with this model: {i.embeddings_by_model.get(i.model_version, 0)}")
    print("tags: " + (", ".join(f"{k} {v}" for k, v in sorted(i.tags_by_kind.items())) or "0"))
    print(f"backups: {len(backups)}" + (f", newest {backups[0].taken:%Y-%m-%d %H:%M} in {backups[0].path.parent}" if backups else ""))
    print(f"log file: {logs.log_path()}")
    return 0


def cmd_folders(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args, read_only=not (args.relocate or args.remove))
    try:
        if args.relocate:
            _daily_backup(catalogue)
            n = services.relocate(catalogue, *args.relocate)
            print(f"relocated {n} photos to {args.relocate[1]}; 'fashiondesk index' checks the files", file=sys.stderr)
        elif args.remove:
            gone = services.remove(catalogue, args.remove)
            print(f"removed {gone.path}: {gone.photos} photos, {gone.manual_tags} staff tags"
                  + (f"; backup first: {gone.backup} ('fashiondesk restore 1' brings it back)" if gone.backup else ""),
                  file=sys.stderr)
        else:
            for f in services.folders(catalogue):
                state = "ok" if f.present else "NOT FOUND"
                print(f"{state}\t{f.photos} photos ({f.missing} missing)\t{f.path}")
    finally:
        catalogue.close()
    return 0


def cmd_restore(args) -> int:
    from fashiondesk.core import services

    listing = args.list or not args.backup
    catalogue = _open(args, read_only=listing, migrate=False)  # works on a damaged catalogue too
    try:
        if listing:
            if services.database_file(catalogue) is None:
                raise services.UserError("backups are kept for catalogue files; a server database has its own")
            listed = services.list_backups(catalogue)
            for n, b in enumerate(listed, 1):
                counts = f"{b.photos} photos, {b.tags} tags" if b.photos is not None else "cannot be read"
                print(f"{n}\t{b.taken:%Y-%m-%d %H:%M}\t{b.reason}\t{counts}\t{b.path}")
            if not listed:
                print("no backups yet (one is taken each day the catalogue changes)", file=sys.stderr)
            return 0
        chosen, safety = services.restore(catalogue, args.backup)
    finally:
        catalogue.close()
    print(f"restored {chosen.path}" + (f"; the state it replaced was backed up to {safety}" if safety else ""),
          file=sys.stderr)
    return 0


def cmd_failures(args) -> int:
    from fashiondesk.core import services

    catalogue = _open(args)
    try:
        for path, reason in services.failures(catalogue):
            print(f"{_shown(path)}\t{reason}")
    finally:
        catalogue.close()
    return 0


COMMANDS = {
    "index": cmd_index,
    "export": cmd_export,
    "tag": cmd_tag,
    "import": cmd_import,
    "outfit": cmd_outfit,
    "roles": cmd_roles,
    "look": cmd_look,
    "write-xmp": cmd_write_xmp,
    "group": cmd_group,
    "ungroup": cmd_ungroup,
    "similar": cmd_similar,
    "duplicates": cmd_duplicates,
    "train": cmd_train,
    "evaluate": cmd_evaluate,
    "evaluate-colours": cmd_evaluate_colours,
    "info": cmd_info,
    "failures": cmd_failures,
    "folders": cmd_folders,
    "restore": cmd_restore,
    "learn": lambda args: teach_cmd.cmd_learn(args, _open, _daily_backup),
    "evaluate-teaching": teach_cmd.cmd_evaluate_teaching,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "gui"):
        try:
            from fashiondesk.gui import system_libs

            missing = system_libs.missing_libraries() if system_libs.uses_xcb() else []
            if missing:
                print(f"fashiondesk: {system_libs.explain(missing)}", file=sys.stderr)
                return 1
            from fashiondesk.gui.app import run
        except ImportError as exc:  # Qt's own libraries missing (a server, a bare container)
            print(f"fashiondesk: the window cannot start: {exc}. The commands work without it; "
                  "see 'fashiondesk --help'.", file=sys.stderr)
            return 1
        return run(args.db, getattr(args, "folders", ()), verbose=args.verbose)
    from fashiondesk.core import logs
    from fashiondesk.core.services import CatalogueError, SchemaError, UserError, explain

    log_file = logs.setup(args.verbose)
    logs.log.debug("command: %s", args.command)
    # Everything imported so far lives as long as the command: the garbage collector need
    # not walk it again (its full passes over SQLAlchemy's and numpy's objects cost a
    # command like 'outfit' tens of milliseconds).
    gc.freeze()
    try:
        return COMMANDS[args.command](args)
    except (UserError, SchemaError, CatalogueError, FileNotFoundError) as exc:
        logs.log.info("%s refused: %s", args.command, exc)
        print(f"fashiondesk: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line for the user, the traceback for the log
        logs.log.exception("%s failed", args.command)
        where = f" (details in {log_file})" if log_file else ""
        message = explain(exc, _catalogue_name(args))
        print(f"fashiondesk: {message or f'unexpected error: {type(exc).__name__}: {exc}'}{where}", file=sys.stderr)
        return 1


def _catalogue_name(args) -> str:
    from fashiondesk.core.services import resolve_url

    try:
        return resolve_url(args.db, check=False).removeprefix("sqlite:///")
    except Exception:  # noqa: BLE001 - only used to word a message
        return "the catalogue"


if __name__ == "__main__":
    sys.exit(main())
