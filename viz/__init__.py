"""The responsibility graph as interactive, offline HTML: the graph page and the gap report page.

>>> from respchain.loaders import load_graph
>>> from respchain.viz import to_pyvis, save_html
>>> save_html(to_pyvis(load_graph("data/seed")), "graph.html")
PosixPath('graph.html')
"""

from respchain.viz.network import GROUP_THRESHOLD, LAYOUTS, RespchainNetwork, save_html, to_pyvis, view_graph
from respchain.viz.report import render_report_html, save_report_html

__all__ = [
    "to_pyvis",
    "save_html",
    "view_graph",
    "RespchainNetwork",
    "GROUP_THRESHOLD",
    "LAYOUTS",
    "render_report_html",
    "save_report_html",
]
