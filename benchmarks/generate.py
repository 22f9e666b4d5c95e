"""Write a synthetic corpus: N posts (about 10% as WordPress HTML), their sidecars, and planted.jsonl.

The same seed gives a byte-identical corpus, and post i is the same whatever N is.

>>> import tempfile, pathlib
>>> summary = write_corpus(3, pathlib.Path(tempfile.mkdtemp()))
>>> summary.posts
3
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.compose import Post, compose
from benchmarks.render import Rendered, render_html, render_text
from benchmarks.vocabulary import Vocabulary, load_vocabulary

DEFAULT_SEED = 20120701
HTML_SHARE = 0.1
PLANTED_FILE = "planted.jsonl"
SITE = "MS research blog (mskg benchmark corpus)"


@dataclass(frozen=True)
class CorpusSummary:
    """What a generated corpus holds."""

    directory: Path
    posts: int
    html_posts: int
    comments: int
    planted: int
    bytes: int


def stem(seed: int, index: int) -> str:
    """The file stem of post `index`: a running number and a short hash, like the seed's."""
    digest = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()[:16]
    return f"{index:05d}_{digest}"


def _sidecar(post: Post, name: str, fmt: str, data: bytes) -> dict[str, Any]:
    meta: dict[str, Any] = {"id": name.rsplit(".", 1)[0], "file": name, "format": fmt, "title": post.title,
                            "site": SITE, "source": f"https://blog.example.org/{post.date[:4]}/{name}",
                            "date": post.date, "author": post.author,
                            "sha256": hashlib.sha256(data).hexdigest()}
    if post.cites is not None:
        meta["cites"] = post.cites
    return meta


def write_post(directory: Path, seed: int, index: int, vocab: Vocabulary) -> tuple[Post, Rendered, int]:
    """Write one post and its sidecar; returns the post, its rendering and the bytes written."""
    name_stem = stem(seed, index)
    post = compose(seed, index, name_stem, vocab)
    as_html = random.Random(f"{seed}:{index}:format").random() < HTML_SHARE
    rendered = render_html(post) if as_html else render_text(post)
    name = f"{name_stem}.html" if as_html else f"{name_stem}.txt"
    data = rendered.text.encode("utf-8")
    (directory / name).write_bytes(data)
    meta = _sidecar(post, name, "wordpress-html" if as_html else "scraped-blog-text", data)
    sidecar = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
    (directory / f"{name_stem}.json").write_bytes(sidecar.encode("utf-8"))
    return post, rendered, len(data)


def write_corpus(n: int, directory: Path, seed: int = DEFAULT_SEED) -> CorpusSummary:
    """Write `n` posts into `directory` (created if missing) plus `planted.jsonl`."""
    directory.mkdir(parents=True, exist_ok=True)
    vocab = load_vocabulary()
    if not vocab.drugs or not vocab.cells:
        raise ValueError("the ontology has no drugs or cells to write about")
    html = comments = size = 0
    lines: list[str] = []
    for index in range(n):
        post, rendered, written = write_post(directory, seed, index, vocab)
        html += rendered.text.startswith("<!DOCTYPE")
        comments += len(post.comments)
        size += written
        lines += [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rendered.planted]
    (directory / PLANTED_FILE).write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return CorpusSummary(directory, n, html, comments, len(lines), size)


def read_planted(directory: Path) -> list[dict[str, Any]]:
    """The planted findings of a generated corpus, one dict per planted sentence."""
    text = (directory / PLANTED_FILE).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
