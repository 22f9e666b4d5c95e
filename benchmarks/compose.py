"""Compose one synthetic blog post (abstract, commentary, comments) from sentence shapes and the vocabulary.

A post is plain data here; `benchmarks.render` writes it as scraped text or WordPress HTML.
Each post draws from its own `random.Random(f"{seed}:{index}")`, so post i is the same in a
1,000-post and a 10,000-post corpus.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from benchmarks.vocabulary import Term, Vocabulary

PLURAL_ENDINGS = ("cell", "cyte", "phil", "phage", "blast", "Treg")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a post; `claim` holds the finding it plants, or None for filler."""

    text: str
    claim: dict[str, Any] | None = None


@dataclass(frozen=True)
class Comment:
    """A reader comment; `reply_to` is the 0-based index of the earlier comment it quotes."""

    author: str
    sentences: tuple[Sentence, ...]
    reply_to: int | None = None


@dataclass(frozen=True)
class Post:
    """A whole post: `abstract` paragraphs are empty for posts that quote no study."""

    index: int
    title: str
    author: str
    date: str
    abstract: tuple[tuple[Sentence, ...], ...]
    commentary: tuple[tuple[Sentence, ...], ...]
    comments: tuple[Comment, ...]
    cites: dict[str, Any] | None = field(default=None)


@lru_cache(maxsize=1)
def shapes() -> dict[str, Any]:
    """The sentence shapes and word lists in benchmarks/templates.json."""
    return json.loads((files("benchmarks") / "templates.json").read_text(encoding="utf-8"))


def plural(name: str) -> str:
    """The plural a writer would use for a cell name ("B cell" -> "B cells")."""
    return name + "s" if name.endswith(PLURAL_ENDINGS) else name


def _name(rng: random.Random, term: Term) -> str:
    return term.label if rng.random() < 0.6 else rng.choice(term.names)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Fills sentence shapes for one post, keeping its focus drug and its random stream."""

    def __init__(self, rng: random.Random, vocab: Vocabulary) -> None:
        self.rng = rng
        self.vocab = vocab
        self.focus = rng.choice(vocab.drugs)

    def slots(self, drug: Term, other: Term | None, role: str | None) -> dict[str, str]:
        """Values for every slot of a shape; `other` fills the object slot named by `role`."""
        name = _name(self.rng, drug)
        values = {"drug": name, "Drug": _capital(name), "n": str(self.rng.randint(3, 19)),
                  "months": str(self.rng.choice((6, 12, 18, 24))), "years": str(self.rng.randint(2, 25))}
        if other is not None and role is not None:
            obj = _name(self.rng, other)
            values.update({role: obj, "cells": plural(obj)} if role == "cell" else {role: obj})
        return values

    def claim(self, voice: str, document: str) -> Sentence:
        """A sentence in `voice` that plants one finding about the focus drug (or, now and then, another)."""
        shape = self.rng.choice(shapes()["claims"][voice])
        drug = self.focus if self.rng.random() < 0.7 else self.rng.choice(self.vocab.drugs)
        obj = self.rng.choice(self.vocab.of(shape["object"]))
        text = shape["text"].format(**self.slots(drug, obj, shape["object"]))
        planted = {"document": document, "subject": drug.curie, "relation": shape["relation"],
                   "object": obj.curie, "polarity": shape["polarity"], "certainty": shape["certainty"],
                   "evidence_type": shapes()["evidence_type"][voice], "qualifiers": []}
        return Sentence(text, planted)

    def fillers(self, kind: str, k: int) -> list[Sentence]:
        """`k` different sentences that carry no finding."""
        chosen = self.rng.sample(shapes()["fillers"][kind], k)
        return [Sentence(text.format(**self.slots(self.focus, None, None))) for text in chosen]

    def paragraph(self, voice: str, filler: str, document: str, claims: int, fillers: int) -> tuple[Sentence, ...]:
        """Claims and fillers shuffled into one paragraph."""
        sentences = [self.claim(voice, document) for _ in range(claims)]
        sentences += self.fillers(filler, fillers)
        self.rng.shuffle(sentences)
        return tuple(sentences)


def _comment(w: Writer, document: str, earlier: list[Comment]) -> Comment:
    rng = w.rng
    author = rng.choice(shapes()["commenters"])
    kind = rng.random()
    if kind < 0.45:
        body = (w.claim("anecdote", document), *w.fillers("comment", rng.randint(1, 3)))
    elif kind < 0.6:
        body = (*w.fillers("comment", 1), w.claim("comment_expert", document))
    else:
        body = tuple(w.fillers("comment", rng.randint(1, 3)))
    quotable = [i for i, c in enumerate(earlier) if all(s.claim is None for s in c.sentences)]
    reply_to = rng.choice(quotable) if quotable and rng.random() < 0.3 else None
    return Comment(author, body, reply_to)


def _comments(w: Writer, document: str) -> tuple[Comment, ...]:
    made: list[Comment] = []
    for _ in range(w.rng.randint(0, 5)):
        made.append(_comment(w, document, made))
    return tuple(made)


def _cites(w: Writer, index: int) -> dict[str, Any]:
    s = shapes()
    return {"authors": [f"Author{index % 97} A", f"Author{index % 89} B"],
            "title": s["study_title"].format(drug=w.focus.label),
            "journal": w.rng.choice(s["journals"]), "year": 2010 + index % 12,
            "doi": f"10.5555/mskg-bench.{index:06d}"}


def compose(seed: int, index: int, document: str, vocab: Vocabulary) -> Post:
    """Post number `index` of the corpus made with `seed`; `document` is its file stem."""
    w = Writer(random.Random(f"{seed}:{index}"), vocab)
    s = shapes()
    quotes_study = w.rng.random() < 0.7
    abstract = tuple(w.paragraph("study", "study", document, 2, 5) for _ in range(3)) if quotes_study else ()
    commentary = ((Sentence(w.rng.choice(s["commentary_openers"])), *w.paragraph("expert", "expert", document, 3, 4)),)
    for _ in range(1 if quotes_study else 3):
        opener = Sentence(w.rng.choice(s["paragraph_openers"]))
        commentary += ((opener, *w.paragraph("expert", "expert", document, 2, 3)),)
    title = w.rng.choice(s["titles"]).format(**w.slots(w.focus, w.rng.choice(vocab.cells), "cell"))
    return Post(index=index, title=title, author=w.rng.choice(s["post_authors"]),
                date=f"{2010 + index % 12}-{1 + index % 12:02d}",
                abstract=abstract, commentary=commentary,
                comments=_comments(w, document), cites=_cites(w, index) if quotes_study else None)
