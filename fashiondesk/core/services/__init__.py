"""The use cases: the one door through which the command line and the window reach the core.

Each lives in a small module of this package; everything a front end may call is named
here. Front ends import this package and the plain records (``core.records``,
``core.progress``), nothing else of the core (an import-linter contract says so).
"""

from __future__ import annotations

from fashiondesk.core.services.errors import UserError, explain
from fashiondesk.core.services.folders import FolderInfo, Removed, folders, relocate, removal_counts, remove
from fashiondesk.core.services.indexing import IndexSummary, add_folders, index
from fashiondesk.core.services.reports import CatalogueInfo, export_csv, export_csv_file, failures, info
from fashiondesk.core.services.safety import (
    backup_now,
    check_output,
    daily_backup,
    database_file,
    list_backups,
    restore,
)
from fashiondesk.core.services.search import duplicates, similar
from fashiondesk.core.services.tags import clean_tag, tag

__all__ = [
    "CatalogueInfo", "FolderInfo", "IndexSummary", "Removed", "UserError",
    "add_folders", "backup_now", "check_output", "clean_tag", "daily_backup", "database_file", "duplicates",
    "explain", "export_csv", "export_csv_file", "failures", "folders", "index", "info", "list_backups",
    "relocate", "removal_counts", "remove", "restore", "similar", "tag",
]
