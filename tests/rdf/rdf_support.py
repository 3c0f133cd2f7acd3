"""Shared by the RDF tests: every example register in data/ and tests/data/."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import networkx as nx
from respchain.loaders import load_graph

from respchain.exceptions import RegisterError

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "tests" / "data" / "gaps" / "district" / "register.yaml"
SEED = ROOT / "data" / "seed"


def _candidates() -> list[Path]:
    """Folders of data/, and in tests/data/ every YAML file and every folder of YAML files."""
    out: list[Path] = [d for d in sorted((ROOT / "data").iterdir()) if d.is_dir() and any(d.glob("*.yaml"))]
    yamls = sorted((ROOT / "tests" / "data").rglob("*.yaml"))
    out.extend(yamls)
    out.extend(d for d in sorted({p.parent for p in yamls}) if len(list(d.glob("*.yaml"))) > 1)
    return out


@lru_cache(maxsize=1)
def example_registers() -> tuple[Path, ...]:
    """Every candidate that loads as a register on its own (fixtures of broken input are left out).

    A file that loads only together with the other files of its folder is
    covered by the folder.
    """
    found = []
    for p in _candidates():
        try:
            load_graph(p)
        except RegisterError:
            continue
        found.append(p)
    return tuple(found)


def register_id(p: Path) -> str:
    return str(p.relative_to(ROOT))


@cache
def graph_of(p: Path) -> nx.MultiDiGraph:
    return load_graph(p)
