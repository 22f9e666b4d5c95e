"""Write a composed post as scraped blog text (the seed's format) or a WordPress HTML page.

Both writers record where each planted sentence lands, as 0-based end-exclusive offsets into
the written text, so every planted row satisfies `text[start:end] == quote`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, Callable

from benchmarks.compose import Comment, Post, Sentence

WRAP = 70
FOOTER = ("Recent Posts\n\nRecent Comments\n\nSubscribe to Blog via Email\n\nEnter your email address to "
          "subscribe to this blog and receive notifications of new posts by email.")


@dataclass(frozen=True)
class Rendered:
    """The text of one file and the planted findings with their segment and offsets."""

    text: str
    planted: tuple[dict[str, Any], ...]


def wrap(text: str, width: int = WRAP) -> str:
    """Break long lines at spaces, keeping the length (each break replaces one space)."""
    chars = list(text)
    line_start, last_space = 0, -1
    for i, ch in enumerate(chars):
        if ch == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start = last_space + 1
    return "".join(chars)


class Out:
    """Accumulates text and the offsets of planted sentences."""

    def __init__(self, encode: Callable[[str], str] = lambda s: s) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.planted: list[dict[str, Any]] = []
        self.encode = encode

    def write(self, text: str) -> None:
        """Append raw text."""
        self.parts.append(text)
        self.size += len(text)

    def sentences(self, sentences: tuple[Sentence, ...], sep: str, comment_index: int | None = None,
                  fold: Callable[[str], str] = lambda s: s) -> None:
        """Write sentences joined by `sep`; `fold` may only swap characters (wrapping), never resize."""
        local, pieces, at = [], [], 0
        for i, sentence in enumerate(sentences):
            piece = self.encode(sentence.text)
            local.append((sentence, at, at + len(piece)))
            pieces.append(piece)
            at += len(piece) + (len(sep) if i < len(sentences) - 1 else 0)
        block = fold(sep.join(pieces))
        for sentence, start, end in local:
            if sentence.claim is not None:
                self.planted.append(_row(sentence.claim, block[start:end], self.size + start,
                                         self.size + end, comment_index))
        self.write(block)

    def result(self) -> Rendered:
        """The finished text and planted rows."""
        return Rendered("".join(self.parts), tuple(self.planted))


def _row(claim: dict[str, Any], quote: str, start: int, end: int, comment_index: int | None) -> dict[str, Any]:
    segment = "comment" if comment_index is not None else "post"
    return {**claim, "segment": segment, "comment_index": comment_index, "quote": quote, "start": start, "end": end}


def _plain(sentences: tuple[Sentence, ...]) -> str:
    return " ".join(s.text for s in sentences)


def render_text(post: Post) -> Rendered:
    """The post in the seed's scraped format: title, wrapped paragraphs, bullets, byline, footer."""
    out = Out()
    out.write(post.title + "\n\n\n")
    for paragraph in (*post.abstract, *post.commentary):
        out.sentences(paragraph, " ", fold=wrap)
        out.write("\n\n")
    out.write("About the author\n\n\n\n")
    reply_to = f"Leave a Reply to {post.comments[0].author} " if post.comments else "Leave a Reply "
    out.write(reply_to + "Cancel reply\n\n")
    for index, comment in enumerate(post.comments, start=1):
        out.write("  \u2022 ")
        if comment.reply_to is not None:
            out.write(f'Re: "{_plain(post.comments[comment.reply_to].sentences)}"\n\n    ')
        out.sentences(comment.sentences, "\n    ", comment_index=index)
        out.write("\n\n")
    out.write(f"By {post.author}\n\n\n\n{FOOTER}")
    return out.result()


def _html_comment(out: Out, post: Post, index: int, numbers: dict[int, int]) -> None:
    comment = post.comments[index]
    out.write(f'<li class="comment" id="comment-{numbers[index]}">\n<article class="comment-body">\n'
              f'<footer class="comment-meta"><div class="comment-author vcard">'
              f'<b class="fn">{escape(comment.author)}</b> <span class="says">says:</span></div></footer>\n'
              '<div class="comment-content"><p>')
    out.sentences(comment.sentences, " ", comment_index=numbers[index])
    out.write("</p></div>\n</article>\n")
    children = [i for i, c in enumerate(post.comments) if c.reply_to == index]
    if children:
        out.write('<ul class="children">\n')
        for child in children:
            _html_comment(out, post, child, numbers)
        out.write("</ul>\n")
    out.write("</li>\n")


def _document_order(post: Post) -> dict[int, int]:
    """1-based comment numbers in the order a reader meets them (replies nested under parents)."""
    order: list[int] = []

    def visit(i: int) -> None:
        order.append(i)
        for j, c in enumerate(post.comments):
            if c.reply_to == i:
                visit(j)

    for i, c in enumerate(post.comments):
        if c.reply_to is None:
            visit(i)
    return {i: n for n, i in enumerate(order, start=1)}


def render_html(post: Post) -> Rendered:
    """The post as a WordPress page: article .entry-content paragraphs, ol.commentlist li.comment."""
    out = Out(encode=lambda s: escape(s, quote=False))
    title = escape(post.title)
    out.write(f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
              f'</head>\n<body class="single-post">\n<article id="post-{post.index}" class="post type-post">\n'
              f'<header class="entry-header"><h1 class="entry-title">{title}</h1>\n'
              f'<div class="entry-meta">By <span class="author vcard"><span class="fn">{escape(post.author)}'
              f'</span></span> <time datetime="{post.date}">{post.date}</time></div></header>\n'
              '<div class="entry-content">\n')
    for paragraph in (*post.abstract, *post.commentary):
        out.write("<p>")
        out.sentences(paragraph, " ")
        out.write("</p>\n")
    out.write('</div>\n</article>\n<div id="comments" class="comments-area">\n<ol class="commentlist">\n')
    numbers = _document_order(post)
    for i, comment in enumerate(post.comments):
        if comment.reply_to is None:
            _html_comment(out, post, i, numbers)
    out.write("</ol>\n</div>\n</body>\n</html>\n")
    return out.result()
