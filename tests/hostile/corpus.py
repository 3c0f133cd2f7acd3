"""The hostile corpus: broken, oversized and malicious inputs.

Each case is a file to write and the command to run on it. Every case must end
with exit code 2 and a message naming the file (and, where the input has one,
the line), within a time and memory bound, without a traceback and without
writing any output. Big inputs are generated, not stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

HEAD = "respchain: 1\nmeta: {as_of: 2025-10-20, period: 2025}\n"
ORGS = (
    "organizations:\n"
    "  - {id: city, name: 市委, kind: party_committee}\n"
    "  - {id: grp, name: 局党组, kind: party_group, parent: city}\n"
)


@dataclass(frozen=True)
class Case:
    """One hostile input: ``name`` of the file, its bytes, the command, and
    ``where``: the text the message must hold to locate the problem
    (``{file}`` stands for the file's path, ``{dir}`` for its folder, which
    also holds a valid ``base.yaml``, and ``{exercise}`` for a fresh exercise)."""

    id: str
    name: str
    content: Callable[[], bytes]
    args: tuple[str, ...] = ("validate", "{file}")
    where: str = "{file}"


def _y(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    return ("respchain: 1\nmeta:\n  description: x\n" + "\n".join(lines) + "\n").encode()


def _deep_json() -> bytes:
    return ('{"respchain": 1, "facts": ' + "[" * 5000 + "]" * 5000 + "}").encode()


def _deep_yaml() -> bytes:
    return ("respchain: 1\nfacts: " + "[" * 5000 + "]" * 5000 + "\n").encode()


def _every_kind_wrong() -> bytes:
    orgs = "".join(f"  - {{id: o{i}, name: 组织{i}, kind: nope}}\n" for i in range(5000))
    return (HEAD + "organizations:\n" + orgs).encode()


def _dangling() -> bytes:
    orgs = "".join(
        f"  - {{id: org-{i:05d}, name: 组织{i}, kind: unit, parent: missing-{i:05d}}}\n" for i in range(20000)
    )
    return (HEAD + "organizations:\n" + orgs).encode()


def _big_int() -> bytes:
    return (HEAD.replace("period: 2025", "period: " + "9" * 5000)).encode()


def _long_cell_csv() -> bytes:
    return ("任务,责任人\n" + "x" * 140_000 + ",王某\n").encode()


def _xlsx_with(part: str, head: bytes, fill: bytes, tail: bytes, size: int) -> bytes:
    """A small valid ledger workbook with ``part`` holding ``head``, ``size`` bytes of ``fill`` and
    ``tail`` once uncompressed (a new part is declared in the package): about 200 KB on disk."""
    import io
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "任务目标", "责任人"])
    ws.append([1, "任务", "王某"])
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        for name in names:
            data = src.read(name)
            if name == part:
                head = data.partition(b"?>")[0] + b"?>" + head
                tail = tail + data.partition(b"?>")[2]
                continue
            if part not in names and name == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/' + part.encode() + b'" ContentType='
                    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
                    b'+xml"/></Types>',
                )
            if part not in names and name == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Type="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>',
                )
            dst.writestr(name, data)
        with dst.open(part, "w", force_zip64=True) as f:
            f.write(head)
            chunk = fill * ((1 << 20) // len(fill))
            for _ in range(size >> 20):
                f.write(chunk)
            f.write(tail)
    return out.getvalue()


def _xlsx_huge_comment() -> bytes:
    return _xlsx_with("xl/worksheets/sheet1.xml", b"<!--", b"x", b"-->", 200 << 20)


def _xlsx_huge_strings() -> bytes:
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    return _xlsx_with(
        "xl/sharedStrings.xml", b'<?xml version="1.0"?>' + sst, "任".encode(), b"</t></si></sst>", 200 << 20
    )


def _xlsx_far_row() -> bytes:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "任务目标", "责任人"])
    ws.cell(1_048_576, 2, "最后一行的任务")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _deep_answers() -> bytes:
    return ("[" * 5000 + "]" * 5000).encode()


_LEDGER_IMPORT = (
    "ledger",
    "import",
    "{file}",
    "-r",
    "{dir}/base.yaml",
    "--owner",
    "grp",
    "--kind",
    "main",
    "-o",
    "{dir}/out.yaml",
)

CASES: list[Case] = [
    Case(
        "event-kind-list",
        "r.yaml",
        _y(HEAD + ORGS + "events:\n  - {id: e1, kind: [talk], date: 2025-01-01}\n"),
        where="{file}:7",
    ),
    Case(
        "event-kind-map",
        "r.yaml",
        _y(HEAD + ORGS + "events:\n  - {id: e1, kind: {a: 1}, date: 2025-01-01}\n"),
        where="{file}:7",
    ),
    Case(
        "head-org-list",
        "r.yaml",
        _y(
            HEAD + ORGS + "people:\n  - id: p1\n    name: 王某\n    posts: [{org: [city, grp], role: head}]\n"
        ),
        where="{file}:9",
    ),
    Case(
        "head-no-id",
        "r.yaml",
        _y(HEAD + ORGS + "people:\n  - name: 王某\n    posts: [{org: city, role: head}]\n"),
        where="{file}:7",
    ),
    Case("period-superscript", "r.yaml", _y('respchain: 1\nmeta: {period: "²"}\n'), where="{file}:2"),
    Case(
        "period-hex", "r.yaml", _y("respchain: 1\nmeta: {period: 0x" + "f" * 5000 + "}\n"), where="{file}:2"
    ),
    Case("int-5000-digits", "r.yaml", _big_int, where="{file}:2"),
    Case("json-deep", "r.json", _deep_json, where="{file}:1"),
    Case("yaml-deep", "r.yaml", _deep_yaml, where="{file}"),
    Case(
        "lone-surrogate",
        "r.json",
        _y('{"respchain": 1, "organizations": [{"id": "city", "name": "\\ud800", "kind": "unit"}]}'),
        where="{file} organizations[0].name",
    ),
    Case(
        "control-char",
        "r.yaml",
        _y(HEAD + 'organizations:\n  - {id: city, name: "市委\\x1b[2J", kind: unit}\n'),
        where="{file}:4",
    ),
    Case(
        "nul-byte",
        "r.yaml",
        lambda: (HEAD + "organizations:\n  - {id: city, name: a\x00b, kind: unit}\n").encode(),
        where="{file}:4",
    ),
    Case(
        "bad-timestamp",
        "r.yaml",
        _y(
            HEAD
            + ORGS
            + "events:\n  - {id: e1, kind: meeting, org: city, meeting: x, date: !!timestamp 2025-13-45}\n"
        ),
        where="{file}:7",
    ),
    Case("alias-bomb", "r.yaml", _alias_bomb, where="{file}:"),
    Case(
        "org-own-parent",
        "r.yaml",
        _y(HEAD + "organizations:\n  - {id: city, name: 市委, kind: party_committee, parent: city}\n"),
        where="{file}:4",
    ),
    Case(
        "parent-cycle",
        "r.yaml",
        _y(
            HEAD
            + "organizations:\n  - {id: a, name: A, kind: unit, parent: b}\n  - {id: b, name: B, kind: unit, parent: a}\n"
        ),
        where="{file}:4",
    ),
    Case(
        "confusable-ids",
        "r.yaml",
        _y(
            HEAD
            + "organizations:\n  - {id: city, name: A, kind: unit}\n  - {id: ｃｉｔｙ, name: B, kind: unit}\n"
        ),
        where="{file}:5",
    ),
    Case(
        "zero-width-id",
        "r.yaml",
        _y(HEAD + 'organizations:\n  - {id: "city\\u200b", name: A, kind: unit}\n'),
        where="{file}:4",
    ),
    Case(
        "json-duplicate-key",
        "r.json",
        _y('{"respchain": 1,\n "organizations": [{"id": "a", "name": "A", "kind": "unit", "kind": "unit"}]}'),
        where="{file}:2",
    ),
    Case("version-true", "r.yaml", _y("respchain: true\n"), where="{file}:1"),
    Case("version-float", "r.yaml", _y("respchain: 1.0\n"), where="{file}:1"),
    Case(
        "nan-value",
        "r.yaml",
        _y(HEAD + ORGS + "facts:\n  - {subject: city, metric: m, value: .nan}\n"),
        where="{file}:7",
    ),
    Case(
        "inf-value-json",
        "r.json",
        _y(
            '{"respchain": 1, "organizations": [{"id": "c", "name": "C", "kind": "unit"}],\n "facts": [{"subject": "c", "metric": "m", "value": Infinity}]}'
        ),
        where="{file}:2",
    ),
    Case("every-kind-wrong", "r.yaml", _every_kind_wrong, where="{file}:4"),
    Case("dangling-20000", "r.yaml", _dangling, where="{file}:4"),
    Case("not-utf8", "r.yaml", lambda: b"respchain: 1\nmeta: {title: \xff\xfe}\n", where="{file}"),
    Case(
        "csv-long-cell",
        "l.csv",
        _long_cell_csv,
        args=_LEDGER_IMPORT,
        where="{file}:2",
    ),
    Case("xlsx-200mb-comment", "l.xlsx", _xlsx_huge_comment, args=_LEDGER_IMPORT, where="{file}"),
    Case("xlsx-200mb-shared-strings", "l.xlsx", _xlsx_huge_strings, args=_LEDGER_IMPORT, where="{file}"),
    Case("xlsx-row-1048576", "l.xlsx", _xlsx_far_row, args=_LEDGER_IMPORT, where="{file}:1048576"),
    Case(
        "answers-not-utf8",
        "a.json",
        lambda: b"\xff\xfe[1]",
        args=("exercise", "check", "{exercise}", "{file}"),
        where="{file}",
    ),
    Case(
        "answers-deep",
        "a.json",
        _deep_answers,
        args=("exercise", "check", "{exercise}", "{file}"),
        where="{file}",
    ),
    Case(
        "rows-negative",
        "r.yaml",
        _y(HEAD + ORGS),
        args=("ledger", "template", "{file}", "-o", "{dir}/t.xlsx", "--rows", "-5"),
        where="--rows",
    ),
]

__all__ = ["CASES", "Case", "HEAD", "ORGS", "json"]
