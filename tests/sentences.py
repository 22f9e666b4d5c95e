"""Build small Documents from real sentences, so rule tests read as: a sentence in, claims out."""

from __future__ import annotations

from mskg.extract.model import Claim, Document, Segment, Study
from mskg.extract.pipeline import extract
from mskg.identifiers import curie


def document(text: str, kind: str = "body", title: str | None = None, study: Study | None = None) -> Document:
    """A one-segment document (post body, abstract, commentary or comment 1), optionally with a title line."""
    full = f"{title}\n\n{text}" if title else text
    start = len(full) - len(text)
    segments = [Segment("title", "title", 0, len(title))] if title else []
    seg_id = "comment-1" if kind == "comment" else kind
    segments.append(Segment(seg_id, kind, start, len(full), comment_index=1 if kind == "comment" else None))
    return Document("test", "test.txt", full, "plain-text", title=title, author="Blogger",
                    segments=tuple(segments), study=study)


def claims(text: str, **kwargs) -> list[Claim]:
    """The claims extracted from a text."""
    return extract(document(text, **kwargs)).claims


def triples(text: str, **kwargs) -> set[tuple[str, str, str]]:
    """(subject CURIE, relation, object CURIE) of every claim in a text."""
    return {(curie(c.subject), c.relation, curie(c.object)) for c in claims(text, **kwargs)}


def one(text: str, **kwargs) -> Claim:
    """The single claim a text states; fails if there are none or several."""
    found = claims(text, **kwargs)
    assert len(found) == 1, [(curie(c.subject), c.relation, curie(c.object)) for c in found]
    return found[0]
