"""The benchmark corpus generator: deterministic, seed-sized, and every planted quote sits where it says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.compose import compose
from benchmarks.generate import read_planted, write_corpus
from benchmarks.render import wrap
from benchmarks.vocabulary import load_vocabulary

N = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    write_corpus(N, directory, seed=7)
    return directory


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_same_seed_gives_byte_identical_corpus(corpus: Path, tmp_path: Path) -> None:
    write_corpus(N, tmp_path, seed=7)
    assert _files(tmp_path) == _files(corpus)


def test_other_seed_gives_other_corpus(corpus: Path, tmp_path: Path) -> None:
    write_corpus(N, tmp_path, seed=8)
    assert _files(tmp_path) != _files(corpus)


def test_post_i_is_the_same_whatever_n(corpus: Path, tmp_path: Path) -> None:
    write_corpus(N // 2, tmp_path, seed=7)
    smaller = {k: v for k, v in _files(tmp_path).items() if k != "planted.jsonl"}
    assert smaller == {k: v for k, v in _files(corpus).items() if k in smaller}


def test_every_post_has_a_sidecar_naming_it(corpus: Path) -> None:
    posts = sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".html"})
    assert len(posts) == N
    for post in posts:
        meta = json.loads(post.with_suffix(".json").read_text(encoding="utf-8"))
        assert meta["file"] == post.name and meta["id"] == post.stem


def test_planted_quotes_sit_at_their_offsets(corpus: Path) -> None:
    rows = read_planted(corpus)
    assert rows
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in corpus.iterdir() if p.suffix in {".txt", ".html"}}
    for row in rows:
        assert texts[row["document"]][row["start"] : row["end"]] == row["quote"]


def test_planted_rows_use_contract_values(corpus: Path) -> None:
    for row in read_planted(corpus):
        assert row["polarity"] in {"positive", "negative"}
        assert row["certainty"] in {"asserted", "hedged", "hypothetical"}
        assert row["evidence_type"] in {"study", "expert", "anecdote"}
        assert (row["segment"] == "comment") == (row["comment_index"] is not None)


def test_corpus_has_both_formats_and_comments(tmp_path: Path) -> None:
    summary = write_corpus(60, tmp_path, seed=3)
    assert 0 < summary.html_posts < summary.posts
    assert summary.comments > summary.posts


def test_wrap_keeps_length_and_only_swaps_spaces() -> None:
    text = "Mitoxantrone persistently suppresses B cells in vivo, " * 5
    wrapped = wrap(text, 30)
    assert len(wrapped) == len(text) and wrapped.replace("\n", " ") == text
    assert max(len(line) for line in wrapped.splitlines()) <= 40


def test_generated_corpus_reads_with_its_comments(corpus: Path) -> None:
    try:
        from mskg.extract import documents
    except ImportError:
        pytest.skip("the document reader is not there yet")
    paths = list(documents.iter_documents([corpus]))
    assert len(paths) == N
    vocab = load_vocabulary()
    for index, path in enumerate(paths):
        doc = documents.read_document(path)
        post = compose(7, index, path.stem, vocab)
        assert doc.id == path.stem
        assert sum(s.kind == "comment" for s in doc.segments) == len(post.comments)
