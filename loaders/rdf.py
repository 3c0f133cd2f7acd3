"""Registers given as RDF (``.ttl``, ``.jsonld``, ``.nt``) load like YAML.

This module adds thin readers to :data:`respchain.loaders.register.READERS`;
rdflib is imported only when an RDF file is actually read, so importing the
loaders stays fast. The RDF is read back into register data (register.md) by
:func:`respchain.graph.rdf.register_data_from_rdf` and then validated like
any other register.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from respchain.loaders._guard import loads_json
from respchain.loaders.register import READERS

__all__ = ["read_rdf", "RDF_SUFFIXES"]

RDF_SUFFIXES = (".ttl", ".jsonld", ".nt")


def read_rdf(path: Path, text: str) -> dict[str, Any]:
    """Read an RDF file in the respchain ontology as register data.

    A ``.jsonld`` file is first read as strict JSON (duplicate keys, ``NaN``
    and too deep nesting are refused with their line), and its ``@context`` is
    never loaded from the network or the file system
    (:func:`respchain.graph.rdf.parse_rdf`).

    Raises
    ------
    ValueError
        On an RDF syntax error or RDF that is no register; the message lists
        every problem (the loader reports it with the file name).
    GuardError, json.JSONDecodeError
        On JSON-LD that is no strict JSON, with the line.
    """
    from respchain.graph.rdf import read_register_rdf

    from respchain.exceptions import InputError

    if path.suffix.lower() == ".jsonld":
        loads_json(text)
    try:
        return read_register_rdf(path, text)
    except InputError as e:
        parts = []
        for p in e.problems:
            where = f"line {p.line} " if p.line else ""
            parts.append(f"{where}{p.path + ': ' if p.path else ''}{p.message}")
        raise ValueError("; ".join(parts)) from None


for _suffix in RDF_SUFFIXES:
    READERS.setdefault(_suffix, read_rdf)
