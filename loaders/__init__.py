"""Loaders: registers (YAML/JSON), and the other ways in, each producing a register."""

from respchain.loaders import rdf as _rdf  # noqa: F401 - adds the .ttl/.jsonld/.nt readers (rdflib loaded lazily)
from respchain.loaders.graph import load_graph
from respchain.loaders.register import Register, load_register, register_from_data

__all__ = ["Register", "load_register", "register_from_data", "load_graph"]
