"""WordPress and Blogger pages read into title, body parts and comments; every readable
span maps back to the page source."""

import pytest

from mskg.extract.documents import read_document
from mskg.extract.model import Document
from tests.data import DATA_DIR

PAGES = DATA_DIR / "documents"


@pytest.fixture(scope="module")
def wordpress() -> Document:
    return read_document(PAGES / "wordpress_natalizumab.html")


@pytest.fixture(scope="module")
def blogger() -> Document:
    return read_document(PAGES / "blogger_fingolimod.html")


def readable(doc: Document, segment_id: str) -> str:
    return doc.view(segment_id).text


def test_wordpress_page_is_recognised_with_title_and_byline(wordpress: Document) -> None:
    assert wordpress.format == "html-wordpress"
    assert wordpress.title == "Natalizumab & CD4 T cells in the CSF"
    assert wordpress.author == "ProfG"


def test_wordpress_body_splits_into_abstract_and_commentary(wordpress: Document) -> None:
    assert [s.id for s in wordpress.segments if s.kind != "comment"] == ["title", "abstract", "commentary"]
    abstract = readable(wordpress, "abstract")
    assert abstract.startswith("Natalizumab blocks the migration of lymphocytes")
    assert "binding to \u03b14-integrin" in abstract
    assert abstract.endswith("reduces CD4 T cell entry into the CNS.")
    commentary = readable(wordpress, "commentary")
    assert commentary.startswith("In my view this fits")
    assert commentary.endswith("It does not cure MS, & PML remains the main risk.")


def test_wordpress_page_furniture_is_not_read(wordpress: Document) -> None:
    everything = " ".join(doc_view.text for _, doc_view in wordpress.views)
    for phrase in ("Share this", "Twitter", "Recent Posts", "Leave a Reply", "says:", "Reply", "Home", "wpData"):
        assert phrase not in everything, phrase


def test_wordpress_comments_have_authors_and_nested_replies(wordpress: Document) -> None:
    comments = [s for s in wordpress.segments if s.kind == "comment"]
    assert [(c.id, c.author, c.reply_to) for c in comments] == [
        ("comment-1", "Anna K", None),
        ("comment-2", "ProfG", "comment-1"),
        ("comment-3", None, "comment-1"),
    ]
    assert readable(wordpress, "comment-1") == "I have had 40 infusions of Tysabri and no relapse since 2009."


def test_blogger_page_is_recognised_with_title_and_byline(blogger: Document) -> None:
    assert blogger.format == "html-blogger"
    assert blogger.title == "Fingolimod and lymphocyte counts"
    assert blogger.author == "MouseDoctor"


def test_blogger_structured_abstract_then_commentary(blogger: Document) -> None:
    abstract = readable(blogger, "abstract")
    assert abstract.startswith("BACKGROUND: Fingolimod is an oral")
    assert abstract.endswith("NK cells were largely spared.")
    assert "70%" in abstract
    assert readable(blogger, "commentary").startswith("MouseDoctor's comment: So the drug traps T cells")


def test_blogger_threaded_comments_and_quoted_reply(blogger: Document) -> None:
    comments = [s for s in blogger.segments if s.kind == "comment"]
    assert [(c.comment_index, c.author, c.reply_to) for c in comments] == [
        (1, None, None),
        (2, "MouseDoctor", "comment-1"),
        (3, "Kate", None),
        (4, None, "comment-3"),
    ]
    fourth = blogger.segment("comment-4")
    assert blogger.text[fourth.quote_start : fourth.quote_end] == "Does fingolimod cause macular oedema in everyone?"
    assert "Reply" not in readable(blogger, "comment-1") and "Delete" not in readable(blogger, "comment-1")


@pytest.mark.parametrize("page", ["wordpress_natalizumab.html", "blogger_fingolimod.html"])
def test_every_segment_view_maps_back_to_its_source(page: str) -> None:
    doc = read_document(PAGES / page)
    for seg in doc.segments:
        view = doc.view(seg.id)
        assert view.original(0, len(view.text)) == (seg.start, seg.end)
        for start in range(0, len(view.text), 7):
            end = min(start + 5, len(view.text))
            lo, hi = view.original(start, end)
            assert seg.start <= lo <= hi <= seg.end
            assert _readable(doc.text[lo:hi]) == view.text[start:end].replace("\n", ""), (seg.id, start)


def _readable(source: str) -> str:
    """The readable text of a stretch of source: what the view should say for it."""
    import html
    import re

    text = html.unescape(re.sub(r"<[^>]*>", "", source))
    return text.replace("\n", "")


def test_an_entity_maps_to_the_whole_reference(wordpress: Document) -> None:
    view = wordpress.view("title")
    amp = view.text.index("&")
    lo, hi = view.original(amp, amp + 1)
    assert wordpress.text[lo:hi] == "&amp;"
    word = view.text.index("CD4")
    assert view.original(amp, word + 3) == (lo, lo + len("&amp; CD4"))
