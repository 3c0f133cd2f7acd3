"""Tables out of workbooks and CSV files: merged cells filled, encodings guessed."""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respchain.exceptions import InputError, Problem


@dataclass
class _Sheet:
    """One table: a sheet of a workbook, or a CSV file."""

    name: str | None  # None for CSV
    rows: list[list[Any]]
    hmerges: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # row -> [(c0, c1)] 0-based


_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _merged_ranges(path: Path, ws: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a read-only sheet, 0-based ``(row0, col0, row1, col1)``.

    openpyxl's fast read-only mode does not report merged cells, so they are read
    from the sheet's XML (``<mergeCell ref="F3:F7"/>``).
    """
    from openpyxl.utils.cell import range_boundaries

    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return []
    with zipfile.ZipFile(path) as z:
        xml = z.read(part.lstrip("/"))
    out = []
    for ref in _MERGE_RE.findall(xml):
        c0, r0, c1, r1 = range_boundaries(ref.decode())
        out.append((r0 - 1, c0 - 1, r1 - 1, c1 - 1))
    return out


def _read_xlsx(path: Path, meta: dict[str, Any] | None = None) -> list[_Sheet]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (zipfile, KeyError, InvalidFileException)
        raise InputError(
            Problem(str(path), 0, "", f"无法读取 Excel 文件 / cannot read the workbook: {e}")
        ) from None
    sheets = []
    if meta is not None:
        meta.update(_ledger_meta(wb.properties))
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue  # lists behind drop-downs live on hidden sheets
            ws.reset_dimensions()  # do not trust the size the file declares
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            hmerges: dict[int, list[tuple[int, int]]] = {}
            for r0, c0, r1, c1 in _merged_ranges(path, ws):
                if r0 >= len(rows):
                    continue
                v = rows[r0][c0] if c0 < len(rows[r0]) else None
                for r in range(r0, min(r1, len(rows) - 1) + 1):
                    row = rows[r]
                    if len(row) <= c1:
                        row.extend([None] * (c1 + 1 - len(row)))
                    for c in range(c0, c1 + 1):
                        row[c] = v
                    if c1 > c0:
                        hmerges.setdefault(r, []).append((c0, c1))
            sheets.append(_Sheet(ws.title, rows, hmerges))
    finally:
        wb.close()
    return sheets


_META_MARK = "respchain-ledger"


def _ledger_meta(props: Any) -> dict[str, Any]:
    """The list's name and year, from the document properties of a ledger respchain wrote."""
    kw = getattr(props, "keywords", None) or ""
    if _META_MARK not in kw:
        return {}
    out: dict[str, Any] = {}
    if props.title:
        out["name"] = props.title
    if m := re.search(r"year=(\d{4})", kw):
        out["year"] = int(m[1])
    return out


def _decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _read_csv(path: Path) -> list[_Sheet]:
    try:
        text = _decode(path.read_bytes())
    except UnicodeDecodeError as e:
        raise InputError(
            Problem(
                str(path),
                0,
                "",
                f"无法识别编码（UTF-8、GBK、GB18030）/ unknown encoding "
                f"(tried UTF-8, GBK, GB18030): byte {e.start}",
            )
        ) from None
    sample = text[:8192]
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    if path.suffix.lower() != ".tsv":
        counts = {d: sample.count(d) for d in (",", "\t", ";")}
        first = sample.splitlines()[0] if sample else ""
        if first.count(",") == 0 and max(counts.values()) > 0:
            delim = max(counts, key=counts.get)  # type: ignore[arg-type]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        rows = [[c if c.strip() else None for c in r] for r in reader]
    except csv.Error as e:  # a cell over the field limit, a NUL
        raise InputError(Problem(str(path), reader.line_num, "", f"CSV 格式错误 / bad CSV: {e}")) from None
    return [_Sheet(None, rows)]
