"""Show, per article of one set, what the extractor missed and what it added.

For development on the ``dev`` set only (never look at ``test`` while changing the
extractor). Strict matching as in ``eval-extract``.

Usage: python tools/extract_diff.py tests/data/extract/real/dev [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from respchain.loaders.text.evaluate import _overlaps, load_gold
from respchain.loaders.text.extract import draft_from_articles
from respchain.loaders.text.reader import read_article


def main(folder: str, *names: str) -> None:
    root = Path(folder)
    for gpath in sorted(root.glob("*.gold.yaml")):
        stem = gpath.name.split(".")[0]
        if names and stem not in names:
            continue
        gold = load_gold(gpath)
        draft = draft_from_articles([read_article(root / gold["article"])])
        by_id = {o["id"]: o for o in draft.get("organizations") or []}
        names_of = {g["name"]: {g["name"], *(g.get("aliases") or [])} for g in gold["organizations"]}
        print(f"=== {stem}")
        porgs = draft.get("organizations") or []
        for g in gold["organizations"]:
            hit = [
                p
                for p in porgs
                if p["name"] in names_of[g["name"]]
                and p["kind"] == g["kind"]
                and _overlaps(p["span"], g["spans"])
            ]
            if not hit:
                print(f"  org MISSED  {g['name']} ({g['kind']})")
        for p in porgs:
            if not any(
                p["name"] in names_of[g["name"]]
                and p["kind"] == g["kind"]
                and _overlaps(p["span"], g["spans"])
                for g in gold["organizations"]
            ):
                print(f"  org EXTRA   {p['name']} ({p['kind']}) {p.get('region', '')}")
        facts = draft.get("facts") or []
        for g in gold["figures"]:
            cands = [
                f
                for f in facts
                if float(f["value"]) == float(g["value"])
                and f["unit"] == g["unit"]
                and _overlaps(f["span"], g["spans"])
            ]
            subj = [by_id.get(f["subject"], {}).get("name", f["subject"]) for f in cands]
            ok = any(
                (s in names_of.get(g["subject"], ()))
                or (
                    g["subject"] not in names_of and (s.startswith(g["subject"]) or f["subject"] not in by_id)
                )
                for s, f in zip(subj, cands, strict=True)
            )
            if not ok:
                print(f"  fig MISSED  {g['text']} -> {g['subject']}   got {subj or '-'}")
        gtexts = [(g["value"], g["unit"], g["spans"]) for g in gold["figures"]]
        for f in facts:
            if not any(
                float(f["value"]) == float(v) and f["unit"] == u and _overlaps(f["span"], s)
                for v, u, s in gtexts
            ):
                q = f["quote"]
                print(f"  fig EXTRA   {f['value']}{f['unit']} {f['metric']}  «{q[:40]}»")
        mechs = draft.get("mechanisms") or []
        for g in gold["mechanisms"]:
            cands = [m for m in mechs if m["name"] == g["name"] and _overlaps(m["span"], g["spans"])]
            ad = [[by_id[a]["name"] for a in m.get("adopted_by") or []] for m in cands]
            if not cands:
                print(f"  mech MISSED {g['name']} ({g['adopted_by']})")
            elif not any(
                (g["adopted_by"] is None and not a)
                or (g["adopted_by"] and any(x in names_of.get(g["adopted_by"], ()) for x in a))
                for a in ad
            ):
                print(f"  mech ADOPTER {g['name']} want {g['adopted_by']} got {ad}")
        for m in mechs:
            if not any(
                m["name"] == g["name"] and _overlaps(m["span"], g["spans"]) for g in gold["mechanisms"]
            ):
                print(f"  mech EXTRA  {m['name']}")


if __name__ == "__main__":
    if len(sys.argv) < 2 or Path(sys.argv[1]).name == "test":
        raise SystemExit("usage: extract_diff.py DEV_FOLDER [NAME ...] (not the test set)")
    main(*sys.argv[1:])
