"""Tables out of workbooks and CSV files: merged cells filled, encodings guessed."""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respchain.loaders.ledger.headers import LEDGER_SUFFIXES

from respchain._inert import uncell
from respchain.exceptions import InputError, Problem


@dataclass
class _Sheet:
    """One table: a sheet of a workbook, or a CSV file."""

    name: str | None  # None for CSV
    rows: list[list[Any]]
    hmerges: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # row -> [(c0, c1)] 0-based


_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")

#: Bounds of what a ledger may hold; a file beyond them is refused before it is read.
MAX_PART_BYTES = 64 * 2**20
"""Largest uncompressed part of a workbook (a sheet's XML, the shared strings)."""
MAX_TOTAL_BYTES = 256 * 2**20
"""Largest uncompressed workbook, all parts together."""
MAX_PARTS = 5_000
"""Most parts (files inside the zip) of a workbook."""
MAX_CSV_BYTES = 64 * 2**20
"""Largest CSV file."""
MAX_ROWS = 100_000
"""Last row that may hold a value, per sheet."""
MAX_CELLS = 5_000_000
"""Most cells read from one file (the rows up to their last value)."""
MAX_MERGES = 100_000
"""Most merged ranges of one sheet."""


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} B"


def _refuse(path: Path, message: str, row: int = 0, where: str = "") -> InputError:
    return InputError(Problem(str(path), row, where, message))


def check_workbook(path: Path) -> None:
    """Refuse a workbook whose parts are too many or too large once uncompressed.

    The sizes are those the zip declares; the reader never takes more than
    that from a part (:mod:`zipfile` stops at the declared size and fails on a
    mismatch), so a file that passes is read with bounded memory and time.

    Raises
    ------
    InputError
        Naming the file and the part, with its size and the limit.
    """
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise _refuse(
            path, f"不是有效的 Excel 文件（.xlsx 为 zip 格式）/ not a valid .xlsx workbook: {e}"
        ) from None
    if len(infos) > MAX_PARTS:
        raise _refuse(
            path,
            f"工作簿含 {len(infos)} 个部件，超过上限 {MAX_PARTS} / the workbook has "
            f"{len(infos)} parts, over the limit of {MAX_PARTS}: not read",
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise _refuse(
                path,
                f"部件 {info.filename} 解压后 {_mb(info.file_size)}，超过上限 "
                f"{_mb(MAX_PART_BYTES)}，未读取 / part {info.filename} is {_mb(info.file_size)} "
                f"uncompressed, over the limit of {_mb(MAX_PART_BYTES)}: not read",
            )
    if total > MAX_TOTAL_BYTES:
        raise _refuse(
            path,
            f"工作簿解压后 {_mb(total)}，超过上限 {_mb(MAX_TOTAL_BYTES)}，未读取 / the workbook "
            f"is {_mb(total)} uncompressed, over the limit of {_mb(MAX_TOTAL_BYTES)}: not read",
        )


def _merged_ranges(path: Path, ws: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a read-only sheet, 0-based ``(row0, col0, row1, col1)``.

    openpyxl's fast read-only mode does not report merged cells, so they are read
    from the sheet's XML (``<mergeCell ref="F3:F7"/>``), a piece at a time.
    """
    from openpyxl.utils.cell import range_boundaries

    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return []
    refs: dict[bytes, None] = {}
    with zipfile.ZipFile(path) as z, z.open(part.lstrip("/")) as f:
        tail = b""
        while chunk := f.read(1 << 20):
            buf = tail + chunk
            for ref in _MERGE_RE.findall(buf):
                refs[ref] = None
            tail = buf[-200:]
        if len(refs) > MAX_MERGES:
            raise _refuse(
                path,
                f"工作表 {ws.title!r} 的合并单元格超过 {MAX_MERGES} 处 / sheet {ws.title!r} "
                f"has more than {MAX_MERGES} merged ranges: not read",
            )
    out = []
    for ref in refs:
        c0, r0, c1, r1 = range_boundaries(ref.decode())
        out.append((r0 - 1, c0 - 1, r1 - 1, c1 - 1))
    return out


def _bounded_rows(
    path: Path, title: str | None, source: Iterable[Sequence[Any]], counter: list[int]
) -> list[list[Any]]:
    """The rows of one table up to its last value, trailing empty cells dropped, texts as written
    before they were made inert (:func:`respchain._inert.uncell`); refused when a
    value lies beyond :data:`MAX_ROWS` or the file holds more than :data:`MAX_CELLS` cells."""
    rows: list[list[Any]] = []
    last = 0
    for r, values in enumerate(source, 1):
        row = [uncell(v) for v in values]  # a text written inert ('=…) reads back as written
        while row and row[-1] is None:
            row.pop()
        if not row:
            if r <= MAX_ROWS:
                rows.append(row)
            continue
        where = f"{title}!{r}" if title is not None else ""
        if r > MAX_ROWS:
            raise _refuse(
                path,
                f"第 {r} 行仍有内容：台账最多 {MAX_ROWS} 行 / row {r} holds a value: a ledger "
                f"has at most {MAX_ROWS} rows: not read",
                r,
                where,
            )
        counter[0] += len(row)
        if counter[0] > MAX_CELLS:
            raise _refuse(
                path, f"单元格超过 {MAX_CELLS} 个 / more than {MAX_CELLS} cells: not read", r, where
            )
        rows.append(row)
        last = r
    del rows[last:]
    return rows


def _read_xlsx(path: Path, meta: dict[str, Any] | None = None) -> list[_Sheet]:
    import openpyxl

    check_workbook(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (zipfile, KeyError, InvalidFileException)
        raise InputError(
            Problem(str(path), 0, "", f"无法读取 Excel 文件 / cannot read the workbook: {e}")
        ) from None
    sheets = []
    if meta is not None:
        meta.update(_ledger_meta(wb.properties))
    counter = [0]
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue  # lists behind drop-downs live on hidden sheets
            ws.reset_dimensions()  # do not trust the size the file declares
            rows = _bounded_rows(path, ws.title, ws.iter_rows(values_only=True), counter)
            width = max((len(r) for r in rows), default=0)
            hmerges: dict[int, list[tuple[int, int]]] = {}
            for r0, c0, r1, c1 in _merged_ranges(path, ws):
                if r0 >= len(rows) or c0 >= width:
                    continue
                c1 = min(c1, width - 1)  # a merge over whole rows covers only the used columns
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
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise _refuse(
            path,
            f"CSV 文件 {_mb(size)}，超过上限 {_mb(MAX_CSV_BYTES)}，未读取 / the CSV file is "
            f"{_mb(size)}, over the limit of {_mb(MAX_CSV_BYTES)}: not read",
        )
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
        rows = _bounded_rows(path, None, ([c if c.strip() else None for c in r] for r in reader), [0])
    except csv.Error as e:  # a cell over the field limit, a NUL
        raise InputError(Problem(str(path), reader.line_num, "", f"CSV 格式错误 / bad CSV: {e}")) from None
    return [_Sheet(None, rows)]


def load_sheets(path: Path, meta: dict[str, Any] | None = None) -> list[_Sheet]:
    """The tables of a ledger file: every visible sheet of a workbook, or the one table of a CSV.

    Raises
    ------
    InputError
        For a missing file, an old ``.xls``, a type that is not a ledger, or a file
        that cannot be read or is beyond the bounds of this module.
    """
    file = str(path)
    if not path.exists():
        raise InputError(Problem(file, 0, "", "文件不存在 / no such file"))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(
            Problem(
                file, 0, "", "不支持旧版 .xls，请另存为 .xlsx / old .xls is not supported: save it as .xlsx"
            )
        )
    if suffix not in LEDGER_SUFFIXES:
        raise InputError(
            Problem(
                file,
                0,
                "",
                f"不支持的文件类型 / unsupported file type {suffix!r} "
                f"(supported: {', '.join(LEDGER_SUFFIXES)})",
            )
        )
    return _read_xlsx(path, meta) if suffix in (".xlsx", ".xlsm") else _read_csv(path)
