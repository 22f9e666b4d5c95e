"""Blog pages as HTML (WordPress, Blogger, or any page with an article): the post's title,
body and byline, and the comment list with authors and replies (nesting, quotes, "@name").

Which classes mark which part is data (`html.json`). Every segment carries a `TextView` of
its readable text that maps back to offsets in the page source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from mskg.extract.htmltree import Node, parse_tree, view_of
from mskg.extract.model import Segment, TextView
from mskg.extract.replies import ReplyFinder, normalize
from mskg.extract.structure import Parsed, load_data, paragraphs, segment
from mskg.extract.voice import split_body

MAX_NAME_WORDS = 4


@lru_cache(maxsize=None)
def _data() -> dict[str, Any]:
    return load_data("html.json")


def has_class(node: Node, names: list[str]) -> bool:
    """True when the element carries one of the classes."""
    return not node.classes.isdisjoint(names)


def is_comment(node: Node) -> bool:
    """True for one comment of a comment list (`li.comment`, or old Blogger's `dd.comment-body`)."""
    data = _data()
    tag, cls = data["old_comment_body"]
    if node.tag == tag and cls in node.classes:
        return True
    return node.tag in data["comment_item_tags"] and has_class(node, data["comment_item_classes"])


def _skip(node: Node) -> bool:
    """Page furniture and nested comments, left out of a readable view."""
    return has_class(node, _data()["skip_classes"]) or is_comment(node)


def _in_comments(node: Node) -> bool:
    """The comment area or one comment: not searched for the post's own parts."""
    return has_class(node, _data()["comment_area_classes"]) or is_comment(node)


def _first(root: Node, classes: list[str], stop: Callable[[Node], bool] = lambda n: False) -> Node | None:
    """The first element carrying the first class of `classes` that occurs at all."""
    best: tuple[int, Node] | None = None
    for node in root.iter(stop):
        for rank, name in enumerate(classes[: best[0] if best else len(classes)]):
            if name in node.classes:
                best = (rank, node)
                break
        if best is not None and best[0] == 0:
            break
    return best[1] if best else None


def _first_tag(root: Node, tags: list[str]) -> Node | None:
    for tag in tags:
        found = next((n for n in root.iter() if n.tag == tag), None)
        if found is not None:
            return found
    return None


def site_format(root: Node) -> str:
    """`html-blogger`, `html-wordpress` or `html`, from the generator tag and marker classes."""
    data = _data()
    for node in root.iter():
        if node.tag == "meta" and node.attrs.get("name", "").lower() == "generator":
            for word, fmt in data["generators"].items():
                if word in node.attrs.get("content", "").lower():
                    return fmt
        for cls, fmt in data["site_classes"].items():
            if cls in node.classes:
                return fmt
    return "html"


def parse_html(text: str) -> Parsed:
    """Title, body parts, byline author and comments of a blog page."""
    root = parse_tree(text)
    segs: list[Segment] = []
    views: list[tuple[str, TextView]] = []
    title_node = _first(root, _data()["title_classes"], _in_comments) or _first_tag(root, ["h1", "title"])
    title = None
    if title_node is not None:
        title = _add_view(segs, views, "title", "title", view_of(text, title_node, _skip))
    body = _first(root, _data()["body_classes"], _in_comments) or _first_tag(root, _data()["body_tags"])
    if body is not None:
        _add_body(text, body, title_node, segs, views)
    _add_comments(text, root, segs, views)
    return Parsed(tuple(segs), title, _post_author(text, root), tuple(views), site_format(root))


def _add_view(segs: list, views: list, seg_id: str, kind: str, view: TextView, **extra: Any) -> str | None:
    """Add a segment over a (trimmed) view; its text, or None when the view is empty."""
    if not view.text:
        return None
    segs.append(segment(seg_id, kind, view.original(0, len(view.text)), **extra))
    views.append((seg_id, view))
    return view.text


def _add_body(text: str, body: Node, title: Node | None, segs: list, views: list) -> None:
    """The body's abstract/commentary (or body) parts; a title inside the body is left out."""
    skip = (lambda n: _skip(n) or n is title) if title is not None else _skip
    view = view_of(text, body, skip)
    for part, (s, e) in split_body(view.text, paragraphs(view.text, 0, len(view.text))):
        _add_view(segs, views, part, part, view.sub(s, e))


def _post_author(text: str, root: Node) -> str | None:
    """The byline author: the `fn` inside the post's author element, or its text."""
    node = _first(root, _data()["post_author_classes"], _in_comments)
    if node is None:
        return None
    name_node = next((n for n in node.iter() if "fn" in n.classes), node)
    return _clean_author(view_of(text, name_node).text)


def _clean_author(name: str) -> str | None:
    """An author name without "Posted by"/"says:"; None for anonymous or empty names."""
    name = " ".join(re.sub(_data()["author_strip"], "", name.strip()).split())
    return None if not name or name.casefold() in _data()["unknown_authors"] else name


def _add_comments(text: str, root: Node, segs: list, views: list) -> None:
    """Every comment in document order, numbered from 1, with author and reply link."""
    items = [n for n in root.iter() if is_comment(n)]
    index = {id(node): n for n, node in enumerate(items, start=1)}
    finder, by_author, headers = ReplyFinder(), {}, _term_headers(items)
    for n, node in enumerate(items, start=1):
        author = _comment_author(text, node, headers.get(id(node)))
        view = view_of(text, _comment_text_node(node), _skip)
        quote, quoted = finder.add(view.text)
        parent = next((index[id(a)] for a in node.ancestors() if id(a) in index), None)
        target = parent or (quoted + 1 if quoted is not None else _named(view.text, by_author))
        extra = dict(zip(("quote_start", "quote_end"), view.original(*quote))) if quote else {}
        if author:
            by_author[normalize(author)] = n
        _add_view(segs, views, f"comment-{n}", "comment", view, author=author, comment_index=n,
                  reply_to=f"comment-{target}" if target else None, **extra)


def _comment_text_node(item: Node) -> Node:
    """The element holding a comment's own words (not its header, actions or replies)."""
    return _first(item, _data()["comment_text_classes"], is_comment) or item


def _term_headers(items: list[Node]) -> dict[int, Node]:
    """For old Blogger's `dd` comments, the `dt` (author line) right before each, by node id."""
    out: dict[int, Node] = {}
    for parent in {id(n.parent): n.parent for n in items if n.tag == "dd" and n.parent}.values():
        last: Node | None = None
        for child in parent.children:
            if isinstance(child, Node) and child.tag == "dt":
                last = child
            elif isinstance(child, Node) and child.tag == "dd" and last is not None:
                out[id(child)] = last
    return out


def _comment_author(text: str, item: Node, header: Node | None) -> str | None:
    """A comment's author: `.fn`/`cite.user` inside it, or its `dt` header (old Blogger)."""
    node = _first(item, _data()["author_name_classes"], is_comment) or header
    return _clean_author(view_of(text, node).text) if node is not None else None


def _named(words: str, by_author: dict[str, int]) -> int | None:
    """The latest earlier comment whose author the text addresses ("@Anna", "In reply to Anna")."""
    m = re.match(_data()["reply_to_author"], words)
    if not m:
        return None
    tokens = m.group("rest").split()
    for k in range(min(MAX_NAME_WORDS, len(tokens)), 0, -1):
        found = by_author.get(normalize(" ".join(tokens[:k])))
        if found is not None:
            return found
    return None
