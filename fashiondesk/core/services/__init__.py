"""The use cases: the one door through which the command line and the window reach the core.

Each lives in a small module of this package; everything a front end may call is named
here. Front ends import this package and the plain records (``core.records``,
``core.progress``), nothing else of the core (an import-linter contract says so).
"""

from __future__ import annotations

from fashiondesk.core.catalogue.db import Catalogue, CatalogueError, open_catalogue, resolve_url
from fashiondesk.core.catalogue.migrations import SchemaError
from fashiondesk.core.export.csv_export import csv_writer, neutralise
from fashiondesk.core.index.closeness import Closeness
from fashiondesk.core.index.similar import Filters
from fashiondesk.core.services import browse
from fashiondesk.core.services.errors import UserError, explain
from fashiondesk.core.services.folders import FolderInfo, Removed, folders, relocate, removal_counts, remove
from fashiondesk.core.services.indexing import IndexSummary, add_folders, index, index_unfinished
from fashiondesk.core.services.reports import CatalogueInfo, check_image_address, export_csv, export_csv_file, failures, info
from fashiondesk.core.services.safety import (
    backup_now,
    check_output,
    daily_backup,
    database_file,
    list_backups,
    restore,
)
from fashiondesk.core.services.models import evaluate, evaluate_colours, format_evaluation, model_version
from fashiondesk.core.services.outfits import CategoryRole, delete_look, looks, outfit, roles, save_look, set_role
from fashiondesk.core.services.previews import preview
from fashiondesk.core.services.products import (
    ProductInfo,
    group_photos,
    import_sheet,
    photo_ids_at,
    product_of,
    ungroup_photos,
)
from fashiondesk.core.services.rename import rename_photo
from fashiondesk.core.services.sidecars import SidecarReport, originals_folder, write_xmp
from fashiondesk.core.services.duplicates import DuplicateGroup, Duplicates
from fashiondesk.core.services.duplicates import find as duplicates
from fashiondesk.core.services.search import SimilarSearch, similar
from fashiondesk.core.services.teaching import MIN_EXAMPLES, Teaching, examples_behind, last_teaching, learn, needs_learning
from fashiondesk.core.services.teaching_eval import evaluate_teaching, format_teaching_report
from fashiondesk.core.services.tags import (
    TagError,
    TagSnapshot,
    accept_categories,
    accept_tag,
    add_custom_tag,
    clean_tag,
    put_back,
    reject_categories,
    remove_tag,
    set_categories,
    set_category,
    snapshot,
    tag,
    tag_key,
)

__all__ = [
    "Catalogue", "CatalogueError", "CatalogueInfo", "Closeness", "Filters", "FolderInfo", "IndexSummary", "Removed", "SchemaError",
    "MIN_EXAMPLES", "CategoryRole", "delete_look", "looks", "outfit", "roles", "save_look", "set_role", "SidecarReport", "originals_folder", "write_xmp", "ProductInfo", "group_photos", "import_sheet", "photo_ids_at", "product_of", "ungroup_photos", "SimilarSearch", "TagError", "TagSnapshot", "Teaching", "UserError",
    "accept_categories", "accept_tag", "add_custom_tag", "add_folders", "backup_now", "browse", "check_image_address", "check_output", "clean_tag", "csv_writer", "neutralise",
    "daily_backup", "database_file", "DuplicateGroup", "Duplicates", "duplicates", "evaluate", "evaluate_colours", "evaluate_teaching", "examples_behind", "explain", "export_csv",
    "export_csv_file", "failures", "folders", "format_evaluation", "format_teaching_report", "index", "index_unfinished", "info", "last_teaching", "learn", "list_backups",
    "model_version", "needs_learning",
    "open_catalogue", "preview", "put_back", "relocate", "removal_counts", "remove", "remove_tag", "resolve_url",
    "reject_categories", "rename_photo", "restore", "set_categories", "set_category", "similar", "snapshot", "tag", "tag_key",
]
