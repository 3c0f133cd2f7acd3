"""The gap rules, one module per id prefix: ``MAIN-001`` is in :mod:`.main`, ``FUNC-001`` in :mod:`.func`.

Each module defines its rules' functions, plain typed functions over the graph
returning frozen findings, and beside them the :class:`~respchain.queries.rule.Rule`
of each (``MAIN_001``), gathered in its ``RULES``. The catalog
(:mod:`respchain.queries.catalog`) collects every module's ``RULES`` in the
order of gaps.md.
"""
