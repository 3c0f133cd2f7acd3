"""Fuzzing the three formats a user hands in: registers, ledgers, answers.

Whatever the bytes, the loaders either return or raise the project's own
:class:`~respchain.exceptions.RespchainError`: never another exception.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from respchain.loaders import load_register
from respchain.loaders.ledger import read_ledger, read_rectification_ledger

from respchain.exceptions import RespchainError
from respchain.teach.exercise import read_answers
from tests.hostile.corpus import HEAD, ORGS

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

text = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["=1+1", "²", "ｃｉｔｙ", "city\u200b", "\x1b[2J", "[/]", "<script>", ".nan", "city", "grp", "talk"]
)
scalar = st.none() | st.booleans() | st.integers() | st.floats() | text
value = st.recursive(
    scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(text, c, max_size=4), max_leaves=12
)
FIELDS = [
    "id",
    "name",
    "kind",
    "parent",
    "posts",
    "org",
    "role",
    "type",
    "bearer",
    "over",
    "date",
    "period",
    "tasks",
    "goal",
    "responsible",
    "lead",
    "due",
    "value",
    "subject",
    "metric",
    "with",
    "talk",
]
record = st.dictionaries(st.sampled_from(FIELDS) | text, value, max_size=6)
register = st.fixed_dictionaries(
    {"respchain": st.sampled_from([1, 1, True, 1.0, "1"])},
    optional={
        s: st.lists(record, max_size=4) | value
        for s in ("meta", "organizations", "people", "responsibilities", "lists", "events", "facts")
    },
)


def _clean_or_own_error(fn, *args, **kw) -> None:
    try:
        fn(*args, **kw)
    except RespchainError:
        pass


@FUZZ
@given(data=register, as_yaml=st.booleans())
def test_registers_load_or_fail_cleanly(tmp_path: Path, data: dict, as_yaml: bool) -> None:
    import yaml

    p = tmp_path / ("r.yaml" if as_yaml else "r.json")
    body = yaml.safe_dump(data, allow_unicode=True) if as_yaml else json.dumps(data, ensure_ascii=False)
    p.write_text(body, encoding="utf-8", errors="surrogatepass")
    _clean_or_own_error(load_register, p)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_register_bytes_load_or_fail_cleanly(tmp_path: Path, raw: bytes) -> None:
    for name in ("r.yaml", "r.json"):
        p = tmp_path / name
        p.write_bytes(b"respchain: 1\n" + raw if name.endswith("yaml") else b'{"respchain": 1, "x": ' + raw)
        _clean_or_own_error(load_register, p)


@FUZZ
@given(rows=st.lists(st.lists(text, max_size=6), max_size=6), header=st.booleans())
def test_ledgers_read_or_fail_cleanly(tmp_path: Path, rows: list[list[str]], header: bool) -> None:
    import csv

    reg = tmp_path / "base.yaml"
    reg.write_text(HEAD + ORGS, encoding="utf-8")
    p = tmp_path / "l.csv"
    with p.open("w", encoding="utf-8", newline="", errors="surrogatepass") as f:
        w = csv.writer(f)
        if header:
            w.writerow(["序号", "任务", "责任人", "牵头单位", "完成时限"])
        w.writerows(rows)
    _clean_or_own_error(read_ledger, p, reg, owner="grp", kind="main")


@FUZZ
@given(
    rows=st.lists(st.lists(text, max_size=8), max_size=8),
    header=st.booleans(),
    org=st.sampled_from(["grp", None]),
)
def test_rectification_ledgers_read_or_fail_cleanly(
    tmp_path: Path, rows: list[list[str]], header: bool, org: str | None
) -> None:
    import csv

    reg = tmp_path / "base.yaml"
    reg.write_text(HEAD + ORGS, encoding="utf-8")
    p = tmp_path / "r.csv"
    with p.open("w", encoding="utf-8", newline="", errors="surrogatepass") as f:
        w = csv.writer(f)
        if header:
            w.writerow(
                [
                    "序号",
                    "反馈问题",
                    "整改措施",
                    "责任领导",
                    "责任单位",
                    "整改时限",
                    "整改状态",
                    "完成时间",
                    "是否销号",
                    "销号日期",
                    "问题来源",
                    "被巡察单位",
                    "佐证材料",
                ]
            )
        w.writerows(rows)
    _clean_or_own_error(read_rectification_ledger, p, reg, org=org)


@FUZZ
@given(answers=value, suffix=st.sampled_from([".yaml", ".json", ".csv"]))
def test_answers_read_or_fail_cleanly(tmp_path: Path, answers, suffix: str) -> None:
    p = tmp_path / f"a{suffix}"
    p.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    _clean_or_own_error(read_answers, p)
