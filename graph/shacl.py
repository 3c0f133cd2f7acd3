"""The SHACL shapes of the gap rules (:file:`shapes.ttl`) and their validation with pySHACL.

This module only holds the shapes and validates RDF against them; turning a
validation report into findings is the ``shacl`` backend's work
(:mod:`respchain.queries.backends.shacl`).
"""

from __future__ import annotations

from importlib.resources import files as _package_files
from pathlib import Path

from rdflib import SH, Graph, Literal
from rdflib.namespace import DCTERMS

from respchain.exceptions import BackendError

__all__ = ["SH", "shapes_path", "shapes_graph", "shape_rules", "validate_rdf"]


def shapes_path() -> Path:
    """The path of the shipped shapes (:file:`shapes.ttl`)."""
    return Path(str(_package_files("respchain.graph").joinpath("shapes.ttl")))


def shapes_graph(rules: list[str] | tuple[str, ...] | None = None) -> Graph:
    """The shapes, parsed; shapes of rules not in ``rules`` are deactivated."""
    g = Graph()
    g.parse(shapes_path(), format="turtle")
    if rules is not None:
        keep = set(rules)
        for shape, rid in list(g.subject_objects(DCTERMS.identifier)):
            if str(rid) not in keep:
                g.add((shape, SH.deactivated, Literal(True)))
    return g


def validate_rdf(data: Graph, shapes: Graph | None = None) -> tuple[bool, Graph]:
    """Validate RDF data against the shapes with pySHACL; return ``(conforms, report graph)``.

    The data graph is validated in place: no inference or rule adds to it.

    Raises
    ------
    BackendError
        When pySHACL itself fails.
    """
    import pyshacl

    try:
        conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=shapes if shapes is not None else shapes_graph(),
            advanced=True,
            inference="none",
            allow_warnings=True,
            abort_on_first=False,
            inplace=True,
        )
    except Exception as e:  # pyshacl raises its own and rdflib's errors
        raise BackendError(f"SHACL 校验失败 / SHACL validation failed: {e}") from e
    return bool(conforms), report


def shape_rules(shapes: Graph | None = None) -> list[str]:
    """The rule ids the shapes are for (their ``dcterms:identifier``), sorted."""
    g = shapes if shapes is not None else shapes_graph()
    return sorted({str(r) for _s, r in g.subject_objects(DCTERMS.identifier)})
