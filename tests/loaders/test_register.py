"""The register loader: every field, every kind of error, many files, encodings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from respchain.loaders import load_graph, load_register

from respchain.exceptions import RegisterError

DATA = Path(__file__).resolve().parents[1] / "data" / "registers"


def write(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problems_of(*paths: Path) -> list[str]:
    with pytest.raises(RegisterError) as ei:
        load_register(list(paths))
    return [str(p) for p in ei.value.problems]


def test_full_register_keeps_every_field():
    reg = load_register(DATA / "full.yaml")
    assert reg.meta == {
        "title": "全字段示例",
        "description": "覆盖登记册格式的每一个字段",
        "as_of": "2025-10-20",
        "period": 2025,
    }
    src = reg.sources[0]
    assert (src["published"], src["topics"], src["url"]) == (
        "2025-10-20",
        ["main", "supervisory"],
        "https://example.org/a",
    )
    city = reg.organizations[0]
    assert (city["level"], city["region"], city["span"], city["quote"]) == (
        "municipal",
        "示例省/示例市",
        [0, 8],
        "中共示例市委员会",
    )
    assert city["_line"] == 17 and city["_file"].endswith("full.yaml")
    li = reg.people[1]["posts"][0]
    assert li["areas"] == ["civil-bureau", "社会救助"] and li["role"] == "member"
    t1, t2 = reg.lists[0]["tasks"]
    assert t1["due"] == "2025-12-31" and t1["assist"] == ["org-dept"] and t1["progress"] == "已研究两次"
    assert t2["responsible"] == ["p-wang", "p-li"] and t2["due_note"] == "长期坚持" and "due" not in t2
    kinds = {e["kind"] for e in reg.events}
    assert kinds == {"talk", "accountability", "consultation", "ecology_rating", "assessment", "meeting"}
    assert reg.facts[0]["value"] == 239 and reg.facts[1]["metric"] == "accountability.persons.heads"


def test_meta_defaults_to_today(tmp_path):
    import datetime

    p = write(tmp_path, "respchain: 1\norganizations:\n  - {id: a, name: 甲党委, kind: party_committee}\n")
    reg = load_register(p)
    today = datetime.date.today()
    assert reg.meta["as_of"] == today.isoformat() and reg.meta["period"] == today.year


ERROR_CASES = [
    # (register text, expected "line path" and message fragment)
    (
        "organizations:\n  - {id: a, name: A, kind: partycommittee}\n",
        "r.yaml:3 organizations[0].kind",
        "'partycommittee' 不是允许值",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit, colour: red}\n",
        "r.yaml:3 organizations[0].colour",
        "unknown field 'colour'",
    ),
    (
        "organizations:\n  - {id: a, kind: unit}\n",
        "r.yaml:3 organizations[0]",
        "missing required field 'name'",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit}\n  - {id: a, name: B, kind: unit}\n",
        "r.yaml:4 organizations[1].id",
        "duplicate id 'a'",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit, parent: nobody}\n",
        "r.yaml:3 organizations[0].parent",
        "unknown id 'nobody'",
    ),
    (
        "events:\n  - {id: e, kind: talk, talk: warning, date: 2025-02-30, with: []}\n",
        "r.yaml:3 events[0].date",
        "not a valid date",
    ),
    ("meta:\n  as_of: 20251020\n", "r.yaml:3 meta.as_of", "not a valid date"),
    (
        "organizations:\n  - {id: a, name: A, kind: party_group}\npeople:\n  - {id: p, name: P, posts: [{org: a, role: head}, {org: a, role: head}]}\n",
        "r.yaml:5 people[0].posts[1].role",
        "head of 'a' twice",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: party_group}\npeople:\n  - {id: p, name: P, posts: [{org: a, role: head}]}\n  - {id: q, name: Q, posts: [{org: a, role: head}]}\n",
        "r.yaml:6 people[1].posts[0].role",
        "already has a head: 'p'",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit}\npeople:\n  - {id: p, name: P}\nresponsibilities:\n  - {type: main, bearer: a, over: [p]}\n",
        "r.yaml:7 responsibilities[0].over[0]",
        "expected organization",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit}\nresponsibilities:\n  - {type: main, bearer: a, over: [civl-bureau]}\n",
        "r.yaml:5 responsibilities[0].over[0]",
        "unknown id 'civl-bureau'",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit}\nlists:\n  - {id: l, name: L, kind: main, owner: a, year: 25}\n",
        "r.yaml:5 lists[0].year",
        "must be a year",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit}\nlists:\n  - id: l\n    name: L\n    kind: main\n    owner: a\n    tasks:\n      - {id: t, goal: G, status: finished}\n",
        "r.yaml:10 lists[0].tasks[0].status",
        "'finished' 不是允许值",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit}\nevents:\n  - {id: c, kind: consultation, date: 2025-01-01, parties: [a]}\n",
        "r.yaml:5 events[0].parties",
        "at least two parties",
    ),
    ("facts:\n  - {subject: x, metric: m, value: many}\n", "r.yaml:3 facts[0].value", "must be a number"),
    (
        "organizations:\n  - {id: a, name: A, kind: unit, span: [5, 2]}\n",
        "r.yaml:3 organizations[0].span",
        "[start, end]",
    ),
    (
        "organizations:\n  - {id: a, name: A, kind: unit, source: nowhere}\n",
        "r.yaml:3 organizations[0].source",
        "unknown id 'nowhere'",
    ),
    ("organisations: []\n", "r.yaml:2 organisations", "unknown top-level key 'organisations'"),
    (
        "organizations:\n  - {id: a, name: A, kind: unit}\n  - {id: b, name: B, kind: unit, name: C}\n",
        "r.yaml:4 organizations[1].name",
        "key given twice",
    ),
    ("organizations: {id: a}\n", "r.yaml:2 organizations", "must be a list"),
    (
        "organizations:\n  - {id: 'a b', name: A, kind: unit}\n",
        "r.yaml:3 organizations[0].id",
        "without whitespace",
    ),
]


@pytest.mark.parametrize(("body", "where", "message"), ERROR_CASES)
def test_each_kind_of_error_names_file_line_and_path(tmp_path, body, where, message):
    p = write(tmp_path, "respchain: 1\n" + body)
    probs = problems_of(p)
    hits = [s for s in probs if where in s and message in s]
    assert hits, f"expected {where!r} with {message!r} in {probs}"


def test_all_problems_are_reported_at_once(tmp_path):
    p = write(
        tmp_path,
        "respchain: 1\n"
        "organizations:\n"
        "  - {id: a, name: A, kind: bogus}\n"
        "  - {id: b, name: B, kind: unit, parent: zz}\n"
        "events:\n"
        "  - {id: e, kind: talk, talk: loud, date: 2025-01-01, with: [nobody]}\n",
    )
    probs = problems_of(p)
    assert len(probs) == 4
    assert [s.split(" ")[0].rsplit(":", 1)[1] for s in probs] == ["3", "4", "6", "6"]


def test_missing_version_and_wrong_version(tmp_path):
    assert any("missing format version" in s for s in problems_of(write(tmp_path, "organizations: []\n")))
    assert any(
        "unsupported format version 2" in s for s in problems_of(write(tmp_path, "respchain: 2\n", "v2.yaml"))
    )


def test_yaml_syntax_error_has_line(tmp_path):
    p = write(tmp_path, "respchain: 1\norganizations:\n  - {id: a, name: [unclosed\n")
    probs = problems_of(p)
    assert len(probs) == 1 and "YAML" in probs[0] and "r.yaml:" in probs[0]


def test_json_register_and_json_error_lines(tmp_path):
    data = {
        "respchain": 1,
        "organizations": [
            {"id": "a", "name": "甲党委", "kind": "party_committee"},
            {"id": "b", "name": "乙", "kind": "nope"},
        ],
    }
    p = tmp_path / "r.json"
    p.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    probs = problems_of(p)
    assert len(probs) == 1 and "r.json:12 organizations[1].kind" in probs[0]
    p.write_text('{"respchain": 1,\n "organizations": [}', encoding="utf-8")
    assert "r.json:2" in problems_of(p)[0] and "JSON" in problems_of(p)[0]


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.yaml"
    p.write_bytes(
        b"\xef\xbb\xbf"
        + "respchain: 1\norganizations:\n  - {id: a, name: 甲党委, kind: party_committee}\n".encode()
    )
    assert load_register(p).organizations[0]["name"] == "甲党委"


def test_non_utf8_file_is_a_clear_error(tmp_path):
    p = tmp_path / "gbk.yaml"
    p.write_bytes("respchain: 1\nmeta: {title: 示例}\n".encode("gbk"))
    assert "not UTF-8" in problems_of(p)[0]


def test_yaml_is_read_safely(tmp_path):
    marker = tmp_path / "pwned"
    p = write(tmp_path, f'respchain: 1\nmeta: !!python/object/apply:os.system ["touch {marker}"]\n')
    problems_of(p)
    assert not marker.exists()


def test_multi_file_register_resolves_references_across_files():
    reg = load_register(DATA / "multi")
    assert [o["id"] for o in reg.organizations] == ["county", "county-cdi"]
    assert reg.responsibilities[0]["bearer"] == "county" and reg.responsibilities[0]["_file"].endswith(
        "b.yaml"
    )
    assert reg.meta["as_of"] == "2025-06-30"
    G = load_graph([DATA / "multi" / "b.yaml", DATA / "multi" / "a.yaml"])
    assert G.has_edge("post:sec:0", "county")


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    a = write(tmp_path, "respchain: 1\norganizations:\n  - {id: x, name: 甲, kind: unit}\n", "a.yaml")
    b = write(
        tmp_path,
        "respchain: 1\nmeta: {as_of: 2025-01-01}\norganizations:\n  - {id: x, name: 乙, kind: unit}\n",
        "b.yaml",
    )
    probs = problems_of(a, b)
    assert len(probs) == 1 and "b.yaml:4 organizations[0].id" in probs[0] and "a.yaml" in probs[0]


def test_conflicting_as_of_across_files(tmp_path):
    a = write(tmp_path, "respchain: 1\nmeta: {as_of: 2025-01-01}\n", "a.yaml")
    b = write(tmp_path, "respchain: 1\nmeta: {as_of: 2025-02-01}\n", "b.yaml")
    assert any("b.yaml:2 meta.as_of" in s and "conflicts" in s for s in problems_of(a, b))


def test_missing_file_and_unsupported_type(tmp_path):
    (tmp_path / "x.txt").write_text("hello", encoding="utf-8")
    probs = problems_of(tmp_path / "nope.yaml", tmp_path / "x.txt")
    assert "no such file" in probs[0] and "unsupported file type '.txt'" in probs[1]


def test_free_text_areas_are_not_references(tmp_path):
    p = write(
        tmp_path,
        "respchain: 1\norganizations:\n  - {id: d, name: 宣传部, kind: functional_department, domains: [意识形态工作]}\n"
        "responsibilities:\n  - {type: functional_regulatory, bearer: d, over: [意识形态工作, 网络 安全]}\n",
    )
    assert load_register(p).responsibilities[0]["over"] == ["意识形态工作", "网络 安全"]


def test_nothing_is_built_from_a_broken_register(tmp_path):
    p = write(tmp_path, "respchain: 1\norganizations:\n  - {id: a, name: A, kind: unit, parent: b}\n")
    with pytest.raises(RegisterError):
        load_graph(p)


def test_register_round_trips_through_to_data(tmp_path):
    reg = load_register(DATA / "full.yaml")
    p = tmp_path / "again.yaml"
    p.write_text(yaml.safe_dump(reg.to_data(), allow_unicode=True), encoding="utf-8")
    again = load_register(p)
    assert again.to_data() == reg.to_data()


def test_yaml_gives_the_same_problems_and_lines_with_or_without_aliases(tmp_path):
    """A plain document is built in one walk; one with an alias (or a merge key) by PyYAML's
    own constructor: the register and its problems, lines included, are the same."""
    plain = (
        "respchain: 1\n"
        "organizations:\n"
        "  - id: a\n"
        "    name: 甲\n"
        "    kind: unit\n"
        "  - {id: b, name: 乙, kind: unit, parent: a, level: 3}\n"
        "  - id: c\n"
        "    name: 丙\n"
        "    kind: unit\n"
        "    parent: zz\n"
    )
    aliased = plain.replace("    kind: unit\n", "    kind: &k unit\n", 1).replace(
        "    kind: unit\n    parent: zz", "    kind: *k\n    parent: zz"
    )
    merged = plain.replace("  - id: c\n    name: 丙\n", "  - <<: {id: c}\n    name: 丙\n")
    assert aliased != plain and merged != plain
    got = [
        problems_of(write(tmp_path, text, f"r{n}.yaml")) for n, text in enumerate((plain, aliased, merged))
    ]
    lines = [[s.split(" ")[0].rsplit(":", 1)[1] + s.split(" ", 1)[1] for s in probs] for probs in got]
    assert lines[0] == lines[1] == lines[2]
    assert [s.split(" ")[0].rsplit(":", 1)[1] for s in got[0]] == ["6", "10"]
    ok = plain.replace("level: 3", "level: county").replace("parent: zz", "parent: a")
    reg = load_register(write(tmp_path, ok, "ok.yaml"))
    ok2 = ok.replace("    kind: unit\n", "    kind: &k unit\n", 1)
    ok2 = ok2.replace("    kind: unit\n    parent: a", "    kind: *k\n    parent: a")
    assert "*k" in ok2
    reg2 = load_register(write(tmp_path, ok2, "ok2.yaml"))
    assert [dict(o, _file=None) for o in reg.organizations] == [
        dict(o, _file=None) for o in reg2.organizations
    ]
