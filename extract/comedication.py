"""Co-medication: drugs a report says are taken together qualify findings; they are not a finding.

"I also get methylprednisolone in addition to mitoxantrone" states no effect of either drug.
It tells which other drug was on board when the same report says what one of them did, so
every finding of that report (the segment's part: a comment, or one speaker's paragraph of a
forum digest) about one drug of the pair gets the qualifier
`comedication = <the other drug>` (like population, condition and context). A pair with no
finding about either drug in its segment becomes a notice instead of vanishing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from mskg.extract.claims import co_medications
from mskg.extract.context import Context
from mskg.extract.cues import RelationCue, load_cues
from mskg.extract.model import Claim
from mskg.extract.objects import find_objects
from mskg.extract.scope import polarity, relative_spans
from mskg.extract.subjects import subjects_of

QUALIFIER = "comedication"


@dataclass(frozen=True)
class CoMedication:
    """Two drugs (term IRIs and CURIEs) a segment of a document says are taken together."""

    document: str
    segment: str
    drugs: tuple[str, str]
    names: tuple[str, str]
    part: tuple[int, int]

    def partner(self, drug: str) -> str | None:
        """The other drug of the pair when `drug` is one of them."""
        first, second = self.drugs
        return second if drug == first else first if drug == second else None


@lru_cache(maxsize=1)
def comedication_cue() -> RelationCue:
    """The words that join co-medicated drugs ("in addition to", "alongside"), from cues.json."""
    data = load_cues().data[QUALIFIER]
    return RelationCue(QUALIFIER, tuple(data["objects"]), data["kind"], re.compile(data["cue"], re.IGNORECASE))


def read_comedications(ctx: Context, document: str, segment: str, part: tuple[int, int]) -> list[CoMedication]:
    """The drug pairs one clause says are taken together: joined by a cue word ("in addition to"),
    else a patient's other medicine ("I also take X") with the drug the report is about; `part` is
    the report (start, end) they qualify."""
    joined = _joined(ctx, document, segment, part)
    named = {drug for cm in joined for drug in cm.drugs}
    own = [CoMedication(document, segment, (r.subject.iri, r.object.iri), (r.subject.curie, r.object.curie), part)
           for r in co_medications(ctx) if r.polarity == "positive" and r.subject.iri not in named]
    return joined + own


def _joined(ctx: Context, document: str, segment: str, part: tuple[int, int]) -> list[CoMedication]:
    """Drugs joined by a co-medication cue, not denied ones ("never with ...")."""
    cue = comedication_cue()
    hits = [(m.start(), m.end()) for m in cue.pattern.finditer(ctx.clause.text, ctx.clause.start, ctx.clause.end)]
    if not hits:
        return []
    relatives = relative_spans(ctx.clause, [start for start, _ in hits])
    found = []
    for span in hits:
        objs, after = find_objects(ctx, cue, span)
        for subject, mention in subjects_of(ctx, span, objs, after) if objs else []:
            for obj in objs:
                term = obj.term or ctx.focus
                claim = (min(mention.start, span[0], obj.start), max(mention.end, span[1], obj.end))
                if term is not None and term != subject and polarity(ctx.clause, claim, span, relatives) == "positive":
                    found.append(CoMedication(document, segment, (subject.iri, term.iri), (subject.curie, term.curie), part))
    return found


def qualify(claims: list[Claim], taken: list[CoMedication]) -> tuple[list[Claim], list[str]]:
    """Each claim about one drug of a pair in the same report gets the other as `comedication`;
    a pair that qualifies no claim gives a notice."""
    used: set[CoMedication] = set()
    out = []
    for claim in claims:
        pairs = [cm for cm in taken if cm.segment == claim.evidence.segment and cm.part[0] <= claim.evidence.start < cm.part[1]
                 and cm.partner(claim.subject)]
        used.update(pairs)
        extra = {(QUALIFIER, cm.partner(claim.subject)) for cm in pairs}
        out.append(replace(claim, qualifiers=tuple(sorted({*claim.qualifiers, *extra}))) if extra else claim)
    notices = sorted({_notice(cm) for cm in taken if cm not in used})
    return out, notices


def _notice(cm: CoMedication) -> str:
    first, second = cm.names
    return (f"{cm.document}: {cm.segment}: co-medication {first} with {second} qualifies no finding "
            "(no finding about either drug in that segment)")
