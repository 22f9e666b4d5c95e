"""An HTML page as a small tree whose text pieces remember where they sit in the file, and
readable views of its elements (tags removed, entities decoded, whitespace kept) that map
every readable character back to the file's offsets.

Built on the stdlib `html.parser` with character references left undecoded, so each piece
of data, each entity and each tag has an exact source position.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from mskg.extract.model import TextView
from mskg.extract.structure import load_data, trim


@dataclass(frozen=True)
class Piece:
    """Readable text and the stretch of the file it comes from (`width` characters at `start`)."""

    text: str
    start: int
    width: int


@dataclass(eq=False)
class Node:
    """An element: tag, classes, attributes, where its start tag ends, and its children."""

    tag: str
    classes: frozenset[str]
    attrs: dict[str, str]
    start: int
    inner: int
    parent: Node | None = None
    children: list[Node | Piece] = field(default_factory=list)

    def iter(self, stop: Callable[[Node], bool] = lambda n: False) -> Iterator[Node]:
        """Descendant elements in document order, not entering (nor yielding) `stop` nodes."""
        stack = [iter(self.children)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            elif isinstance(child, Node) and not stop(child):
                yield child
                stack.append(iter(child.children))

    def ancestors(self) -> Iterator[Node]:
        """Parent, grandparent, ... up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.root = Node("#root", frozenset(), {}, 0, 0)
        self.stack = [self.root]
        self.void = frozenset(load_data("html.json")["void_tags"])

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, push=tag not in self.void)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, push=False)

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], push: bool) -> None:
        at = self._offset()
        if tag in ("p", "li", "dt", "dd") and self.stack[-1].tag == tag:
            self.stack.pop()
        values = {k: v or "" for k, v in attrs}
        node = Node(tag, frozenset(values.get("class", "").split()), values, at,
                    at + len(self.get_starttag_text() or ""), self.stack[-1])
        self.stack[-1].children.append(node)
        if push:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Piece(data, self._offset(), len(data)))

    def handle_entityref(self, name: str) -> None:
        self._reference(name, 1)

    def handle_charref(self, name: str) -> None:
        self._reference(name, 2)

    def _reference(self, name: str, lead: int) -> None:
        at = self._offset()
        width = lead + len(name)
        width += self.text[at + width : at + width + 1] == ";"
        raw = self.text[at : at + width]
        decoded = html.unescape(raw)
        self.stack[-1].children.append(Piece(decoded, at, width if decoded != raw else len(raw)))


def parse_tree(text: str) -> Node:
    """The element tree of an HTML page."""
    builder = _TreeBuilder(text)
    builder.feed(text)
    builder.close()
    return builder.root


class _ViewBuilder:
    """Collects pieces into view text and runs; block tags and `<br>` add line breaks."""

    def __init__(self, source: str, skip: Callable[[Node], bool]) -> None:
        data = load_data("html.json")
        self.block = frozenset(data["block_tags"])
        self.skip_tags = frozenset(data["skip_tags"])
        self.source, self.skip = source, skip
        self.parts: list[str] = []
        self.runs: list[list[int]] = []
        self.widths: list[int] = []
        self.length = self.newlines = self.last_end = 0

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, Piece):
                self.add(child.text, child.start, child.width)
            elif child.tag in self.skip_tags or self.skip(child):
                continue
            elif child.tag == "br":
                if self.source[child.inner : child.inner + 1] not in ("\n", "\r"):
                    self.add("\n", child.inner, 0)
            else:
                self._walk_element(child)

    def _walk_element(self, node: Node) -> None:
        block = node.tag in self.block
        if block:
            self.paragraph_break(node.start)
        self.walk(node)
        if block:
            self.paragraph_break(self.last_end)

    def paragraph_break(self, at: int) -> None:
        if self.length and self.newlines < 2:
            self.add("\n" * (2 - self.newlines), at, 0)

    def add(self, text: str, start: int, width: int) -> None:
        if not text:
            return
        last = self.runs[-1] if self.runs else None
        exact = width == len(text)
        if last and exact and self.widths[-1] == last[2] and last[1] + last[2] == start:
            last[2] += len(text)
            self.widths[-1] += len(text)
        else:
            self.runs.append([self.length, start, len(text)])
            self.widths.append(width)
        self.parts.append(text)
        self.length += len(text)
        self.last_end = max(self.last_end, start + width)
        body = text.rstrip()
        self.newlines = text[len(body):].count("\n") + (0 if body else self.newlines)

    def view(self) -> TextView:
        runs = tuple((v, o, n) for v, o, n in self.runs) or ((0, self.last_end, 0),)
        exact = all(w == r[2] for w, r in zip(self.widths, runs))
        return TextView("".join(self.parts), runs, () if exact else tuple(self.widths))


def view_of(source: str, node: Node, skip: Callable[[Node], bool] = lambda n: False) -> TextView:
    """The readable text of an element, trimmed of surrounding whitespace, mapped to `source`."""
    builder = _ViewBuilder(source, skip)
    builder.walk(node)
    view = builder.view()
    return view.sub(*trim(view.text, 0, len(view.text)))
