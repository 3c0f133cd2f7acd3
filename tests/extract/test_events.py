"""Dated meetings, consultations and responsibility lists read from an article, checked as a register."""

from __future__ import annotations

from pathlib import Path

from respchain.loaders import load_graph, register_from_data
from respchain.loaders.text import extract_articles
from respchain.queries import find_gaps
from respchain.queries.obligations import default_obligations

ARTICLE = """通渭县压实管党治党政治责任
发布时间：2025-03-02

2025年1月15日，中共通渭县委召开专题民主生活会，县委书记主持会议。
今年以来，通渭县委制定《2025年全面从严治党主体责任清单》，细化任务20项。
2月20日，通渭县纪委监委派驻第一纪检监察组与通渭县教育局党组召开专题会商会，研判政治生态。
会议强调，要按照民主生活会要求抓好整改。
通渭县纪委监委印发监督责任清单，明确监督重点。
"""


def _draft(tmp_path: Path, text: str = ARTICLE) -> dict:
    p = tmp_path / "tongwei.txt"
    p.write_text(text, encoding="utf-8")
    return extract_articles([p])


def test_a_dated_meeting_is_an_event_of_the_organization_that_holds_it(tmp_path):
    d = _draft(tmp_path)
    names = {o["id"]: o["name"] for o in d["organizations"]}
    meetings = [e for e in d["events"] if e["kind"] == "meeting"]
    assert [(e["date"], names[e["org"]], e["meeting"]) for e in meetings] == [
        ("2025-01-15", "中共通渭县委", "民主生活会")
    ]
    text = (tmp_path / "tongwei.txt").read_text(encoding="utf-8")
    assert all(e["quote"] in text and e["quote"].startswith("2025年1月15日") for e in meetings)


def test_a_consultation_takes_the_year_of_publication_and_every_party_named(tmp_path):
    d = _draft(tmp_path)
    names = {o["id"]: o["name"] for o in d["organizations"]}
    (cons,) = [e for e in d["events"] if e["kind"] == "consultation"]
    assert cons["date"] == "2025-02-20"
    assert [names[x] for x in cons["parties"]] == ["通渭县纪委监委派驻第一纪检监察组", "通渭县教育局党组"]


def test_lists_named_with_their_owner(tmp_path):
    d = _draft(tmp_path)
    names = {o["id"]: o["name"] for o in d["organizations"]}
    got = [(x["name"], x["kind"], names[x["owner"]], x.get("year")) for x in d["lists"]]
    assert got == [
        ("2025年全面从严治党主体责任清单", "main", "中共通渭县委", 2025),
        ("监督责任清单", "supervisory", "通渭县纪委监委", None),
    ]


def test_no_day_no_event_and_a_mere_mention_is_not_a_list(tmp_path):
    d = _draft(tmp_path, "通渭县委召开民主生活会。\n各单位要落实主体责任清单。\n")
    assert not d.get("events") and not d.get("lists")


def test_the_draft_is_a_register_and_its_meeting_counts_for_the_yearly_duty(tmp_path):
    d = _draft(tmp_path)
    G = load_graph(register_from_data([("draft.yaml", d, None)]))
    found = find_gaps(G, rules="obligations", obligations=default_obligations())
    committee = next(o["id"] for o in d["organizations"] if o["name"] == "中共通渭县委")
    missed = {(f.rule, f.subject) for f in found}
    life = "OB-MZSHH"  # every party committee holds a democratic life meeting each year
    assert (life, committee) not in missed
    # Without the meeting's day the duty is not shown as done.
    d2 = _draft(tmp_path, ARTICLE.replace("2025年1月15日，", ""))
    G2 = load_graph(register_from_data([("draft.yaml", d2, None)]))
    missed2 = {
        (f.rule, f.subject) for f in find_gaps(G2, rules="obligations", obligations=default_obligations())
    }
    committee2 = next(o["id"] for o in d2["organizations"] if o["name"] == "中共通渭县委")
    assert (life, committee2) in missed2


CASE = """维西县纪委监委通报一起问责典型问题
发布时间：2023-06-01

2023年5月12日，经维西县纪委常委会研究，给予攀天阁乡党委书记张某某党内警告处分，对乡长李某进行诫勉谈话。
2017年2月8日，中央纪委公布了民政部原党组书记、部长李立国和原党组成员、副部长窦玉沛被问责的消息。
攀天阁乡党委书记张某某履行主体责任不力，受到问责。
"""


def test_a_dated_sanction_is_an_accountability_event_of_the_people_named(tmp_path):
    d = _draft(tmp_path, CASE)
    people = {p["id"]: p for p in d["people"]}
    orgs = {o["id"]: o["name"] for o in d["organizations"]}
    events = [e for e in d["events"] if e["kind"] == "accountability"]
    # one event a dated sentence; the undated one gives none
    assert [(e["date"], e["form"]) for e in events] == [("2023-05-12", "党内警告"), ("2017-02-08", "问责")]
    first, second = ([people[t]["name"] for t in e["target"]] for e in events)
    assert first == ["张某某", "李某"] and second == ["李立国", "窦玉沛"]
    (post,) = people[events[0]["target"][0]]["posts"]
    assert orgs[post["org"]] == "攀天阁乡党委" and post["role"] == "head"
    for e in events:  # the sentence it rests on
        assert CASE[e["span"][0] : e["span"][1]] == e["quote"] and e["date"][:4] in e["quote"]
    # the draft loads as a register: every target is a person of the draft
    G = load_graph(register_from_data([("draft.yaml", d, None)]))
    assert all(G.has_node(t) for e in events for t in e["target"])


def test_words_after_a_title_are_not_taken_for_a_name(tmp_path):
    d = _draft(
        tmp_path, "维西县通报\n\n2023年5月12日，县委书记履行职责不力被问责，乡长对此负责，受到通报批评。\n"
    )
    assert not [e for e in d.get("events") or () if e["kind"] == "accountability"]


def test_items_enumerated_after_a_list_are_its_tasks(tmp_path):
    text = (
        "通渭县压实责任\n\n今年以来，通渭县委制定《2025年全面从严治党主体责任清单》，明确四项任务："
        "一是县委组织部牵头落实领导责任；二是严格考核问责；三是强化监督执纪。四是加强警示教育。会议要求各单位落实。\n"
        "县纪委监委印发监督责任清单，细化任务20项。\n"
    )
    d = _draft(tmp_path, text)
    orgs = {o["id"]: o["name"] for o in d["organizations"]}
    main, supervisory = d["lists"]
    goals = [t["goal"] for t in main["tasks"]]
    assert goals == ["县委组织部牵头落实领导责任", "严格考核问责", "强化监督执纪", "加强警示教育"]
    assert orgs[main["tasks"][0]["lead"]] == "通渭县委组织部"
    assert all(text[t["span"][0] : t["span"][1]] == t["quote"] for t in main["tasks"])
    assert "tasks" not in supervisory  # a count alone is no task
    # the draft is a register; its tasks are checked like a ledger's (no one responsible: LIST-001)
    G = load_graph(register_from_data([("draft.yaml", d, None)]))
    found = {(f.rule, f.subject) for f in find_gaps(G)}
    assert ("LIST-001", main["tasks"][1]["id"]) in found
