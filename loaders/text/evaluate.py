"""Score an extracted draft against a hand-annotated gold file.

The gold file
-------------
YAML, one per article (``tests/data/extract/*.gold.yaml``)::

    article: 000_b3a856da92652f4b.txt   # the article's file name
    organizations:                      # every organization the text names
      - name: 福建省三明市尤溪县纪委监委   # the fullest form as written
        aliases: [尤溪县纪委监委, 该县纪委监委]
        kind: discipline_commission
        level: county
        region: 福建省/三明市/尤溪县
        spans: [[207, 220], ...]        # every mention: text[a:b] is the name or an alias
    types:                              # responsibility types the text discusses
      - {type: main, spans: [[...], ...]}
    mechanisms:                         # one per mechanism name as written
      - {name: 专题会商, adopted_by: [福建省三明市尤溪县纪委监委], spans: [[...]]}
                                        # adopted_by: the organizations that adopt or run it
                                        # (a name, a list, or null); spans: every mention
    figures:
      - {value: 239, unit: 人, metric: accountability.persons, spans: [[...]]}

Offsets are into the normalized text of the article
(:mod:`respchain.loaders.text.reader`).

Matching
--------
A predicted record matches a gold item of its category when

- organizations: its name is the gold name or an alias, the kinds are equal,
  and its span overlaps a gold mention;
- types: the type is in the source's ``topics`` (a set per article);
- mechanisms: same canonical name (the lexicon groups variants: 提醒谈话 is
  谈话提醒), an adopter in common (a predicted adopter's name is a gold
  adopter's name or alias; or neither names one), span overlapping a mention;
- figures: same value and unit, span overlapping a gold mention.

Each gold item matches at most one prediction. Precision = matched predictions /
predictions, recall = matched gold items / gold items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from respchain.loaders.text.extract import MECHANISM_SUFFIX

from respchain.exceptions import InputError, Problem

__all__ = ["Score", "score_extraction", "load_gold", "format_scores", "CATEGORIES"]

CATEGORIES = ("organizations", "types", "mechanisms", "figures")


@dataclass(frozen=True)
class Score:
    """Counts and rates for one category."""

    category: str
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _load_yaml(path: str | Path) -> Any:
    p = Path(path)
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Problem(str(p), 0, "", "文件不存在 / no such file")) from None
    except yaml.YAMLError as e:
        raise InputError(Problem(str(p), 0, "", f"YAML 语法错误 / YAML syntax error: {e}")) from None


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold file, checking its shape (every problem listed)."""
    data = _load_yaml(path)
    problems = []
    if not isinstance(data, dict):
        raise InputError(Problem(str(path), 0, "", "须为映射 / must be a mapping"))
    for cat in CATEGORIES:
        items = data.get(cat) or []
        if not isinstance(items, list):
            problems.append(Problem(str(path), 0, cat, "须为列表 / must be a list"))
            continue
        for i, it in enumerate(items):
            if not isinstance(it, dict) or not isinstance(it.get("spans"), list):
                problems.append(Problem(str(path), 0, f"{cat}[{i}]", "缺少 spans / missing spans"))
    if problems:
        raise InputError(problems)
    return data


def _overlaps(span: Sequence[int] | None, spans: Sequence[Sequence[int]]) -> bool:
    if not span:
        return False
    a, b = span
    return any(a < y and x < b for x, y in spans)


def _pick_source(pred: dict[str, Any], article: str | None, where: str = "") -> str | None:
    sources = pred.get("sources") or []
    if article:
        for s in sources:
            if s.get("url") == Path(article).name or s.get("id") == Path(article).stem:
                return s["id"]
        held = ", ".join(str(s.get("url") or s.get("id")) for s in sources) or "-"
        raise InputError(
            Problem(
                where,
                0,
                "sources",
                f"草稿与金标准不是同一篇文章 / the draft and the gold file are of different articles: "
                f"the gold file annotates {Path(article).name!r}, the draft holds {held}",
            )
        )
    return sources[0]["id"] if len(sources) == 1 else None


def _match(preds: list[Any], golds: list[Any], ok: Any) -> int:
    used: set[int] = set()
    n = 0
    for p in preds:
        for gi, g in enumerate(golds):
            if gi not in used and ok(p, g):
                used.add(gi)
                n += 1
                break
    return n


def score_extraction(
    gold: dict[str, Any] | str | Path, pred: dict[str, Any] | str | Path
) -> dict[str, Score]:
    """Precision, recall and F1 per category of a draft against a gold file.

    Parameters
    ----------
    gold : dict or path
        A gold annotation (see the module docstring).
    pred : dict or path
        A register draft as written by ``respchain extract``; when it holds several
        sources, the one whose ``url`` is the gold's ``article`` is scored.

    Returns
    -------
    dict
        Category -> :class:`Score`, for :data:`CATEGORIES`.
    """
    if not isinstance(gold, dict):
        gold = load_gold(gold)
    where = "" if isinstance(pred, dict) else str(pred)
    if not isinstance(pred, dict):
        pred = _load_yaml(pred) or {}
    sid = _pick_source(pred, gold.get("article"), where)

    def mine(section: str) -> list[dict[str, Any]]:
        return [r for r in pred.get(section) or [] if r.get("source") == sid]

    names: dict[str, set[str]] = {}
    for g in gold.get("organizations") or []:
        names[g["name"]] = {g["name"], *(g.get("aliases") or [])}

    def gold_name(pred_name: str | None) -> str | None:
        if pred_name is None:
            return None
        for gname, al in names.items():
            if pred_name in al:
                return gname
        return "?" + pred_name

    out: dict[str, Score] = {}
    porgs = mine("organizations")
    gorgs = gold.get("organizations") or []
    n = _match(
        porgs,
        gorgs,
        lambda p, g: (
            p["name"] in names[g["name"]] and p["kind"] == g["kind"] and _overlaps(p.get("span"), g["spans"])
        ),
    )
    out["organizations"] = Score("organizations", len(gorgs), len(porgs), n)

    src: dict[str, Any] = next((s for s in pred.get("sources") or [] if s.get("id") == sid), {})
    ptypes = list(dict.fromkeys(src.get("topics") or []))
    gtypes = [g["type"] for g in gold.get("types") or []]
    out["types"] = Score("types", len(gtypes), len(ptypes), len(set(ptypes) & set(gtypes)))

    from respchain.loaders.text.lexicon import lexicon

    canon = lexicon().mechanisms
    org_name = {o["id"]: o["name"] for o in pred.get("organizations") or []}
    pmech = mine("mechanisms")
    gmech = gold.get("mechanisms") or []
    n = _match(
        pmech,
        gmech,
        lambda p, g: (
            _canonical(p["name"], canon) == _canonical(g["name"], canon)
            and _overlaps(p.get("span"), g["spans"])
            and (
                bool({gold_name(org_name.get(a)) for a in p.get("adopted_by") or []} & set(gold_adopters(g)))
                if gold_adopters(g)
                else not p.get("adopted_by")
            )
        ),
    )
    out["mechanisms"] = Score("mechanisms", len(gmech), len(pmech), n)

    pfig = mine("facts")
    gfig = gold.get("figures") or []
    n = _match(
        pfig,
        gfig,
        lambda p, g: (
            float(p["value"]) == float(g["value"])
            and p.get("unit") == g["unit"]
            and _overlaps(p.get("span"), g["spans"])
        ),
    )
    out["figures"] = Score("figures", len(gfig), len(pfig), n)
    return out


_COINED = re.compile(r"^[“\"](?P<name>[^“”\"]+)[”\"]" + MECHANISM_SUFFIX + "$")


def _canonical(name: str, canon: dict[str, str]) -> str:
    """The lexicon's name of a mechanism; a coined one without its quotes and suffix
    (“三书两单”工作机制 is 三书两单)."""
    m = _COINED.match(name)
    if m:
        name = m["name"]
    return canon.get(name, name)


def gold_adopters(g: dict[str, Any]) -> list[str]:
    """The adopters of a gold mechanism: ``adopted_by`` is a name, a list of names or null."""
    a = g.get("adopted_by")
    if not a:
        return []
    return [a] if isinstance(a, str) else [str(x) for x in a]


def format_scores(scores: dict[str, Score], title: str = "") -> str:
    """The scores as a plain text table (category, gold, predicted, matched, P, R, F1)."""
    lines = []
    if title:
        lines.append(title)
    lines.append(f"{'类别 / category':<22}{'gold':>6}{'pred':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for s in scores.values():
        lines.append(
            f"{s.category:<22}{s.gold:>6}{s.predicted:>6}{s.matched:>7}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Strict scoring over sets of real articles

STRICT_CATEGORIES = ("organizations", "figures", "mechanisms", "adopters")


def score_strict(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Score]:
    """Strict scores of one article's draft against its gold file.

    - organizations: the predicted name is the gold name or one of its aliases,
      the kinds are equal and the record's span overlaps a gold mention;
    - figures: same value and unit, span overlapping the figure, and the same
      subject: the predicted subject's name is the gold subject or one of its
      aliases, or, when the gold subject is a region (福建省), the subject is an
      organization of that region or the article itself;
    - mechanisms: the exact name as written (no renaming), span overlapping;
    - adopters: a mechanism's exact name and its adopter as in the gold.
    """
    sid = _pick_source(pred, gold.get("article"))

    def mine(section: str) -> list[dict[str, Any]]:
        return [r for r in pred.get(section) or [] if r.get("source") == sid]

    names: dict[str, set[str]] = {
        g["name"]: {g["name"], *(g.get("aliases") or [])} for g in gold["organizations"]
    }
    by_id = {o["id"]: o for o in pred.get("organizations") or []}
    out: dict[str, Score] = {}

    porgs = mine("organizations")
    gorgs = gold.get("organizations") or []
    n = _match(
        porgs,
        gorgs,
        lambda p, g: (
            p["name"] in names[g["name"]] and p["kind"] == g["kind"] and _overlaps(p.get("span"), g["spans"])
        ),
    )
    out["organizations"] = Score("organizations", len(gorgs), len(porgs), n)

    def same_subject(p: dict[str, Any], subject: str | None) -> bool:
        if subject is None:
            return True
        o = by_id.get(p.get("subject") or "")
        if subject in names:
            return o is not None and o["name"] in names[subject]
        if o is None:  # the article as subject: right when the region is the article's own
            return True
        return o["name"].startswith(subject) or subject in (o.get("region") or "").split("/")

    pfig = mine("facts")
    gfig = gold.get("figures") or []
    n = _match(
        pfig,
        gfig,
        lambda p, g: (
            float(p["value"]) == float(g["value"])
            and p.get("unit") == g["unit"]
            and _overlaps(p.get("span"), g["spans"])
            and same_subject(p, g.get("subject"))
        ),
    )
    out["figures"] = Score("figures", len(gfig), len(pfig), n)

    pm = mine("mechanisms")
    gm = gold.get("mechanisms") or []
    n = _match(pm, gm, lambda p, g: p["name"] == g["name"] and _overlaps(p.get("span"), g["spans"]))
    out["mechanisms"] = Score("mechanisms", len(gm), len(pm), n)

    # Adopters: one item per (mechanism, adopter), or (mechanism, none) when nobody is named.
    pa = []
    for m in pm:
        for a in m.get("adopted_by") or [None]:
            pa.append((m["name"], by_id[a]["name"] if a in by_id else None, m.get("span")))
    ga: list[tuple[str, str | None, Any]] = []
    for g in gm:
        adopters: list[str | None] = [*gold_adopters(g)] or [None]
        ga += [(g["name"], a, g["spans"]) for a in adopters]
    n = _match(
        pa,
        ga,
        lambda p, g: (
            p[0] == g[0]
            and _overlaps(p[2], g[2])
            and (p[1] in names.get(g[1], set()) if g[1] else p[1] is None)
        ),
    )
    out["adopters"] = Score("adopters", len(ga), len(pa), n)
    return out


def evaluate_sets(root: str | Path) -> dict[str, dict[str, Score]]:
    """Extract every article of ``root/<set>/`` and score it strictly; sums per set.

    ``root`` holds one folder per set (``dev``, ``test``), each with articles and
    their ``NAME.gold.yaml``. Returns set -> category -> :class:`Score` (counts
    summed over the set's articles, so rates are micro-averaged).
    """
    from respchain.loaders.text.extract import draft_from_articles
    from respchain.loaders.text.reader import read_article

    out: dict[str, dict[str, Score]] = {}
    root = Path(root)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*.gold.yaml"))):
        sums = {c: [0, 0, 0] for c in STRICT_CATEGORIES}
        for gpath in sorted(folder.glob("*.gold.yaml")):
            gold = load_gold(gpath)
            draft = draft_from_articles([read_article(folder / gold["article"])])
            for c, s in score_strict(gold, draft).items():
                sums[c][0] += s.gold
                sums[c][1] += s.predicted
                sums[c][2] += s.matched
        out[folder.name] = {c: Score(c, *v) for c, v in sums.items()}
    return out
