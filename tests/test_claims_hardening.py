"""Issue 7: the seed with NBSPs, bullets, emoji, CRLF line ends or a BOM gives the same findings,
and every evidence quote is the document text at its offsets."""

import json
import re

import pytest

from mskg.extract.documents import read_document
from mskg.extract.pipeline import extract
from mskg.identifiers import curie
from tests.data import SEED_FILE

pytestmark = pytest.mark.hardening

VARIANTS = {
    "crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"),
    "bom": lambda t: "\ufeff" + t,
    "nbsp": lambda t: t.replace("NK cell", "NK\u00a0cell").replace("B cells", "B\u00a0cells").replace(" of ", "\u00a0of "),
    "emoji": lambda t: t.replace("MS). ", "MS). \U0001F914 ").replace("in vivo,", "in vivo \U0001F600,").replace("lesions on MRI.", "lesions on MRI. \U0001F44D"),
    "bullets": lambda t: t.replace("We investigated", "\u2022 We investigated"),
}


def _normal(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\u00a0", " ").replace("\ufeff", "").replace("\u2022 ", "")
    return re.sub(r"\s*[\U0001F300-\U0001FAFF]", "", text)


def _finding(claim) -> tuple:
    ev = claim.evidence
    return (curie(claim.subject), claim.relation, curie(claim.object), claim.polarity, ev.certainty,
            ev.evidence_type, ev.segment, claim.qualifiers, _normal(ev.quote))


def _variant(tmp_path, name):
    text = SEED_FILE.read_bytes().decode("utf-8")
    path = tmp_path / f"seed_{name}.txt"
    path.write_bytes(VARIANTS[name](text).encode("utf-8"))
    meta = json.loads(SEED_FILE.with_suffix(".json").read_text(encoding="utf-8"))
    meta.pop("sha256", None)
    meta["file"] = path.name
    path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    return read_document(path)


@pytest.fixture(scope="module")
def seed_findings():
    return sorted(_finding(c) for c in extract(read_document(SEED_FILE)).claims)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_quote_is_the_text_at_its_offsets(tmp_path, name):
    doc = _variant(tmp_path, name)
    out = extract(doc)
    for item in [*out.claims, *out.gaps]:
        ev = item.evidence
        assert doc.text[ev.start : ev.end] == ev.quote


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_the_same_findings_come_out(tmp_path, name, seed_findings):
    assert sorted(_finding(c) for c in extract(_variant(tmp_path, name)).claims) == seed_findings
