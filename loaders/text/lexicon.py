"""The lexicon of the field, shipped as package data, and the jieba tokenizer built on it.

``data/lexicon.json`` holds organization suffixes, department names, responsibility
terms, mechanisms, roles, measure words and metric cues; ``data/regions.tsv``
holds the administrative divisions of China down to county level (its header
says where it comes from and what it covers). Both are read once and cached.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

__all__ = ["Lexicon", "Region", "lexicon", "tokenizer", "tag_table"]


@dataclass(frozen=True)
class Region:
    """One administrative division: its code, name, level and ancestors' codes."""

    code: str
    name: str
    level: str  # province | prefecture | county
    ancestors: tuple[str, ...]  # province first


@dataclass
class Lexicon:
    """Everything the extractor looks words up in."""

    org_suffixes: dict[str, str]
    departments: set[str]
    functional: set[str]
    short_names: dict[str, str]  # a department's short name -> its full name (医保局 -> 医疗保障局)
    central_units: set[str]  # 民政部, 审计署: central bodies named without a region
    institutions: tuple[str, ...]  # endings of an institution's own name (大学, 医院)
    types: dict[str, list[str]]
    mechanisms: dict[str, str]  # surface form -> canonical name
    roles: dict[str, str]
    measures: list[str]
    metrics_after: dict[str, str]
    metrics_before: dict[str, str]
    regions: dict[str, Region] = field(default_factory=dict)  # code -> region
    by_name: dict[str, list[Region]] = field(default_factory=dict)

    def path(self, code: str) -> list[str]:
        """Names from the province down to ``code`` (``['福建省', '三明市', '尤溪县']``)."""
        r = self.regions.get(code)
        if r is None:  # a place the table does not hold (``?沙县``): its own name only
            return [code.lstrip("?")]
        return [self.regions[a].name for a in r.ancestors if a in self.regions] + [r.name]


def _data(name: str) -> str:
    return files("respchain.loaders.text").joinpath("data", name).read_text(encoding="utf-8")


def _regions(text: str) -> dict[str, Region]:
    raw: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        raw[code] = name
    out: dict[str, Region] = {}
    for code, name in raw.items():
        if code.endswith("0000"):
            out[code] = Region(code, name, "province", ())
        elif code.endswith("00"):
            out[code] = Region(code, name, "prefecture", (code[:2] + "0000",))
        else:
            pref = code[:4] + "00"
            anc = (code[:2] + "0000", pref) if pref in raw else (code[:2] + "0000",)
            out[code] = Region(code, name, "county", anc)
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (read once)."""
    d: dict[str, Any] = json.loads(_data("lexicon.json"))
    mech = {s: canon for canon, forms in d["mechanisms"].items() for s in forms}
    lex = Lexicon(
        org_suffixes=d["org_suffixes"],
        departments=set(d["departments"]),
        functional=set(d["functional"]),
        short_names=d["short_names"],
        central_units=set(d["central_units"]),
        institutions=tuple(sorted(d["institutions"], key=len, reverse=True)),
        types=d["types"],
        mechanisms=mech,
        roles=d["roles"],
        measures=sorted(d["measures"], key=len, reverse=True),
        metrics_after=d["metrics"]["after"],
        metrics_before=d["metrics"]["before"],
    )
    lex.departments |= {w for pair in lex.short_names.items() for w in pair if len(w) > 1}
    lex.regions = _regions(_data("regions.tsv"))
    for r in lex.regions.values():
        lex.by_name.setdefault(r.name, []).append(r)
    # Autonomous divisions are usually written short: 维西傈僳族自治县 -> 维西县,
    # 恩施土家族苗族自治州 -> 恩施州 (the full name stays the region's name).
    for r in list(lex.regions.values()):
        m = _AUTONOMOUS.match(r.name)
        if m:
            short = m["base"] + m["level"]
            if short not in lex.by_name:
                lex.by_name[short] = [r]
    # Counties turned into districts keep their old name in use: 沙县 (now 沙县区),
    # 双流县 (now 双流区) is still written in older and in many newer articles.
    # Only bases that cannot be read otherwise: not a province or prefecture
    # (河北区 is not 河北县), not a quarter of a city (河东, 城区, 新区).
    upper = {r.name[:2] for r in lex.regions.values() if r.level != "county"}
    former: dict[str, list[Region]] = {}
    for r in list(lex.regions.values()):
        if r.level == "county" and r.name.endswith("区") and len(r.name) >= 3:
            base = r.name[:-1]
            if base[-1] in "县市":
                old = base
            elif len(base) >= 2 and base[:2] not in upper and base[-1] not in "东西南北中城郊新矿":
                old = base + "县"
            else:
                continue
            former.setdefault(old, []).append(r)
    for old, rs in former.items():
        lex.by_name.setdefault(old, rs)
    return lex


_AUTONOMOUS = re.compile(
    r"^(?P<base>[\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{1,4}族)+自治(?P<level>[县州旗])$"
)


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """A private :class:`jieba.Tokenizer` with the lexicon's words added.

    A separate tokenizer leaves jieba's global one as it was for other users.
    Region names, organization words, responsibility terms, mechanisms and roles
    are added with a high frequency so that they come out as single tokens.
    """
    import jieba
    from respchain.loaders.text.cache import cache_dir

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    # jieba loads its prefix-dictionary cache (a marshal file) without checking who
    # wrote it; by default it sits in the shared temporary folder under a fixed name.
    tk.tmp_dir = str(cache_dir())
    tk.initialize()
    lex = lexicon()
    words: list[tuple[str, str]] = [(n, "ns") for n in lex.by_name]
    words += [(w, "nt") for w in lex.org_suffixes]
    words += [(w, "nt") for w in lex.departments if len(w) > 1]
    words += [(w, "nt") for w in lex.central_units]
    words += [(w, "n") for w in lex.types]
    words += [(w, "n") for w in lex.mechanisms]
    words += [(w, "n") for w in lex.roles]
    words += [
        ("党中央", "nt"),
        ("中共中央", "nt"),
        ("该市", "r"),
        ("该县", "r"),
        ("该区", "r"),
        ("该省", "r"),
        ("该州", "r"),
        ("该镇", "r"),
        ("该旗", "r"),
    ]
    for w, _tag in words:
        tk.add_word(w, 200000)
    return tk


@lru_cache(maxsize=1)
def tag_table() -> dict[str, str]:
    """jieba's part-of-speech table (word -> tag), with the lexicon's own tags.

    Read from jieba's ``dict.txt`` with one regular expression, and kept in a
    marshal file in the user's private cache folder
    (:func:`~respchain.loaders.text.cache.cache_dir`, keyed by the dictionary's
    size and time), beside jieba's own prefix dictionary.
    """
    import marshal
    import os
    import re
    import tempfile

    import jieba
    from respchain.loaders.text.cache import cache_dir

    dict_path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    st = os.stat(dict_path)
    folder = str(cache_dir())
    cache = os.path.join(folder, f"jieba-tags-{st.st_size}-{int(st.st_mtime)}.marshal")
    table: dict[str, str] | None = None
    try:
        with open(cache, "rb") as fh:
            table = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        table = None
    if not isinstance(table, dict):
        with open(dict_path, encoding="utf-8") as fh:
            table = dict(re.findall(r"^(\S+) \d+ (\S+)$", fh.read(), re.M))
        try:
            fd, tmp = tempfile.mkstemp(dir=folder)
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(table, fh)
            os.replace(tmp, cache)
        except OSError:  # pragma: no cover - a read-only cache folder
            pass
    lex = lexicon()
    table.update({n: "ns" for n in lex.by_name})
    table.update({w: "nt" for w in lex.org_suffixes})
    table.update({w: "nt" for w in lex.departments if len(w) > 1})
    table.update({w: "nt" for w in lex.central_units})
    table.update({w: "n" for w in lex.mechanisms if w not in table})  # 巡察 in 市委巡察工作领导小组
    return table
