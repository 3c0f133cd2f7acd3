"""The ``synth`` command: write a synthetic register with planted gaps and their expected findings."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["register"]


@click.command("synth")
@click.option(
    "--orgs",
    "orgs",
    type=click.IntRange(min=2),
    default=1000,
    show_default=True,
    help="组织数 / number of organizations",
)
@click.option("--seed", type=int, default=0, show_default=True, help="随机种子 / random seed")
@click.option(
    "--gap-rate",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="每条规则、每个适用对象植入缺口的概率 / probability of planting each rule's gap on each eligible subject",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出文件 .json 或 .yaml / output file (.json, or .yaml/.yml)",
)
def synth_cmd(orgs: int, seed: int, gap_rate: float, output: Path) -> int:
    """生成合成登记册并植入缺口 / Generate a synthetic register with planted gaps.

    Beside OUTPUT it writes OUTPUT-stem.expected.json: the planted findings as
    [rule, subject] pairs (CHAIN-001 included). The same seed gives the same
    bytes.
    """
    from respchain.synth import write_synth

    path, exp = write_synth(output, orgs, seed=seed, gap_rate=gap_rate)
    n = exp.read_text(encoding="utf-8").count('["')
    click.echo(
        f"已写入 / wrote {path}: {orgs} 个组织 / organizations; {exp}: {n} 个植入缺口 / planted findings"
    )
    return 0


def register(group: click.Group) -> None:
    group.add_command(synth_cmd)
