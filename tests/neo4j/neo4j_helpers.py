"""Helpers of the Neo4j tests: the example registers, graph equality."""

from __future__ import annotations

from pathlib import Path

from respchain.loaders import load_register

ROOT = Path(__file__).resolve().parents[2]


def example_registers() -> dict[str, list[Path]]:
    """Every register in data/ and tests/data/: each folder of YAML files, and each YAML file alone.

    A folder or a file that is not a valid register on its own (a part of a
    multi-file register, a fixture that is broken on purpose) is left out.
    """
    from respchain.exceptions import RegisterError

    found: dict[frozenset, tuple[str, list[Path]]] = {}
    for base in (ROOT / "data", ROOT / "tests" / "data"):
        dirs = [base, *sorted(p for p in base.rglob("*") if p.is_dir())]
        for d in dirs:
            files = sorted([*d.glob("*.yaml"), *d.glob("*.yml")])
            candidates = [files] + ([[f] for f in files] if len(files) > 1 else [])
            for group in candidates:
                if not group or frozenset(group) in found:
                    continue
                try:
                    load_register(group)
                except (RegisterError, OSError, ValueError):
                    continue
                name = str(group[0].relative_to(ROOT)) if len(group) == 1 else str(d.relative_to(ROOT)) + "/"
                found[frozenset(group)] = (name, group)
    return dict(sorted(found.values()))


def same_graph(G, H) -> None:
    """Assert that two graphs have the same nodes, edges, keys and attributes."""
    assert dict(G.graph) == dict(H.graph)
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    ea = {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}
    eb = {(u, v, k): d for u, v, k, d in H.edges(keys=True, data=True)}
    assert ea == eb
