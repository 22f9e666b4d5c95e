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


def test_old_blogger_comment_block_pairs_authors_with_bodies(tmp_path) -> None:
    path = tmp_path / "old.html"
    path.write_text(
        "<html><head><meta name='generator' content='Blogger'/></head><body>"
        "<div class='post'><h3 class='post-title'>Teriflunomide</h3>"
        "<div class='post-body'>Teriflunomide inhibits DHODH in activated lymphocytes.</div></div>"
        "<div id='comments'><dl id='comments-block'>"
        "<dt class='comment-author'><a href='#'>Lucy</a> said...</dt>"
        "<dd class='comment-body'><p>My hair thinned on it.</p></dd>"
        "<dt class='comment-author'>Anonymous said...</dt>"
        "<dd class='comment-body'><p>@Lucy mine too for 6 months</p></dd>"
        "</dl></div></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.format == "html-blogger"
    comments = [(s.author, s.reply_to, doc.view(s.id).text) for s in doc.segments if s.kind == "comment"]
    assert comments == [
        ("Lucy", None, "My hair thinned on it."),
        (None, "comment-1", "@Lucy mine too for 6 months"),
    ]


def test_classic_wordpress_commentlist_reads_text_without_meta(tmp_path) -> None:
    path = tmp_path / "classic.html"
    path.write_text(
        "<html><body><div class='post'><h2 class='entry-title'>Dimethyl fumarate</h2>"
        "<div class='entry-content'><p>Dimethyl fumarate reduces CD8 T cells.</p></div></div>"
        "<ol class='commentlist'><li class='comment' id='li-comment-7'><div class='comment-body'>"
        "<div class='comment-author vcard'><cite class='fn'>Tom</cite> <span class='says'>says:</span></div>"
        "<div class='comment-meta commentmetadata'><a href='#'>June 1, 2014 at 9:00 pm</a></div>"
        "<p>Flushing stopped after a month.</p>"
        "<div class='reply'><a class='comment-reply-link' href='#'>Reply</a></div></div></li></ol>"
        "</body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.format == "html-wordpress"
    assert doc.view("comment-1").text == "Flushing stopped after a month."
    assert doc.segment("comment-1").author == "Tom"
