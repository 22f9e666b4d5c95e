"""The seed post reads into title, abstract, commentary and three comments, offsets into its text."""

import pytest

from mskg.extract.documents import read_document
from mskg.extract.model import Document
from tests.data import SEED_FILE, SEED_ID

BOILERPLATE = (
    "About the author",
    "Leave a Reply",
    "Cancel reply",
    "By MouseDoctor",
    "Recent Posts",
    "Recent Comments",
    "Subscribe to Blog",
    "Enter your email address",
)


@pytest.fixture(scope="module")
def seed() -> Document:
    return read_document(SEED_FILE)


def text_of(doc: Document, segment_id: str) -> str:
    seg = doc.segment(segment_id)
    return doc.text[seg.start : seg.end]


def test_seed_text_is_the_file_decoded_unchanged(seed: Document) -> None:
    assert seed.text == SEED_FILE.read_bytes().decode("utf-8")
    assert seed.id == SEED_ID
    assert seed.format == "scraped-blog-text"


def test_seed_segments_in_order(seed: Document) -> None:
    ids = [s.id for s in seed.segments]
    assert ids == ["title", "abstract", "commentary", "comment-1", "comment-2", "comment-3"]


def test_seed_title(seed: Document) -> None:
    assert text_of(seed, "title") == "Research: Mitoxantrone and Progression"
    assert seed.title == "Research: Mitoxantrone and Progression"


def test_seed_abstract_is_the_study_voice(seed: Document) -> None:
    abstract = text_of(seed, "abstract")
    assert abstract.startswith("Mitoxantrone is one of the few drugs approved")
    assert abstract.endswith("cells to mitoxantrone efficacy in progressive MS.")
    assert "we initiated" in abstract and "In my mind" not in abstract


def test_seed_commentary_is_the_blogger_voice(seed: Document) -> None:
    commentary = text_of(seed, "commentary")
    assert commentary.startswith("In my mind it is not clear")
    assert commentary.endswith("associated with mitoxantrone use.")
    assert "we show" not in commentary


def test_seed_has_three_comments_numbered_from_one(seed: Document) -> None:
    comments = [s for s in seed.segments if s.kind == "comment"]
    assert [c.comment_index for c in comments] == [1, 2, 3]
    assert all(c.author is None for c in comments)
    assert text_of(seed, "comment-1").startswith("I will get my 5th infusion")
    assert text_of(seed, "comment-1").endswith("not a bad choice \U0001f600")
    assert text_of(seed, "comment-2") == (
        "If only there was a way to predict who will benefit. "
        "It's difficult to accept the risks when you don't know if it will help"
    )
    assert text_of(seed, "comment-3").endswith("don't seem to respond.")


def test_seed_third_comment_replies_to_the_second_and_quotes_it(seed: Document) -> None:
    third = seed.segment("comment-3")
    assert third.reply_to == "comment-2"
    assert seed.text[third.quote_start : third.quote_end] == text_of(seed, "comment-2") + "."
    assert seed.segment("comment-1").reply_to is None
    assert seed.segment("comment-2").reply_to is None


def test_seed_boilerplate_is_in_no_segment(seed: Document) -> None:
    for seg in seed.segments:
        for phrase in BOILERPLATE:
            assert phrase not in seed.text[seg.start : seg.end], (seg.id, phrase)


def test_seed_segments_are_trimmed(seed: Document) -> None:
    for seg in seed.segments:
        piece = seed.text[seg.start : seg.end]
        assert piece == piece.strip(), seg.id


def test_seed_metadata_author_and_study(seed: Document) -> None:
    assert seed.author == "MouseDoctor"
    assert seed.source.endswith("research-mitoxantrone-and-progression.html")
    assert seed.date == "2012-07"
    assert seed.study is not None
    assert seed.study.doi == "10.1371/journal.pone.0039625"
    assert seed.study.iri_key == "doi:10.1371/journal.pone.0039625"
    assert seed.study.citation.startswith("Chanvillard C, Millward JM")
    assert "PLoS One 2012;7(6):e39625" in seed.study.citation


def test_seed_view_of_a_plain_segment_is_its_text(seed: Document) -> None:
    view = seed.view("commentary")
    seg = seed.segment("commentary")
    assert view.text == text_of(seed, "commentary")
    assert view.original(0, 10) == (seg.start, seg.start + 10)
