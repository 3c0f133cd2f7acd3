"""The name pool of generated registers (``respchain synth``, exercises): fictional people's names.

One pool for every generator, so that synthetic registers and exercises read alike.
"""

from __future__ import annotations

__all__ = ["SURNAMES", "GIVEN_CHARS", "GIVEN_NAMES"]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
"""Common surnames, one character each."""
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国文辉力斌宇浩凯鹏飞鑫波宁晨阳欣怡佳琳雪梅海燕"
)
"""Characters of given names (a given name is one or two of them)."""
GIVEN_NAMES = (
    "建国",
    "海燕",
    "志强",
    "丽华",
    "文军",
    "晓梅",
    "国平",
    "秀英",
    "卫东",
    "春生",
    "玉兰",
    "立新",
    "红梅",
    "德明",
    "爱民",
    "桂芳",
    "永刚",
    "小平",
    "振华",
    "雪莲",
    "光明",
    "淑珍",
    "学军",
    "凤英",
)
"""Whole two-character given names, for registers where every name must differ at a glance."""
