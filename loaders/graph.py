"""The path convenience of the model: files in, graph out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from respchain.graph.register import Register
from respchain.loaders.register import load_register

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["load_graph"]


def load_graph(register: Register | str | Path | Sequence[str | Path]) -> nx.MultiDiGraph:
    """Load a register and build its graph.

    Parameters
    ----------
    register : Register, path or sequence of paths
        A loaded register, or the files (or folders) to load with
        :func:`respchain.loaders.load_register`.

    Returns
    -------
    networkx.MultiDiGraph
        The graph of :func:`respchain.graph.graph_from_register`.

    Raises
    ------
    RegisterError
        When the files do not form a valid register.

    Examples
    --------
    >>> G = load_graph("data/seed")
    >>> G.nodes["type:main"]["name"]
    '主体责任'
    """
    # networkx and the model are imported here, so that reading a register alone does not load them.
    from respchain.graph.model import graph_from_register

    if isinstance(register, Register):
        return graph_from_register(register)
    # The register loaded here is nobody else's: its records can go as the graph grows.
    return graph_from_register(load_register(register), release=True)
