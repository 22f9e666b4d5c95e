"""Find the ontology terms a text mentions, and the words that refer back to the drug in focus.

Names are matched token by token against the lexicon index, longest match first, across
spaces, hyphens, NBSPs and brackets inside a name; abbreviations the text defines
("multiple sclerosis (MS)") count for the whole document; unmatched drug-like words of six
letters or more match a drug name within a small edit distance ("dacluzimab"); a capitalised
prefix of a drug named elsewhere in the document ("Mitox") is that drug. Focus references
("treatment", "this potent immunosuppressive agent", "it") carry no term: the claim rules
ground them to the drug the segment is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mskg.extract.lexicon import Key, Lexicon, Term
from mskg.extract.tokens import load_data, token_columns, tokenize

_INNER = re.compile(r"[\s\-\u2010-\u2015/()'\u2019+]{0,4}")
_ELLIPSIS = re.compile(r"(?<![\w-])(?P<w>[A-Za-z][A-Za-z0-9]{0,9})(?:\s*,\s*|\s+)(?:and|or|&)\s+$")
_ABBREV = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9-]{0,9})\s*\)")
CHUNK_CHARS = 65536


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """`[start, end)` cut at blank lines into pieces of about CHUNK_CHARS, so that the tokens of
    a huge text are never all held at once (memory stays bounded); shorter texts stay whole."""
    while end - start > CHUNK_CHARS:
        cut = text.find("\n\n", start + CHUNK_CHARS, end)
        if cut < 0:
            break
        yield start, cut
        start = cut
    yield start, end


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming a term (`term` set) or referring back to the focus drug."""

    start: int
    end: int
    kind: str
    term: Term | None = None

    @property
    def category(self) -> str:
        """The category of the named term; `drug` for references to the focus drug."""
        return self.term.category if self.term else "drug"


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of two words, or `limit + 1` once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return limit + 1
    return row[-1]


@lru_cache(maxsize=1)
def _focus_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_data("cues.json")["focus"]
    phrases = re.compile("|".join(f"(?:{p})" for p in data["phrases"]), re.IGNORECASE)
    return phrases, re.compile(data["pronouns"], re.IGNORECASE)


class Matcher:
    """Mention finder over one lexicon; build once, call per segment."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        settings = load_data("lexicon.json")["fuzzy"]
        self.min_fuzzy = int(settings["min_length"])
        self.max_distance = [(int(n), int(d)) for n, d in settings["max_distance"]]
        self.fuzzy_words: dict[str, list[tuple[str, str, int | None]]] = {}
        self.compound_heads = frozenset(load_data("lexicon.json")["compound_heads"])
        plural = {cat: int(d) for cat, d in settings["plural_categories"].items()}
        for key, iri in lexicon.index.items():
            term = lexicon.terms[iri]
            if len(key) != 1 or not key[0].isalpha() or len(key[0]) < self.min_fuzzy:
                continue
            if term.category in settings["categories"]:
                self.fuzzy_words.setdefault(key[0][:2], []).append((key[0], iri, None))
            elif term.category in plural:
                for form in (key[0], key[0] + "s"):
                    self.fuzzy_words.setdefault(form[:2], []).append((form, iri, plural[term.category]))
        self.classes = {p for t in lexicon.terms.values() for p in t.parents}
        self.one_word_names = _one_word_names(lexicon)
        self.key_prefixes = _prefixes(lexicon.index)
        self._cache: dict[str, Term | None] = {}

    def names(self, text: str, start: int = 0, end: int | None = None, defined: dict[Key, str] | None = None) -> list[Mention]:
        """Exact and defined-abbreviation mentions in `text[start:end]`, longest match first."""
        end = len(text) if end is None else end
        return [m for a, b in _chunks(text, start, end) for m in self._names(text, a, b, defined or {})]

    def _names(self, text: str, start: int, end: int, defined: dict[Key, str]) -> list[Mention]:
        starts, ends, norms = token_columns(text, start, end)
        firsts = self.lexicon.first_words | {k[0] for k in defined} if defined else self.lexicon.first_words
        span = _spans(text, starts, ends)
        prefixes = (self.key_prefixes, _prefixes(defined))
        found: list[Mention] = []
        i, n = 0, len(norms)
        while i < n:
            hit = self._longest(starts, ends, norms, span, i, defined, prefixes) if norms[i] in firsts else None
            if hit:
                length, term, kind = hit
                found.append(Mention(starts[i], ends[i + length - 1], kind, term))
                i += length
            else:
                i += 1
        return found

    def _longest(self, starts: list[int], ends: list[int], norms: list[str], span: list[int], i: int,
                 defined: dict[Key, str], prefixes: tuple[set[Key], set[Key]]) -> tuple[int, Term, str] | None:
        if span[i] == 0:
            return None
        for length in range(_reach(norms, i, min(self.lexicon.max_words, span[i]), prefixes), 0, -1):
            key = tuple(norms[i : i + length])
            if key in defined:
                return length, self.lexicon.terms[defined[key]], "abbreviation"
            term = self.lexicon.lookup(key)
            if term and i + length < len(norms) and norms[i + length] in self.compound_heads:
                continue
            if term and (length == span[i] or not _glued_at(starts, ends, i + length - 1)):
                return length, term, "name"
        return None

    def abbreviations(self, text: str, mentions: list[Mention]) -> dict[Key, str]:
        """Abbreviations the text defines right after a name: `{abbreviation key: term IRI}`."""
        defined: dict[Key, str] = {}
        for m in _ABBREV.finditer(text):
            abbrev = m.group(1)
            key = tuple(t.norm for t in tokenize(abbrev))
            if sum(ch.isupper() for ch in abbrev) < 2 or key in self.lexicon.index:
                continue
            term = self._long_form(text, m.start(), abbrev)
            if term:
                defined[key] = term.iri
        return defined

    def _long_form(self, text: str, paren: int, abbrev: str) -> Term | None:
        words = tokenize(text, max(0, paren - 120), paren)
        letters = [ch for ch in abbrev.lower() if ch.isalpha()]
        for k in range(1, min(len(words), len(letters) + 3) + 1):
            window = words[-k:]
            if not text[window[-1].end : paren].strip() == "" or not _initials_fit(letters, [w.text.lower() for w in window]):
                continue
            term = self.lexicon.lookup(tuple(w.norm for w in window))
            if term:
                return term
        return None

    def elliptical(self, text: str, taken: list[Mention]) -> list[Mention]:
        """The first half of an elliptical pair ("B" in "B and T cells", "CD4" in "CD4 and CD8 T
        cells"): the word before "and"/"or" put in place of the name's first words."""
        found: list[Mention] = []
        for m in (m for m in taken if m.term is not None):
            hit = _ELLIPSIS.search(text, max(0, m.start - 30), m.start)
            if not hit or any(t.start < hit.end("w") and hit.start("w") < t.end for t in taken):
                continue
            head = tokenize(text, hit.start("w"), hit.end("w"))
            rest = tokenize(text, m.start, m.end)[len(head):]
            term = self.lexicon.lookup(tuple(t.norm for t in head + rest)) if rest else None
            if term is not None and term.category == m.term.category and term != m.term:
                found.append(Mention(hit.start("w"), hit.end("w"), "elliptical", term))
        return found

    def fuzzy(self, text: str, start: int, end: int, taken: list[Mention]) -> list[Mention]:
        """Drug names misspelt within a small edit distance, among words no mention covers."""
        covered = [(m.start, m.end) for m in taken]
        found: list[Mention] = []
        for m in re.finditer(r"[^\W\d_]{%d,}" % self.min_fuzzy, text[start:end]):
            s, e = start + m.start(), start + m.end()
            term = self._closest(m.group().casefold())
            if term and not any(a < e and s < b for a, b in covered):
                found.append(Mention(s, e, "fuzzy", term))
        return found

    def _closest(self, word: str) -> Term | None:
        if word not in self._cache:
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[word] = self._nearest(word)
        return self._cache[word]

    def _nearest(self, word: str) -> Term | None:
        length_limit = max((d for n, d in self.max_distance if len(word) >= n), default=0)
        scored = []
        for cand, iri, cap in self.fuzzy_words.get(word[:2], ()):
            limit = length_limit if cap is None else min(cap, length_limit)
            if abs(len(cand) - len(word)) <= limit and (dist := edit_distance(word, cand, limit)) <= limit:
                scored.append((dist, iri))
        scored.sort()
        best = [iri for dist, iri in scored if 0 < dist == scored[0][0]]
        return self.lexicon.terms[best[0]] if len(set(best)) == 1 else None

    def short_forms(self, text: str, start: int, end: int, taken: list[Mention], drugs: set[str]) -> list[Mention]:
        """Capitalised prefixes ("Mitox") of drugs the document names in full."""
        names = [(name, iri) for iri in drugs for name in self.one_word_names.get(iri, ())]
        found: list[Mention] = []
        for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", text[start:end]):
            s, e = start + m.start(), start + m.end()
            word = m.group().casefold()
            hits = {iri for name, iri in names if name.startswith(word) and len(name) > len(word) + 2}
            if len(hits) == 1 and not any(a < e and s < b for a, b in ((t.start, t.end) for t in taken)):
                found.append(Mention(s, e, "short", self.lexicon.terms[hits.pop()]))
        return found

    def focus(self, text: str, start: int, end: int, taken: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Focus references in `text[start:end]`, and the class mentions they replace ("this anti-CD20 drug"); a
        word right after a drug's name is part of it ("anti-CD20 treatment"), no reference, and a plural names
        the class itself ("the anti-CD20 drugs")."""
        phrases, pronouns = _focus_patterns()
        refs: list[Mention] = []
        replaced: list[Mention] = []
        for m in phrases.finditer(text, start, end):
            inside = [t for t in taken if m.start() <= t.start and t.end <= m.end()]
            plural_class = m.group().endswith("s") and any(t.term and t.category == "drug" for t in inside)
            if plural_class or any(t.term and t.term.iri not in self.classes for t in inside) or _overlaps(m.start(), m.end(), taken, inside):
                continue
            if any(t.category == "drug" and t.term and 0 <= m.start() - t.end <= 1 for t in taken):
                continue
            replaced += inside
            refs.append(Mention(m.start(), m.end(), "focus"))
        for m in pronouns.finditer(text, start, end):
            if not _overlaps(m.start(), m.end(), taken, []):
                refs.append(Mention(m.start(), m.end(), "pronoun"))
        return refs, replaced


def _one_word_names(lexicon: Lexicon) -> dict[str, list[str]]:
    """The one-word names of each term, indexed once so that `short_forms` need not scan the whole lexicon per segment."""
    names: dict[str, list[str]] = {}
    for key, iri in lexicon.index.items():
        if len(key) == 1:
            names.setdefault(iri, []).append(key[0])
    return names


def _prefixes(keys: dict[Key, str]) -> set[Key]:
    """Every leading part of every key, so that a match stops growing as soon as no name can go on."""
    return {key[:n] for key in keys for n in range(1, len(key) + 1)}


def _reach(norms: list[str], i: int, limit: int, prefixes: tuple[set[Key], set[Key]]) -> int:
    """How many tokens from i (at most `limit`) still begin some name: no longer match can exist."""
    n = 0
    while n < limit:
        key = tuple(norms[i : i + n + 1])
        if key not in prefixes[0] and key not in prefixes[1]:
            break
        n += 1
    return n


def _overlaps(s: int, e: int, taken: list[Mention], allowed: list[Mention]) -> bool:
    return any(t.start < e and s < t.end for t in taken if t not in allowed)


def _spans(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """For each token (given by its start and end offsets), how many tokens a name starting there
    may cover (0: it is glued to the one before)."""
    n = len(starts)
    inner = _INNER.fullmatch
    span = [1] * n
    for j in range(n - 2, -1, -1):
        if inner(text, ends[j], starts[j + 1]) is not None:
            span[j] = span[j + 1] + 1
    for j in range(1, n):
        if _glued_at(starts, ends, j - 1):
            span[j] = 0
    return span


def _glued_at(starts: list[int], ends: list[int], i: int) -> bool:
    """True when token i runs straight into the next one ("CD" + "8" in "CD8")."""
    return i + 1 < len(starts) and ends[i] == starts[i + 1]


def _initials_fit(letters: list[str], words: list[str]) -> bool:
    """Do an abbreviation's letters appear, in order, in the words, starting at the first word?"""
    if not words or not letters or words[0][:1] != letters[0]:
        return False
    joined = "".join(words)
    pos = 0
    for ch in letters:
        pos = joined.find(ch, pos) + 1
        if pos == 0:
            return False
    return True
