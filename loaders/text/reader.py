"""Read an article file into its normalized text: the text every offset refers to.

The normalized text
-------------------
Every ``span`` that :mod:`respchain.loaders.text` writes is a pair of Python
``str`` offsets (code points, end exclusive) into the *normalized text* of the
article, which this module defines:

- plain text (``.txt`` and anything that is not HTML): the file's bytes decoded
  as UTF-8 (a leading BOM dropped) or, when that fails, as GB18030; then line
  ends ``\\r\\n`` and ``\\r`` turned into ``\\n``. Nothing else changes, so for a
  UTF-8 file with ``\\n`` line ends the offsets are those of the file itself;
- HTML (``.html``/``.htm``, or text that starts with ``<``): the article body
  picked from the page (see :func:`html_to_text`), one paragraph a line, runs of
  white space inside a paragraph collapsed to one space, entities decoded.

:func:`read_article` returns that text; ``respchain extract --text-dir`` writes
it beside the draft so that a reviewer can check a quote against its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from respchain.exceptions import InputError, Problem

__all__ = ["Article", "read_article", "decode_bytes", "html_to_text"]


@dataclass(frozen=True)
class Article:
    """An article read from a file.

    Attributes
    ----------
    path : str
        The file it was read from.
    text : str
        The normalized text (offsets refer to it).
    encoding : str
        ``utf-8`` or ``gb18030``.
    html : bool
        Whether the file was an HTML page.
    title : str or None
        The page's ``<h1>``/``<title>`` (HTML only; plain text titles are found
        by the extractor).
    """

    path: str
    text: str
    encoding: str
    html: bool
    title: str | None = None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), else GB18030; return ``(text, encoding)``.

    Raises
    ------
    UnicodeDecodeError
        When the bytes are neither.

    Examples
    --------
    >>> decode_bytes("两个责任".encode("gb18030"))
    ('两个责任', 'gb18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------
# HTML

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "select",
    "button",
    "iframe",
    "svg",
    "head",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "br",
    "hr",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "center",
    "body",
    "html",
}
_VOID = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "area",
    "base",
    "col",
    "embed",
    "param",
    "source",
    "track",
    "wbr",
}
# Class or id words of page furniture around the article.
_FURNITURE = re.compile(
    r"nav|menu|footer|header|sidebar|breadcrumb|comment|share|copyright|related|banner|"
    r"toolbar|login|advert|\bad\b|recommend",
    re.I,
)
_CONTENT = re.compile(r"article|content|artibody|main-text|text|detail|zw|正文|TRS_Editor", re.I)
_WS = re.compile(r"[ \t\r\n\f\v\u3000\xa0]+")


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None):
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the page (unclosed tags are closed by their ancestors)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and self.cur.tag == "p":  # an open <p> ends at the next <p>
            self.cur = self.cur.parent or self.root
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(_Node(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag: str) -> None:
        n: _Node | None = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def _skipped(node: _Node) -> bool:
    if node.tag in _SKIP:
        return True
    marks = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}"
    return bool(marks.strip()) and bool(_FURNITURE.search(marks)) and not _CONTENT.search(marks)


def _paragraphs(node: _Node, out: list[str], buf: list[str]) -> None:
    """Text of ``node`` as paragraphs: block elements end a paragraph."""
    for ch in node.children:
        if isinstance(ch, str):
            buf.append(ch)
            continue
        if _skipped(ch):
            continue
        block = ch.tag in _BLOCK
        if block:
            _flush(out, buf)
        _paragraphs(ch, out, buf)
        if block:
            _flush(out, buf)


def _flush(out: list[str], buf: list[str]) -> None:
    line = _WS.sub(" ", "".join(buf)).strip()
    buf.clear()
    if line:
        out.append(line)


def _text_len(node: _Node) -> int:
    n = 0
    for ch in node.children:
        if isinstance(ch, str):
            n += len(ch.strip())
        elif not _skipped(ch):
            n += _text_len(ch)
    return n


def _pick_body(root: _Node) -> _Node:
    """The element holding the article: an ``<article>`` if there is one, else the
    element whose direct ``<p>`` children hold the most text (the usual shape of
    news pages), else the ``<body>``."""
    best: tuple[int, _Node | None] = (0, None)
    stack = [root]
    body = root
    while stack:
        node = stack.pop()
        if node.tag == "body":
            body = node
        if node.tag == "article" and _text_len(node) > 0:
            return node
        score = sum(
            _text_len(c) for c in node.children if isinstance(c, _Node) and c.tag == "p" and not _skipped(c)
        )
        marks = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}"
        if score and _CONTENT.search(marks):
            score = int(score * 1.25)
        if score > best[0]:
            best = (score, node)
        stack.extend(c for c in node.children if isinstance(c, _Node) and not _skipped(c))
    return best[1] or body


def _find(root: _Node, tag: str) -> _Node | None:
    stack = [root]
    while stack:
        node = stack.pop(0)
        if node.tag == tag:
            return node
        stack.extend(c for c in node.children if isinstance(c, _Node))
    return None


def html_to_text(html: str) -> tuple[str, str | None]:
    """The article body of an HTML page as text, and the page title.

    The page is parsed with the standard library's :class:`html.parser.HTMLParser`;
    scripts, styles, navigation, headers, footers, asides and elements whose class
    or id marks them as page furniture are dropped; the body is chosen by
    :func:`_pick_body`. Each paragraph becomes one line.

    Examples
    --------
    >>> html_to_text("<html><nav>首页</nav><div id=content><p>甲。</p><p>乙。</p></div></html>")
    ('甲。\\n乙。', None)
    """
    tb = _TreeBuilder()
    tb.feed(html)
    tb.close()
    title = None
    for tag in ("h1", "title"):
        node = _find(tb.root, tag)
        if node is not None:
            out: list[str] = []
            buf: list[str] = []
            _paragraphs(node, out, buf)
            _flush(out, buf)
            if out:
                title = " ".join(out)
                break
    body = _pick_body(tb.root)
    paras: list[str] = []
    rest: list[str] = []
    _paragraphs(body, paras, rest)
    _flush(paras, rest)
    # Keep the headline with the body when it sits just outside it.
    if title and paras and title not in paras[0] and body.tag not in ("body", "#root"):
        h1 = _find(tb.root, "h1")
        if h1 is not None:
            paras.insert(0, title)
    return "\n".join(paras), title


def _is_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".html", ".htm", ".xhtml", ".shtml"):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith("<") and ("<html" in head or "<!doctype" in head or "<p" in head or "<div" in head)


def read_article(path: str | Path) -> Article:
    """Read an article (UTF-8 or GB18030 text, or an HTML page) into an :class:`Article`.

    Raises
    ------
    InputError
        When the file is missing, unreadable or in neither encoding.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(str(p), 0, "", "文件不存在 / no such file")) from None
    except OSError as e:
        raise InputError(Problem(str(p), 0, "", f"无法读取 / cannot read: {e.strerror}")) from None
    try:
        text, enc = decode_bytes(data)
    except UnicodeDecodeError as e:
        raise InputError(
            Problem(
                str(p),
                0,
                "",
                f"既非 UTF-8 也非 GB18030 编码 / neither UTF-8 nor GB18030 text (byte {e.start})",
            )
        ) from None
    text = _normalize_newlines(text)
    if _is_html(p, text):
        body, title = html_to_text(text)
        return Article(str(p), body, enc, True, title)
    return Article(str(p), text, enc, False, None)
