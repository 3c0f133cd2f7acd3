"""Turn hand annotations of real articles into gold files with offsets.

An annotation (``tests/data/extract/real/ann/NAME.yaml``) lists, by hand, what the
article ``real/<set>/NAME.txt`` states: organizations ``[name, kind, [aliases]]``,
figures ``[surface, value, unit, subject]`` (the surface is the text that carries
the figure; the subject is the body acting or counted, an organization's name or a
region) and mechanisms ``[name as written, adopter or null]``. This script only
locates each item in the normalized text and writes ``real/<set>/NAME.gold.yaml``;
it fails, naming the item, when something is not found (nothing is written).

Organization mentions are claimed longest first across all organizations, so
市纪委 inside 市纪委监委 counts for the longer name only; the unit after 驻 in
驻X纪检监察组 is a mention of that unit.

Usage: python tools/gold_spans.py tests/data/extract/real
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from respchain.loaders.text.reader import read_article


def _all(text: str, s: str) -> list[tuple[int, int]]:
    out, i = [], text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


def build(ann_path: Path, root: Path) -> tuple[Path, dict]:
    ann = yaml.safe_load(ann_path.read_text(encoding="utf-8"))
    art = root / ann["set"] / f"{ann_path.stem}.txt"
    text = read_article(art).text
    problems: list[str] = []
    surfaces = sorted(
        ((s, i) for i, (n, _k, al) in enumerate(ann["organizations"]) for s in {n, *al}),
        key=lambda x: -len(x[0]),
    )
    claimed: list[tuple[int, int]] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for s, i in surfaces:
        for a, b in _all(text, s):
            # a resident unit inside 驻X纪检监察组 is a mention of its own
            if text[a - 1 : a] == "驻" or not any(a < y and x < b for x, y in claimed):
                claimed.append((a, b))
                spans.setdefault(i, []).append((a, b))
    for i, (n, _k, al) in enumerate(ann["organizations"]):
        if i not in spans:  # named only inside another name (the parent in 某纪委监委派驻…组)
            found = [x for s in {n, *al} for x in _all(text, s)]
            if found:
                spans[i] = found
    orgs = []
    for i, (n, k, al) in enumerate(ann["organizations"]):
        if i not in spans:
            problems.append(f"organization {n}: no mention found")
        orgs.append({"name": n, "aliases": list(al), "kind": k, "spans": sorted(map(list, spans.get(i, [])))})
    figs = []
    for surface, value, unit, subject in ann.get("figures") or []:
        found = _all(text, surface)
        if not found:
            problems.append(f"figure {surface}: not found")
            continue
        figs.append(
            {"value": value, "unit": unit, "subject": subject, "text": surface, "spans": [list(found[0])]}
        )
    mechs = []
    for name, adopter in ann.get("mechanisms") or []:
        found = _all(text, name)
        if not found:
            problems.append(f"mechanism {name}: not found")
        mechs.append({"name": name, "adopted_by": adopter, "spans": [list(x) for x in found]})
    if problems:
        raise SystemExit(f"{ann_path}: " + "; ".join(problems))
    gold = {
        "article": art.name,
        "set": ann["set"],
        "kind": ann.get("kind"),
        "url": ann["url"],
        "published": str(ann["published"]) if ann.get("published") else None,
        "organizations": orgs,
        "figures": figs,
        "mechanisms": mechs,
    }
    return art.with_name(f"{ann_path.stem}.gold.yaml"), gold


def main(root: str) -> None:
    r = Path(root)
    built = [build(p, r) for p in sorted((r / "ann").glob("*.yaml"))]
    for path, gold in built:
        head = (
            f"# 金标准 / gold annotation, by hand, of a real article as published: {gold['url']}\n"
            "# generated from ann/ by tools/gold_spans.py; offsets into the normalized text\n"
        )
        path.write_text(
            head + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
        )
        print(path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/extract/real")
