"""Reading a spreadsheet saved as CSV, as shops' spreadsheets really are.

Encodings: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"), UTF-16 with a
mark (Excel's "Unicode text", tab-separated), and the ANSI code pages Excel's plain "CSV"
writes: Windows-1252 in Western Europe and the Americas, GB18030/GBK on Simplified
Chinese Windows. Without a mark, text that is valid UTF-8 is UTF-8; otherwise it is read as
GB18030 when every non-ASCII character it gives is one of GB2312's (the common Chinese
characters: Western text read so would give rare ones), else as Windows-1252. Any other
encoding can be named (``encoding=``).

Separator: ',', ';' (Excel where the decimal mark is a comma) or a tab, whichever the
header line holds most of outside quotes. Line ends: LF or CRLF.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from fashiondesk.core.messages import translate


class SheetError(ValueError):
    """The file cannot be read as a spreadsheet; the message says why."""


@dataclass(frozen=True)
class Sheet:
    header: list[str]
    rows: list[list[str]]  # each as long as the header
    encoding: str
    delimiter: str
    lines: list[int] = field(default_factory=list)  # the file's line each row starts on


def _common_gb2312(char: str) -> bool | None:
    """Whether a character is an everyday one of GB2312 (level-1 hanzi, punctuation, pinyin);
    None when GB2312 does not have it at all."""
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return None
    return 0xB0 <= lead <= 0xD7 or 0xA1 <= lead <= 0xA9


def _looks_chinese(text: str) -> bool:
    wide = [_common_gb2312(c) for c in text if ord(c) >= 128]
    return bool(wide) and None not in wide and sum(1 for w in wide if w) >= 0.8 * len(wide)


def _windows_code_page() -> str | None:
    import locale
    import sys

    if sys.platform != "win32":
        return None
    encoding = locale.getpreferredencoding(False)
    return None if encoding.replace("-", "").lower() in ("utf8", "cp65001") else encoding


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with (see the module docstring)."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise SheetError(translate("Import", "unknown encoding {encoding}").format(encoding=repr(encoding))) from exc
        except UnicodeDecodeError as exc:
            raise SheetError(translate("Import", "the file is not {encoding} (byte {n} cannot be read so)").format(encoding=encoding, n=exc.start)) from exc
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError as exc:
        raise SheetError(translate("Import", "the file says it is Unicode but is not (byte {n} cannot be read): save "
                                             "it again from the spreadsheet as CSV UTF-8").format(n=exc.start)) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    for guess in filter(None, (_windows_code_page(),)):
        try:
            return data.decode(guess), guess
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _delimiter(first_line: str) -> str:
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_sheet(data: bytes, encoding: str | None = None) -> Sheet:
    """The header and rows of a CSV file's bytes; short rows are padded, blank rows dropped."""
    text, used = decode(data, encoding)
    if text.startswith("\ufeff"):  # a mark inside a named encoding ("utf-8", "utf-16-le")
        text = text[1:]
    first = text.split("\n", 1)[0]
    delimiter = _delimiter(first)
    table: list[tuple[int, list[str]]] = []  # (the line the record starts on, its cells)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        start = 1
        for record in reader:
            if any(cell.strip() for cell in record):
                table.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise SheetError(translate("Import", "not a readable CSV file (line {line}): {why}").format(line=reader.line_num, why=exc)) from exc
    if not table:
        raise SheetError(translate("Import", "the file is empty: no header row"))
    header = [cell.strip() for cell in table[0][1]]
    width = len(header)
    rows, lines = [], []
    for number, row in table[1:]:
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise SheetError(translate("Import", "line {line} has {n} cells, the header {m}: is a separator missing "
                                                 "from the header or a quote unclosed?").format(line=number, n=len(row), m=width))
        rows.append((row + [""] * width)[:width])
        lines.append(number)
    return Sheet(header, rows, used, delimiter, lines)


def parse_price(cell: str) -> str:
    """A price as a plain decimal string ("12.50"); raises ValueError saying why not.

    Digits with one decimal mark, '.' or ',', and thousands grouped by the other mark or by
    spaces or apostrophes; a currency sign or code before or after ("€12,50", "12.50 EUR").
    "1,234" and "1.234" are refused as ambiguous (a thousand, or one point two?).
    """
    raw = cell.strip()
    if raw.startswith("-") or raw.endswith("-") or raw.startswith("("):
        raise ValueError(translate("Import", "{value}: a price cannot be negative").format(value=repr(raw)))
    text = re.sub(r"[\s\u00a0\u202f']", "", raw)
    text = re.sub(r"^[^\d.,]+|[^\d.,]+$", "", text)
    if not re.fullmatch(r"[\d.,]*\d[\d.,]*", text):
        raise ValueError(translate("Import", "{value} is not a price").format(value=repr(raw)))
    marks = [c for c in text if c in ".,"]
    if not marks:
        number = text
    else:
        last = marks[-1]
        whole, _, fraction = text.rpartition(last)
        other = "," if last == "." else "."
        if last in whole:  # the same mark twice: thousands only ("1.234.567")
            if not re.fullmatch(r"\d{1,3}(" + re.escape(last) + r"\d{3})+", text):
                raise ValueError(translate("Import", "{value} is not a price").format(value=repr(raw)))
            number = text.replace(last, "")
        elif len(fraction) == 3 and other not in whole and whole.lstrip("0"):
            raise ValueError(translate("Import", "{value} is ambiguous: write it as 1234 or 1.234,00 or 1,234.00").format(value=repr(raw)))
        elif not fraction or not re.fullmatch(r"\d+|\d{1,3}(" + re.escape(other) + r"\d{3})+", whole or "0"):
            raise ValueError(translate("Import", "{value} is not a price").format(value=repr(raw)))
        else:
            number = (whole or "0").replace(other, "") + "." + fraction
    try:
        return str(Decimal(number))
    except InvalidOperation:
        raise ValueError(translate("Import", "{value} is not a price").format(value=repr(raw))) from None


def parse_stock(cell: str) -> int:
    """Pieces in stock: a whole number (negative when the till sold more than was counted)."""
    raw = cell.strip()
    if not re.fullmatch(r"[+-]?\d+", raw):
        raise ValueError(translate("Import", "{value} is not a whole number of pieces").format(value=repr(raw)))
    return int(raw)


def split_list(cell: str) -> list[str]:
    """A ';'-separated list ("S;M;L", "summer sale;linen"), empty pieces dropped. A piece
    the export guarded against formulas ("'=x") has its guard removed."""
    return [unguard(piece.strip()) for piece in cell.split(";") if piece.strip()]


def unguard_cell(cell: str) -> str:
    """Undo the export's formula guard on each ';'-separated piece of a cell."""
    return ";".join(unguard(piece) for piece in cell.split(";")) if "'" in cell else cell


def unguard(piece: str) -> str:
    """Undo the export's formula guard on one piece: a leading ' before = + - @ or a tab."""
    if piece.startswith("'") and re.match(r'[\t\r\n]|[\s"]*[=+\-@\uff1d\uff0b\uff0d\uff20]', piece[1:]):
        return piece[1:]
    return piece
