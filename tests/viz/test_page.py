"""The graph page and the report page as files: offline, escaped, complete."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from respchain.viz import render_report_html, save_html, to_pyvis, view_graph

from respchain.cli import main
from respchain.exceptions import InputError
from tests.viz.conftest import XSS, XSS_NAME

DRAWN = {"Organization", "Person", "Responsibility", "List", "Task", "Event", "Mechanism", "Fact"}


def expected_counts(G) -> tuple[int, int]:
    """Nodes and edges the page should draw, counted straight from the graph."""
    drawn = {n for n, a in G.nodes(data=True) if a["kind"] in DRAWN}
    n_edges = 0
    for u, v, k in G.edges(keys=True):
        if k in ("POST_IN", "IN_CHARGE_OF"):
            n_edges += 1  # a post (or 分管) is drawn as person -> organization
        elif u in drawn and v in drawn:
            n_edges += 1
    return len(drawn), n_edges


def external_refs(html: str) -> list[str]:
    """Anything in the page that would make the browser fetch from the network."""
    pats = [
        r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""",
        r"""@import\s+(?:url\()?["']?(?:https?:)?//""",
        r"""url\(\s*["']?(?:https?:)?//""",
    ]
    return [m.group(0) for p in pats for m in re.finditer(p, html, re.I)]


def test_graph_page_is_self_contained_utf8(tmp_path, seed_graph, seed_findings):
    out = save_html(to_pyvis(seed_graph, findings=seed_findings), tmp_path / "graph.html")
    raw = out.read_bytes()
    html = raw.decode("utf-8")  # whatever the platform's encoding
    assert "中共安阳市委员会" in html
    assert external_refs(html) == []
    assert "cdn." not in html and "bootstrap" not in html.lower()
    assert "vis.Network" in html  # vis-network itself is inlined
    assert "Content-Security-Policy" in html


def test_view_draws_every_record_with_posts_as_edges(seed_graph, seed_findings):
    view = view_graph(seed_graph, findings=seed_findings)
    assert (len(view["nodes"]), len(view["edges"])) == expected_counts(seed_graph)
    net = to_pyvis(seed_graph, findings=seed_findings)
    assert (len(net.nodes), len(net.edges)) == expected_counts(seed_graph)
    # every finding about a drawn node is attached to it, with the severity outline
    by_id = {n["id"]: n for n in view["nodes"]}
    for i, f in enumerate(view["findings"]):
        if f["subject"] in by_id:
            assert i in by_id[f["subject"]]["findings"]
    marked = {n["id"] for n in net.nodes if n.get("borderWidth") == 4}
    assert marked == {f.subject for f in seed_findings if f.subject in by_id}


def test_edges_coloured_by_responsibility_type(seed_graph):
    net = to_pyvis(seed_graph)
    view = view_graph(seed_graph)
    colours = {e["id"]: e["color"] for e in net.edges}
    seen = Counter()
    for e in view["edges"]:
        if e["rel"] in ("BEARS", "COVERS"):
            rtype = seed_graph.nodes[e["to"] if e["rel"] == "BEARS" else e["from"]]["type"]
            assert e["rtype"] == rtype
            seen[colours[e["id"]]] += 1
    assert len(seen) >= 2  # main and supervisory at least, in different colours


def test_focus_keeps_the_neighbourhood(seed_graph):
    view = view_graph(seed_graph, focus="anyang-cdi", depth=1)
    ids = {n["id"] for n in view["nodes"]}
    assert "anyang-cdi" in ids and "anyang-committee" in ids
    assert "guangzhou-cdi" not in ids
    assert ids < {n["id"] for n in view_graph(seed_graph, focus="anyang-cdi", depth=3)["nodes"]} | ids
    with pytest.raises(InputError, match="no-such"):
        view_graph(seed_graph, focus="no-such")


def test_grouping_above_threshold(seed_graph):
    assert to_pyvis(seed_graph).respchain_data["grouped"] is False
    d = to_pyvis(seed_graph, group_threshold=10).respchain_data
    assert d["grouped"] is True


def test_xss_names_never_reach_the_page_as_markup(tmp_path, xss_graph):
    from respchain.queries import find_gaps

    findings = find_gaps(xss_graph)
    html = save_html(to_pyvis(xss_graph, findings=findings), tmp_path / "g.html").read_text(encoding="utf-8")
    for bad in (XSS_NAME, "<svg onload", "<script>alert", "<b>粗</b>"):
        assert bad not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html  # kept, as data
    report = render_report_html(findings, xss_graph, lang="zh", graph_href="g.html")
    for bad in (XSS_NAME, "<svg onload", "<script>alert", "<b>粗</b>"):
        assert bad not in report
    assert "&lt;img src=x onerror=alert(1)&gt;" in report


def test_report_page(seed_graph, seed_findings):
    html = render_report_html(seed_findings, seed_graph, lang="zh", graph_href="graph.html")
    assert external_refs(html) == [] and "<script" not in html
    assert html.count("<tr data-rule=") == len(seed_findings)
    assert 'href="graph.html#node=anyang-committee"' in html
    assert html.count("<svg") == 2
    # the bar segments add up to the findings, by severity
    sev = Counter(f.severity for f in seed_findings)
    rule_chart = html[html.index('id="chart-rules"') : html.index('id="chart-orgs"')]
    for s, n in sev.items():
        segs = re.findall(rf'data-severity="{s}"><title>[^<]*: (\d+)</title>', rule_chart)
        assert sum(map(int, segs)) == n
    en = render_report_html(seed_findings, seed_graph, lang="en")
    assert "Gap report" in en and "graph.html#node" not in en


def test_english_legend(seed_graph):
    html = to_pyvis(seed_graph, lang="en").generate_html()
    assert "Party committee" in html and "Main responsibility" in html and "Legend" in html


def test_cli_viz(tmp_path, capsys):
    out = tmp_path / "sub" / "graph.html"
    rep = tmp_path / "report.html"
    assert (
        main(["viz", str(XSS), "-o", str(out), "--layout", "force", "--lang", "en", "--report", str(rep)])
        == 0
    )
    assert out.is_file() and rep.is_file()
    assert 'href="sub/graph.html#node=xss-committee"' in rep.read_text(encoding="utf-8")
    assert main(["viz", str(XSS), "-o", str(tmp_path / "f.html"), "--focus", "nope"]) == 2
    assert not (tmp_path / "f.html").exists()
    assert "nope" in capsys.readouterr().err


def test_jupyter_repr_is_an_offline_iframe(seed_graph):
    net = to_pyvis(seed_graph)
    r = net._repr_html_()
    assert r.startswith("<iframe srcdoc=") and external_refs(r) == []


def test_focus_lists_only_the_gaps_in_view(seed_graph, seed_findings):
    subject = seed_findings[0].subject
    view = view_graph(seed_graph, findings=seed_findings, focus=subject, depth=1)
    shown = {n["id"] for n in view["nodes"]}
    listed = {f["subject"] for f in view["findings"]}
    assert listed and listed <= shown
    assert len(view["findings"]) < len(seed_findings)
    assert all(f["subject"] == subject or f["subject"] in shown for f in view["findings"])
    # every node's finding indices point at its own findings
    for n in view["nodes"]:
        assert all(view["findings"][i]["subject"] == n["id"] for i in n["findings"])


def test_pages_and_graph_carry_no_absolute_local_paths(tmp_path, seed_graph, seed_findings):
    import json
    import os

    from respchain.graph import write_graph

    html = save_html(to_pyvis(seed_graph, findings=seed_findings), tmp_path / "g.html").read_text(
        encoding="utf-8"
    )
    data = write_graph(seed_graph, tmp_path / "graph.json").read_text(encoding="utf-8")
    for text in (html, data):
        assert str(tmp_path) not in text
        assert os.getcwd() not in text and str(Path.home()) not in text
    files = json.loads(data)["graph"]["files"]
    assert files and all(not f.startswith("/") for f in files)


def test_page_shows_chinese_words_for_vocabulary_values(seed_graph, seed_findings):
    view = view_graph(seed_graph, findings=seed_findings)
    facts = [n for n in view["nodes"] if n["kind"] == "Fact"]
    assert facts and not any(re.search(r"[a-z_]+\.[a-z_]+", n["name"]) for n in facts)
    assert any(n["name"].startswith("任务数=") for n in facts)
    values = {
        v
        for n in view["nodes"]
        for k, v in n["fields"]
        if k in ("层级", "事件类型", "谈话类型", "数据", "指标")
    }
    assert values and not any(re.fullmatch(r"[a-z_.]+", v) for v in values)


def test_force_layout_starts_from_rings_of_the_leadership_tree(seed_graph, seed_findings):
    from respchain.loaders import load_graph
    from respchain.loaders.register import register_from_data
    from respchain.viz.network import radial_positions

    from respchain.synth import synth_register

    data, _ = synth_register(120, seed=3, gap_rate=0.02)  # below the grouping threshold
    G = load_graph(register_from_data([("synth.yaml", data, None)]))
    for graph in (seed_graph, G):
        net = to_pyvis(graph, layout="force")
        # every node the page draws starts at a position, none two at one point
        assert all("x" in n and "y" in n for n in net.nodes)
        assert len({(n["x"], n["y"]) for n in net.nodes}) == len(net.nodes)
    view = view_graph(G)
    pos = radial_positions(view)
    r = {n: (x * x + y * y) ** 0.5 for n, (x, y) in pos.items()}
    parent_of = {
        e["to"]: e["from"] for e in view["edges"] if e["rel"] == "SUB_ORGANIZATION_OF" and e["to"] in r
    }
    assert parent_of
    # an organization lies on a ring outside its parent's
    assert all(r[child] > r[parent] for child, parent in parent_of.items())
