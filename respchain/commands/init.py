"""The ``init`` command: a folder to start from, with a commented register and a blank ledger."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["register", "STARTER_REGISTER", "write_starter"]

#: The starter register: a small county, every section once, each field explained.
STARTER_REGISTER = """\
# 起步登记册 / Starter register
# ---------------------------------------------------------------------------
# 把下面的示例改成本地区、本单位的实际情况：先改组织和人员，再写责任、清单和事件。
# 每个 id 在所有文件中唯一；引用（parent、bearer、responsible……）写 id。
# 完整格式见 docs/register.md；改完后运行：
#   respchain validate register.yaml     # 校验，列出全部问题
#   respchain gaps register.yaml         # 查找责任链缺口
#   respchain viz register.yaml -o graph.html
# Replace the example with your own county or unit: organizations and people first, then
# responsibilities, lists and events. Ids are unique across all files; references
# (parent, bearer, responsible ...) name ids. The full format is in docs/register.md.

respchain: 1                     # 格式版本，必填 / format version, required

meta:
  title: 某县全面从严治党责任体系   # 标题 / title
  as_of: 2025-12-31              # 基准日：逾期、任职都以它为准 / reference date for deadlines and posts
  period: 2025                   # 考察年度 / the year coverage rules look at

sources:                         # 依据的文件 / the documents the records rest on
  - id: plan-2025
    title: 某县2025年全面从严治党工作要点
    publisher: 中共某县委员会

organizations:
  # kind：party_committee 党委 | party_group 党组 | discipline_commission 纪委监委 |
  #       dispatched_group 派驻纪检监察组 | functional_department 职能部门 | unit 单位 | branch 党支部
  # parent：领导它的上级组织 / the organization above it
  # leads：党组（党委）领导的单位 / the units a party group leads
  - {id: county, name: 中共某县委员会, kind: party_committee, level: county, region: 某省/某市/某县}
  - {id: county-cdi, name: 某县纪委监委, kind: discipline_commission, parent: county}
  - {id: org-dept, name: 某县委组织部, kind: functional_department, parent: county, domains: [干部选拔任用]}
  - {id: edu-group, name: 某县教育局党组, kind: party_group, parent: county, leads: [edu-bureau]}
  - {id: edu-bureau, name: 某县教育局, kind: unit}
  - {id: group-1, name: 某县纪委监委派驻第一纪检监察组, kind: dispatched_group, parent: county-cdi, leads: [edu-group]}

people:
  # 姓名可以写角色占位（如“局党组书记”）/ a name may be a role placeholder
  # role：head 一把手 | deputy 副职 | member 班子成员；areas：分管的单位 id 或领域
  - id: p-sec
    name: 张某
    posts: [{org: county, title: 县委书记, role: head}]
  - id: p-cdi
    name: 刘某
    posts: [{org: county-cdi, title: 县纪委书记、县监委主任, role: head}]
  - id: p-org
    name: 陈某
    posts: [{org: org-dept, title: 县委常委、组织部部长, role: head}]
  - id: p-edu
    name: 王某
    posts: [{org: edu-group, title: 党组书记、局长, role: head, since: 2023-04-01}]
  - id: p-edu2
    name: 李某
    posts: [{org: edu-group, title: 党组成员、副局长, role: member, areas: [edu-bureau, 校园安全]}]
  - id: p-g1
    name: 赵某
    posts: [{org: group-1, title: 派驻第一纪检监察组组长, role: head}]

responsibilities:
  # type：main 主体责任 | first_responsible 第一责任人责任 | one_post_two_duties 一岗双责 |
  #       functional_regulatory 职能部门监管责任 | supervisory 监督责任
  # bearer：承担者（组织或人员 id）；over：覆盖的组织 id 或领域
  - {type: main, bearer: county, over: [edu-group, org-dept]}
  - {type: main, bearer: edu-group, over: [edu-bureau]}
  - {type: first_responsible, bearer: p-sec, over: [county]}
  - {type: first_responsible, bearer: p-edu, over: [edu-group]}
  - {type: one_post_two_duties, bearer: p-edu2, over: [edu-bureau, 校园安全]}
  - {type: functional_regulatory, bearer: org-dept, over: [干部选拔任用]}
  - {type: supervisory, bearer: county-cdi, over: [county]}
  - {type: supervisory, bearer: group-1, over: [edu-group]}

lists:
  # 责任清单（台账）：每项任务有责任人、牵头单位、协助单位和完成时限
  # A responsibility list: each task has a responsible person, a lead unit, assisting units and a deadline
  - id: edu-main-2025
    name: 某县教育局党组2025年全面从严治党主体责任清单
    kind: main                   # main | supervisory | other
    owner: edu-group
    year: 2025
    source: plan-2025
    tasks:
      - id: edu-1
        goal: 落实意识形态工作责任制       # 任务目标 / goal
        measure: 党组每半年专题研究一次    # 具体措施 / measure
        responsible: p-edu               # 责任人 / responsible person (id or list of ids)
        lead: edu-bureau                 # 牵头单位 / lead unit
        assist: [org-dept]               # 协助单位 / assisting units
        due: 2025-12-31                  # 完成时限 / deadline
        status: open                     # open 未完成 | done 已完成
        implements: main                 # 服务于哪种责任 / the duty it carries out
      - {id: edu-2, goal: 开展廉政教育, measure: 每季度一次警示教育, responsible: p-edu2, lead: edu-bureau, due_note: 每季度, implements: one_post_two_duties}

events:
  # kind：talk 谈话（talk: conveying 传达 | thematic 专题 | warning 提醒 | encouragement 激励 | collective 集体）| consultation 会商 | accountability 问责 | ecology_rating 政治生态评价 | meeting 会议
  - {id: talk-1, kind: talk, talk: conveying, date: 2025-03-15, by: p-edu, with: [p-edu2]}
  - {id: talk-2, kind: talk, talk: conveying, date: 2025-03-20, by: p-sec, with: [p-edu, p-org]}
  - {id: cons-1, kind: consultation, date: 2025-06-10, parties: [group-1, edu-group]}
"""

_README = """\
# 起步文件夹 / Starter folder

- `register.yaml`：带注释的起步登记册，改成本地区的实际情况 / a commented starter register to edit.
- `ledger-template.xlsx`：空白台账，填好后导入 / a blank ledger to fill in, then import:
  `respchain ledger import ledger-template.xlsx --register register.yaml --owner edu-group --kind main -o list.yaml`

```sh
respchain validate register.yaml
respchain gaps register.yaml
respchain viz register.yaml -o graph.html
```
"""


def write_starter(folder: Path, *, force: bool = False) -> list[Path]:
    """Write the starter register, a blank ledger and a short README into ``folder``.

    Parameters
    ----------
    folder : Path
        Created when missing; it must be empty unless ``force``.
    force : bool
        Write into a folder that holds files (the starter's own files are replaced).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    InputError
        When ``folder`` is a file, or holds files and ``force`` is not set; nothing is written.
    """
    from respchain._files import write_text_atomic
    from respchain.exceptions import InputError, Problem
    from respchain.loaders.ledger import write_template
    from respchain.loaders.register import register_from_data

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(Problem(str(folder), 0, "", "不是文件夹 / not a folder"))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InputError(
            Problem(
                str(folder),
                0,
                "",
                "文件夹不是空的，加 --force 才写入 / the folder is not empty (use --force)",
            )
        )
    import yaml

    reg = register_from_data([("register.yaml", yaml.safe_load(STARTER_REGISTER), None)])
    folder.mkdir(parents=True, exist_ok=True)
    out = [write_text_atomic(folder / "register.yaml", STARTER_REGISTER)]
    out.append(write_template(folder / "ledger-template.xlsx", reg))
    out.append(write_text_atomic(folder / "README.md", _README))
    return out


@click.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="文件夹非空也写入 / write even if the folder is not empty")
def init_cmd(folder: Path, force: bool) -> int:
    """新建起步文件夹：带注释的登记册与空白台账 / Start a folder: a commented register and a
    blank ledger template.

    \b
    respchain init 我的县
    respchain validate 我的县/register.yaml && respchain gaps 我的县/register.yaml
    """
    for p in write_starter(folder, force=force):
        click.echo(f"已写入 / wrote {p}")
    return 0


def register(group: click.Group) -> None:
    group.add_command(init_cmd)
