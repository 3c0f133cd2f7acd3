"""Reading a whole ledger into one list record of the register format."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from respchain.graph.schema import ListKind
from respchain.loaders.ledger.evidence import EvidencePool
from respchain.loaders.ledger.headers import HEADER_ALIASES, TASK_HEADERS
from respchain.loaders.ledger.names import _Index
from respchain.loaders.ledger.rows import _TASK_ORDER, _Ctx, _read_table
from respchain.loaders.ledger.sheets import _Sheet, load_sheets
from respchain.loaders.ledger.text import _ID_RE, _SPACE_RE
from respchain.loaders.register import Register, load_register, register_from_data

from respchain.exceptions import InputError, Problem


def _as_register(register: Register | str | Path | Sequence[str | Path]) -> Register:
    return register if isinstance(register, Register) else load_register(register)


def read_ledger(
    path: str | Path,
    register: Register | str | Path | Sequence[str | Path],
    *,
    owner: str,
    kind: str,
    name: str | None = None,
    year: int | None = None,
    list_id: str | None = None,
    source: str | None = None,
    notes: list[str] | None = None,
    update: bool = False,
) -> dict:
    """Read a ledger (台账) into one list record of the register format.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx``/``.xlsm`` workbook (every visible sheet with a header is
        read, in order) or a ``.csv``/``.tsv`` file (UTF-8 with or without BOM,
        UTF-16 with BOM, GBK or GB18030).
    register : Register, path or sequence of paths
        The register whose organizations and people the ledger names.
    owner : str
        The organization that owns the list: its id or its name.
    kind : {'main', 'supervisory', 'other'}
        The list's kind.
    name : str, optional
        The list's name; default the name a ledger exported by respchain records
        in its document properties, else the title above the header, else the
        file name.
    year : int, optional
        The list's year; default the year such a ledger records, else the year
        in the list's name. Text dates without a
        year (``6月30日前``) take it.
    list_id : str, optional
        The list's id; default ``<owner>-<kind>-<year>``. Task ids are
        ``<list id>-<序号>`` (or ``-<row>`` without 序号), unless a 任务编号
        column gives them.
    source : str, optional
        The id of the register's source the list comes from (its provenance);
        a ledger carries no provenance of its own.
    notes : list, optional
        Receives remarks that are not errors (sheets skipped, columns ignored).

    Returns
    -------
    dict
        ``{"id", "name", "kind", "owner", "year", "tasks": [...]}``, valid
        together with ``register`` (checked before it is returned).

    Raises
    ------
    InputError
        Listing every bad row: file, row, cell and column, message, and for a
        name that matches nothing the closest names of the register.
    """
    path = Path(path)
    reg = _as_register(register)
    file = str(path)
    if kind not in ListKind.values():
        raise InputError(
            Problem(
                file,
                0,
                "kind",
                f"{kind!r} 不是清单类型 / not a list kind (须为 / one of: {', '.join(ListKind.values())})",
            )
        )
    index = _Index.build(reg)
    owner_id, err = index.resolve(owner, "org")
    if err:
        raise InputError(Problem(file, 0, "owner", f"清单责任主体 / list owner: {err}"))
    meta: dict[str, Any] = {}
    sheets = load_sheets(path, meta)
    name = name or meta.get("name") or TASK_HEADERS.title(sheets) or path.stem
    year = year if year is not None else meta.get("year")
    if year is None and (m := re.search(r"(20\d{2}|19\d{2})\s*年", name)):
        year = int(m[1])
    ctx = _Ctx(file, index, year)
    rows: list[tuple[_Sheet, int, dict]] = []
    read_any = False
    for sheet in sheets:
        read_any |= _read_table(sheet, ctx, rows, notes)
    if not read_any:
        wanted = "、".join(HEADER_ALIASES["goal"][:3])
        raise InputError(
            Problem(
                file,
                0,
                "",
                f"未找到台账表头（须有任务目标列，如 {wanted}）/ no ledger header "
                "found (a goal column such as 任务目标 and one more known column)",
            )
        )
    if ctx.problems:
        raise InputError(ctx.problems)
    lid = list_id or f"{owner_id}-{kind}" + (f"-{year}" if year else "")
    old = next((lst for lst in reg.lists if lst.get("id") == lid), None) if update else None
    if old is not None:  # a refilled ledger: its list and task ids are its own
        index.kinds = {
            k: v
            for k, v in index.kinds.items()
            if k != lid and k not in {t.get("id") for t in old.get("tasks") or ()}
        }
    problems: list[Problem] = []
    if not _ID_RE.match(lid):
        problems.append(
            Problem(file, 0, "id", f"清单 id 不能含空白 / a list id cannot contain spaces: {lid!r}")
        )
    elif lid in index.kinds:
        problems.append(
            Problem(
                file,
                0,
                "id",
                f"清单 id 已在登记册中 / list id {lid!r} is already used in the register (use --id)",
            )
        )
    pool = EvidencePool.build(reg, set(index.kinds) | {lid})
    tasks = _assign_ids(lid, rows, index, ctx, pool)
    if not tasks and notes is not None:
        notes.append("台账中没有任务 / the ledger has no tasks")
    problems.extend(ctx.problems)
    if problems:
        raise InputError(problems)
    record: dict[str, Any] = {"id": lid, "name": name, "kind": kind, "owner": owner_id}
    if year:
        record["year"] = year
    if source:
        record["source"] = source
    record["tasks"] = tasks
    if pool.new:
        record["_evidence"] = pool.new
    _check_with_register(record, reg, file, replace=lid if old is not None else None)
    if old is not None:
        record["_previous"] = {k: v for k, v in old.items() if not k.startswith("_")}
        record["_previous"]["tasks"] = [
            {k: v for k, v in t.items() if not k.startswith("_")} for t in old.get("tasks") or ()
        ]
        record["_from_file"] = old.get("_file")
    return record


def _assign_ids(
    lid: str, rows: list[tuple[_Sheet, int, dict]], index: _Index, ctx: _Ctx, pool: EvidencePool
) -> list[dict]:
    """Give each task its id: the 任务编号 given, else ``<list>-<序号>``, else ``<list>-<row>``;
    repeats (a 序号 merged over several rows, sheets that each start at 1) get ``-2``, ``-3``.
    Then the evidence each task names: the register's records, or new ones in ``pool``."""
    used: dict[str, tuple[_Sheet, int]] = {}
    explicit = {t["id"] for _, _, t in rows if "id" in t}
    tasks = []
    multi = len({id(s) for s, _, _ in rows}) > 1
    for sheet, rownum, t in rows:
        seq = t.pop("_seq", None)
        if "id" in t:
            tid = t["id"]
            if tid in used:
                s0, r0 = used[tid]
                where = f"{s0.name}!{r0}" if s0.name is not None else f"row {r0}"
                ctx.problem(
                    sheet, rownum, None, "", f"任务编号重复 / task id {tid!r} given twice (first at {where})"
                )
            elif tid in index.kinds:
                ctx.problem(
                    sheet,
                    rownum,
                    None,
                    "",
                    f"任务编号已在登记册中 / task id {tid!r} is already used in the register",
                )
        else:
            if seq and _ID_RE.match(seq):
                base = f"{lid}-{seq}"
            elif multi:  # rows repeat across sheets: the sheet names the row
                base = _SPACE_RE.sub("", f"{lid}-{sheet.name}-{rownum}")
            else:
                base = f"{lid}-{rownum}"
            tid, n = base, 1
            while tid in used or tid in explicit or tid in index.kinds:
                n += 1
                tid = f"{base}-{n}"
            t["id"] = tid
        used[t["id"]] = (sheet, rownum)
        tasks.append((sheet, rownum, t))
    pool.taken.update(used)
    out = []
    for sheet, rownum, t in tasks:
        names, col, header = t.pop("_evidence", ((), 0, ""))
        ids: list[str] = []
        for name in names:
            eid, err = pool.resolve(name)
            if err:
                ctx.problem(sheet, rownum, col, header, err)
                continue
            eid = eid or pool.add(name, t["id"])
            if eid not in ids:
                ids.append(eid)
        if ids:
            t["evidence"] = ids
        out.append({k: t[k] for k in _TASK_ORDER if k in t})
    return out


def _public(record: dict) -> dict:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _check_with_register(record: dict, reg: Register, file: str, replace: str | None = None) -> None:
    """Validate the list together with the register, as ``respchain validate`` would
    (without the register's list ``replace``, which the record updates)."""
    data: dict[str, Any] = {"respchain": 1, "lists": [copy.deepcopy(_public(record))]}
    if record.get("_evidence"):
        data["evidence"] = copy.deepcopy(record["_evidence"])
    base = reg.to_data()
    if replace is not None:
        base["lists"] = [lst for lst in base.get("lists") or () if lst.get("id") != replace]
    try:
        register_from_data([("<register>", base, None), (file, data, None)])
    except InputError as e:
        raise InputError(e.problems) from None
