"""Gap rules over the responsibility graph: the catalog, the engine, reports, diff and what-if.

>>> from respchain.loaders import load_graph
>>> from respchain.queries import find_gaps
>>> findings = find_gaps(load_graph("data/seed"))
"""

from respchain.queries.catalog import CATALOG, FAMILIES, Basis, Rule, make_finding, resolve_rules
from respchain.queries.compare import diff_gaps, whatif
from respchain.queries.engine import BACKENDS, find_gaps, register_backend, scores
from respchain.queries.finding import SEVERITY_ORDER, Finding, Severity
from respchain.queries.index import GraphIndex, build_index

__all__ = [
    "CATALOG",
    "FAMILIES",
    "Rule",
    "Basis",
    "make_finding",
    "resolve_rules",
    "find_gaps",
    "scores",
    "BACKENDS",
    "register_backend",
    "Finding",
    "Severity",
    "SEVERITY_ORDER",
    "GraphIndex",
    "build_index",
    "diff_gaps",
    "whatif",
]
