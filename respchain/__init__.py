"""respchain: the responsibility system of 全面从严治党 as a knowledge graph.

Load registers, build one graph, find the gaps in the chain of responsibility,
show it and teach it.
"""

__version__ = "0.1.0"

from respchain.exceptions import (  # noqa: E402
    BackendError,
    InputError,
    RegisterError,
    RespchainError,
)

__all__ = ["__version__", "RespchainError", "InputError", "RegisterError", "BackendError"]
