"""Who said what: direct, mixed and indirect quotes with their cue and a resolved speaker.

Built on spaCy's dependency parse: quote marks are paired per paragraph (any convention), reporting cues
(lib/data/cues.json) and any verb next to a quote propose candidate attributions, the content is the cue's
clausal complement (or the quoted text; for a speech verb with no clause, what it talks of, which only the
learned filter may keep), and the speaker is the cue's subject, resolved within the article to
a full name or the fullest noun phrase. A learned filter fitted on PolNeAR train (lib/quote_filter.py,
lib/data/quote_filter.json) keeps or drops each candidate; a few hand rules drop what is never an attribution.

    python -m lib.quotes FILE...     one JSON object per quote per line
    python -m lib.quotes train       refit the learned filter on ../shared/data/polnear/train
"""
from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lib.article import Article, load_article, parse_article
from lib.nlp import bare_name, is_title_word, role_words

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR = Path(__file__).parent / "data"
SECTIONS = {"title": "title", "subtitle": "title", "caption": "caption", "body": "body"}

PRONOUNS_SINGULAR = {"he", "she", "him", "her"}
PRONOUNS_PLURAL = {"they", "them"}
PRONOUNS_OTHER = {"i", "we", "you", "it", "us", "me", "who", "that", "which", "this", "one"}
_PRONOUNS = PRONOUNS_SINGULAR | PRONOUNS_PLURAL | PRONOUNS_OTHER  # every pronoun the resolver knows
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_TITLES = {"mr.", "mrs.", "ms.", "dr.", "prof.", "mr", "mrs", "ms", "dr", "prof", "sen.", "rep.", "gov.", "gen.", "president", "senator", "lady"}
_NAME_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")  # entity labels that name someone or somewhere
_MISTAKEN_NAMES = ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LANGUAGE")  # labels the recogniser gives people's names
# police, military, clerical and council ranks and honours the recogniser keeps in a person's name; dropped only before a
# name of two words or more (of a name tagged as something else, only the ranks that never begin an organisation's name);
# courtesy titles ('Mr', 'Lady') are _TITLES, dropped before these
_PERSON_RANKS = {"sir", "dame", "lord", "baroness", "baron", "professor", "constable", "sergeant", "sgt", "sgt.", "inspector",
                 "superintendent", "detective", "det.", "monsignor", "reverend", "rev.", "rabbi", "imam", "councilwoman", "councilman", "commissioner",
                 "councillor", "congressman", "congresswoman", "alderman", "assemblyman", "assemblywoman", "archbishop", "bishop",
                 "cardinal", "pastor", "chaplain",
                 # British police and clerical short forms, written without a full stop ('Det Insp Claire Hughes', 'the Rev Al Sharpton')
                 "det", "insp", "insp.", "supt", "supt.", "ch", "dci", "pc", "rev", "revd", "canon", "cllr"}
# words that make an office another one: 'the prime minister' is not the deputy prime minister, nor a former one
_SECOND_RANKS = {"deputy", "vice", "assistant", "associate", "former", "ex", "shadow", "acting", "junior", "under", "sub"}
# abbreviated titles and the nouns that describe their holders ('Gov. John Bel Edwards ... the governor said')
_TITLE_NOUNS = {"gov.": ("governor",), "sen.": ("senator",), "rep.": ("representative", "congressman", "congresswoman", "lawmaker"),
                "gen.": ("general",), "lt.": ("lieutenant",), "col.": ("colonel",), "capt.": ("captain",), "sgt.": ("sergeant",),
                "adm.": ("admiral",), "prof.": ("professor",), "supt.": ("superintendent",), "det.": ("detective",),
                "rev.": ("reverend", "pastor", "minister"), "sec.": ("secretary",), "atty.": ("attorney",), "maj.": ("major",)}
_HONOURS = {"sir", "dame", "lord", "baroness", "baron"}  # of these, the ranks that are part of how a person is named, not a role
_RANKS = _PERSON_RANKS | {"chief", "officer", "lieutenant", "lt.", "captain", "capt.", "colonel", "col.", "corporal", "cpl.", "private",
                          "pte", "major", "maj.", "mayor", "general", "admiral", "commander", "brigadier"}


@dataclass(frozen=True)
class Quote:
    """One attribution: what was said (content span), by whom (speaker), with which cue."""

    start: int
    end: int
    text: str
    kind: str  # direct, mixed, indirect
    cue: str | None
    cue_lemma: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    role: str | None = None
    org: str | None = None
    section: str = "body"
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass
class _Attribution:
    """A quote being built, in paragraph-local character offsets."""

    start: int
    end: int
    cue: list[Token]
    subject: Token | None
    kind: str = "indirect"
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    role: str | None = None
    org: str | None = None
    follow_on: bool = False
    label: str | None = None  # a transcript speaker label ('PENCE')
    route: str = "cue"  # how the candidate was found: cue, adjacent, inverted, fragment, follow_on, dash, label, ...
    lemma: str | None = None
    category: str | None = None
    flags: tuple[str, ...] = ()  # hand rules that would drop it (the learned filter weighs them instead)


@dataclass
class _Entity:
    """A speaker known in the article: its canonical name, role, organisation and head noun."""

    name: str
    role: str | None = None
    org: str | None = None
    head: str = ""
    plural: bool = False
    person: bool = False
    gender: str | None = None  # 'he' or 'she', learned from the pronouns that refer to it or a courtesy title
    nouns: set[str] = field(default_factory=set)  # descriptions that have stood for it ('the scientist')
    name_like: bool = False  # a two- or three-word name the recogniser called an organisation: maybe a person's
    demonym: str | None = None  # the nationality a demonym gave it ('the Swiss said'): one person has one


@dataclass
class _Context:
    """What the resolver has seen so far in the article."""

    people: list[_Entity] = field(default_factory=list)
    orgs: dict[str, str] = field(default_factory=dict)  # description ("think tank") -> organisation
    speakers: list[_Entity] = field(default_factory=list)
    fresh: _Entity | None = None  # a person just introduced as a subject, after the last attribution ('Peter Soderlund served ...')
    paragraph_start: int = 0  # how many speakers there were when the current paragraph began
    org_mentions: list[str] = field(default_factory=list)  # organisations named so far, in order
    named_at: dict[str, int] = field(default_factory=dict)  # people first named in the current paragraph -> token index
    org_named_at: dict[str, int] = field(default_factory=dict)  # organisations first named in the current paragraph -> token index
    subject: _Entity | None = None  # the person last named as a subject in an earlier paragraph ('King developed a style ...')
    interview: bool = False  # the article is laid out as 'Q:' and 'A:' paragraphs (_is_interview)
    interviewee: _Entity | None = None  # who answers: the person the introduction was about, fixed at the first 'Q:' or 'A:'
    interview_started: bool = False  # whether that first 'Q:' or 'A:' paragraph has come (the interviewee may be None)
    name_endings: dict[str, str] = field(default_factory=dict)  # surname -> 'Given Surname' ending a longer entity name
    national: dict[str, str] = field(default_factory=dict)  # 'government' -> 'Ethiopian government': the body last named with its nation
    national_at: dict[str, int] = field(default_factory=dict)  # those named in the current paragraph -> token index


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, set[str]]:
    """The cue lexicon from lib/data/cues.json, as sets of lemmas per category."""
    data = json.loads((DATA_DIR / "cues.json").read_text(encoding="utf-8"))
    return {k: set(v) for k, v in data.items() if not k.startswith("_")}


# ----------------------------------------------------------------------------- quote marks

# an opening mark -> the marks that close it: English “…”, German „…“ and Polish „…”, French «…», German »…«,
# single guillemets ‹…› and ›…‹, Swedish ”…”, straight "…"
_PAIRS = {"“": "”\"", "„": "“”\"", "‟": "”\"", '"': '"”', "«": "»", "»": "«", "‹": "›", "›": "‹", "”": "”"}
_GUILLEMETS = "«»‹›"
TWO_APOSTROPHES = "''"
DOUBLE_MARKS = "“”„‟\"«»‹›"
_ANY_MARK_RE = re.compile(f"[{re.escape(DOUBLE_MARKS)}'‘’]")  # where quote_spans looks: every mark, apostrophes included


def quote_spans(text: str, headline: bool = False, singles: bool = False) -> list[tuple[int, int, bool, bool]]:
    """Pair quote marks in one paragraph: (content start, content end, opened, closed) per quote.

    Double marks of any convention (“…”, "…", „…“, «…», »…«, ‹…›, and two apostrophes for ") delimit quotes, each closed only by its own
    partner; a quote nested in the same marks stays inside its outer quote. Single marks count only in headlines,
    where they are the convention, and with `singles` (an article written in the British single-mark style, see
    single_mark_style); apostrophes never pair. A quote left open runs to the end of the paragraph
    when it opens the paragraph or a capitalised sentence (a quote continued over paragraphs, whose next paragraph
    opens with a mark again); other stray marks are ignored.
    """
    marks: list[tuple[int, str]] = []
    width: dict[int, int] = {}  # a two-character mark: two apostrophes, the old newspaper convention for a double quote
    skip = 0
    for m in _ANY_MARK_RE.finditer(text):
        i = m.start()
        if i < skip:
            continue  # the second apostrophe of a pair
        if text.startswith(TWO_APOSTROPHES, i) and not text.startswith(TWO_APOSTROPHES + "'", i):
            marks.append((i, '"'))
            width[i] = 2
            skip = i + 2
        elif text[i] in DOUBLE_MARKS or ((headline or singles) and text[i] in "'‘’"):
            marks.append((i, text[i]))
    spans: list[tuple[int, int, bool, bool]] = []
    open_at: int | None = None
    open_ch = ""
    stack: list[str] = []  # the opening marks of the quote and of the quotes nested in it
    for n, (i, ch) in enumerate(marks):
        w = width.get(i, 1)
        before, after = _visible_before(text, i), _visible_after(text, i + w)
        if ch in "'‘’":
            if ch == "’" or ch == "'":
                # apostrophe inside a word (don't, Russia's) or after a plural possessive never closes
                if before.isalnum() and after.isalnum():
                    continue
            # in body text a quote opens on a letter: "the '90s" is an elided century, not a quote
            can_open = (before.isspace() or before in "([{—–-\"“") and (after.isalnum() if headline else after.isalpha()) and ch in "'‘"
            can_close = (after.isspace() or after in ".,;:!?)]}—–-\"”") and not before.isspace() and ch in "'’"
            if open_at is None:
                if can_open:
                    open_at, open_ch, stack = i, ch, [ch]
            elif open_ch in "'‘" and can_close:
                spans.append((open_at + 1, i, True, True))
                open_at = None
            continue
        if open_at is not None and open_ch in "'‘":
            if singles and not headline:
                continue  # British style: a double mark inside a single-mark quote is a quote inside the quote
            open_at = None  # a double mark while a single headline quote is open: the single one was an apostrophe
        edge_before = before.isspace() or before in "([{—–-/>"
        edge_after = after.isspace()
        looks_open = edge_before and not edge_after and after not in ".,;:!?)]}…"  # 'would ”.' closes: nothing opens on a full stop
        looks_close = not before.isspace() and (edge_after or after in ".,;:!?)]}—–-…")
        if open_at is None:
            if ch in _GUILLEMETS:
                opens = edge_before and (ch in "«‹" or not edge_after)  # '« French »' has inner spaces; '»German«' has none
            elif ch == '"':
                opens = looks_open or not looks_close
            elif ch == "”":
                opens = looks_open and not looks_close
            else:  # “ „ ‟: an opener unless it plainly closes (a German closing “ with nothing open)
                opens = not (looks_close and not looks_open)
            if opens:
                open_at, open_ch, stack = i, ch, [ch]
            continue
        top = stack[-1]
        if ch == top == "“" and len(stack) == 1 and after.isupper() and re.search(r"[.!?…]\s+$", text[open_at:i]):
            # a new sentence opening with “ inside an open “ quote: the writer never closed the first one ('... rewards.
            # “In solving ...”'); English nests “ ” quotes in ‘ ’, so the first quote ends at its last sentence
            spans.append((open_at + width.get(open_at, 1), len(text[:i].rstrip()), True, False))
            open_at, open_ch, stack = i, ch, [ch]
            continue
        closers = _PAIRS[top]
        if top in _GUILLEMETS:
            closes = ch in closers
        else:
            closes = ch in closers and (looks_close or not looks_open)
            # an opening mark typed where the closing one belongs: '“It's unusual,“ said ...'
            closes = closes or (ch == top == "“" and looks_close and not looks_open)
        opens_inner = not closes and ch in _PAIRS and (looks_open and not looks_close or ch in "«‹" and edge_before)
        if closes:
            stack.pop()
            if not stack:
                spans.append((open_at + width.get(open_at, 1), i, True, True))
                open_at = None
        elif opens_inner and sum(1 for _, c in marks[n + 1 :] if c in _PAIRS[ch] or c in _PAIRS[stack[0]]) >= len(stack) + 1:
            stack.append(ch)  # a quote inside the quote: it closes before the outer one does
        # any other mark inside an open quote (another convention, or a stray one) stays part of its text
    if open_at is not None and open_ch not in "'‘":
        starts = text[open_at + width.get(open_at, 1) :].lstrip()[:1]
        if not text[:open_at].strip().strip(">").strip() or (len(stack) == 1 and (starts.isupper() or starts.isdigit())):
            # a quote continued over paragraphs: it opens the paragraph, or opens a sentence and runs to its end
            spans.append((open_at + width.get(open_at, 1), len(text.rstrip()), True, False))
    return [s for s in spans if text[s[0] : s[1]].strip()]


def _visible_before(text: str, i: int) -> str:
    """The character before position i, past invisible format characters (a left-to-right mark pasted before a quote
    mark, a zero-width space); a space at the start of the text."""
    while i > 0 and unicodedata.category(text[i - 1]) == "Cf":
        i -= 1
    return text[i - 1] if i > 0 else " "


def _visible_after(text: str, i: int) -> str:
    """The character at position i or after it, past invisible format characters; a space at the end of the text."""
    while i < len(text) and unicodedata.category(text[i]) == "Cf":
        i += 1
    return text[i] if i < len(text) else " "


_SINGLE_OPENING_RE = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=[^\W\d_])")  # a single mark opening a word ('the '90s' is none)


def single_mark_style(text: str) -> bool:
    """Whether an article quotes with single marks ('‘We will not back down,’ the minister said.', the British style, with
    double marks only for quotes inside quotes): more single marks open a word outside double-mark quotes than there
    are double-mark quotes (in the American style single marks open quotes inside double-mark ones)."""
    singles = doubles = 0
    for paragraph in text.split("\n"):
        spans = quote_spans(paragraph)
        doubles += len(spans)
        singles += sum(not any(s <= m.start() < e for s, e, _, _ in spans) for m in _SINGLE_OPENING_RE.finditer(paragraph))
    return singles > doubles


# A wire-style dateline opening a paragraph: 'LOS ANGELES, Sept. 28 (UPI) — ', 'WASHINGTON (Reuters) - ',
# 'CHARLESTON, S.C. — '. Its place is never a speaker and its words are never quoted. Bounded repeats only.
_DATELINE_RE = re.compile(
    r"^\s{0,3}[A-Z][A-Z.'’-]{1,20}(?: [A-Z][A-Z.'’-]{1,20}){0,3}"
    r"(?:, [A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]{1,12}){0,2})?"
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2})?"
    r"(?: ?\([^()\n]{1,30}\))?\s{0,3}(?:—|–|--?)\s{0,3}(?=\S)"
)


def dateline_end(text: str) -> int:
    """Where a paragraph's opening dateline ends (0 when it has none); a dateline's place name is all capitals."""
    m = _DATELINE_RE.match(text)
    if not m or not re.search(r"[A-Z]{3}", m.group(0)):
        return 0
    return m.end()


_DIALOGUE_RE = re.compile(r"^\s*[―—–]\s*(?=\S)")
_RESUME_RE = re.compile(r"[.,;:!?…]?\s+[―—–]\s+(?=\S)")


def dialogue_spans(sp: Doc | Span, text: str) -> list[tuple[int, int, bool, bool]]:
    """Em-dash dialogue ('— We will fight, said the minister. — But not today.'): the spoken parts of a paragraph that opens with a dash.

    The speech runs from the dash to the punctuation before a speech cue and its speaker ('said the minister',
    'she said'), and resumes after a later dash; without such a cue the whole line is speech.
    """
    m = _DIALOGUE_RE.match(text)
    if not m or text[m.end() :].lstrip()[:1].islower():
        return []
    base = _base(sp)
    start = m.end()
    end = len(text.rstrip())
    for tok in sp:
        if tok.idx - base <= start + 1 or _cue_at(tok) is None or _cue_at(tok)[2] != "speech":
            continue
        subject = _subject(tok) or _inverted_subject(tok)
        first = min(tok.i, subject.left_edge.i) if subject is not None and subject.i < tok.i else tok.i
        prev = tok.doc[first - 1] if first > 0 else None
        if subject is None or prev is None or not (prev.is_punct and prev.text[:1] in ",!?…—–―"):
            continue
        stop = prev.idx - base + (len(prev) if prev.text[:1] in "!?…" else 0)
        spans = [(start, stop, True, True)]
        clause_end = max(t.idx + len(t) for t in [tok, *subject.subtree]) - base
        resume = _RESUME_RE.search(text, clause_end)
        if resume is not None:
            spans.append((resume.end(), end, True, False))
        return [(a, b, o, c) for a, b, o, c in spans if text[a:b].strip()]
    return [(start, end, True, False)]


# ----------------------------------------------------------------------------- parse helpers

def _base(sp: Doc | Span) -> int:
    """Character offset of a Doc or Span within its Doc."""
    return sp.start_char if isinstance(sp, Span) else 0


def _length(sp: Doc | Span) -> int:
    """Characters in a Doc or Span (without rebuilding its text, which Doc.text does token by token)."""
    if isinstance(sp, Span):
        return sp.end_char - sp.start_char
    return sp[-1].idx + len(sp[-1].text_with_ws) if len(sp) else 0


_WORKS = {"book", "film", "movie", "song", "show", "album", "program", "programme", "series", "magazine", "newspaper", "novel", "play",
          "documentary", "podcast", "blog", "app", "game", "exhibition", "memoir", "column", "poem", "opera", "musical", "painting"}  # nouns for works with titles
_SLOGANS = {"slogan", "strapline", "tagline", "motto", "catchphrase", "hashtag", "campaign", "mantra", "jingle"}  # nouns that name words as a label


def _name_span(sp: Doc | Span, text: str, qs: int, qe: int) -> bool:
    """Whether a quoted span is a name or title, not someone's words: 'the book "Hillbilly Elegy"', 'the "jungle" camp',
    'on ABC's "This Week"', 'calls it "Zimarco's school"' (short, verbless, and named, title-cased or used as a modifier)."""
    toks = _tokens_in(sp, qs, qe)
    words = [t for t in toks if t.is_alpha]
    if not words:
        return False
    first = toks[0]
    doc = first.doc
    lo = sp.start if isinstance(sp, Span) else 0
    before = [t for t in doc[max(lo, first.i - 5) : first.i] if not t.is_punct][-3:]
    slogan = before[-2] if len(before) >= 2 and before[-1].lemma_ == "be" else before[-1] if before else None
    base = _base(sp)
    gap = text[slogan.idx - base + len(slogan) : first.idx - base] if slogan is not None else ""  # not doc.text: Doc.text is rebuilt per call
    if slogan is not None and slogan.lower_ in _SLOGANS and re.fullmatch(r"\s*(?:(?:is|was)\s*)?:?\s*[“\"‘']?", gap) and len(
            words) <= 12 and text[qs:qe].rstrip()[-1:] not in ".!?…":
        return True  # 'The ad’s strapline is: “Show someone they’re loved this Christmas”', 'Age UK’s campaign: “No one should ...”'
    # a work named by the noun before it, with no colon to open words said: 'in his 2012 book, "An American Son."'
    work = bool(before) and before[-1].lower_ in _WORKS and before[-1].pos_ == "NOUN" and ":" not in text[before[-1].idx - base : first.idx - base]
    if work and len(words) <= 20 and words[0].is_title and all(t.is_title or t.is_stop for t in words):
        return True  # however long its title: 'in his book "Backfire: Carly Fiorina's High-Stakes Battle for the Soul of Hewlett-Packard."'
    if len(words) > 6:
        return False
    if not any(c.isspace() for c in text[qs:qe].strip()) and "-" in text[qs:qe] and first.i > 0 and doc[first.i - 1].is_quote:
        nxt = next((t for t in doc[toks[-1].i + 1 : toks[-1].i + 3] if not t.is_quote), None)
        if nxt is not None and nxt.pos_ == "NOUN" and text[qe : qe + 2].strip(_MARKS + " ") == "":
            return True  # one hyphened word quoted as a modifier: 'a “leave-no-trace” event'
    show = len(words) >= 2 and all(t.is_title or t.is_stop for t in words) and words[0].is_title and bool(before) and (
        before[-1].tag_ == "POS" or before[-1].lower_ == "on" or work)  # 'on CBS's "Face the Nation"', 'on "Meet the Press"'
    window = doc[max(lo, first.i - 6) : first.i]
    if any(t.lower_ == "as" for t in before) and any(t.lower_ in ("known", "nicknamed", "dubbed", "branded") for t in window) and len(words) <= 6:
        return True  # 'a camp known as the “jungle”', 'known locally as the “scone queen of Saltburn”': a name given
    if before and before[-1].lower_ in ("a", "an") and text[qs:qe].rstrip()[-1:] not in ",.!?…;:" and _modifier_before_noun(toks, text, qe, 6) and not any(
            t.lemma_.lower() in ("call", "describe", "term", "label") for t in window):
        return True  # 'a “let the good times roll” attitude': a quoted phrase used as a modifier, verbs and all (but 'what X
        # called a “let a thousand flowers bloom” approach' is X's phrase)
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in toks) and not show:
        return False
    proper = any(t.pos_ == "PROPN" or t.tag_ == "POS" for t in toks) or all(t.is_title or t.is_stop for t in words) and words[0].is_title
    end = text[qs:qe].rstrip()[-1:]
    if end in ",.!?…;:" and not (end in ".," and proper and before and (before[-1].tag_ == "POS" or before[-1].pos_ == "ADP" or work)):
        return False  # words said end with their punctuation; a show's name may take the sentence's ('on ABC's "This Week."', 'in an interview with "Fox News Sunday."')
    if len(before) >= 2 and before[-1].lower_ == "as" and before[-2].lemma_.lower() in ("bill", "dub", "brand", "label", "nickname"):
        return True  # 'Billed as “the most democratic move in history”': a label given, not words said
    if any(t.lower_ in _NAMING and t.pos_ == "NOUN" for t in before[-2:]) and before[-1].lower_ != "as" or (
        any(t.lemma_.lower() in ("call", "name", "dub", "title", "nickname", "label", "brand", "term") for t in before) and before[-1].lower_ not in ("a", "an") and proper
    ):
        return True
    if all(t.is_title or t.is_stop or t.is_upper or not t.is_alpha for t in words) and words[0].is_title and not (before and before[-1].lower_ in ("a", "an")):
        return bool(before) and (before[-1].pos_ in ("ADP", "DET", "PROPN") or before[-1].tag_ == "POS" or before[-1].lower_ in _NAMING or work)
    return _modifier_before_noun(toks, text, qe, 3)


_LIST_GAP = re.compile(r"[\s,”\"’']*(?:(?:and|or)\s+)?[“\"‘']?\s*")  # between two items of a list of quoted titles
_TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "into", "vs"}


def _listed_titles(text: str, qspans: list[tuple[int, int, bool, bool]], names: list[tuple[int, int, bool, bool]]) -> list[tuple[int, int, bool, bool]]:
    """The names and titles among quoted spans, with every title-cased span on a list of names or of other title-cased
    spans ('roles in “How the Grinch Stole Christmas,” “Apollo 13,” and “Austin Powers: The Spy Who Shagged Me,”')."""
    def title_cased(q: tuple[int, int, bool, bool]) -> bool:
        words = re.findall(r"[^\W\d_][\w’'-]*", text[q[0] : q[1]])
        return 0 < len(words) <= 12 and "!" not in text[q[0] : q[1]] and words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)

    found = list(names)
    edges = [0, *(x for q in qspans for x in q[:2]), len(text)]  # the text outside every quote lies between these pairs
    outside = re.findall(r"[^\W\d_]+", "".join(text[a:b] for a, b in zip(edges[::2], edges[1::2])))
    if len(outside) >= 3 and sum(w[0].isupper() for w in outside) >= 0.7 * len(outside):
        return found  # a headline in title case quotes in title case too
    for prev, q in zip(qspans, qspans[1:]):
        if _LIST_GAP.fullmatch(text[prev[1] : q[0]]) and title_cased(q) and (prev in found or title_cased(prev) and len(text[prev[0] : q[1]].split()) >= 4):
            found += [x for x in (prev, q) if x not in found]
    return found


def _modifier_before_noun(toks: list[Token], text: str, qe: int, limit: int) -> bool:
    """Whether quoted words (at most `limit`) stand right before a noun they modify: 'the "jungle" camp'."""
    doc = toks[0].doc
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    while nxt is not None and nxt.is_punct and nxt.is_quote and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ != "nsubj" and text[qe : qe + 2].strip(_MARKS + " ") == "" and len(
        [t for t in toks if t.is_alpha]) <= limit


def _tokens_in(sp: Doc | Span, s: int, e: int) -> list[Token]:
    """The tokens that start inside the paragraph-local character range [s, e) (a binary search, not a scan)."""
    s, e = max(0, s), min(e, _length(sp))
    if e <= s:
        return []
    base = _base(sp)
    doc = sp.doc if isinstance(sp, Span) else sp
    span = doc.char_span(base + s, base + e, alignment_mode="expand")
    return [t for t in span if s <= t.idx - base < e] if span is not None else []


def _first_token_from(sp: Doc | Span, offset: int) -> int | None:
    """The Doc index of the paragraph's first token starting at or after a local offset, or None."""
    end = _length(sp)
    if offset >= end:
        return None
    base = _base(sp)
    doc = sp.doc if isinstance(sp, Span) else sp
    span = doc.char_span(base + max(0, offset), base + end, alignment_mode="expand")
    for tok in span[:2] if span is not None else []:
        if tok.idx - base >= offset:
            return tok.i
    return None


def _lemma(tok: Token) -> str:
    """A cue word's lemma, with the English model's slips mended ('hopes' -> 'hop')."""
    lemma = tok.lemma_.lower()
    return "hope" if lemma == "hop" and tok.lower_.startswith("hope") else lemma


def _cue_at(tok: Token) -> tuple[list[Token], str, str] | None:
    """The cue starting at this token, as (tokens, lemma, category), or None."""
    low = tok.lower_
    if tok.pos_ not in ("VERB", "AUX", "ADJ") and low not in ("according", "citing"):
        return None  # every cue below is one of these (most words are not: a quick exit)
    lex = cue_lexicon()
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if low == "according" and nxt is not None and nxt.lower_ == "to":
        return [tok, nxt], "according to", "according_to"
    if low in ("citing",) and tok.dep_ in ("advcl", "acl", "prep", "xcomp", "conj"):
        return [tok], "cite", "speech"
    lemma = _lemma(tok)
    if lemma in lex["light_verbs"] and tok.pos_ == "VERB":
        noun = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in lex["light_nouns"]), None)
        if noun is not None:
            return [tok], lemma, "stance"
    if tok.pos_ == "ADJ" and lemma in lex["stance_adjectives"] and tok.dep_ == "acomp":
        return [tok.head, tok], f"{tok.head.lemma_.lower()} {lemma}", "stance"
    if tok.pos_ not in ("VERB", "AUX") or tok.pos_ == "AUX" and tok.lemma_ != "say":
        return None
    if lemma == "blame" and tok.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None  # 'the media is partly to blame for ...': at fault, not blaming anyone
    for cat in ("speech", "cognition", "evidence", "action"):
        if lemma in lex[cat]:
            cue = [tok]
            for c in tok.children:  # phrasal particle: point out, call for
                if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in _CUE_PARTICLES.get(lemma, ()) and c.i == tok.i + 1):
                    cue.append(c)
            return sorted(cue, key=lambda t: t.i), lemma, cat
    return None


_CUE_PARTICLES = {"call": ("for", "on", "upon"), "point": ("to",)}  # 'called for', 'pointed to' (not 'called into question', 'called into a radio show')


def _is_speech_cue(tok: Token) -> bool:
    """Whether a cue of speech starts at this token ('said', 'insisted'; not 'believed' or 'showed')."""
    found = _cue_at(tok)
    return found is not None and found[2] == "speech"


def _open_cue_at(tok: Token) -> tuple[list[Token], str, str] | None:
    """Over-generation for the learned filter: any other verb with a that-clause ('X conceded that ...', 'X
    figures that ...'), or a reporting noun with one ('his claim that ...'); the filter knows which PolNeAR counts."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() not in ("be", "have", "do", "make", "get"):
        for c in tok.children:
            if c.dep_ == "ccomp" and c.i > tok.i and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children) and any(x.dep_ == "mark" and x.lower_ in ("that", "whether", "if") for x in c.children):
                if any(getattr(_clause_hung_higher(t), "i", None) == c.i for t in tok.doc[tok.i + 1 : c.left_edge.i] if _is_speech_cue(t)):
                    return None  # the clause is what a speech verb between them reports (see _clause_hung_higher)
                return [tok], _lemma(tok), "open"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cue_lexicon()["noun_cues"]:
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children) and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children):
                return [tok], tok.lemma_.lower(), "noun"
    return None


def _complement(cue: Token, lemma: str, category: str) -> list[Token] | None:
    """The content tokens a cue verb governs: its clausal complement, or for some verbs object + complement."""
    lex = cue_lexicon()
    if category in ("open", "noun"):
        clause = next((c for c in cue.children if c.dep_ in ("ccomp", "acl", "relcl") and c.i > cue.i and any(x.dep_ == "mark" for x in c.children)), None)
        return _without_conjoined_cues(clause) if clause is not None else None
    if category == "stance":
        # 'raised concern over X': the noun phrase; 'remain skeptical of X': the adjective's complement
        noun = next((c for c in cue.children if c.dep_ == "dobj" and c.lower_ in lex["light_nouns"]), None)
        if noun is not None and cue.pos_ != "ADJ":
            return list(noun.subtree) if any(True for _ in noun.children) else None
        for c in cue.children:
            if c.dep_ in ("prep", "ccomp", "xcomp", "acl") and c.lower_ not in ("in", "at", "on", "during", "after", "since"):
                return list(c.subtree)[1:] if c.dep_ == "prep" else list(c.subtree)
        return None
    for c in cue.children:
        # 'denied allegations that ...', 'rejected claims that ...': a noun with a that-clause
        if c.dep_ == "dobj" and any(cc.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in cc.children) for cc in c.children):
            return list(c.subtree)
    comps = [c for c in cue.children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and lemma in ("say", "tell", "add", "claim", "seem", "appear") and not _manner(c))]
    if comps:
        # a complement after the cue ('noted that ...') wins over a fronted clause the parser also calls ccomp
        # several after it are one reported clause the parser split ('said [the Iranians released by X] [were close to ...]')
        after = [c for c in comps if c.i > cue.i]
        if after and not any(c.dep_ in _SUBJ or c.dep_ == "expl" for c in after[0].children):
            # 'said his frequent invocation of ... doesn't fly': the clause's subject the parser made the cue's object
            obj = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < after[0].i][:1]
            # with what the parser hung between that subject and its verb ('said Muslims [in the far north] should observe')
            after = obj + [c for c in cue.children if obj and c.dep_ == "prep" and obj[0].i < c.i < after[0].i] + after
        if after and category == "speech":
            # 'said it did not include them because ... were part of the job': a reason or condition the parser hung on the cue
            after += [c for c in cue.children if c.dep_ == "advcl" and c.i > after[-1].i and any(
                m.dep_ == "mark" and m.lower_ in ("because", "if", "unless") and m.i == c.left_edge.i for m in c.children)]
        # none after it: the fronted clause nearest the cue ('But Soulier was hopeful: “…,” she said' reports the quote)
        return [t for c in after for t in _without_conjoined_cues(c)] if after else _without_conjoined_cues(comps[-1])
    if category in ("speech", "cognition", "evidence"):
        clause = _misread_that_clause(cue)
        if clause is not None:
            return list(clause.subtree)
        obj = _misread_object_clause(cue)
        if obj is not None:
            return list(obj.subtree)
    if lemma in lex["complement_verbs"]:
        # 'called for Trump to drop out': the parser made 'for' the mark of a clause
        clause = next((c for c in cue.children if c.dep_ == "advcl" and c.left_edge.i == cue.i + 1 and c.left_edge.lower_ == "for"
                       and c.left_edge.dep_ == "mark"), None)
        if clause is not None:
            return list(clause.subtree)[1:]
    if lemma in lex["complement_verbs"] or lemma in lex["action"] or (category in ("cognition", "evidence") and (
            lemma not in _NO_OBJECT or lemma == "find" and _finding_subject(cue))):
        obj_end = max((c.right_edge.i for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), default=-2)
        parts = [c for c in cue.children if c.dep_ in ("dobj", "xcomp", "oprd", "prep") and not (
                     c.dep_ == "prep" and c.lower_ not in _CONTENT_PREPS and not (category == "evidence" and c.i == obj_end + 1)) and not _manner(c)
                 # 'polls show Sanders within two points': a small clause's predicate right after the evidence's object
                 or c.dep_ == "advcl" and lemma in _AS_VERBS and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
        asked = _asked_whether(cue) if lemma == "ask" and all(c.dep_ == "dobj" for c in parts) else None
        if asked is not None:
            return list(asked.subtree)  # 'asked the contender if he had been preparing': the question, not whom it was put to
        if lemma in _ADDRESSING and [c.dep_ for c in parts] == ["dobj"] and _addressee(parts[0]):
            return None  # 'Todd asked the real estate mogul': whom a question or plea is put to, not what it says
        if any(c.dep_ in ("xcomp", "dobj", "oprd") or (c.dep_ == "prep" and c.i == cue.i + 1) for c in parts):
            toks = _object_content(parts)
            return toks or None
    if category == "speech" and lemma == "tell":
        for c in cue.children:
            if c.dep_ in ("dobj", "dative"):
                for cc in c.children:
                    if cc.dep_ == "ccomp":
                        return list(cc.subtree)
    return None


def _without_conjoined_cues(clause: Token) -> list[Token]:
    """A reported clause's tokens without a reporting verb the parser joined to it ('ruled that a trial was possible,
    and highlighted the fact that ...': 'highlighted' is the judge's next report, not part of the ruling)."""
    cut = set()
    for c in clause.children:
        found = _cue_at(c) if c.dep_ == "conj" and c.i > clause.i and not any(x.dep_ in _SUBJ for x in c.children) else None
        if found is None and c.dep_ == "conj" and c.i > clause.i and any(x.dep_ == "cc" and x.lower_ == "but" for x in clause.children) and any(
                x.dep_ == "nsubj" and x.pos_ == "PROPN" and x.left_edge.i > 0 and x.doc[x.left_edge.i - 1].lower_ == "but" for x in c.children):
            found = _cue_at(c)  # '... are a “plague on earth”, but WWF claims there is still time': WWF's claim, not the first speaker's
        if found is not None and found[2] == "speech":  # a speech verb; 'said he was preparing models and expected ...' stays whole
            cut.update(t.i for t in c.subtree)
            cut.update(x.i for x in clause.children if x.dep_ in ("cc", "punct") and clause.i < x.i < c.i)
    for c in clause.subtree:
        if c.dep_ == "conj" and c.tag_ == "VBG" and c.head.tag_ != "VBG" and c.i not in cut and _is_speech_cue(c):
            # 'saying that the bill ... was sunk by voter mistrust - and arguing that ...': the participle is the next report
            cut.update(t.i for t in c.subtree)
            cut.update(x.i for x in c.head.children if x.dep_ in ("cc", "punct") and c.head.i < x.i < c.i)
    return [t for t in clause.subtree if t.i not in cut]


def _speech_object(cue: Token) -> list[Token] | None:
    """What a speech verb talks of when it has no clause ('complained about the dour tone', 'highlighted her plans to
    ...', 'boasted of his skills'): its object, a candidate only the learned filter may keep (PolNeAR counts some)."""
    if cue.lemma_.lower() in _NOT_TOPIC_OBJECT or any(c.tag_ == "TO" for c in cue.children):
        return None  # an addressee, or a purpose or plan ('branches turned into shelters to highlight the tactics'), not a report
    parts = [c for c in cue.children if c.i > cue.i and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS)]
    content = [t for t in _object_content(parts) if t not in parts or t.dep_ != "prep"]  # 'complained about': the preposition goes with the cue, as PolNeAR marks it
    return content or None


def _addressee(obj: Token) -> bool:
    """Whether an object names only a person, with nothing said after it: 'Todd asked the real estate mogul.' (not
    'reminded Trump of the actions of ...', nor 'asked the former secretary of state during a chat if ...')."""
    preps = [c for c in obj.children if c.dep_ == "prep"]
    nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
    return (obj.pos_ == "PROPN" or obj.tag_ == "PRP" and obj.lower_ not in ("it", "this", "that") or is_person_noun(obj)) and (not preps or is_person_noun(obj) and all(p.lower_ == "of" for p in preps)) and (
        nxt is None or nxt.is_punct)


def _manner(clause: Token) -> bool:
    """Whether a participle set off by a comma tells how the words were said, not what ('asked rhetorically, shaking
    his head no'); one that is itself a cue ('said, adding that ...') is the next report, found elsewhere."""
    return (clause.tag_ == "VBG" and clause.dep_ in ("xcomp", "advcl") and clause.left_edge.i > 0
            and clause.doc[clause.left_edge.i - 1].text == "," and _cue_at(clause) is None)


def _asked_whether(cue: Token) -> Token | None:
    """The if- or whether-clause the parser hung on 'asked' as a condition ('asked the contender if he's been
    preparing'): the question asked."""
    return next((c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") and m.i == c.left_edge.i for m in c.children)), None)


_ADDRESSING = {"ask", "advise", "beg", "implore", "instruct", "invite", "remind", "urge", "encourage", "order"}  # their object is the addressee
_CONCESSIVE = {"while", "although", "though", "whereas"}
_TOPIC_PREPS = {"about", "of", "against", "on", "over"}
_NOT_TOPIC_OBJECT = {"tell", "inform", "assure", "reassure", "ask", "remind", "continue"}  # the object is the addressee ('told his audience') or not speech


def _misread_object_clause(cue: Token) -> Token | None:
    """'said many of those only needed partial closure': a clause the parser read as an object noun ('closure') whose
    verb it took for a modifier ('needed', amod) with its own subject; the object it made, standing for the clause."""
    for obj in (c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i):
        for v in obj.subtree:
            if v.pos_ == "VERB" and v.dep_ in ("amod", "compound", "nmod") and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i for c in v.children):
                return obj
    return None


def _misread_that_clause(cue: Token) -> Token | None:
    """'predicted at the debate that Republicans will take "every state"': a that-clause the parser hung on the noun
    before it as a relative clause, though its 'that' fills no gap (the clause has its own subject and object)."""
    that = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if that is not None and that.lower_ == "that" and that.dep_ == "mark" and that.head.head.i == cue.i and that.head.dep_ in ("dobj", "dative", "npadvmod") and any(
            c.dep_ in ("acl", "relcl") for c in that.head.children):
        return that.head  # 'showed that people hated being left ...' read as 'showed people [who] hated ...'
    hung = _clause_hung_higher(cue)
    if hung is not None:
        return hung
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for rel in (c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i):
                that = rel.doc[rel.left_edge.i]
                if that.lower_ != "that" or that.head.i != rel.i:
                    continue
                deps = {c.dep_ for c in rel.children if c.i != that.i}
                if that.dep_ == "mark":
                    return rel
                own_subject = bool(deps & {"nsubj", "nsubjpass"})
                if own_subject and (that.dep_ != "dobj" or deps & {"dobj", "ccomp", "attr"}) and that.dep_ != "nsubj":
                    return rel  # 'that' is no gap: the clause has its subject, and its object too when 'that' was read as one
    return None


def _clause_hung_higher(cue: Token) -> Token | None:
    """'in the office of Mayor Jane Hollis, who insisted in March - wrongly - that residents “will never pay more”': a
    that-clause right after a speech verb with none of its own, which the parser hung on a verb above it ('began'); the
    clause's verb, or None. Only punctuation may stand between the verb's own words and 'that'."""
    if any(c.dep_ == "ccomp" for c in cue.children) or cue.right_edge.i + 1 >= len(cue.doc):
        return None
    k = cue.right_edge.i + 1
    while k < cue.sent.end and cue.doc[k].is_punct:
        k += 1
    that = cue.doc[k] if k < cue.sent.end else None
    if that is None or that.lower_ != "that" or that.dep_ != "mark" or that.head.dep_ != "ccomp":
        return None
    above = that.head.head
    return that.head if above.i < cue.i and cue in above.subtree else None


def _finding_subject(cue: Token) -> bool:
    """Whether the cue's subject is a study, a report or the people who did one ('The study found no benefit', 'The
    researchers found marine bacteria'), whose 'found X' is a finding, not a thing found ('Police found the body',
    'the collective found a support system')."""
    for c in cue.children:
        if c.dep_ == "nsubj":
            lemma = _relative_antecedent(c).lemma_.lower()
            return lemma in cue_lexicon()["finding_nouns"] or lemma in _RESEARCHERS
    return False


# people whose 'found X' is a finding (not 'officials', 'police': the lexicon's source nouns also name those)
_RESEARCHERS = {"researcher", "scientist", "team", "author", "investigator", "analyst", "scholar", "economist", "panel", "inquiry"}


_NO_OBJECT = {
    "say", "tell", "add", "ask", "see", "know", "find", "feel", "want", "figure", "record", "rate", "rank", "view",
    "regard", "judge", "consider", "prove", "establish", "assume", "survey", "poll", "document", "detect", "uncover",
    "discover", "determine", "decide", "guess", "bet", "sense", "remember", "forget", "understand", "realize", "realise",
}
_AS_VERBS = {"describe", "portray", "characterize", "characterise", "depict", "paint", "cast", "label", "brand", "dismiss", "hail",
             "herald", "present", "view", "regard", "see", "refer"}  # 'described the country as beset by ...'
_CONTENT_PREPS = {"for", "to", "against", "about", "of", "over", "as", "with", "on", "into"}


def _object_content(parts: list[Token]) -> list[Token]:
    """Tokens of a cue's object and complements, without asides: appositives, comma-set relative clauses, dates."""
    drop: set[int] = set()
    for part in parts:
        if part.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in part.children):
            drop.update(t.i for t in part.subtree)
        for t in part.subtree:
            quoted = t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].is_quote  # 'called the plan "a disaster"': a quoted complement the parser read as an apposition
            if t.dep_ == "appos" and not quoted and t.ent_type_ != "DATE" or (t.dep_ in ("relcl", "acl") and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","):
                drop.update(x.i for x in t.subtree)
            if t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME") and t.head.pos_ in ("VERB", "AUX"):
                drop.update(x.i for x in t.subtree)  # 'said Monday', not the date inside 'the Sept. 11, 2001, attacks'
    return [t for part in parts for t in part.subtree if t.i not in drop]


_HEARSAY = {"reportedly", "allegedly", "reputedly", "purportedly"}  # adverbs that report a clause for nobody named
_AGENTLESS = {"think", "believe", "understand", "estimate", "expect", "say", "report", "allege", "rumour", "rumor", "suppose", "fear", "predict"}


def _agentless(cue: Token, lemma: str) -> list[Token] | None:
    """What a passive cue with no agent reports, said or believed by nobody named: 'Three quarters of the world's food
    is thought to depend on bees' (the subject and what it is thought to do), 'It is understood that the couple
    delayed ...' (the clause). Nothing for other passives ('was charged with')."""
    if lemma not in _AGENTLESS:
        return None
    subj = next((c for c in cue.children if c.dep_ in ("nsubjpass", "expl")), None)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is not None and (subj is None or subj.lower_ == "it"):
        return list(clause.subtree)  # 'It is understood (that) ...'
    todo = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)), None)
    if subj is None or todo is None or subj.lower_ in ("it", "there") or subj.tag_ in ("WDT", "WP"):
        return None  # 'which is expected to': the relative clause's noun is outside the clause
    return [*subj.subtree, *cue.doc[subj.right_edge.i + 1 : todo.right_edge.i + 1]]


def _unsourced(content: list[Token], cue: list[Token], lemma: str, category: str, text: str, base: int) -> _Attribution | None:
    """A candidate for a claim reported by nobody named (see _agentless and _HEARSAY): the largest block of its content,
    with no subject, so it gets no speaker; None when less than three characters are left."""
    block = _largest_block(content)
    s, e = _trim(text, block[0].idx - base, block[-1].idx + len(block[-1]) - base)
    return _Attribution(s, e, cue, None, route="agentless", lemma=lemma, category=category) if e - s >= 3 else None


def _perfect(verb: Token) -> bool:
    """Whether a participle the parser read as passive is a perfect with a contracted 'has' ('He's said he gets ...'):
    its auxiliary is 's, and it reports a clause with its own subject instead of taking 'to' ('He's said to be ...')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in ("it", "this", "that", "there"):
        return False  # 'It's said that ...' is the passive
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) and verb.tag_ in ("VBN", "VBD") and any(
        c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) for c in verb.children)


def _name_after_comma_cue(cue: Token, reach: int = 8) -> Token | None:
    """The person named right after a cue set off by commas, whatever the parse made the subject: 'Humans, said TV
    naturalist Sir David Attenborough in 2013, are a “plague on earth”' (the last word of the name)."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != "," or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    before = [c for c in cue.children if c.dep_ in _SUBJ and c.i < cue.i]
    if not before or before[0].pos_ != "NOUN" or is_person_noun(before[0]) or _source_like(before[0]):
        return None  # only where the parse made a thing before the commas the speaker
    for k in range(cue.i + 1, min(len(doc), cue.i + 1 + reach)):
        tok = doc[k]
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "DET"):
            return None  # only a name with its titles right after the cue ('said TV naturalist Sir ...'), not 'pledged her vote to Clinton'
        if tok.ent_type_ == "PERSON" and (k + 1 == len(doc) or doc[k + 1].ent_type_ != "PERSON" or doc[k + 1].ent_iob_ == "B"):
            return tok
    return None


def _subject(cue: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing through participles and conjuncts.

    A participle inside a reported clause ('X told reporters that signs indicate ..., saying that')
    belongs to the reporting verb's subject, not to the reported clause's.
    """
    tok = cue
    after = _name_after_comma_cue(cue)
    if after is not None:
        return after
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "acl", "conj") and cue.head.i != cue.i:
        # 'with its president, Jim Yong Kim, urging policymakers to ...': whoever the absolute 'with' phrase names does it
        w = next((c for c in cue.head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < cue.i <= c.right_edge.i + 2), None)
        who = next((c for c in w.children if c.dep_ == "pobj"), None) if w is not None else None
        if who is not None and cue.doc[cue.i - 1].text == "," and not any(c.dep_ == "appos" for c in who.children):
            who = None  # 'Clinton celebrated with supporters, declaring it ...': a comma that closes no apposition ends the 'with' phrase
        if who is not None and (who.pos_ == "PROPN" or is_person_noun(who) or _source_like(who)):
            return who
    if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.head.dep_ == "relcl" and cue.doc[cue.i - 1].text == "," and any(
            c.dep_ in _SUBJ and c.lower_ in ("that", "which") for c in cue.head.children):
        # 'Kelly vetoed a bill that would have expanded vouchers, calling it “a threat”': the bill calls nothing; the
        # participle after the relative clause goes with the sentence's own subject
        main = cue.head.head.head
        who = next((c for c in main.children if c.dep_ in _SUBJ and _source_like(c)), None) if main.pos_ in ("VERB", "AUX") else None
        if who is not None:
            return who
    if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.head.i < cue.i:
        # 'Shares rose 9% after the company raised its forecast, citing strong demand': shares cite nothing; the company
        # of the clause just before the participle does
        subs = [c for c in cue.head.children if c.dep_ in _SUBJ]
        if subs and not _source_like(subs[0]) and not is_person_noun(subs[0]) and subs[0].pos_ != "PROPN":
            between = [c for c in cue.head.children if c.dep_ == "advcl" and cue.head.i < c.i < cue.i]
            who = next((x for c in reversed(between) for x in c.children if x.dep_ in _SUBJ and _source_like(x)), None)
            if who is not None:
                return who
    if cue.tag_ == "VBG" and cue.dep_ == "conj" and cue.head.tag_ != "VBG":
        # 'saying that the bill ... was sunk by voter mistrust - and arguing that ...': a participle is joined to the
        # participle above, not to the finite verb the parser chose (whose agent would speak)
        up = cue.head
        while up.head.i != up.i and not (up.tag_ == "VBG" and up.dep_ == "advcl"):
            up = up.head
        if up.tag_ == "VBG" and up.dep_ == "advcl":
            return _subject(up)
    if cue.dep_ == "xcomp" and cue.head.i != cue.i:
        # control: 'force the Kremlin to seek' -> the Kremlin; 'sought to improve' -> the subject of 'sought'
        obj = next((c for c in cue.head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and (_source_like(obj) or obj.pos_ == "PROPN" or is_person_noun(obj)):
            return obj  # a thing does not speak: 'Ramos used his speech to call for' -> Ramos
        subs = [c for c in cue.head.children if c.dep_ in _SUBJ]
        if subs:
            return subs[0]
    if cue.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in cue.children):
        k = cue.i - 1
        while k > 0 and cue.doc[k].dep_ in ("aux", "advmod", "neg") and cue.doc[k].head.i == cue.i:
            k -= 1
        prev = cue.doc[k]
        if prev.pos_ == "PROPN" and _source_like(prev) and prev.dep_ in ("conj", "dobj", "pobj") and prev.head.i != cue.i:
            return prev  # 'London has 22,000 cabs and Conyon estimates that ...': the name before the verb, read as an object
    for _ in range(5):
        opener = next((c for c in tok.children if c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < tok.i), None)
        if opener is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # 'Speaking from her flooded kitchen in Bognor Regis, retired teacher Pam Morris, 72, said' with the opening
            # participle parsed as the subject and the name hung inside it: the name set off by a comma speaks
            named = [t for t in opener.subtree if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.dep_ == "appos"]
            if named:
                return named[-1]
        # a person first; a demonstrative last ('That, says the report, is ...': the report says it)
        subs = sorted((c for c in tok.children if c.dep_ in _SUBJ), key=lambda c: (c.ent_type_ != "PERSON", c.lower_ in ("that", "this", "it"), abs(c.i - tok.i)))
        agent = next((p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        if subs:
            if tok.i != cue.i and tok.dep_ == "ccomp" and tok.head.i != tok.i and (_cue_at(tok.head) or _open_cue_at(tok.head)) is not None:
                tok = tok.head
                continue
            if agent is not None and subs[0].dep_ == "nsubjpass" and (tok.i == cue.i or _right_after(agent, cue)):
                # 'The students were told by their teacher that ...': the teacher told them (but 'The senator was joined by
                # the governor and joked', 'was booed by supporters after telling ...': a verb below the passive shares
                # its subject)
                return agent
            named = next((c for c in subs[0].children if c.dep_ == "conj" and c.pos_ == "PROPN" and _source_like(c)), None)
            if named is not None and subs[0].pos_ == "NOUN" and not _source_like(subs[0]) and not is_person_noun(subs[0]):
                return named  # 'London has 22,000 cabs and Conyon estimates that ...' read as one subject: the name speaks
            return subs[0]
        if agent is not None and (tok.i == cue.i or _right_after(agent, cue)):
            return agent
        if tok.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "prep") and tok.head.i != tok.i:
            if tok.dep_ == "relcl":
                return tok.head
            if tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i and tok.head.ent_type_ in ("PERSON", "ORG", ""):
                return tok.head  # 'O'Malley, who ..., interjected to say:' parsed with the name as the root: the name speaks
            if tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i and tok.doc[tok.i - 1].text == "," and any(
                    c.dep_ == "ccomp" for c in tok.children):
                return tok.head  # 'The report, written by ..., found there was ...' parsed with the noun as the root: it reports
            if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in _ISSUING:
                tok = tok.head.head  # 'Clinton issued a statement saying ...': whoever issued the statement says it
                continue
            tok = tok.head
            continue
        break
    before = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None) if tok.i == cue.i else None
    if before is not None:
        # 'Trevor Hicks, the group's president, whose daughters died in the crush, said:' parsed with the name as the
        # subject of 'died' and that clause as what 'said' reports: the name set off by commas at its start speaks
        name = next((c for c in before.children if c.dep_ in _SUBJ and (c.pos_ == "PROPN" or c.pos_ == "NOUN" and is_person_noun(c))
                     and c.left_edge.i == before.left_edge.i), None)  # also 'An official, whose route home has come under attack, said:'
        if name is not None and name.i + 1 < len(name.doc) and name.doc[name.i + 1].text == "," and _source_like(name):
            return name
    return None


def _right_after(agent: Token, cue: Token) -> bool:
    """Whether a participle cue follows a passive's agent with nothing between ('was approached by other breweries asking
    if ...': the breweries ask), unlike 'was booed by supporters after telling them ...' (the one booed tells)."""
    phrase = agent.head if agent.head.lower_ == "by" else agent
    return cue.tag_ == "VBG" and phrase.right_edge.i + 1 == cue.i


_ISSUING = {"issue", "release", "send", "post", "publish", "put", "write", "give", "make", "deliver", "tweet", "file", "sign",
            "circulate", "distribute", "run", "air", "broadcast", "pen", "draft", "submit", "share"}  # 'issued a statement saying'


def _ent_of(tok: Token, labels: tuple[str, ...] | None = None) -> Span | None:
    """The named-entity span a token is part of (optionally only with these labels), found from its neighbours."""
    if not tok.ent_type_ or (labels is not None and tok.ent_type_ not in labels):
        return None
    doc, lo, hi = tok.doc, tok.i, tok.i + 1
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    if tok.ent_type_ == "PERSON" and lo > 0 and (hi - lo == 1 or doc[lo - 1].lower_ in _HONOURS):
        # a first name the recogniser left outside the name ('Anders' in 'Anders Sandberg, who studies ..., said'; a name
        # of two words has its own: 'Forecaster Alex Deakin')
        first = doc[lo - 1]
        if (first.pos_ == "PROPN" and not first.ent_type_ and first.dep_ == "compound" and lo <= first.head.i < hi and first.text.istitle()
                and first.lower_ not in _TITLES | _RANKS - _HONOURS and not _person_word(first.lower_) and (lo < 2 or doc[lo - 2].pos_ != "PROPN")):
            lo -= 1
    if tok.ent_type_ == "PERSON":  # a name the recogniser split after a particle ('Maria van der' + 'Hoeven')
        while hi < len(doc) and doc[hi].ent_iob_ == "B" and doc[hi].ent_type_ == "PERSON" and doc[hi - 1].lower_ in _PARTICLES:
            hi += 1
            while hi < len(doc) and doc[hi].ent_iob_ == "I":
                hi += 1
        while lo > 0 and doc[lo - 1].ent_type_ == "PERSON" and doc[lo - 1].lower_ in _PARTICLES:
            lo -= 1
            while lo > 0 and doc[lo].ent_iob_ == "I":
                lo -= 1
    return Span(doc, lo, hi, label=tok.ent_type_)


def _entity_root(tok: Token) -> Token:
    """The root of the named entity a token is part of, else the token itself."""
    ent = _ent_of(tok)
    return ent.root if ent is not None else tok


def _ents_in(doc: Doc, lo: int, hi: int) -> list[Span]:
    """The named entities wholly inside tokens [lo, hi) of a Doc."""
    out, k = [], max(0, lo)
    while k < min(hi, len(doc)):
        if doc[k].ent_iob_ == "B":
            ent = _ent_of(doc[k])
            if ent is not None and ent.end <= hi:
                out.append(ent)
            k = ent.end if ent is not None else k + 1
        else:
            k += 1
    return out


_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}  # entity labels that never speak


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after a verb that follows its quote, when the parser gave it no subject: '"...," blurted out the
    minister' (an object to the parser), '"...," chimed in Maria Lopez' (a prepositional object)."""
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.pos_ in ("PROPN", "NOUN", "PRON") and c.ent_type_ not in _NOT_NAMES:
            return c
        if c.i == verb.i + 1 and c.dep_ in ("prep", "prt") and c.lower_ in ("in", "up", "out", "back", "on"):
            # 'chimed in Maria Lopez', never 'announced in November'
            pobj = next((x for x in c.children if x.dep_ == "pobj" and x.pos_ in ("PROPN", "NOUN", "PRON") and x.ent_type_ not in _NOT_NAMES), None)
            if pobj is not None:
                return pobj
    # '"The risk," said Edward Leamer, ..., "is ..."' (the name hung on the quote's own verb), '"...," said Skelly,' (an
    # adverb to the parser): the last capitalised word before any punctuation or preposition, not a date or place
    name = None
    for t in verb.doc[verb.i + 1 : verb.i + 9]:
        if t.is_punct and t.text not in ".-" or t.pos_ in ("ADP", "AUX", "PRON", "SCONJ", "CCONJ") or t.sent.start != verb.sent.start:
            break
        if t.ent_type_ == "PERSON" or (t.is_title and t.ent_type_ not in ("DATE", "TIME", "GPE", "NORP", "LOC") and t.pos_ != "VERB"):
            name = t
    return _entity_root(name) if name is not None else None


def _name_before(verb: Token) -> Token | None:
    """The speaker between a closing quote and its verb when the parser lost the subject: '"...," Ramos, 58, told AFP',
    '"...," Texas delegate Bill Eastland, wearing a cowboy hat, said': a name (with its role words) right after the
    quote, then the verb or a comma-set aside that ends just before it."""
    doc = verb.doc
    close = next((j for j in range(verb.i - 1, max(0, verb.i - 40), -1) if doc[j].is_quote and doc[j - 1].text in ",?!…"), None)
    if close is None:
        return None
    k = close + 1
    if k < verb.i and doc[k].lower_ in _PERSONAL - {"you", "who"}:
        name = doc[k]
    else:
        while k < verb.i and k - close <= 8 and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
            k += 1  # role words and the name: 'Texas delegate Bill Eastland'
        name = doc[k - 1]
        if k - 1 <= close or name.pos_ != "PROPN":
            return None
    rest = doc[name.i + 1 : verb.i]
    if rest and not (rest[0].text == "," and rest[-1].text == "," and len(rest) <= 25):
        return None  # only a comma-set aside (age, title, a participle) may stand between the name and its verb
    return name


def _idiomatic_say(tok: Token) -> bool:
    """'say' that reports nothing: 'That said, ...' (a discourse marker), 'it’s fair to say that ...', 'needless to say',
    '– say, virtual meetings –' (for example), 'as they say' (a saying); and 'All told, ...' (in all)."""
    doc = tok.doc
    if tok.lower_ == "told" and tok.i > 0 and doc[tok.i - 1].lower_ == "all" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
        return True
    if tok.lemma_.lower() != "say":
        return False
    if tok.i >= 2 and doc[tok.i - 1].lower_ == "they" and doc[tok.i - 2].lower_ == "as" and (tok.i + 1 == len(doc) or doc[tok.i + 1].lower_ in (
            ",", ".", "about", "—", "–")) and (doc[tok.i - 2].i == tok.sent.start or doc[tok.i - 3].is_punct):
        return True  # 'As they say about the storied doctor, ...', ', as they say, ...': a saying, said by nobody
    if tok.i == tok.sent.start + 1 and doc[tok.i - 1].lower_ in ("that", "this") and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
        return True
    judged = ("fair", "safe", "needless", "suffice", "sufficient", "true", "hard", "difficult")
    if tok.dep_ in ("xcomp", "advcl", "acl") and (tok.head.lower_ in judged or any(
            c.dep_ == "acomp" and c.lower_ in judged for c in tok.head.children) and any(c.lower_ == "it" for c in tok.head.children)):
        return True
    prev = doc[tok.i - 1].text if tok.i > 0 else ""
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," and prev in ("–", "—", "-", "--", ",", "(")


def _right_after_quote(verb: Token, text: str, base: int, qspans: list[tuple[int, int, bool, bool]]) -> bool:
    """'"...," said ...', "''...,'' said ...": the verb follows a closed quote with only its closing mark and a comma between."""
    lo = verb.idx - base
    return any(closed and qe <= lo and re.fullmatch(r"[,?!…]?\s*(?:''|[\"”’'])\s*|\s*(?:''|[\"”’'])?[,?!…]\s*", text[qe:lo]) for _, qe, _, closed in qspans)


def _quote_then_speaker(verb: Token, subject: Token | None, text: str, base: int, qspans: list[tuple[int, int, bool, bool]]) -> bool:
    """'"...," Spencer said': the subject and verb follow a closed quote that ends with a comma (the attribution of that quote)."""
    if subject is None or subject.i > verb.i or subject.head.i != verb.i:
        return False  # the verb's own subject ('Clinton said, referencing ...' : not the participle's borrowed one)
    lo = min(t.idx for t in subject.subtree) - base
    first = verb.sent.start_char - base + 2  # the quote opens the sentence (not 'Citing “obligations,” she told ...')
    return any(closed and qs <= first and qe <= lo and re.fullmatch(r"\s*(?:''|[\"”’'])?\s*", text[qe:lo].replace(",", "", 1)) and "," in text[max(0, qe - 2) : lo]
               for qs, qe, _, closed in qspans)


def _after_quote_and_speaker(verb: Token, subject: Token | None, text: str, base: int, qspans: list[tuple[int, int, bool, bool]]) -> bool:
    """'"...," Ms. Gil said': only a closed quote's closing mark and comma and the speaker's words stand before the verb."""
    if subject is None or subject.i > verb.i:
        return False
    name = subject.doc[subject.left_edge.i : subject.i + 1].text
    lo = verb.idx - base
    return any(closed and qe <= lo and text[qe:lo].strip(" ,\"”’'\n") in (name, subject.text) for _, qe, _, closed in qspans)


def _lost_subject(verb: Token) -> Token | None:
    """The speaker of a cue verb the parser left without a subject: 'a man yelled "..."' (read as a participle of
    'man'), 'her adviser, Jake Sullivan, said:' (the name hung on an earlier noun), 'Clinton, exasperated, responded:'
    (the name taken by the aside)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    for c in verb.children:
        if c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ == "PROPN":
            return c  # '"...," Conway notes': the name read as part of the verb
        if c.i < verb.i and (c.dep_ in ("parataxis", "advcl") and c.tag_ in ("VBD", "VBN", "VBG", "JJ") or c.dep_ in ("parataxis", "advcl", "ccomp") and any(
                x.tag_ == "WP" and x.dep_ == "nsubj" for x in c.children)):
            # ('Sanders, meanwhile, who sits at zero endorsements, said' with the name and 'who' both read as the subject of 'sits')
            subj = next((x for x in c.children if x.dep_ == "nsubj" and x.i < c.i), None)
            if subj is not None:
                return subj
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        # '“I hate to think,” he says, but mentions ...': the parser joined the verb to the quote's, past the cue between
        # them; its subject is that cue's
        cue = next((c for c in verb.head.children if c.dep_ == "parataxis" and verb.head.i < c.i < verb.i
                    and c.lemma_.lower() in cue_lexicon()["speech"]), None)
        subj = next((x for x in cue.children if x.dep_ == "nsubj" and x.i < cue.i), None) if cue is not None else None
        if subj is not None:
            return subj
    doc = verb.doc
    v = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.lemma_.lower() in _ISSUING else verb
    if not any(c.dep_ in _SUBJ for c in v.children) and v.dep_ == "ROOT" and v.i > v.sent.start:
        # 'Black Lives Matter issued a statement saying ...' with the name parsed as modifiers of the verb: the capitalised
        # words that open the sentence right before the verb
        opening = doc[v.sent.start : v.i]
        if len(opening) <= 4 and all(t.is_alpha and t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ") for t in opening) and any(t.pos_ == "PROPN" for t in opening):
            return opening[-1]
        # 'In an interview with hosts X and Y, the candidate stated that ...' with the subject read as an apposition of Y
        last = doc[v.i - 1]
        if last.pos_ in ("NOUN", "PROPN") and last.dep_ in ("appos", "conj") and last.left_edge.i > 0 and doc[last.left_edge.i - 1].text == "," and (
                is_person_noun(last) or last.ent_type_ in ("PERSON", "ORG", "NORP") or _source_like(last)):
            return last
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.head.i == verb.i and prev.dep_ in ("advmod", "npadvmod") and prev.is_title and not prev.is_stop and (
            prev.i == prev.sent.start) and not any(c.dep_ in _SUBJ for c in verb.children):
        return prev  # 'Jolly said he has worked ...': a surname the parser read as an adverb
    name = doc[verb.i - 2] if verb.i >= 2 and doc[verb.i - 1].text == "," else None  # 'Name, said'
    if name is not None and name.ent_type_ == "PERSON" and name.dep_ in ("appos", "conj", "npadvmod", "pobj"):
        return _entity_root(name)
    return None


def _relative_antecedent(tok: Token) -> Token:
    """'... Trump, who has pledged ...': the noun a relative pronoun stands for."""
    if tok.lower_ in ("who", "which", "that", "whom") and tok.head.dep_ == "relcl":
        ante = tok.head.head
        if tok.lower_ in ("who", "whom") and ante.dep_ == "pobj" and ante.head.lower_ == "from" and ante.ent_type_ in ("GPE", "LOC", "ORG"):
            # 'Julia Rochester, from London, who described herself as ...': who is the person from the place
            owner = ante.head.head
            if owner.pos_ == "PROPN" or is_person_noun(owner):
                return owner
            named = [t for t in tok.doc[max(tok.sent.start, ante.head.i - 5) : ante.head.i] if t.pos_ == "PROPN" and t.dep_ != "compound"]
            if named and tok.doc[ante.head.i - 1].text == ",":
                return named[-1]
        if tok.lower_ in ("who", "whom") and not (ante.pos_ == "PROPN" or is_person_noun(ante)):
            # 'an emaciated man with long hair and a beard, who claimed ...': who is the man, not his beard
            up = ante
            while up.dep_ in ("conj", "pobj", "prep") and up.head.i != up.i:
                up = up.head
                if up.pos_ == "NOUN" and is_person_noun(up) or up.pos_ == "PROPN":
                    return up
        if tok.lower_ in ("who", "whom") and ante.dep_ == "appos" and ante.pos_ == "NOUN" and ante.head.pos_ == "PROPN" and ante.head.ent_type_ == "PERSON":
            return ante.head  # 'Felicia Nordström, a bar worker who says ...': who is the person the description describes
        return ante
    return tok


def _indefinite(head: Token) -> bool:
    """A noun introduced as one of many ('one security guard', 'a woman', 'all the students'): what follows it says which."""
    return any(c.dep_ in ("det", "nummod", "predet") and c.lower_ in ("a", "an", "one", "another", "all", "some", "two", "three") for c in head.children)


def _mention(head: Token) -> Span:
    """The speaker mention around a subject head: a name's full entity, or the noun phrase without appositives."""
    doc = head.doc
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        ent = _ent_of(head)
        if ent is not None and head.pos_ == "PROPN":
            start = ent.start
            # keep a courtesy title: "Mr. Obama"
            if start > 0 and doc[start - 1].lower_ in _TITLES:
                start -= 1
            return doc[start : ent.end]
    if head.pos_ == "PRON":
        return doc[head.i : head.i + 1]
    drop = set()
    cut = ("appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "case") + (("prep",) if head.pos_ == "PROPN" else ())
    for c in head.children:  # a name keeps no prepositional phrase: 'remembers Timms of the UK’s ban'
        if c.dep_ == "acl" and head.pos_ == "NOUN" and c.tag_ in ("VBG", "VBN") and c.left_edge.i == head.i + 1 and (
                is_person_noun(head) or head.lemma_.lower() in ("people", "person") or _indefinite(head)) and c.right_edge.i - c.left_edge.i < 8 and not any(
                t.is_punct for t in c.subtree):
            continue  # a short restrictive participle says which people: 'One security guard working on the avenue said'
        if c.dep_ in cut and c.i > head.i:
            drop.update(t.i for t in c.subtree)
    for t in head.subtree:  # an aside deeper in the phrase: 'A spokesman for the BPI, the record industry trade body, said'
        if t.dep_ in ("appos", "relcl") and t.i > head.i and t.i not in drop and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," and t.head.i != head.i:
            # (and a relative clause set off deeper in it: 'a man with long hair and a beard, who claimed ...')
            drop.update(x.i for x in t.subtree)
            drop.add(t.left_edge.i - 1)
    toks = [t for t in head.subtree if t.i not in drop]
    # contiguous block around the head
    lo = hi = head.i
    idx = {t.i for t in toks}
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    dash = next((t.i for t in doc[head.i + 1 : hi + 1] if t.text in ("–", "—", "--")), None)
    if dash is not None:
        hi = dash - 1  # an aside after a dash is not the name: 'some bad sports – male and female – suggested'
    while hi > lo and doc[hi].is_punct and not (doc[hi].text == "%" and doc[hi - 1].like_num):  # '9%' keeps its sign
        hi -= 1
    if lo < hi and doc[lo].is_sent_start and doc[lo].like_num and doc[lo + 1].tag_ == "NNP":
        lo += 1  # a list item's number: '5 Facebook makes news ...'
    while lo >= 2 and doc[lo - 1].text in "-–" and not doc[lo - 1].whitespace_ and not doc[lo - 2].whitespace_:
        lo = doc[lo - 2].left_edge.i if doc[lo - 2].left_edge.i < lo - 2 else lo - 2  # 'Google’s vice-president' split by the parse
    opening = [t.i for t in doc[lo : hi + 1] if t.text == "("]
    if opening and not any(t.text == ")" for t in doc[opening[-1] : hi + 1]):
        hi = max(lo, opening[-1] - 1)  # no unclosed parenthesis: 'the Chronic Poverty Advisory Network (CPAN'
    return doc[lo : hi + 1]


def _joined(toks: list[Token]) -> str:
    """Tokens in order as the text wrote them: neighbours keep their own spacing ('vice-presidential', not 'vice -
    presidential'), others are parted by one space."""
    return "".join(t.text + (t.whitespace_ if k + 1 < len(toks) and toks[k + 1].i == t.i + 1 else " ") for k, t in enumerate(toks)).strip()


_KIND_NOUNS = frozenset({"magazine", "paper", "programme", "program", "project", "lab", "laboratory", "division", "unit", "show"})


def _with_noun(ent: Span) -> Span:
    """An organisation's name the recogniser cut off before its noun, with that noun: the noun of a possessive phrase
    ('the UN Food and Agriculture Organization’s Save Food' + 'programme', 'Obama’s 2008' + 'campaign') or one that
    says what kind of body it is ('Heat' + 'magazine')."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].pos_ == "NOUN" and ent[-1].head.i == ent.end and (
            any(t.tag_ == "POS" for t in ent[:-1]) or doc[ent.end].lower_ in _KIND_NOUNS | cue_lexicon()["organisation_nouns"]):
        return doc[ent.start : ent.end + 1]
    return ent


_PARTY_STATE_RE = re.compile(r"[RDI]\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?")  # 'R-Ky.', 'D-Calif.', 'R-New York'


def _role_org(head: Token, ctx: _Context) -> tuple[str | None, str | None]:
    """Role and organisation from an appositive ('X, a researcher at Y') or preposed title ('Y Director X')."""
    doc = head.doc
    role = org = None
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is not None and (any(c.dep_ in ("cc", "conj") for c in appos.children) or any(c.dep_ in ("cc", "conj") for c in head.children)):
        appos = None  # a list read as an apposition ('the banks, the government and most of the modern world') gives no role
    if appos is None and head.dep_ == "compound":
        appos = next((c for c in head.head.children if c.dep_ == "appos"), None)
    if appos is not None and _PARTY_STATE_RE.fullmatch(doc[appos.left_edge.i : appos.right_edge.i + 1].text):
        appos = None  # 'Sen. Rand Paul, R-Ky.,': a party and state, no role; the title before the name is the role
    if appos is not None and appos.text.isupper() and appos.left_edge.i == appos.i and appos.i > 0 and doc[appos.i - 1].text == "(":
        appos = None  # 'The Rail Delivery Group (RDG) said': the name's short form, no role
    if appos is not None and appos.ent_type_ == "NORP" and head.ent_type_ == "PERSON" and any(
            c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ != "PERSON" and _person_word(c.lower_) for c in head.children):
        appos = None  # 'Senate President Ty Masterson, a Republican from Andover,': the office before the name, not the party
    if appos is None and head.dep_ in _SUBJ:
        # 'Lim Soo-suk, spokesman for ...' is sometimes parsed as a second subject
        nxt = head.right_edge.i + 1
        if nxt < len(doc) and doc[nxt].text == ",":
            appos = next((c for c in head.head.children if c.dep_ in _SUBJ and c.i > nxt and c.pos_ == "NOUN"), None)
    if appos is not None and appos.pos_ == "PROPN" and (appos.ent_type_ == "PERSON" or _unrecognised_name(appos)):
        # 'Another Democratic member of the committee, Ron Wyden, said': the name is the appositive, the subject noun the role
        appos = head if head.pos_ == "NOUN" else None
    if appos is not None:
        # (not an age: 'a 34-year-old nurse' is a nurse, never an 'old nurse')
        mods = [c for c in appos.children if c.dep_ in ("amod", "compound", "nmod") and c.i < appos.i and not any(t.tag_ == "CD" for t in c.subtree)]
        # with what modifies a modifier ('the EU's foreign policy chief': 'foreign' is hung on 'policy')
        mods += [t for c in mods for t in c.subtree if t.i != c.i and t.dep_ in ("amod", "compound") and t.i < c.i]
        # and the words hyphened to a modifier ('a Washington-based watchdog', never a 'based watchdog')
        mods += [t for c in mods if c.i > 0 and c.doc[c.i - 1].tag_ == "HYPH" for t in c.doc[c.left_edge.i : c.i]]
        role = _joined(sorted({t.i: t for t in mods + [appos]}.values(), key=lambda t: t.i))
        preps = [t for t in appos.subtree if t.dep_ == "prep" and t.lower_ in ("at", "of", "for", "with", "from", "in", "on")]
        for prep in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            ent = _ent_of(pobj, ("ORG", "GPE", "NORP", "FAC"))
            if ent is not None and ent.label_ == "ORG":
                org = _strip_det(_with_noun(ent).text)
                _describe_org(pobj, org, ctx)
                break
            desc = _np_key(pobj)
            if desc in ctx.orgs:
                org = ctx.orgs[desc]
                break
            if prep.head.i == appos.i and (prep.lower_ == "on" or (ent is not None and ent.label_ in ("GPE", "NORP"))):
                role = f"{role} {prep.text} {doc[pobj.left_edge.i : pobj.right_edge.i + 1].text}"
        if org is None:
            ent = next((e for e in _ents_in(doc, appos.left_edge.i, appos.right_edge.i + 1) if e.label_ == "ORG"), None)
            if ent is not None:
                org = _strip_det(_with_noun(ent).text)
    else:
        # preposed: "National Intelligence Service Director Kim Kyou-hyun"
        ent = _ent_of(head)
        if ent is not None:
            pre = [t for t in head.subtree if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "poss") and not (
                t.dep_ == "amod" and any(x.tag_ == "CD" for x in t.subtree))]  # (no age: '84-year-old former teacher X')
            if pre:
                org_ent = next((e for e in _ents_in(doc, pre[0].i, ent.start) if e.label_ == "ORG"), None)
                if org_ent is not None and (is_title_word(org_ent) or org_ent.text.lower() in _RANKS):
                    org_ent = None  # 'Defense' in 'Russian Defense Minister Sergei Shoigu' is part of the title, not an organisation,
                    # and a rank the recogniser tagged alone is a role ('Bishop' of 'Bishop Thomas Reilly')
                of = [t for t in head.subtree if t.i < ent.start and t.dep_ == "prep" and t.lower_ == "of" and t.head in pre]
                if org_ent is not None and of and len(org_ent) == 1 and org_ent.root.head.i == of[0].i and not org_ent.text.isupper():
                    org_ent = None  # 'State' in 'Secretary of State Hillary Clinton': the title's own words
                    pre = sorted(set(pre) | {t for t in of[0].subtree}, key=lambda t: t.i)
                role_toks = [t for t in pre if org_ent is None or t.i >= org_ent.end]
                role_toks = [t for t in role_toks if t.ent_type_ not in ("GPE", "NORP") or t.pos_ != "PROPN"]
                if role_toks:
                    role = _joined(role_toks)
                if org_ent is not None:
                    org = _strip_det(org_ent.text)
    if appos is not None and org:
        # 'Cho Han-bum, a senior researcher at the Korea Institute ..., a think tank': the last appositive describes the org
        for other in head.children:
            if other.dep_ == "appos" and other.i != appos.i:
                ctx.orgs[_np_key(other)] = org
    if appos is None and head.pos_ == "NOUN":
        # 'An official at the Ministry of Unification'
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "of", "for", "from", "with", "in")):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            ent = _ent_of(pobj, ("ORG",)) if pobj is not None else None
            if ent is not None:
                role, org = head.lemma_.lower(), _strip_det(ent.text)
                break
            if pobj is not None and _np_key(pobj) in ctx.orgs:
                role, org = head.lemma_.lower(), ctx.orgs[_np_key(pobj)]
                break
    if appos is None and not org and head.ent_type_ == "PERSON":
        # 'Economist Mark Zandi of Moody’s Analytics', 'said Stephen Vladeck of the University of Texas School of Law'
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "from")):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            ent = _ent_of(pobj, ("ORG",)) if pobj is not None else None
            if ent is not None and ent[-1].pos_ != "ADP":  # (not a name the recogniser cut off: 'the Armenian Patriarchate of')
                org = _strip_det(_with_noun(ent).text)
                break
    if role:
        role = re.sub(r"^(?:another|a|an|the|former|also)\s+", "", role, flags=re.IGNORECASE).strip() or None
    return role, ctx.orgs.get(org.lower(), org) if org else org


def _unrecognised_name(tok: Token) -> bool:
    """Whether a proper noun the recogniser left untagged reads as a person's name: title-cased, with a given name before
    it, no article and no role word ('Dr Agostinho Sousa'; not 'a Republican National Committeeman', 'Projects Director')."""
    return not tok.ent_type_ and tok.is_title and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children) and not any(
        c.dep_ == "det" for c in tok.children) and not any(_person_word(t.lower_) for t in tok.subtree)


def _describe_org(tok: Token, org: str, ctx: _Context) -> None:
    """Remember descriptions of an organisation ('a think tank') so 'the think tank' resolves to it."""
    for c in tok.children:
        if c.dep_ == "appos":
            ctx.orgs[_np_key(c)] = org
    ctx.orgs.setdefault(org.lower(), org)  # an acronym introduced in brackets keeps its full name: '(IEA)' after the name
    words = org.split()
    if len(words) > 1 and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in ("party", "house", "state", "states", "news"):
        ctx.orgs.setdefault(tok.lower_, org)  # 'the institute' for the Chartered Institute of ...


def _np_key(tok: Token) -> str:
    """A determiner-free key for a noun phrase head: 'the think tank' -> 'think tank'."""
    words = [t.lower_ for t in tok.subtree if t.dep_ in ("compound", "amod") and t.i < tok.i] + [tok.lower_]
    return " ".join(words)


_POSSESSIVE_MARKS = ("'s", "’s", "'", "’")
_DASHES = "-–—―"
_STYLES = {"rev", "rev.", "reverend", "hon", "hon.", "honourable", "honorable"}  # after 'the', 'Most', 'Rt', 'Very'
# royal titles, which news keeps with the name ('Prince Harry', 'Queen Elizabeth'), unlike courtesy titles
_ROYAL_TITLES = {"prince", "princess", "king", "queen", "emperor", "empress", "duke", "duchess", "sheikh"}


_FOUNDED = {"palace", "college", "hospital", "school", "church", "cathedral", "abbey", "academy", "infirmary", "chapel"}
_BROKEN_HYPHEN = re.compile(r"[A-Z][a-z]+-")  # 'Jean-' of 'Jean- Pierre', a word the tokeniser kept with its hyphen


def _name_tokens(span: Span) -> list[Token]:
    """A name's tokens without a courtesy title, a possessive owner before it or a possessive after it:
    'Mr. Cho's' -> Cho, 'Pedego's Don DiCostanza' -> Don DiCostanza; a name broken after a hyphen ('Jean- Pierre Moore', a
    line-break hyphen left in the text) is joined again."""
    doc, lo, hi = span.doc, span.start, span.end
    if lo > 0 and _BROKEN_HYPHEN.fullmatch(doc[lo - 1].text):
        lo -= 1
        while lo > 0 and lo > span.start - 3 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].is_title and doc[lo - 1].is_alpha:
            lo -= 1  # the given name before it: 'Najat Vallaud- Belkacem'
    if hi < len(doc) and lo < hi and _BROKEN_HYPHEN.fullmatch(doc[hi - 1].text) and doc[hi].is_alpha and doc[hi].is_title:
        hi += 1
    if lo > 0 and doc[lo - 1].lower_ in _ROYAL_TITLES and doc[lo - 1].is_title and doc[lo - 1].dep_ == "compound" and lo <= doc[lo - 1].head.i < hi:
        lo -= 1  # a royal title the recogniser left out is part of the name: 'Prince Harry', 'King Abdullah'
    # (a dash the tokeniser kept on the first word is no part of it: '-President Obama' signing a quote)
    # (but a judge's style keeps it: 'Mr Justice McCombe')
    toks = [t for t in doc[lo:hi] if t.lower_.lstrip(_DASHES) not in _TITLES or t.i + 1 < hi and doc[t.i + 1].lower_ == "justice"]
    style = 1 if toks and toks[0].lower_ == "the" else 0  # where a British style would start: 'the Most Rev Justin Welby'
    if len(toks) > style and toks[style].lower_ in ("most", "right", "rt", "rt.", "very"):
        style += 1
    if len(toks) > style + 1 and toks[style].lower_ in _STYLES and toks[style + 1].pos_ == "PROPN":
        toks = toks[style + 1 :]  # 'the Most Rev Justin Welby', 'the Rt Hon Ed Miliband': the name after the style
    if toks and toks[-1].ent_type_ in ("PERSON", *_MISTAKEN_NAMES):
        ranks = _RANKS if toks[-1].ent_type_ == "PERSON" else _PERSON_RANKS  # not 'Major' of 'Major League Baseball'
        while len(toks) > 2 and toks[0].lower_ in ranks and toks[1].pos_ == "PROPN":
            toks = toks[1:]  # 'Chief Superintendent David Duckenfield', 'Constable Paul Middup': the rank is a role
        if len(toks) > 2 and toks[0].is_title and toks[1].pos_ == "PROPN" and _person_word(toks[0].lower_):
            toks = toks[1:]  # 'Comedian Sarah Silverman', 'Forecaster Alex Deakin' read as one name: the trade is a role
    if len(toks) > 2 and toks[0].lower_ in ("said", "says", "added", "adds", "told", "asked", "wrote") and toks[0].is_sent_start:
        toks = toks[1:]  # '“…” Said Simon Baron-Cohen.': the recogniser ran the inverted cue into the name
    owner = max((i for i, t in enumerate(toks[:-1]) if t.lower_ in _POSSESSIVE_MARKS), default=-1)
    if owner == len(toks) - 2 and toks[-1].lower_ in _FOUNDED and toks[-1].is_title and all(t.is_title for t in toks[:owner]):
        owner = -1  # 'St James’s Palace', 'Guy's Hospital': an institution named after its founder or saint keeps the name
    toks = toks[owner + 1 :]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in _POSSESSIVE_MARKS):
        toks = toks[:-1]
    if toks and _s_in_name(toks[-1]):
        toks.append(doc[toks[-1].i + 1])  # 'Sainsbury's said', 'analysts at Moody's': the 's is the company's name
    return toks


def _s_in_name(tok: Token) -> bool:
    """Whether the 's after an organisation's name belongs to the name: the parser hung it on the name, but the name owns
    nothing, or the recogniser kept it in the name ('Sainsbury's said', 'analysts at Moody's', 'dropped by McDonald’s in
    2012'; not 'Sainsbury's chief executive')."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in ("'s", "’s") or tok.dep_ == "poss" or tok.ent_type_ != "ORG" or tok.pos_ != "PROPN":
        return False
    owned = doc[nxt.i + 1 : nxt.i + 3]  # what a possessive would own: 'Apple’s greatest trick', 'Trump's calling her'
    if len(owned) and (owned[0].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or owned[0].tag_ == "VBG" or (
            owned[0].pos_ == "ADV" and len(owned) > 1 and owned[1].tag_ in ("JJ", "VBN"))):
        return False
    return nxt.dep_ == "case" and nxt.head.i == tok.i or nxt.ent_iob_ == "I"


_QUOTE_MARKS_RE = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")  # any double mark; never part of a source's name ('Dr. "Bob" Miller')
_NICKNAME_RE = re.compile(f"{_QUOTE_MARKS_RE.pattern}[^{re.escape(DOUBLE_MARKS)}]*{_QUOTE_MARKS_RE.pattern}")  # a nickname in its marks


def _name_text(span: Span) -> str:
    """A person's name as written, without a courtesy title or possessive: 'Mr. Cho's' -> 'Cho'."""
    toks = _name_tokens(span)
    name = span.doc[toks[0].i : toks[-1].i + 1].text.lstrip(_DASHES) if toks else ""
    if not _QUOTE_MARKS_RE.search(name):
        return name
    bare = " ".join(_NICKNAME_RE.sub(" ", name).split())  # 'Marvin "Marvelous" Hagler' -> 'Marvin Hagler'
    return " ".join(_QUOTE_MARKS_RE.sub(" ", bare if len(bare.split()) >= 2 else name).split())  # 'Bob" Miller' -> 'Bob Miller'


def _name_words(span: Span) -> list[str]:
    """The words of a name (see _name_tokens) as written, without punctuation: 'Margaret Allen’s' -> ['Margaret', 'Allen'],
    'John Shepherd-Barron' -> ['John', 'Shepherd-Barron'] (the tokeniser splits a hyphened surname in three)."""
    return [w for w in _name_text(span).split() if any(ch.isalnum() for ch in w)]


def _common_np(mention: Span) -> str:
    """A common-noun source as a name: 'Experts' at the start of a sentence becomes 'experts'; an aside after a dash and
    the sentence's closing stop are no part of it ('some bad sports – male, of course –', 'a spouse of ... $80m.')."""
    dash = next((t.i for t in mention if t.text in ("–", "—") and t.i > mention.start), None)
    if dash is not None:
        mention = mention.doc[mention.start : dash]
    while len(mention) > 1 and mention[-1].is_punct and mention[-1].text not in ")]%":
        mention = mention[:-1]
    first = mention[0]
    text = mention.text
    last = mention[-1]
    if len(last) > 1 and last.text.endswith(".") and "." not in last.text[:-1] and (
            last.i + 1 == len(last.doc) or last.is_sent_end or last.doc[last.i + 1].is_space or last.doc[last.i + 1].text[:1].isupper()):
        text = text[:-1]  # the tokeniser left the sentence's stop on the last word: 'who made about $80m.'
    if sum(ch in DOUBLE_MARKS for ch in text) % 2:  # 'A special “auditor': a mark left open by the cut is no part of the name
        text = re.sub(r"\s+", " ", _QUOTE_MARKS_RE.sub("", text)).strip()
    lex = cue_lexicon()
    if first.is_sent_start and first.pos_ in ("NOUN", "ADJ") and first.text[:1].isupper() and not first.text.isupper() and first.ent_type_ not in _NAME_TYPES and (
            len(mention) > 1 or first.tag_ != "NN" or any(first.lemma_.lower() in lex[k] for k in ("source_nouns", "finding_nouns", "organisation_nouns", "person_nouns"))):
        return text[:1].lower() + text[1:]  # (not a lone singular noun no lexicon knows: 'Trump accused ...' misread as a noun)
    return text


def _strip_det(s: str) -> str:
    """Drop a leading article from an entity name."""
    return re.sub(r"^(?:the|The)\s+", "", s)


def is_person_noun(head: Token) -> bool:
    """A noun that names a person by role or trade: the lexicon's person nouns, or an -ist or -ian word ('biologist', 'historian')."""
    return _person_word(head.lemma_.lower()) or _person_word(head.lower_)


def _person_word(word: str) -> bool:
    """Whether a lower-case word names a person by role or trade (see is_person_noun)."""
    return word in cue_lexicon()["person_nouns"] or word in role_words() or (len(word) >= 7 and word.endswith(("ist", "ian")))


_GENDER = {"he": "he", "she": "she", "him": "he", "her": "she"}  # a singular personal pronoun -> the gender it names


def _compatible(ent: _Entity, pronoun: str) -> bool:
    """Whether a he/she pronoun can refer to this entity (a person whose known gender does not clash)."""
    return ent.person and not ent.plural and ent.gender in (None, _GENDER[pronoun])


_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin", "al", "el", "ter", "ten"}
_HYPHENED_PARTICLES = _PARTICLES | {"abu", "ibn", "ben"}  # written joined to the surname: 'al-Mamun', 'el-Haite'


def _name_parts(name: str) -> list[str]:
    """A name's words and, for a hyphened particle, the word without it ('al-Mamun' is also 'Mamun')."""
    words = name.split()
    return words + [w.split("-", 1)[1] for w in words if "-" in w and w.split("-", 1)[0].lower() in _HYPHENED_PARTICLES]


def _capitalised(word: str) -> bool:
    """Whether a name word is capitalised, also after a hyphened particle ('el-Haite', 'al-Mamun')."""
    first, _, rest = word.partition("-")
    return word[:1].isupper() or bool(rest) and first.lower() in _HYPHENED_PARTICLES and rest[:1].isupper()


def _surname(name: str) -> set[str]:
    """How a surname can stand alone: the last word, without a hyphened particle ('Mohammed Abdullah al-Mamun': 'al-Mamun', 'Mamun')."""
    return set(_name_parts(name.split()[-1])) if name.split() else set()


def _surname_owner(word: str, ctx: _Context) -> _Entity | None:
    """Of several known people who share this surname, the one a bare surname means: news names a second bearer in full
    ('a teacher's aide, Anne Marie Murphy') and keeps the surname for the person already quoted ('Murphy said' is the
    senator); so the first of them quoted so far, else the first named ('his mother, Ava Baumgartner, wept. Baumgartner,
    who ...' is still Felix Baumgartner, named first)."""
    owners = [p for p in ctx.people if word in _surname(p.name)]
    if len(owners) < 2:
        return None
    return next((p for p in owners if any(s is p for s in ctx.speakers)), owners[0])


def _person(name: str, ctx: _Context) -> _Entity | None:
    """The known person with this full name or with this name as a part ('Cho' for 'Cho Han-bum')."""
    words = [w.lower() if w.lower() in _PARTICLES else w for w in name.split()]  # 'Van Otterdijk' opening a sentence
    if len(words) == 1 and not any(p.name == name for p in ctx.people) and (owner := _surname_owner(words[0], ctx)) is not None:
        return owner
    for ent in reversed(ctx.people):
        parts = _name_parts(ent.name)
        if name == ent.name or (len(words) == 1 and words[0] in parts) or (0 < len(words) < len(parts) and all(w in parts for w in words)):
            return ent
    return None


def _known_by_surname(text: str, ctx: _Context) -> _Entity | None:
    """The person named last whose full name or surname is exactly this text ('Feinstein', 'Thut'), or whose name holds
    every word of a two-word surname ('Sanchéz Barba' for 'Oscar Sanchéz Barba')."""
    exact = next((p for p in reversed(ctx.people) if p.name == text), None)
    found = exact or _surname_owner(text, ctx) or next((p for p in reversed(ctx.people) if text in _surname(p.name)), None)
    if found is None and len(text.split()) > 1:
        found = _person(text, ctx)
    return found


def _name_ending(ent: Span) -> tuple[str, str] | None:
    """A given name and surname ending a longer entity name, as the recogniser sometimes runs a role's organisation into
    the person ('the Royal Institute of Navigation Roger McKinlay') or takes a person for one ('Helena Costa'):
    (surname, 'Roger McKinlay'), else None."""
    if len(ent) < 2:
        return None
    given, last = ent[-2], ent[-1]
    if len(ent) >= 3 and given.lower_ in _PARTICLES and given.is_lower and last.pos_ == "PROPN" and last.is_title and last.is_alpha and (
            ent[-3].pos_ == "PROPN" and ent[-3].is_alpha and ent[-3].text[:1].isupper() and ent[-3].lower_ not in _TITLES):
        # a surname with its particle: 'FW de Klerk', tagged as an organisation, is 'de Klerk' later
        return f"{given.text} {last.text}", ent[-3:].text
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper and t.is_alpha and len(t) > 1 for t in (given, last)) and given.lower_ not in _TITLES and (
            given.lower_ not in cue_lexicon()["organisation_nouns"] and last.lower_ not in cue_lexicon()["organisation_nouns"]):
        return last.text, f"{given.text} {last.text}"
    return None


def _person_from_ending(word: str, ctx: _Context) -> _Entity | None:
    """The person a bare surname stands for when the article named them only inside an organisation-like name
    (see _name_ending): 'McKinlay believes' -> Roger McKinlay, recorded as a person from then on."""
    full = ctx.name_endings.get(word)
    if full is None:
        return None
    ent = _person(full, ctx) or _Entity(full, head=word.lower(), person=True)
    if ent not in ctx.people:
        ctx.people.append(ent)
    return ent


def _person_subject(toks: Iterable[Token], ctx: _Context, skip: Callable[[_Entity], bool] | None = None) -> _Entity | None:
    """The first known person among these tokens that is a subject (or joined to one: 'The teachers and Zimarco are'),
    passing over any person `skip` rules out."""
    for tok in toks:
        if tok.pos_ != "PROPN" or not (tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ in ("conj", "appos") and tok.head.dep_ in ("nsubj", "nsubjpass")
                                       or _passive_agent(tok) or tok.dep_ == "attr" and tok.head.lemma_ == "be" and not _in_open_quote(tok, paragraph=True)
                                       or tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.i == tok.sent.start):
            continue  # ^ 'One of the first buyers was Tom Reddick, 31, ...': the name after the copula; 'For Helen Carter, the head of
            # ..., the drug symbolises the crisis. It is, she said, ...': the person a sentence opens with
        if tok.dep_.startswith("nsubj") and tok.head.dep_ == "ccomp" and tok.head.head.lemma_.lower() in cue_lexicon()["speech"]:
            continue  # 'X said Abdullah could search ... "…," he said': the person talked about is not the one talking
        if tok.dep_.startswith("nsubj") and tok.head.dep_ == "pcomp" and tok.head.head.lower_ == "about":
            continue  # 'talking about Keith Moon putting dynamite down a toilet. "…," he said': talked about, not talking
        if tok.ent_type_ == "PERSON":
            ent = _ent_of(tok)
            found = _person(_name_text(ent), ctx) if ent is not None else None
        else:  # a surname the tagger left without an entity type or called an organisation ('Feinstein defended ...',
            # 'McKinlay remains', 'Fox-Harding is'): only a person already named
            word = _single_word_name(tok)
            found = (_known_by_surname(word, ctx) or _person_from_ending(word, ctx)) if word else None
            compounds = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
            if found is None and compounds:  # 'Alexandra Freund, Professor of ..., was also sceptical' tagged as an organisation
                name = tok.doc[compounds[0].i : tok.i + 1].text
                found = _person(name, ctx)
                if found is None and (tok.ent_type_ in _MISTAKEN_NAMES and _person_shaped(tok) or not tok.ent_type_ and not any(
                        c.ent_type_ for c in compounds) and _name_shaped(name) and tok.dep_.startswith("nsubj") and not _in_open_quote(tok) and all(
                        t.tag_ == "NNP" for t in [*compounds, tok]) and not _title_cased(tok.sent)):
                    # 'Alexandra Freund, Professor of ...' tagged as an organisation; 'Junior Smart knows a lot about gangs.
                    # He ...' with no tag at all: a capitalised two- or three-word name as a subject
                    found = _Entity(name, head=tok.lower_, person=True)
                    ctx.people.append(found)
        if found is None and not any(c.dep_ == "compound" for c in tok.children):  # 'Sanders is outlining ...' after quoting Bernie Sanders
            found = next((e for e in reversed(ctx.speakers) if e.person and tok.text in _name_parts(e.name)[1:]), None)
        if found is not None and not (skip is not None and skip(found)):
            return found
    return None


def _in_open_quote(tok: Token, paragraph: bool = False) -> bool:
    """Whether a token stands inside quote marks opened earlier in its sentence ('“Once Labor Day comes ...'), or in its
    paragraph (one Doc) when asked."""
    marks = [t.text for t in tok.doc[0 if paragraph else tok.sent.start : tok.i] if t.is_quote]
    curly = sum(m in ("“", "‘", "«") for m in marks) - sum(m in ("”", "’", "»") for m in marks)
    return curly > 0 or sum(m in ('"', "''", "``") for m in marks) % 2 == 1


def _title_cased(sent: Span) -> bool:
    """Whether a sentence is a headline in title case ('New Polls Show Double-Digit Gaps'): most of its words capitalised."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) >= 0.7 * len(words)


def _passive_agent(tok: Token) -> bool:
    """Whether a name is the agent of a passive, the one who did it ('Costa was appointed by the club's president,
    Claude Michy, ... he announced' -> Michy), directly or through a description in apposition; never the agent of a
    relative clause, which is about something else ('an audience for whom the blues was defined by Muddy Waters')."""
    for _ in range(6):
        if tok.dep_ == "agent":
            return tok.head.dep_ != "relcl"
        if tok.dep_ == "prep" and tok.lower_ == "by" and any(c.dep_ == "auxpass" for c in tok.sent.root.children):
            return True  # the parser hangs 'by ...' on the nearest noun too: 'appointed on a contract by ...'
        if tok.dep_ not in ("pobj", "appos", "prep", "conj") or tok.dep_ == "prep" and tok.lower_ not in ("of", "by") or tok.head is tok:
            return False  # through a description ('the president of X, Name', 'by author and commentator X'), not another
            # phrase ('a challenge from X')
        tok = tok.head
    return False


def _single_word_name(tok: Token) -> str | None:
    """The one written word a proper noun is, if it is one (a hyphened surname is one word) and has no entity type or an
    organisation's: 'Feinstein', 'Fox-Harding'; None for a part of a longer name."""
    ent = _ent_of(tok, ("ORG", "NORP", "GPE", "LOC")) if tok.ent_type_ else None
    if tok.ent_type_ and (ent is None or ent.end - 1 != tok.i):
        return None
    span = ent if ent is not None else tok.doc[tok.i : tok.i + 1]
    if ent is None:
        while span.start > 0 and tok.doc[span.start - 1].text == "-" and span.start > 1 and not tok.doc[span.start - 2].whitespace_:
            span = tok.doc[span.start - 2 : span.end]  # 'Fox-Harding' left untyped
    word = span.text
    outside = any(c.dep_ == "compound" and not span.start <= c.i < span.end for c in tok.children)
    return word if word[:1].isupper() and " " not in word and not outside else None


def _paragraph_subject(pronoun: Token, sp: Doc | Span | None, ctx: _Context) -> _Entity | None:
    """The last person named as a subject earlier in the same paragraph ('Jenny Flahaut ... was inspired ... "...," she said')."""
    if sp is None:
        return None
    lo = sp.start if isinstance(sp, Span) else 0
    # not a name inside the quote the pronoun's cue reports ('“… that’s what UK Uncut finds important …,” she said'), nor
    # the person a parenthetical cue reports about ('Steck, he says, was planning ...': he is not Steck)
    return _person_subject((t for t in reversed(pronoun.doc[lo : pronoun.i]) if t.pos_ != "PROPN" or not _in_open_quote(t, paragraph=True)), ctx,
                           skip=lambda e: _reported_about(pronoun, e))


def _reported_about(pronoun: Token, ent: _Entity) -> bool:
    """Whether a parenthetical cue's pronoun subject reports about this person, so cannot be them: 'Steck, he says, was
    planning ...' or 'Lund, he said, was wrong' (the name is the subject of the clause the cue interrupts)."""
    cue = pronoun.head
    if cue.dep_ != "parataxis" or cue.head.i < cue.i:
        return False
    return any(c.dep_ in _SUBJ and c.i < cue.i and c.text[:1].isupper() and c.text in _name_parts(ent.name) for c in cue.head.children)


def _subject_before(pronoun: Token, sp: Doc | Span | None, ctx: _Context) -> _Entity | None:
    """The last person named as a subject earlier in the same paragraph, else one introduced at the end of the previous
    paragraph after its last quote."""
    return _paragraph_subject(pronoun, sp, ctx) or ctx.fresh


def _named_last_before(people: list[_Entity], head: Token, ctx: _Context) -> _Entity | None:
    """Of these people, the one the current paragraph named last before a token (None if it named none of them there)."""
    named = [p for p in people if ctx.named_at.get(p.name, head.i) < head.i]
    return max(named, key=lambda p: ctx.named_at[p.name], default=None)


def _person_named_before(head: Token, sp: Doc | Span | None, ctx: _Context) -> _Entity | None:
    """The known person the paragraph named last before a description, outside quote marks, wherever in the sentence
    ('Congratulations came from Barack Obama and his wife. The president said'; a subject is _subject_before's), unless
    someone else was quoted in the paragraph."""
    if sp is None:
        return None
    lo = sp.start if isinstance(sp, Span) else 0
    for tok in reversed(head.doc[lo : head.i]):
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and not _in_open_quote(tok, paragraph=True):
            ent = _ent_of(tok)
            found = _person(_name_text(ent), ctx) if ent is not None else None
            if found is not None and not any(e is found for e in ctx.speakers[ctx.paragraph_start :]) and ctx.speakers[ctx.paragraph_start :]:
                return None  # someone else quoted in the paragraph since
            return found
    return None


def _plural_group(head: Token) -> bool:
    """Whether a plural-tagged name reads as a group: a plural form ('the Conservatives', 'All the Democrats') or the
    subject of a plural verb ('the Viennese say'); 'The Portuguese said' may be one person."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    return head.lower_.endswith("s") and not head.lower_.endswith("ss") or head.dep_ == "nsubj" and head.head.tag_ == "VBP"


def _stood_for(head: Token, noun: str, sp: Doc | Span | None, ctx: _Context) -> _Entity | None:
    """The person a description or demonym stands for ('the scientist', 'the Scot'): the person last named as a subject
    in the paragraph, else the last single person quoted; the noun is remembered for that person."""
    titled = next((p for p in reversed(ctx.people) if noun in _ROYAL_TITLES and noun in [w.lower() for w in p.name.split()[:-1]]), None)
    if titled is not None:
        return titled  # 'the prince said' after 'Prince Harry ...'
    # not a relative described by another's possessive ('his father reminded him ... the prince said')
    office = noun in role_words(("official_roles",)) or head.ent_type_ == "NORP"  # 'the president', 'the Swiss'
    ent = _subject_before(head, sp, ctx) or (_person_named_before(head, sp, ctx) if office else None) or next((e for e in reversed(ctx.speakers) if e.person and not e.plural and (
        e.name.split() or [""])[0].lower() not in ("his", "her", "their", "its")), None)
    if ent is None and head.ent_type_ == "NORP":  # a demonym, with nobody quoted yet and no person as subject: the person
        # the paragraph named last before it ('The club sacked its coach, Marco Silva. The Portuguese said ...')
        ent = _named_last_before(ctx.people, head, ctx)
    demonym = noun if head.ent_type_ == "NORP" or head.pos_ == "PROPN" and head.text[:1].isupper() else None  # (the Scot is tagged a person)
    if ent is not None and demonym and ent.demonym not in (None, demonym):
        # 'Wawrinka beat Murray ... The Swiss said ..., while the Scot admitted ...': a second nationality is someone else,
        # the person named last before it who has none or this one
        ent = _named_last_before([p for p in ctx.people if p is not ent and p.demonym in (None, demonym)], head, ctx)
    if ent is not None and ent.role and noun in role_words(("official_roles",)) and noun not in ent.role.lower():
        return None  # 'the mayor said' does not stand for a person introduced as 'café owner'
    if ent is not None and ent.role and noun in ent.role.lower() and _other_office(ent.role, head.doc[head.left_edge.i : head.i + 1], head):
        return None  # 'the prime minister' does not stand for the deputy prime minister
    if ent is not None:
        ent.nouns.add(noun)
        ent.demonym = ent.demonym or demonym
    return ent


def _other_office(role: str, mention: Iterable[Token], head: Token) -> bool:
    """Whether a role and a description name different grades of one office: 'deputy prime minister' or 'former
    president' for 'the prime minister' or 'the president', and the other way round (a group is never told apart so)."""
    if head.tag_ in ("NNS", "NNPS"):
        return False  # 'The officials said' after 'Current and former officials said': one group
    said = {w for t in mention for w in re.split(r"-", t.lower_)}
    words = re.split(r"[\s-]+", role.lower())
    words = words[: next((i + 1 for i, w in enumerate(words) if w in (head.lower_, head.lemma_.lower())), len(words))]  # up to
    # the office's own word: 'former' is no grade of 'a partner at his former firm'
    return _SECOND_RANKS & set(words) != _SECOND_RANKS & said


def _initials(name: str) -> str:
    """The first letters of a name's capitalised words: 'Action on Smoking and Health' -> 'ASH'."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _acronym_after(ent: Span) -> str | None:
    """The capitalised word in brackets right after an entity ('… Development (CIPD)'), else None."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 1].is_upper and doc[ent.end + 2].text == ")":
        return doc[ent.end + 1].text
    return None


def _expanded(acronym: str, ctx: _Context) -> str | None:
    """The organisation named earlier whose capitalised words give these initials ('DH' after 'the Department of
    Health'), when exactly one does; None for anything that is not an acronym."""
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    found = {o for o in ctx.org_mentions if _initials(o) == acronym}
    return found.pop() if len(found) == 1 else None


def _shortened(name: str, ctx: _Context) -> str | None:
    """The organisation named earlier whose first word this capitalised short name is ('SOCO' after 'SOCO International'),
    or that is this name and a designator ('Kotak Mahindra' after 'Kotak Mahindra Bank'), when exactly one is; else None."""
    if " " in name:  # 'Kotak Mahindra' after 'the Kotak Mahindra Bank': the name without its designator
        found = {o for o in ctx.org_mentions if o.startswith(name + " ") and o[len(name) + 1 :] in _DESIGNATORS}
        return found.pop() if len(found) == 1 else None
    if not (name.isupper() and len(name) >= 2):
        return None
    found = {o for o in ctx.org_mentions if len(o.split()) >= 2 and o.split()[0] == name}
    return found.pop() if len(found) == 1 else None


def _known_org(name: str, ctx: _Context) -> str:
    """The organisation a name stands for: the one it was registered as, else the one it shortens, else itself."""
    return ctx.orgs.get(name.lower()) or _shortened(name, ctx) or name


_DESIGNATORS = {"Bank", "Group", "Corporation", "Corp", "Corp.", "Company", "Co", "Co.", "Inc", "Inc.", "Ltd", "Ltd.", "plc", "PLC",
                "Holdings", "Foundation", "Institute", "Association", "University"}


_GENDERED_NOUNS = {"he": {"man", "boy", "father", "husband", "son", "brother", "king", "prince", "businessman", "congressman",
                          "chairman", "spokesman", "grandfather", "uncle", "nephew", "gentleman"},
                   "she": {"woman", "girl", "mother", "wife", "daughter", "sister", "queen", "princess", "businesswoman",
                           "congresswoman", "chairwoman", "spokeswoman", "actress", "grandmother", "aunt", "niece", "lady"}}


def _since_sentence_before(pronoun: Token, sp: Doc | Span | None) -> int:
    """Where the sentence before a pronoun's own starts, not before its paragraph: how far back its antecedent is sought."""
    doc = pronoun.doc
    return max(sp.start if isinstance(sp, Span) else 0, doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0)


def _described_subject_before(pronoun: Token, sp: Doc | Span | None, gender: str) -> Token | None:
    """A singular person described, not named, as the nearest person subject before a he/she in the same paragraph
    and at most one sentence back, with a definite determiner or an owner ('The governor did not respond ... She said'),
    whose noun does not name the other gender."""
    doc = pronoun.doc
    lo = _since_sentence_before(pronoun, sp)
    for tok in reversed(doc[lo : pronoun.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or _in_open_quote(tok):
            continue
        if tok.pos_ == "PROPN" or tok.tag_ in ("NNS", "NNPS"):
            return None  # a name or a group nearer the pronoun than any description
        if tok.pos_ == "NOUN" and is_person_noun(tok) and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "every", "no", "each")
                                                               for c in tok.children):
            other = "she" if gender == "he" else "he"
            return None if tok.lemma_.lower() in _GENDERED_NOUNS[other] or tok.lower_ in _GENDERED_NOUNS[other] else tok
    return None


def _subject_before_in_sentence(pronoun: Token) -> Token | None:
    """The nearest noun subject before a pronoun in its own sentence (none when a pronoun subject comes first)."""
    for tok in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ not in ("WDT", "WP"):  # past 'which', 'who'
            return tok if tok.pos_ in ("NOUN", "PROPN") else None
    return None


def _they_subject_before(pronoun: Token, sp: Doc | Span | None) -> Token | None:
    """What a sentence-opening 'they' stands for: the main subject of the sentence before it in the same paragraph when
    that is an organisation ('The charity Oxfam predicted ... They suggested ...', British English) or a plural noun
    ('The Democrats lost the vote. They said ...')."""
    doc = pronoun.doc
    lo = sp.start if isinstance(sp, Span) else 0
    opening = [t for t in doc[pronoun.sent.start : pronoun.i] if not t.is_punct]
    if pronoun.sent.start <= lo or pronoun.sent.start == 0 or any(t.lower_ not in ("but", "and", "yet", "so", "however") for t in opening):
        return None  # only for a pronoun that opens its sentence ('But they warn ...' too)
    prev = doc[pronoun.sent.start - 1].sent
    subjects = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((c for c in subjects if _ent_of(c, ("ORG",)) is not None), None) or next(
        (c for c in subjects if c.tag_ in ("NNS", "NNPS") and c.pos_ in ("NOUN", "PROPN")), None)


def _org_subject_before(pronoun: Token, sp: Doc | Span | None) -> str | None:
    """The organisation an 'it' stands for: the nearest subject before it, in its own sentence or the one before (same
    paragraph), when that subject is an organisation's name ('Microsoft released ... It said ...'); None when the
    nearest subject is anything else ('The festival was funded by Kickstarter. It said ...' stays 'it')."""
    tok = _noun_subject_before(pronoun, sp)
    ent = None if tok is None else _ent_of(tok, ("ORG",))
    return _strip_det(_name_text(ent)) if ent is not None and tok.tag_ != "NNPS" else None


def _noun_subject_before(pronoun: Token, sp: Doc | Span | None) -> Token | None:
    """The nearest subject before a pronoun that is not itself a pronoun, in its own sentence or the one before (same
    paragraph), and not the subject of a quote."""
    doc = pronoun.doc
    lo = _since_sentence_before(pronoun, sp)
    return next((tok for tok in reversed(doc[lo : pronoun.i]) if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON" and not _in_open_quote(tok)),
                None)


def _has_given_name(name: Token) -> bool:
    """Whether a proper noun has a capitalised proper noun before it in its name ('Redzepi' of 'René Redzepi')."""
    return any(x.dep_ == "compound" and x.pos_ == "PROPN" and x.is_title for x in name.children)


def _person_shaped(head: Token) -> bool:
    """Whether a name is introduced the way news introduces people: a person noun in apposition ('X, Professor of ...',
    'Lemnos Mayor, X'), 'who' ('Sadia Nasrin, who runs ...'), or a given name in apposition to a description that is no
    organisation ('Its chef, René Redzepi,')."""
    if any(c.dep_ == "appos" and is_person_noun(c) or c.dep_ == "relcl" and any(x.lower_ == "who" and x.dep_ in _SUBJ for x in c.children)
           for c in head.children):
        return True
    doc = head.doc
    if head.i + 3 < len(doc) and doc[head.i + 1].text == "," and doc[head.i + 2].lower_ == "from" and doc[head.i + 3].ent_type_ in ("GPE", "LOC") and (
            _has_given_name(head)):
        return True  # 'Julia Rochester, from London, who ...': where a person comes from
    if head.dep_ != "appos":
        return False
    described = head.head
    return is_person_noun(described) or (described.pos_ == "NOUN" and described.i < head.i and head.ent_type_ != "ORG"
                                         and described.lemma_.lower() not in cue_lexicon()["organisation_nouns"] and _has_given_name(head))


def _name_shaped(name: str | None) -> bool:
    """Whether a speaker's name looks like a person's: two or three capitalised words, none of them an organisation's word."""
    words = (name or "").split()
    org_words = cue_lexicon()["organisation_nouns"]
    return 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?", w) for w in words) and not any(
        w.lower() in org_words or w.lower() in _ORG_WORDS for w in words)


_ORG_WORDS = {"group", "inc", "corp", "company", "bank", "trust", "foundation", "institute", "university", "college", "council", "party",
              "commons", "association", "society", "agency", "office", "ministry", "department", "news", "times", "post", "press", "media"}


def _resolve(head: Token, mention: Span, ctx: _Context, sp: Doc | Span | None = None) -> _Entity:
    """Resolve a speaker mention to a known entity: full names, pronouns, collective and definite references."""
    low = _POSSESSIVE.get(head.lower_, head.lower_)  # 'his claim that ...' is what he claims
    if head.pos_ == "PRON" or low in PRONOUNS_SINGULAR | PRONOUNS_PLURAL:
        if low in PRONOUNS_PLURAL:
            near = _subject_before_in_sentence(head)
            if near is not None and low == "they" and (near.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in near.children)):
                # 'Scientists ... have welcomed the report, which they said ...': the people the sentence is about
                return _resolve(near, _mention(near), ctx, sp)
            before = _they_subject_before(head, sp) if low == "they" else None
            if before is not None:
                return _resolve(before, _mention(before), ctx, sp)
            for ent in reversed(ctx.speakers):
                if ent.plural:
                    return ent
        elif low in PRONOUNS_SINGULAR:
            gender = _GENDER[low]
            here = _paragraph_subject(head, sp, ctx)
            this_paragraph = ctx.speakers[ctx.paragraph_start :]
            latest = this_paragraph[-1] if this_paragraph else None
            if here is None and latest is not None and latest.name_like and not latest.person and _name_shaped(latest.name):
                latest.person = True  # '“…,” admits Nils Eggerud. ... he felt': a name the recogniser called an organisation

            def fits(e: _Entity) -> bool:  # a he/she that can be this person, and not about whom the pronoun's cue reports
                return _compatible(e, low) and not _reported_about(head, e)

            # the person named as a subject in this paragraph, else the last one quoted in it ('says a boy standing with
            # friends ... “Lonely,” he replies'), else one introduced at the end of the previous paragraph
            near = here or next((e for e in reversed(this_paragraph) if fits(e)), None) or ctx.fresh
            described = _described_subject_before(head, sp, gender) if near is None else None
            if described is not None:  # 'The governor did not respond ... She said last week' is the governor, not someone quoted earlier
                return _resolve(described, _mention(described), ctx, sp)
            last = next((e for e in reversed(ctx.speakers) if fits(e)), None)
            ent = near if near is not None and fits(near) and (last is None or near is not last) else last
            if ent is None and ctx.subject is not None and fits(ctx.subject):
                ent = ctx.subject  # the person the story was last about, not the last name it dropped ('praised T-Bone Walker')
            if ent is None:  # a person named before the pronoun, never one the paragraph names after it
                ent = next((e for e in reversed(ctx.people) if fits(e) and ctx.named_at.get(e.name, -1) < head.i), None)
            if ent is not None:
                ent.gender = ent.gender or gender
                return ent
        elif low == "it":
            for ent in reversed(ctx.speakers[-3:]):
                if not ent.person and not ent.plural and ent.name and ent.name.lower() not in PRONOUNS_OTHER:
                    return ent
            org = _org_subject_before(head, sp)
            if org is not None:
                return _Entity(ctx.orgs.get(org.lower(), org), head=low)
            finding = _noun_subject_before(head, sp)
            kind = finding.lemma_.lower() if finding is not None and finding.pos_ == "NOUN" else None
            if kind is not None and (
                    # 'The report was released by the Pew Research Center on Monday. It found ...': the report (or whoever's it is)
                    finding.tag_ != "NNS" and kind in cue_lexicon()["finding_nouns"]
                    # 'The union disputed this. “We never walked away,” it said': the organisation the sentence before was about
                    or finding.tag_ == "NN" and kind in cue_lexicon()["organisation_nouns"] and any(c.dep_ == "det" and c.lower_ == "the" for c in finding.children)):
                return _resolve(finding, _mention(finding), ctx, sp)
        return _Entity(mention.text if low == head.lower_ else low.capitalize(), head=low, plural=low in PRONOUNS_PLURAL)
    lex = cue_lexicon()
    if head.pos_ == "NOUN" and head.lemma_.lower() in lex["finding_nouns"] or head.pos_ == "PROPN" and head.lower_ in lex["finding_nouns"]:
        # 'the CIPD research', 'the institute's figures', 'an investigation by Reuters', 'the IEA’s Medium-Term Coal Market
        # Report': the organisation behind the finding
        for c in head.children:
            if c.dep_ == "poss" and c.lower_ in ("its", "their") and c.i < head.i:
                # 'Its report said', 'Their findings show': an organisation that was the subject of the sentence before
                # ('The CIPD surveyed ... Its findings show'; not a subject of its own sentence: 'X said that, according to
                # its analysis, ...'), else the named organisation the pronoun resolves to
                own = any(t.dep_ in ("nsubj", "nsubjpass") for t in c.doc[c.sent.start : c.i])
                org = None if own else _org_subject_before(c, sp)
                if org is not None:
                    return _Entity(ctx.orgs.get(org.lower(), org), head=head.lemma_.lower())
                found = _owner_org(c, c.doc[c.i : c.i + 1], head, ctx, sp)
                if found is not None:
                    return found
                continue
            if c.dep_ in ("compound", "poss") and c.i < head.i or c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "for"):
                who = c if c.dep_ != "prep" else next((x for x in c.children if x.dep_ == "pobj"), None)
                if who is None or head.pos_ == "PROPN" and c.dep_ == "compound":
                    continue
                ent = _ent_of(who, ("ORG", "PERSON", "GPE"))
                if ent is None and who.pos_ == "PROPN" and c.dep_ == "prep" and c.lower_ in ("by", "from") and _capitalised(who.text):
                    # 'the report by the Chronic Poverty Advisory Network' with the name tagged as a law, or not at all
                    names = [t for t in who.subtree if t.i <= who.i and t.dep_ in ("compound", "det") or t.i == who.i]
                    ent = who.doc[names[0].i : who.i + 1] if all(t.dep_ == "det" or _capitalised(t.text) for t in names) else None
                if ent is not None:
                    name = _strip_det(_name_text(ent))
                    return _Entity(_known_org(name, ctx), head=head.lemma_.lower())
                if _np_key(who) in ctx.orgs:
                    return _Entity(ctx.orgs[_np_key(who)], head=head.lemma_.lower())
                if c.dep_ == "poss" and who.tag_ == "NN" and who.lemma_.lower() in lex["organisation_nouns"] and any(
                        x.dep_ == "det" and x.lower_ == "the" for x in who.children):
                    # 'The company's financial report showed': the organisation 'the company' stands for
                    found = _owner_org(who, _mention(who), head, ctx, sp)
                    if found is not None:
                        return found
        for prep in (t for t in head.subtree if t.dep_ in ("prep", "agent") and t.lower_ in ("by", "from") and t.head.i != head.i and t.head.i > head.i):
            # 'the first comprehensive study of its kind from the World Health Organization': the 'from' hung on 'kind'
            ent = next((_ent_of(x, ("ORG",)) for x in prep.children if x.dep_ == "pobj" and _ent_of(x, ("ORG",)) is not None), None)
            if ent is not None:
                name = _strip_det(_name_text(ent))
                return _Entity(_known_org(name, ctx), head=head.lemma_.lower())
    if (head.pos_ in ("NOUN", "PROPN") or head.pos_ == "ADJ" and head.dep_ in _SUBJ) and (
            head.ent_type_ == "" or head.ent_type_ in _MISTAKEN_NAMES) and head.text[:1].isupper():
        # a surname the tagger took for a common noun, an organisation or nothing ('Thut said', 'Nicolelis said'): a person already named
        words = [w for w in _name_words(mention) if w.lower() not in ("the", "a", "an")]
        known = _known_by_surname(" ".join(words), ctx) if words and all(_capitalised(w) for w in words) else None
        if known is None and len(words) == 1 and head.pos_ == "PROPN" and not any(c.dep_ == "det" for c in head.children):
            known = _person_from_ending(words[0], ctx)  # 'Costa said' after 'Helena Costa' tagged as an organisation
        if known is not None:
            return known
        org = (_shortened(words[0], ctx) or (ctx.orgs.get(words[0].lower(), words[0]) if words[0].isupper() else words[0])
               if len(words) == 1 and head.pos_ == "PROPN" else None)
        org = None if org is None or org == words[0] else org  # an acronym that stands for itself is no expansion
        if org is not None:
            return _Entity(org, head=low)  # 'SOCO insist' after 'SOCO International'; 'ASH found' after '... Health (ASH)'
    kind = next((c for c in head.children if c.dep_ == "compound" and c.i < head.i and c.pos_ == "NOUN" and c.text.islower()
                 and c.lower_ in lex["organisation_nouns"]), None)
    if kind is not None and head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and all(
            t.pos_ == "PROPN" and _capitalised(t.text) for t in head.doc[kind.i + 1 : head.i + 1]):
        # 'the union Unite', 'the charity Oxfam': the organisation is the name, the noun says what it is
        name = head.doc[kind.i + 1 : head.i + 1].text
        name = ctx.orgs.get(name.lower(), name)
        ctx.orgs.setdefault(kind.lower_, name)
        _note_org(name, ctx)
        return _Entity(name, head=kind.lower_)
    named = _called(head)
    if named is not None:  # 'An American woman called Cynthia told ...': the person is the name the description gives
        return _resolve(named, _mention(named), ctx, sp)
    is_name = head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "") and not head.ent_type_ == "ORG"
    described = head.ent_type_ == "PERSON" and any(c.dep_ in ("amod", "compound") and c.i < head.i and c.text.islower() for c in head.children)
    if (is_name or head.ent_type_ in ("PERSON", "NORP")) and not described and not _plural_group(head) and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and len(
            [t for t in mention if t.is_alpha and t.dep_ != "det"]) == 1:
        # a demonym or description with 'the', which a name never takes: 'the Scot stated', 'the Swiss said' (but 'the tabloid
        # Expressen says' is a name the recogniser took for a person, described; and 'the Conservatives said' is a group)
        ent = next((e for e in reversed(ctx.speakers) if low in e.nouns), None) or _stood_for(head, low, sp, ctx)
        if ent is not None:
            return ent
    if is_name or head.ent_type_ == "PERSON":
        words = _name_words(mention)
        name = _name_text(mention)
        known = _person(" ".join(words), ctx) if words else None
        if known is not None:
            return known
        full = _person_from_ending(name, ctx) if len(words) == 1 or len(words) == 2 and words[0] in _PARTICLES else None
        if full is not None:  # 'McKinlay believes' after 'the Royal Institute of Navigation Roger McKinlay', 'de Klerk said'
            return full
        ent = _Entity(name or _strip_det(mention.text), head=low, person=True)  # a title alone is a description: 'Senator from Texas says'
        title = mention[0].lower_ if len(mention) else ""
        ent.gender = "he" if title in ("mr.", "mr") else "she" if title in ("mrs.", "ms.", "mrs", "ms") else None
        if name and head.ent_type_ == "PERSON":
            ctx.people.append(ent)
        return ent
    ranks = _name_ranks(mention) if head.ent_type_ in _MISTAKEN_NAMES and head.pos_ == "PROPN" else []
    if head.ent_type_ in _MISTAKEN_NAMES and head.pos_ == "PROPN" and (mention[0].lower_ in _TITLES or _person_shaped(head) or ranks):
        # a name the recogniser took for an organisation or a place, shaped like a person's: 'Dr Camilla Toulmin, director
        # of ...', 'Lemnos Mayor, Dimitris Marinakis', 'Sadia Nasrin, who runs ...', 'said Noelia Jurado, who uses ...'
        words = _name_words(mention)
        ent = _person(" ".join(words), ctx) if words else None
        if ent is None and words:
            ent = _Entity(_name_text(mention), head=low, person=True, role=" ".join(t.text for t in ranks) or None)  # 'Det Insp' is her role
            ctx.people.append(ent)
        if ent is not None:
            return ent
    if head.ent_type_ == "ORG":
        owner = max((t.i for t in mention if t.lower_ in _POSSESSIVE_MARKS and t.i < head.i), default=None)
        owned = owner is not None and head.pos_ == "PROPN" and head.i - owner >= 2 and all(
            t.pos_ == "PROPN" and t.is_title for t in mention.doc[owner + 1 : head.i + 1])
        if owned and head.i - owner <= 3 and _name_shaped(mention.doc[owner + 1 : head.i + 1].text):
            # 'Manchester University’s Olga Onuch' tagged as one organisation: a person of that organisation
            name = mention.doc[owner + 1 : head.i + 1].text
            ent = _person(name, ctx) or _Entity(name, head=low, person=True, org=_strip_det(mention.doc[mention.start : owner].text))
            if ent not in ctx.people:
                ctx.people.append(ent)
            return ent
        # 'the UN’s International Narcotics Control Board': the body named after its owner
        name = mention.doc[owner + 1 : mention.end].text if owned else _strip_det(mention.text)
        known = ctx.orgs.get(name.lower(), name)
        name_like = known == name and mention[0].pos_ == "PROPN" and not any(t.dep_ == "det" for t in mention)
        return _Entity(_expanded(name, ctx) or _shortened(name, ctx) or name if known == name else known, head=low, name_like=name_like)
    key = _np_key(head)
    determiner = next((t.lower_ for t in head.children if t.dep_ == "det"), "")
    if not determiner and head.left_edge.dep_ == "det" and head.left_edge.head.dep_ in ("nmod", "compound"):
        determiner = head.left_edge.lower_  # 'the University of Warsaw biologist': the article sits on the modifier
    restricted = any(c.dep_ in ("prep", "acl") or c.dep_ == "relcl" and head.doc[c.left_edge.i - 1].text != "," for c in head.children)
    described = any(c.dep_ == "appos" and any(x.dep_ == "det" for x in c.children) for c in head.children)  # ', a registered Republican who ...,'
    if determiner == "the" and restricted and not described and head.tag_ == "NN" and is_person_noun(head) and head.lemma_.lower() not in role_words() and all(
            c.dep_ == "acl" or c.dep_ == "prep" and not any(t.ent_type_ in _NAME_TYPES for t in c.subtree) for c in head.children if c.dep_ in ("prep", "acl", "relcl")):
        # 'The veteran of past missions said', 'The scientist leading the research said': a description, not an office, whose
        # modifiers name no organisation or place, stands for the person just named or quoted
        ent = _stood_for(head, head.lemma_.lower(), sp, ctx)
        if ent is not None:
            return ent
    if determiner in ("the", "this", "that", "these", "those") and not restricted:  # 'The scientist, who ..., says' is not restricted
        findings = lex["finding_nouns"]
        lemma = head.lemma_.lower()
        other = any(c.dep_ in ("amod", "nummod", "compound", "npadvmod") and c.lower_ not in ("new", "latest", "same") for c in head.children)

        def may_be(e: _Entity) -> bool:  # 'the 2012 study' is not the research team's study
            return not (other and e.nouns == _TEAM_NOUNS)

        plural = head.tag_ in ("NNS", "NNPS")  # 'the government' is not 'the South American governments' named before it
        ent = next((e for e in reversed(ctx.speakers) if (e.head == lemma and e.plural == plural or lemma in e.nouns or e.role and (
            e.role.lower().endswith(lemma) or lemma in _TITLE_NOUNS.get(e.role.lower().split()[-1], ()))) and may_be(e)
            and not _other_office(e.role or e.name, mention, head)), None)
        before = head.doc[sp.start if isinstance(sp, Span) else 0 : head.i].text if sp is not None else ""
        named_here = ent is not None and bool(ent.name.split()) and ent.name.split()[-1] in before
        here = _paragraph_subject(head, sp, ctx) if ent is not None and ent.person and is_person_noun(head) and not named_here else None
        if here is not None and here is not ent and not here.plural and (not here.role or lemma in here.role.lower()):
            return here  # 'Barack Obama led tributes ... The US president said': the person this paragraph named, not a president named before it
        if ent is not None:
            return ent
        if lemma in findings and head.tag_ == "NN":  # 'the study ... The report finds': the same organisation's finding
            ent = next((e for e in reversed(ctx.speakers) if e.nouns & findings and not e.person and e.name[:1].isupper() and may_be(e)
                        and e.name.split()[0].lower() not in ("a", "an", "the", "this", "that")), None)
            if ent is not None:
                return ent
        if key in ctx.orgs:
            return _Entity(ctx.orgs[key], head=lemma)
        body = " ".join(t.lower_ for t in mention if t.dep_ != "det")
        if determiner == "the" and body in ctx.national and ctx.national_at.get(body, -1) < head.i and _national_body(head) is None:
            return _Entity(f"the {ctx.national[body]}", head=lemma)  # 'the government says' after 'the Ethiopian government'
        aged = re.fullmatch(r"the\s*\d+\s*-\s*year\s*-\s*old", mention.text.lower()) is not None
        if determiner == "the" and (head.tag_ in ("NN", "NNP") and (is_person_noun(head) or head.ent_type_ == "NORP") or aged):
            # a description standing for the person just named or quoted: 'the teenager continued', 'the Swiss said',
            # 'which the 22-year-old said ...'
            ent = _stood_for(head, "year-old" if aged else lemma, sp, ctx)
            if ent is not None:
                return ent
        if determiner == "the" and head.tag_ == "NN" and lemma in lex["organisation_nouns"]:
            # 'the coffee store chain insists': the organisation named last
            lo = head.sent.start
            here = [e for e in _ents_in(head.doc, lo, head.i) if e.label_ == "ORG"]
            # else the last one named before it ('The chain, which ..., denied ...', not a company the paragraph names later)
            before = [o for o in ctx.org_mentions if ctx.org_named_at.get(o, -1) < head.i]
            name = _strip_det(_name_text(here[-1])) if here else (before[-1] if before else None)
            if name is None:
                # none the recogniser called an organisation: the name quoted last that is no person ('according to
                # Oxfam' with Oxfam tagged a place, then 'The charity said')
                name = next((e.name for e in reversed(ctx.speakers) if not e.person and not e.plural and e.head == e.name.lower()
                             and e.name[:1].isupper() and e.head not in _PRONOUNS), None)
            if name and lemma == "government" and "government" not in name.lower():
                name = None  # 'the government' is no company or place named before it, only a government named so
            if name:
                return _Entity(ctx.orgs.get(name.lower(), name), head=lemma)
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their") and c.i == mention.start), None)
    if poss is not None:  # 'her aides said' -> 'Dilma Rousseff’s aides', when 'her' resolves to a name
        owner = _resolve(poss, poss.doc[poss.i : poss.i + 1], ctx, sp)
        if owner.name and owner.name.lower() not in _PRONOUNS and owner.name.lower() != poss.lower_:
            return _Entity(f"{owner.name}’s {mention.doc[poss.i + 1 : mention.end].text}", head=head.lemma_.lower(), plural=head.tag_ in ("NNS", "NNPS"))
    plural = head.tag_ in ("NNS", "NNPS")
    # 'says a teenager standing with friends ... “Isolated,” he replies': a person described, whom a later he/she can mean;
    # so is anyone 'who' ('One waiter, who has worked for 11 years ..., said ... he says')
    lemma = head.lemma_.lower()
    members = [x for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj"]
    if lemma == "team" and (any(is_person_noun(x) and x.tag_ == "NNS" for x in members) or any(
            c.dep_ in ("compound", "amod") and c.lower_ in ("research", "scientific") for c in head.children)):
        # 'an international team of scientists claims': a research team, whom 'they', 'the researchers' and 'the
        # authors' stand for later
        return _Entity(_common_np(mention), head=lemma, plural=True, nouns={"team", "researcher", "scientist", "author"})
    return _Entity(_common_np(mention), head=lemma, plural=plural,
                   person=not plural and (is_person_noun(head) or _described_by_who(head)))


def _name_ranks(mention: Span) -> list[Token]:
    """The rank or style words a name opens with, when two capitalised words follow them, whatever the recogniser called
    it ('Det Insp' of 'Det Insp Claire Hughes', 'Rev' of 'the Rev Al Sharpton'); else none."""
    toks = [t for t in mention if t.lower_ != "the"]
    k = 0
    while k < len(toks) and toks[k].lower_ in _PERSON_RANKS | _STYLES:
        k += 1
    return toks[:k] if len(toks) - k >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in toks[k:]) else []


def _owner_org(owner: Token, mention: Span, finding: Token, ctx: _Context, sp: Doc | Span | None) -> _Entity | None:
    """The named organisation a finding's owner ('Its report', 'The company's report') resolves to, as the finding's
    source; None when the owner is a place, a person or a pronoun left unresolved."""
    ent = _resolve(owner, mention, ctx, sp)
    if ent.name in ctx.org_mentions and not ent.person:
        return _Entity(ent.name, head=finding.lemma_.lower(), plural=ent.plural)
    return None


def _called(head: Token) -> Token | None:
    """The person's name a description gives with 'called' or 'named' ('a woman called Cynthia', 'a teacher named John
    Smith'), or a description in apposition gives ('one voter, a retired teacher named Ellen Marsh'), else None."""
    if head.pos_ != "NOUN":
        return None
    nouns = [head, *(c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN")]  # the name itself is tagged a person's
    return next((x for n in nouns for c in n.children if c.dep_ == "acl" and c.lower_ in ("called", "named") and c.i == n.i + 1
                 for x in c.children if x.dep_ in ("oprd", "attr", "dobj") and x.pos_ == "PROPN" and x.ent_type_ == "PERSON"), None)


def _described_by_who(head: Token) -> bool:
    """Whether a noun has a relative clause opened by 'who' or 'whom' (a person, whatever the noun)."""
    return any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") and w.i < c.i for w in c.children) for c in head.children)


# ----------------------------------------------------------------------------- extraction

def _in_any(i: int, spans: list[tuple[int, int, bool, bool]]) -> bool:
    """Whether a local character offset lies inside one of the quote spans (sorted, not overlapping)."""
    if not spans:
        return False
    k = bisect.bisect_right(spans, i, key=itemgetter(0)) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


_MARKS = DOUBLE_MARKS
_NAMING = {"called", "named", "dubbed", "titled", "entitled", "nicknamed", "labeled", "labelled", "branded", "slogan", "hashtag", "word",
           "words", "phrase", "term", "headline", "petition", "campaign"} | _WORKS


_DANGLING_RE = re.compile(r"[\s,]+(?:and|or|but)$")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace, edge punctuation and quote marks that open or close the whole content span."""
    s, e = max(0, s), min(e, len(text))
    while s < e and (text[s].isspace() or text[s] in ",;:—–->"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    dangling = _DANGLING_RE.search(text, s, e)  # 'declaring the result “a victory” and' when the parser cut what followed 'and'
    if dangling is not None and dangling.end() == e and dangling.start() > s:
        e = dangling.start()
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
            e -= 1
    for opening, closing in ("()", "[]"):  # a bracket the content does not close, or one it never opened: '("I want ...,"'
        if s < e and text[s] == opening and closing not in text[s:e]:
            s += 1
        if e > s and text[e - 1] == closing and opening not in text[s:e]:
            e -= 1
    while s < e and text[s].isspace():
        s += 1
    if 0 < s < e and text[s - 1] in _MARKS and (s == 1 or text[s - 2].isspace()) and sum(text[i] in _MARKS for i in range(s, e)) % 2:
        s -= 1  # the parse left out the mark that opens the content's first words ('said “The Art of the Deal” was ...')
    inner = sum(text[i] in _MARKS for i in range(s + 1, e - 1))
    if s < e and text[s] in _MARKS and (inner == 0 or (text[e - 1] in _MARKS and inner % 2 == 0)):
        s += 1
    if e > s and text[e - 1] in _MARKS and (inner == 0 or text[s - 1] in _MARKS):
        e -= 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
            e -= 1  # the comma inside the closing mark: '“… the public interest,” the ministry said'
    return s, e


_CLOSE_AFTER_RE = re.compile(r"[,.?!;:…]?[”\"»]|\s[,.?!;:…]?[”»]")


def _closed(text: str, s: int, e: int, single_marks: bool = False) -> int:
    """The end of a content span, moved past the mark that closes a quoted phrase it ends with ('as “a wonderful
    decision,”', 'would ”'; with `single_marks` also single marks, as in headlines and British-style articles: "Putin
    'very likely,'"), so a quote never shows an opening mark without its closing one."""
    if s < e and sum(text[i] in _MARKS for i in range(s, e)) % 2 and (m := _CLOSE_AFTER_RE.match(text, e)):
        return m.end()
    if single_marks and s < e:
        # marks that open a word (never an elision: "the '90s") less marks that close one
        opened = len(_SINGLE_OPENING_RE.findall(text[s:e])) - len(re.findall(r"(?<=\w)['’](?=[\s,.;:!?]|$)", text[s:e]))
        if opened > 0 and (m := re.compile(r"[,.;:!?]?['’]").match(text, e)):
            return m.end()
    return e


def _attributions(sp: Doc | Span, text: str, qspans: list[tuple[int, int, bool, bool]], ctx: _Context,
                  keep: Callable[[_Attribution], bool] = lambda a: not a.flags, dateline: int = 0) -> list[_Attribution]:
    """Find every attribution in one paragraph (local offsets): rule candidates, each kept or dropped by `keep`;
    `dateline` is where the paragraph's wire dateline ends (dateline_end)."""
    base = _base(sp)
    out: list[_Attribution] = []
    for tok in sp:
        local = tok.idx - base
        if _in_any(local, qspans):
            continue
        if tok.dep_ == "advmod" and tok.lower_ in _HEARSAY and tok.head.pos_ in ("VERB", "AUX") and (
                tok.head.head if tok.head.dep_ == "conj" else tok.head).dep_ not in ("relcl", "acl"):
            # 'Eighty people reportedly died near ...': the clause is reported by nobody named (not 'the gun he allegedly
            # used', 'people who were imprisoned and allegedly mistreated': a description of something else)
            a = _unsourced(_drop_asides(list(tok.head.subtree)), [tok], tok.lower_, "speech", text, base)
            if a is not None and keep(a):
                out.append(a)
            continue
        found = _cue_at(tok) or _open_cue_at(tok)
        if found is None:
            continue
        cue_toks, lemma, cat = found
        content: list[Token] | None
        subject: Token | None
        route = "cue"
        flags: list[str] = []
        if cat == "according_to":
            to = cue_toks[-1]
            subject = next((c for c in to.children if c.dep_ == "pobj"), None) or next((c for c in tok.children if c.dep_ == "pobj"), None)
            skip = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
            # "according to X" modifies a clause; the content is the rest of that clause
            clause = tok.head if tok.head.i != tok.i else tok
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            for sub in (c for c in clause.children if c.dep_ == "advcl" and c.right_edge.i < tok.i < clause.i):
                if any(m.dep_ == "mark" and m.i == sub.left_edge.i and m.lower_ in _CONCESSIVE for m in sub.children):
                    # 'While most were rated confidential, according to an official, two were upgraded to secret': the
                    # phrase after a 'while' or 'although' clause reports the main clause that follows it
                    skip |= {t.i for t in sub.subtree}
            content = [t for t in (clause.subtree if clause.i != tok.i else tok.sent) if t.i not in skip]
            if tok.i > 0 and tok.doc[tok.i - 1].text == "," and not any(t.i == tok.i - 2 for t in content):
                content = [t for t in tok.sent if t.i not in skip]  # 'X, according to Y – Z': X, though the parser hung the phrase on Z
            route = "according"
        else:
            if any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children) and not _perfect(tok):
                content = _agentless(tok, lemma)  # None for 'was charged with': a passive cue names no source, and reports nothing
                a = _unsourced(content, cue_toks, lemma, cat, text, base) if content is not None else None
                if a is not None and keep(a):
                    out.append(a)
                continue
            subject = _subject(cue_toks[0] if cat == "stance" else tok)
            if _idiomatic_say(tok):
                continue
            if cat == "noun":  # 'his claim that', 'a statement by X that', 'X issued a statement that'
                by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
                subject = next((c for c in tok.children if c.dep_ == "poss"), None) or (next((x for x in by.children if x.dep_ == "pobj"), None) if by is not None else None) or (_subject(tok.head) if tok.dep_ in ("dobj", "pobj", "attr") else None)
                if subject is not None and subject.i != getattr(next((c for c in tok.children if c.dep_ == "poss"), None), "i", -1) and (
                        by is None and tok.dep_ == "dobj" and _cue_at(tok.head) is not None):
                    continue  # 'North Korea denied allegations that ...': the denial reports it, and the allegations are not North Korea's
            if subject is not None and _in_any(subject.idx - base, qspans):
                subject = None  # a subject inside the quote is the quoted clause's own ('"We were wrong," Ramos, 58, told AFP')
            if subject is None and tok.i > 0 and (tok.doc[tok.i - 1].is_quote or tok.doc[tok.i - 1].text in ",?!"):
                subject = _name_before(tok) or _inverted_subject(tok)
            if subject is None and cat != "noun":
                subject = _lost_subject(tok)
            if subject is not None and subject.idx - base < dateline:
                # 'CLEVELAND, July 19 (UPI) — Michael Mukasey told ...': the parser makes the place the subject, the person its apposition
                subject = next((c for c in subject.children if c.dep_ == "appos" and c.idx - base >= dateline), None)
            content = _complement(tok, lemma, cat)
            if content and len(cue_toks) > 1:
                particles = {c.i for c in cue_toks}
                content = [t for t in content if t.i not in particles] or None  # 'called for X': 'for' is the cue's
            if content and subject is not None and subject.i > tok.i:
                # 'Humans, said TV naturalist Sir David Attenborough in 2013, are a “plague on earth”': the speaker the
                # parser put inside the reported clause is not what was said
                named = {t.i for t in subject.subtree}
                content = [t for t in content if t.i not in named] or None
            if content and min(t.i for t in content) > tok.i and (_right_after_quote(tok, text, base, qspans) or _quote_then_speaker(
                    tok, subject, text, base, qspans) and not any(t.tag_ in ("VBG", "VBN", "VB") for t in tok.doc[tok.i + 1 : min(t.i for t in content)])):
                # '"...," said Oversight ranking Democrat X', '"...," Spencer said, as a few fighters worked out': the quote
                # before, not what the parser hung after (but '"...," she said, adding that ...' reports what she added)
                content = None
            if content is None and _inverted(tok):
                # inverted or parenthetical cue: '"...," he said' or 'This, they added, would ...'
                skip = {t.i for t in tok.subtree} | ({t.i for t in subject.subtree} if subject is not None else set())
                clause = tok.head
                while clause.dep_ in ("aux", "auxpass") and clause.head.i != clause.i:
                    clause = clause.head  # 'he said, he’s learned ...': the parser hung the cue on the auxiliary
                content = [t for t in clause.subtree if t.i not in skip]
                route = "inverted"
                following = [t for t in content if t.i > tok.i]
                if following and following[0].lower_ in ("and", "but", "so", "then") and all(_in_any(t.idx - base, qspans) or t.is_punct for t in content if t.i < tok.i) and (
                        _right_after_quote(tok, text, base, qspans) or _after_quote_and_speaker(tok, subject, text, base, qspans)):
                    # '"Follow us," Ms. Gil said, and the boys trailed behind': the cue reports the quote before it; what
                    # follows the conjunction is the story going on
                    content, route = None, "cue"
            if subject is not None and subject.lemma_.lower() in _NOT_SOURCES:
                flags.append("not_source")
        if content is None and cat == "speech" and subject is not None and (tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.i < tok.i):
            content = _before_final_cue(tok, subject)
            route = "before_final" if content is not None else route
        near = _adjacent_quote(tok, subject, text, base, qspans) if content is None else None
        if content is None and near is None and cat == "speech" and subject is not None:
            content = _speech_object(tok)
            if content is not None:
                route = "object"
                flags.append("speech_object")
        if content is None:
            # a quote right next to the cue phrase: 'X said: "..."' or '"...," said X'
            if near is not None and cat == "stance" and qspans[near][1] <= tok.idx - base and text[: qspans[near][1]].rstrip()[-1:] in ".!?…":
                continue  # '“… between them and us.” Alexandra Freund, ..., was also sceptical.': a finished quote is not her doubt
            if near is not None:
                s, e = qspans[near][:2]
                content_span = (s, e)
                route = "adjacent"
            else:
                continue
        else:
            lo, hi = (sp.start, sp.end) if isinstance(sp, Span) else (0, len(sp))
            content = [t for t in content if lo <= t.i < hi]  # a whole-article parse may run a sentence across paragraphs
            block = _largest_block(_drop_asides(content), cue_toks if cat == "according_to" else None)
            if not block:
                continue
            if route == "according" and tok.head.dep_ in _SUBJ and tok.head.i < tok.i < tok.head.head.i and block[-1].i < tok.i:
                # 'One of the decisions they made, according to X, is to ...': set inside its clause after the subject,
                # the phrase reports the whole clause around it
                block = [block[0], max(content, key=lambda t: t.i)]
            colon = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ":"  # 'he laughed as he added: “But ...”'
            if route == "inverted" and not colon and not any(qs < tok.idx - base and content[0].idx - base < qe for qs, qe, _, _ in qspans):
                # (quoted halves, '“The plan,” she said, “would ...”', are joined by the quote rules; words quoted after the
                # cue, 'The media, she said, is to blame for making the rich “feel ...”', are not)
                block = _around_parenthetical(block, _drop_asides(content), tok)
            content_span = (block[0].idx - base, block[-1].idx + len(block[-1]) - base)
        s, e = content_span
        # extend to the quote marks the content touches
        for qs, qe, _, _ in qspans:
            if qs < e and s < qe:
                s, e = min(s, qs), max(e, qe)
        if route == "cue" and content is not None and _clausal(content):
            e = _through_touching_quotes(text, e, tok.sent.end_char - base, qspans)
        s, e = _trim(text, s, e)
        if e - s < 3:
            continue
        if subject is None and cat != "according_to":
            continue
        quoted = any(qs < e and s < qe for qs, qe, _, _ in qspans)
        if not quoted and (cat == "action" or (cat != "speech" and content is not None and not _clausal(content))) and not _source_like(subject):
            flags.append("unsourced")
        heading = None if quoted else _quote_after_heading(sp, text, s, e, qspans)
        if heading is not None:  # 'Job satisfaction: “…,” says X': the parser took the page's heading for what X says
            s, e = heading, next(qe for qs, qe, _, _ in qspans if qs == heading)
            quoted = True
        words = [t for t in _tokens_in(sp, s, e) if t.is_alpha or t.like_num]
        if not quoted and len(words) < 2 and not (len(cue_toks) > 1 and words and words[0].pos_ in ("NOUN", "PROPN")):
            continue  # (one noun after a phrasal cue is enough: 'called for calm', 'call for amendments')
        if not quoted and _hypothetical(tok, subject):
            flags.append("hypothetical")
        if cat in ("cognition", "evidence") and content is None:
            flags.append("belief_next_to_quote")
        a = _Attribution(s, e, cue_toks, subject, route=route, lemma=lemma, category=cat, flags=tuple(flags))
        if keep(a):
            out.append(a)
    # drop attributions with the same span as an earlier one (e.g. 'said' inside 'according to')
    out.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[_Attribution] = []
    for a in out:
        if any(k.start == a.start and k.end == a.end for k in kept):
            continue
        if a.route == "agentless" and any(k.start < a.end and a.start < k.end for k in out if k.route != "agentless"):
            continue  # 'X said the painting was expected to sell for ...': X's words, whoever expected it
        kept.append(a)
    # quotes no cue claimed: a quoted fragment inside someone's sentence, else a follow-on of the nearest attribution
    for k, (qs, qe, _, _) in enumerate(qspans):
        if any(a.start < qe and qs < a.end for a in kept):
            continue
        nearby = _quote_first(sp, text, qs, qe, qspans)
        if nearby is not None and keep(nearby):
            kept.append(nearby)
            continue
        fragment = _fragment_attribution(sp, text, qs, qe, qspans)
        if fragment is not None and keep(fragment):
            kept.append(fragment)
            continue
        before = [a for a in kept if a.end <= qs and not a.follow_on]
        after = [a for a in kept if a.start >= qe and not a.follow_on]
        src = before[-1] if before else (after[0] if after else None)
        if not before and src is not None and not _source_like(src.subject):
            continue  # '“Water ice is strong ....” The mountains ... This suggests ...': a finding after a quote does not say it
        if before and src.category == "evidence" and any(b.category == "speech" for b in before):
            # '“…,” said Dr Hugo Spiers. The results showed that ... “We were able to show ...”': results say nothing aloud
            src = [b for b in before if b.category == "speech"][-1]
        starts = _starts_sentence(sp, qs)
        # (a short quote only as a whole sentence of two words or more: '“Nobody told us.”', never a scare-quoted '“fair”')
        sentence = starts and text[qs:qe].rstrip("”\"’' ")[-1:] in ".!?…" and len(text[qs:qe].split()) >= 2
        intro = _named_subject_before(sp, qs, qspans, before[-1].end if before else 0, ctx) if ((qe - qs) > 15 or sentence) and starts else None
        if intro is not None and before and (intro.idx - _base(sp) < before[-1].end or before[-1].cue and intro.i <= before[-1].cue[-1].i):
            intro = None  # a person named before the last cue (its speaker, say): the quote follows that cue's speaker
        if intro is not None and (src is None or src.subject is None or src.subject.i != intro.i):
            # 'Robin Dunbar, Professor of ..., was dubious about the findings. “What can ...” Alexandra Freund ... She said':
            # a quote after a sentence about a named person, before anyone's cue, is that person's
            # no verb of saying when only named ('a godsend for X') or when 'he' did something else ('He draws a diagram.')
            cue = [intro.head] if intro.dep_ in ("nsubj", "nsubjpass", "appos") and intro.pos_ != "PRON" else []
            a = _Attribution(qs, qe, cue, intro, route="prev_subject", lemma=cue[0].lemma_.lower() if cue else None, category="inherited")
            if keep(a):
                kept.append(a)
            continue
        if not before and src is not None and src.cue and src.cue[-1].i + 1 < len(src.cue[-1].doc) and src.cue[-1].doc[src.cue[-1].i + 1].text == ":":
            continue  # '“A.” Dr X added: “B.”': a speaker introduced with a colon says B, not the quote before (see _unit_quotes)
        if src is not None and ((qe - qs) > 15 or sentence) and (starts or _HEADING_RE.search(text[:qs]) is not None):
            a = _Attribution(qs, qe, src.cue, src.subject, follow_on=True, route="follow_on", lemma=src.lemma, category=src.category)
            if keep(a):
                kept.append(a)
    kept.sort(key=lambda a: a.start)
    return kept


def _through_touching_quotes(text: str, e: int, sent_end: int, qspans: list[tuple[int, int, bool, bool]]) -> int:
    """Where a reported clause ends when quoted words follow it with nothing between ('who proclaimed that Christians
    fleeing Syria “cannot come into this country”'): the parser often hangs such words elsewhere, yet they finish the clause."""
    for qs, qe, _, _ in qspans:
        if e <= qs < sent_end and text[e - 1 : e].isalnum() and not text[e:qs].strip().strip("".join(DOUBLE_MARKS) + "'‘"):
            e = qe
    return e


def _open_cue(verb: Token, subject: Token | None, qs: int, qe: int, route: str) -> _Attribution | None:
    """A candidate whose cue is any verb next to a quote ('"...," he fumed'), with the lexicon's category when it has one."""
    if subject is None:
        return None
    found = _cue_at(verb)
    lemma, cat = (found[1], found[2]) if found else (verb.lemma_.lower(), "open")
    cue = found[0] if found else [verb] + [c for c in verb.children if c.dep_ == "prt"]
    return _Attribution(qs, qe, sorted(cue, key=lambda t: t.i), subject, route=route, lemma=lemma, category=cat)


def _quote_first(sp: Doc | Span, text: str, qs: int, qe: int, qspans: list[tuple[int, int, bool, bool]]) -> _Attribution | None:
    """A quote no lexicon cue claimed, next to any verb with a subject: '"...," he fumed', 'X went further: "..."',
    or a round-up paragraph 'Name, Outlet: "..."'."""
    base = _base(sp)
    doc = sp.doc if isinstance(sp, Span) else sp
    end_i = sp.end if isinstance(sp, Span) else len(doc)
    first_i = sp.start if isinstance(sp, Span) else 0
    inside = lambda t: _in_any(t.idx - base, qspans)
    close = qe + 1 if qe < len(text) and text[qe] in _MARKS + "’'" else qe
    k = _first_token_from(sp, close)
    after = [t for t in doc[k : min(end_i, k + 40)] if not inside(t)][:14] if k is not None else []
    while after and after[0].is_punct and after[0].text in ",;—–-":
        after = after[1:]
    last = text[qs:qe].rstrip()[-1:]
    ends_open = last in ",?!—–-…" or (last != "." or (after and after[0].is_lower)) and re.fullmatch(r"[\s,;—–-]*", text[close : after[0].idx - base] if after else "x")
    opening = qs - 1 if qs > 0 and text[qs - 1] in _MARKS + "‘'" else qs
    lead = text[:opening].rstrip()
    if after and ends_open and not after[0].is_punct and lead[-1:] != ":":
        t0 = after[0]
        for v in after[:10]:
            if v.sent.start != t0.sent.start:
                continue
            if v.pos_ == "NOUN" and v.i > t0.i and all(t.pos_ in ("PROPN", "DET") for t in doc[t0.i : v.i]) and doc[v.i - 1].pos_ == "PROPN" \
                    and v.lemma_.lower() in cue_lexicon()["speech"] and (v.i + 1 >= end_i or doc[v.i + 1].text in ".!?;" or doc[v.i + 1].pos_ == "ADP"):
                # '"...," Bozell answers.', '"...," the Saudis state in ...': the parser read the cue as a noun
                return _Attribution(qs, qe, [v], doc[v.i - 1], route="quote_after", lemma=v.lemma_.lower(), category="speech")
            if v.pos_ != "VERB":
                continue
            if v.i + 1 < end_i and doc[v.i + 1].text == ":":
                break  # 'In the section about “...”, it states: “...”': a verb with its own colon quote does not take the one before
            subj = _subject(v)
            if subj is None and v.i == t0.i:
                subj = _inverted_subject(v)
            if subj is not None and not inside(subj) and (v.i == t0.i and subj.i > v.i or subj.left_edge.i == t0.i):
                return _open_cue(v, subj, qs, qe, "quote_after")
            break
    if lead[-1:] in (":", ","):
        k = _first_token_from(sp, len(lead) - 1)
        sent_start = doc[k].sent.start if k is not None else None
        k = end_i if k is None else k
        sentence = [t for t in doc[max(first_i, k - 40) : k] if not inside(t) and (sent_start is None or t.i >= sent_start)]
        before = sentence[-14:]
        verbs = [t for t in sentence if t.pos_ == "VERB"]
        if verbs:
            # the sentence's own verb, not one in a clause under it ('X marvels at how Y never misses ..., despite having ...: "..."')
            v = min(verbs, key=lambda t: (sum(1 for _ in t.ancestors), -t.i))
            said = [t for t in verbs if t.i != v.i and (f := _cue_at(t)) is not None and f[2] == "speech" and _subject(t) is not None]
            subj = _subject(v)
            if said and not (subj is not None and (_source_like(subj) or is_person_noun(subj) or subj.pos_ == "PROPN")):
                # 'Besides the news, he said, steady work helped keep him sane: "..."': the cue of the aside, not a
                # thing's verb
                v = min(said, key=lambda t: (sum(1 for _ in t.ancestors), -t.i))
                subj = _subject(v)
            return _open_cue(v, subj, qs, qe, "quote_before")
        if lead[-1] == ":" and before and before[0].i == first_i and len(before) <= 12:
            # a round-up: 'Rep. Trey Gowdy (R-S.C.): "..."' or 'Jane Doe, The Times: "..."'
            head = next((t for t in before if t.ent_type_ == "PERSON"), None) or next((t for t in before if t.pos_ in ("PROPN", "NOUN")), None)
            words = [t for t in before if t.is_alpha]
            if head is not None and head.ent_type_ != "PERSON" and not (any(t.ent_type_ in ("ORG", "NORP", "GPE") or is_person_noun(t) for t in before)
                                                                         or all(t.is_title or t.is_stop for t in words)):
                head = None  # a heading, not a name: 'Job satisfaction: “No two days are ever the same.”'
            if head is not None and sum(len(t.text) for t in words) < 2:
                head = None  # 'A: “…”': an interview's answer label (see _qa_answer), not a name
            if head is not None:
                head = _entity_root(head)
                colon = next((t for t in doc[k : k + 1] if t.idx - base == len(lead) - 1), before[-1])
                return _Attribution(qs, qe, [colon], head, route="roundup", lemma=":", category="speech")
    return None


_HEADING_RE = re.compile(r"(?:^|[.!?”\n]\s*)[A-Z][\w’'-]*(?: [\w’'-]+){0,4}:\s*[“\"]?$")  # 'Job satisfaction: “' before a quote


def _quote_after_heading(sp: Doc | Span, text: str, start: int, end: int, qspans: list[tuple[int, int, bool, bool]]) -> int | None:
    """Where the quote starts when the text from `start` is a short heading with no verb before it ('Worst thing about
    the job: “…”', 'Job satisfaction: “…,” says X'), else None."""
    for qs, _, _, _ in qspans:
        if start < qs <= end + 3 and _HEADING_RE.search(text[start:qs]) is not None and not any(
                t.pos_ in ("VERB", "AUX") for t in _tokens_in(sp, start, qs)):
            return qs
    return None


def _before_final_cue(cue: Token, subject: Token) -> list[Token] | None:
    """Content before a sentence-final 'X, experts say' (subject and cue close the sentence after a comma)."""
    sent = cue.sent
    first = min(subject.left_edge.i, cue.i)
    # what may follow the cue: when and where it was said, and whom a 'told' addressed ('..., Carter told a Senate panel Wednesday')
    said_to = {t.i for c in cue.children if c.i > cue.i and (c.dep_ in ("npadvmod", "dative", "prep", "advmod")
               or c.dep_ == "dobj" and cue.lemma_.lower() in _ADDRESSEE_VERBS) for t in c.subtree}
    rest = [t for t in sent if t.i > max(cue.i, subject.right_edge.i) and t.i not in said_to and not t.is_punct and not t.is_space]
    if rest or first <= sent.start:
        return None
    prev = cue.doc[first - 1]
    if not (prev.text in (",", ":", "—", "–") or prev.is_quote):
        return None
    return [t for t in sent if t.i < first - 1]


_NOT_SOURCES = {"photo", "picture", "image", "video", "footage", "map", "chart", "graphic", "file", "screenshot"}


def _inverted(tok: Token) -> bool:
    """Whether a cue verb reports the clause it hangs on ('"...," he said', 'This, they added, would', '..., as X reported')."""
    h = tok.head
    if h.i != tok.i and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # 'As the White House hints at what ...': a cue with its own object reports that, not the main clause (but whom
        # 'As Clinton told the Daily News, ...' addresses is no object said)
        told = tok.lemma_.lower() in _ADDRESSEE_VERBS
        return not any(c.dep_ == "ccomp" or c.dep_ == "dobj" and not (told and (c.pos_ in ("PROPN", "PRON") or _source_like(c) or is_person_noun(c)))
                       or (c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in ("at", "about", "of", "to", "for")) for c in tok.children)
    if h.i == tok.i or tok.dep_ not in ("parataxis", "ccomp"):
        return False
    if tok.dep_ == "parataxis":
        return True
    if tok.i < h.i:
        return False
    left = min(t.i for t in tok.subtree)
    prev = tok.doc[left - 1] if left > 0 else None
    return prev is not None and (prev.is_punct or prev.is_quote)


def _after_noun_comma(sp: Doc | Span, text: str, offset: int) -> bool:
    """Whether a quote opening at this local offset follows a comma after a noun: in apposition to it ('Its ending, “...”')."""
    before = text[:offset].rstrip().rstrip("".join(DOUBLE_MARKS)).rstrip()
    k = _first_token_from(sp, len(before) - 1) if before.endswith(",") else None
    if k is None or k == 0:
        return False
    doc = sp.doc if isinstance(sp, Span) else sp
    prev = doc[k - 1]
    return prev.pos_ in ("NOUN", "PROPN")


def _starts_sentence(sp: Doc | Span, offset: int) -> bool:
    """Whether only punctuation precedes this local offset in its sentence (a quote that is a whole sentence)."""
    base = _base(sp)
    k = _first_token_from(sp, offset)
    if k is None:
        return False
    tok = sp.doc[k] if isinstance(sp, Span) else sp[k]
    return all(t.is_punct or t.is_space for t in tok.sent if t.idx - base < offset)


def _fragment_attribution(sp: Doc | Span, text: str, qs: int, qe: int, qspans: list[tuple[int, int, bool, bool]]) -> _Attribution | None:
    """A quoted fragment inside someone's sentence ('Christie described Clinton as a "disgrace"'): mixed speech.

    The cue is the nearest verb above the quote that has a subject outside the quote; the content is
    what that verb governs besides its subject. Quoted titles ('"Fox News Sunday"') are skipped.
    """
    base = _base(sp)
    inside = _tokens_in(sp, qs, qe)
    words = [t for t in inside if t.is_alpha]
    if not words:
        return None
    title_like = all(t.is_title or t.is_stop for t in words) and len(words) <= 6 and words[0].is_title
    sent = inside[0].sent
    before = [t for t in sent if t.idx - base < qs - 1 and not t.is_punct and not t.is_space]
    if not before:
        return None
    tok = inside[0]
    for _ in range(12):
        tok = next((t for t in inside if not (qs <= t.head.idx - base < qe)), tok)
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "conj" and qs <= tok.idx - base < qe and any(
                c.dep_ in ("advcl", "ccomp") and c.i < tok.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in tok.children):
            return None  # a quoted verb hung on a clause with its own subject is a misparse ('..., while Bild has launched a
            # petition – “hands off my cash”' does not join the slogan to the sentence's first 'told')
        if not (qs <= head.idx - base < qe) and head.pos_ in ("VERB",) and head.lemma_ not in ("be", "have"):
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "there") and not (qs <= c.idx - base < qe)), None)
            is_cue = _cue_at(head) is not None
            if subj is None and is_cue and tok.dep_ == "ccomp" and head.dep_ in ("xcomp", "advcl", "conj") and not any(c.dep_ == "auxpass" for c in head.children):
                # '"...," Sanders said, going on to say that the country has spent "hundreds of years ..."': the speaker of
                # a speech verb with no subject of its own
                subj = _subject(head)
                subj = subj if subj is not None and subj.i < head.i and not (qs <= subj.idx - base < qe) else None
            if title_like and not is_cue:
                return None  # a quoted title ('"Fox News Sunday"'), not someone's words
            outer = head.head if head.dep_ == "ccomp" and head.head.i < head.i and _cue_at(head.head) is not None else None
            if not is_cue and outer is not None and (any(c.dep_ in _SUBJ for c in outer.children) or getattr(_subject(outer), "i", len(sent.doc)) < outer.i):
                tok, inside = head, [head]  # 'said that fact speaks volumes about who is “prepared ...”': what is said holds the words
                continue
            if subj is None or subj.i > head.i or head.idx - base > qs or not (_source_like(subj) or subj.pos_ == "PROPN" or (is_cue and subj.lower_ == "it") or subj.pos_ == "NOUN"):
                if head.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl"):
                    tok = head
                    inside = [head]
                    continue
                return None
            skip = {t.i for t in subj.subtree} | {t.i for t in head.children if t.dep_ in ("aux", "auxpass", "neg", "advmod") and t.i < head.i}
            passive = subj.dep_ == "nsubjpass" and is_cue
            agent = next((t for t in head.subtree if t.i > head.i and t.lower_ == "by" and t.dep_ in ("agent", "prep")), None) if passive else None
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if passive and by is not None and (by.pos_ == "PROPN" or _source_like(by) or is_person_noun(by)):
                # 'The fall is described as “worrying” by Professor Anna Hale': the agent speaks, the subject is talked about
                skip |= {t.i for t in agent.subtree}
                subj = by
            parts = [c for c in head.children if c.i > head.i and c.i not in skip and c.dep_ not in ("conj", "cc", "punct", "advcl", "npadvmod", "advmod")]
            content = _object_content(parts)
            block = _largest_block(content)
            s0, e0 = (block[0].idx - base, block[-1].idx + len(block[-1]) - base) if block else (qs, qe)
            if not (s0 <= qs < e0 or s0 < qe <= e0):
                s0, e0 = qs, qe
            found = _cue_at(head)
            between = next((t for t in reversed(sent.doc[head.i + 1 : sent.end]) if t.idx - base < qs and t.dep_ in ("relcl", "conj", "ccomp", "advcl")
                            and _is_speech_cue(t) and _subject(t) is not None), None)
            speaker = _subject(between) if between is not None else None
            if between is not None and _runs_on_to(sp, text, between.idx - base, qs, qspans, any(c.dep_ == "ccomp" for c in between.children) or any(
                    t.lower_ == "that" and t.dep_ == "mark" and between.i < t.i and t.idx - base < qs for t in sent)):
                # 'in the mouth of Donald Trump, who proclaimed that Christians “cannot come ...” but Muslims “can come ...”':
                # the parser hung the words on the verb before the speech verb; they are what that speech verb reports
                return _Attribution(qs, qe, [between], speaker, route="fragment", lemma=between.lemma_.lower(), category="speech")
            return _Attribution(min(s0, qs), max(e0, qe), [head], subj, route="fragment", lemma=head.lemma_.lower(),
                                category=found[2] if found else "other")
        tok = head
        inside = [head]
    return None


def _runs_on_to(sp: Doc | Span, text: str, start: int, qs: int, qspans: list[tuple[int, int, bool, bool]], clause: bool) -> bool:
    """Whether the words from a cue (at local offset `start`) run on to a quote opening at `qs`: no bracket closed between,
    no dash unless the cue has a clause (`clause`: 'insisted in March - wrongly - that ...'; not 'observing training and -
    ever the professor - leading seminars in a “classroom”'), and no verb after a quote between ('accusing it of “creating
    a Great Wall of sand” and “clearly militarizing”', 'that Christians “cannot come” but Muslims “can come in so easily”';
    not 'joked, “…,” drawing loud jeers and “BERNIE!” chants')."""
    gap = text[start:qs]
    if any(ch in gap for ch in ")]") or not clause and (any(ch in gap for ch in "–—") or " - " in gap):
        return False
    inner = [e for s, e, _, _ in qspans if start < s and e < qs]
    return not inner or not any(t.pos_ == "VERB" for t in _tokens_in(sp, inner[-1], qs))


def _clausal(content: list[Token]) -> bool:
    """Whether content tokens form a clause (they hold a verb with its own subject), not just an object."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in content)


def _hypothetical(cue: Token, subject: Token | None) -> bool:
    """An unquoted report that is asked, addressed or imagined rather than made: a question, 'you', 'would/will'."""
    if cue.sent.text.rstrip().rstrip("\"'”’").endswith("?"):
        return True
    if subject is not None and subject.lower_ == "you":
        return True
    verb = cue
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:  # 'could force the Kremlin to seek'
        verb = verb.head
        if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in verb.children):
            return True
    return any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "’ll", "wo") for c in cue.children)


_PERSONAL = {"he", "she", "they", "we", "i", "you", "who"}
_POSSESSIVE = {"his": "he", "hers": "she", "their": "they", "theirs": "they", "its": "it"}


def _source_like(tok: Token | None) -> bool:
    """Whether a subject can be a source taking a stance: a named entity, a personal pronoun or a source noun."""
    if tok is None:
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSONAL
    return tok.lemma_.lower() in cue_lexicon()["source_nouns"] or tok.lower_ in cue_lexicon()["source_nouns"]


def _drop_asides(tokens: list[Token]) -> list[Token]:
    """Content without trailing comma-set asides: appositives ('Mr. Trump, the presumed favorite'), participles ('..., focusing on')."""
    keep = {t.i for t in tokens}
    for t in tokens:
        left = t.left_edge.i
        aside = t.dep_ in ("appos", "npadvmod") or (t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i)
        # 'said he had never played better, while the Scot admitted ...': someone else's words set against these (but in a
        # clause opened by 'that' the contrast is part of what was said: 'argued that ..., whereas Petraeus acknowledged ...')
        aside = aside or t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children) and any(
            c.dep_ in _SUBJ and (c.pos_ == "PROPN" or is_person_noun(c)) for c in t.children) and (_cue_at(t) or (None, None, ""))[2] == "speech" and not any(
            x.dep_ == "mark" and x.lower_ == "that" for x in tokens)
        if t.dep_ == "appos" and any(x.dep_ == "cc" for x in t.subtree):
            aside = False  # 'differ on Israel, the nuclear deal and the court': a list the parser read as an apposition
        if aside and left > 0 and t.doc[left - 1].text == "," and left - 1 in keep and not any(
                x.i > t.right_edge.i and not x.is_punct for x in tokens):  # only a trailing aside
            sub = {x.i for x in t.subtree}
            if sub != keep and not any(x.is_quote for x in t.subtree):
                keep -= sub
    return [t for t in tokens if t.i in keep]


def _largest_block(tokens: list[Token], near: list[Token] | None = None) -> list[Token]:
    """The longest run of consecutive tokens (by characters), ignoring gaps left by removed cue phrases; with `near`,
    the run right beside those tokens ('X, according to Y – Z': X, the clause the cue phrase closes)."""
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    runs: list[list[Token]] = []
    for t in toks:
        last = runs[-1][-1].i if runs else -2
        gap = t.doc[last + 1 : t.i] if runs and t.i > last + 1 else None
        if t.i == last + 1 or gap is not None and len(gap) <= 2 and gap[0].text == ":" and (t.is_quote or gap[-1].is_quote):
            # 'said the heat had caused him to hallucinate: “I was dizzy ...”': the colon the parser hung on the cue
            # joins the clause to the quote it introduces
            runs[-1].append(t)
        else:
            runs.append([t])
    runs = [r for r in runs if any(not t.is_punct for t in r)]
    if not runs:
        return []
    if near:
        lo, hi = min(t.i for t in near), max(t.i for t in near)
        clause = lambda r: sum(1 for t in r if t.is_alpha) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in r)
        before = [r for r in runs if r[-1].i in (lo - 1, lo - 2) and clause(r)]
        after = [r for r in runs if r[0].i in (hi + 1, hi + 2) and clause(r)]
        doc = toks[0].doc
        opens = [t for t in doc[max(0, lo - 2) : lo] if not t.is_punct][-1:]
        end = max(t.right_edge.i for t in near)  # the phrase with its source: 'according to the UN children’s agency, UNICEF'
        then = [r for r in runs if r[0].i in (end + 1, end + 2) and clause(r)]
        if then and opens and opens[0].pos_ == "CCONJ":
            return then[0]  # 'X bans it but, according to UNICEF, 4.7 million children work': the clause after the conjunction
        if before or after:
            return (before or after)[0]
    return max(runs, key=lambda r: r[-1].idx + len(r[-1]) - r[0].idx)


def _around_parenthetical(block: list[Token], content: list[Token], cue: Token) -> list[Token]:
    """For a cue set inside its clause ('The plan, officials said, would cost ...'), both sides of it: the run before the cue
    joins the run after it when it holds the clause's subject or its verb, so the content keeps its subject; else the block."""
    runs_before = [t for t in content if t.i < cue.i and not t.is_punct]
    after = [t for t in content if t.i > cue.i and not t.is_punct]
    head = cue.head
    if not runs_before or not after or not (block[0].i > cue.i or block[-1].i < cue.i):
        return block
    if not any(t.i == head.i or (t.head.i == head.i and t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")) for t in runs_before):
        return block  # 'Unfortunately, Tua said, the crews lost their way': only an adverb before the cue
    first = min(runs_before, key=lambda t: t.i)
    last = max(after, key=lambda t: t.i)
    return [first, last]


_ADDRESSEE_VERBS = {"tell", "ask", "inform", "assure", "warn", "remind", "urge", "promise", "advise", "brief", "email", "text",
                    "message", "reassure", "answer", "thank", "caution", "notify", "beg", "implore", "question"}  # their object is whom they address


def _adjacent_quote(tok: Token, subject: Token | None, text: str, base: int, qspans: list[tuple[int, int, bool, bool]]) -> int | None:
    """Index of a quote that closes just before the cue phrase or opens just after it, if any."""
    toks = [tok] + ([*subject.subtree] if subject is not None else [])
    lo = min(t.idx for t in toks) - base
    hi = max(t.idx + len(t) for t in toks) - base
    end = tok.sent[-1].idx + len(tok.sent[-1]) - base
    own = re.search(r":\s*[\"“„«‘']", text[hi:end]) is not None  # 'X, 76, marvels at how ...: "..."' has its quote after the colon
    own = own or any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") and c.i > tok.i and not _in_any(c.idx - base, qspans)
                     for c in tok.children) and tok.lemma_.lower() not in _ADDRESSEE_VERBS  # '"...". BBM claims 80 million users'
    for k, (qs, qe, _, closed) in enumerate(qspans):
        gap_after = text[qe:lo] if closed else "x"
        if qe <= lo and not own and re.fullmatch(r"[\"”’'\s,.?!—–-]*", gap_after or ""):
            return k
        if qs >= hi and re.fullmatch(r"[\s,:;—–-]*[\"“„«‘']?", text[hi : qs]):
            return k
    return None


_KIND_IGNORED = str.maketrans("", "", DOUBLE_MARKS + "'‘’,.")  # characters that count toward neither side of _kind


_DOMAIN_RE = re.compile(r"\W*\.[a-z][\w.-]*\W*")  # a web domain in quote marks ('“.gov”', '“.amazon”'): a name, no words said


def _kind(text: str, s: int, e: int, qspans: list[tuple[int, int, bool, bool]]) -> str:
    """direct when the content is all inside quote marks, mixed when partly, indirect when not at all (a web domain in
    quote marks, 'called for the “.amazon” application to be withdrawn', quotes nobody)."""
    inside = sum(len("".join(text[max(s, qs) : min(e, qe)].split())) for qs, qe, _, _ in qspans
                 if qs < e and s < qe and not _DOMAIN_RE.fullmatch(text[qs:qe]))  # non-space characters
    total = len("".join(text[s:e].split()).translate(_KIND_IGNORED))
    if inside == 0:
        return "indirect"
    return "direct" if inside >= 0.9 * total else "mixed"


_LABEL_PREFIX_RE = re.compile(r"[A-Z][A-Z0-9 ]{1,24}:\s*[“\"‘']")  # a page's label before a quote: 'BREAKING: "'


def _asked_of(a: _Attribution) -> bool:
    """Whether a question was put to the subject by someone the article does not name: 'When asked about the fine, she
    said ...', 'Asked whether ..., Verney declined' (the reporter asked; the subject is who was asked)."""
    cue = a.cue[0] if a.cue else None
    return cue is not None and not a.follow_on and a.lemma == "ask" and cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl", "conj") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in cue.children)


def _finish(a: _Attribution, sp: Doc | Span, text: str, qspans: list, ctx: _Context, dateline: int = 0) -> None:
    """Resolve the speaker, role and organisation of an attribution and set its kind (a source the parser ran into the
    paragraph's opening dateline starts after it: 'RANGOON, Burma - Aung San Suu Kyi's political allies predicted')."""
    if any(a.start == qs - 1 for qs, _, _, _ in qspans) and text[a.start] in "'‘":
        a.start += 1  # a single mark that opens the quote ("'It is a tax,' said ...", British style) is no part of it
    label = _LABEL_PREFIX_RE.match(text, a.start)
    after = label.end() if label is not None and any(qs == label.end() for qs, _, _, _ in qspans) else _quote_after_heading(sp, text, a.start, a.end, qspans)
    if after is not None and after < a.end:
        a.start = after  # 'BREAKING: "We are at war," the president said', 'Worst thing about the job: “…,” says X': the label is the page's
    a.kind = "direct" if a.label is not None or a.route == "qa" else _kind(text, a.start, a.end, qspans)
    if a.route == "qa":
        ent = ctx.interviewee
        if ent is not None:
            ctx.speakers.append(ent)
            a.speaker, a.role, a.org = ent.name, ent.role, ent.org
        return
    if a.subject is None:
        return
    base = _base(sp)
    if a.label is not None:
        word = a.label.title()
        ent = next((p for p in reversed(ctx.people) if word in p.name.split()), None) or _Entity(word, head=word.lower(), person=True)
        ctx.speakers.append(ent)
        a.speaker, a.role, a.org = ent.name, ent.role, ent.org
        return
    if a.route in ("roundup", "headline"):  # the source is named right before the cue: no antecedent to look for
        mention = _mention(a.subject)
        ent = _resolve(a.subject, mention, ctx, sp)
        between = [t for t in a.subject.doc[mention.end : a.cue[0].i] if not t.is_punct]
        if between and len(between) <= 6 and between[0].is_title and all(t.is_title or t.is_stop for t in between) and not ent.org:
            ent.org = _strip_det(a.subject.doc[between[0].i : between[-1].i + 1].text)  # 'Jane Smith, The Guardian:'
            if ent.role == ent.org:
                ent.role = None
        ctx.speakers.append(ent)
        a.speaker, a.role, a.org = ent.name or None, ent.role, ent.org
        a.speaker_span = (mention.start_char - base, mention.end_char - base)
        return
    mention = _mention(a.subject)
    if mention.start_char - base < dateline < mention.end_char - base:
        lo = next((t.i for t in mention if t.idx - base >= dateline), a.subject.i)
        mention = mention.doc[min(lo, a.subject.i) : mention.end]
    target, described = _relative_antecedent(a.subject), None
    if target.i == a.subject.i:
        target = _antecedent_in_sentence(a) or _named_in_apposition(a.subject) or a.subject
    elif target.pos_ == "NOUN" and is_person_noun(target):
        named = _named_in_apposition(target)  # 'the current president, Jacob Zuma, who ... said': who is the named president
        target, described = (named, target) if named is not None else (target, None)
    if target.idx - base < dateline:
        target = a.subject  # nothing in the dateline is the source
    ent = _resolve(target, mention if target.i == a.subject.i else _mention(target), ctx, sp)
    role, org = _role_org(a.subject, ctx)
    role = None if role and ent.name and role.strip() in (ent.name, ent.name.split()[-1]) else role  # a name is not its own role
    noun = described if described is not None else a.subject
    if target.i != a.subject.i and ((noun.pos_ == "NOUN" or is_person_noun(noun)) and target.dep_ == "appos" or noun.pos_ == "VERB") and not role:
        # (its own modifiers: 'The tech industry's main lobby group' is a 'main lobby group', never a 'tech main lobby group')
        role = _joined([t for t in noun.subtree if t.i <= noun.i and t.head.i == noun.i and t.dep_ in ("compound", "amod", "nmod", "det")
                        and t.lower_ not in ("a", "an", "the") or t.i == noun.i])
    if target.dep_ == "pobj" and target.head.head.i == a.subject.i and not role:  # 'Director of National Intelligence James Clapper'
        name = _ent_of(target)
        role = _strip_det(target.doc[a.subject.left_edge.i : name.start if name is not None else target.i].text)
    role = None if role and ent.name and role.strip() in (ent.name, ent.name.split()[-1]) else role  # a name is not its own role
    org = bare_name(org) if org and org.strip() != ent.name else None  # 'MND Association’s' -> 'MND Association'
    org = ctx.orgs.get(org.lower(), org) if org else None  # (but 'Moody's' keeps the 's of its name)
    if role and not ent.role and re.search(r"[^\W\d_]{2}", role):  # an age in apposition ('Alex Entwisle, 23,') is not a role
        ent.role = role
    if org and not ent.org:
        ent.org = org
    ctx.speakers.append(ent)
    findings = cue_lexicon()["finding_nouns"]
    ent.nouns.update(t.lemma_.lower() for t in (a.subject.head, *a.subject.subtree) if t.pos_ == "NOUN" and t.lemma_.lower() in findings
                     and not any(x.pos_ in ("VERB", "AUX") or x.dep_ == "poss" for x in (t, *t.ancestors) if a.subject.is_ancestor(x)))
    a.speaker = ent.name or None  # ^ 'the report' later stands for whoever's report spoke ('says the IPCC report')
    a.speaker_span = (mention.start_char - base, mention.end_char - base)
    a.role, a.org = ent.role, ent.org
    lead = _team_lead(a.subject, target)
    lead_ent = None if lead is None else ent if lead.i == target.i else _resolve(lead, _mention(lead), ctx, sp)
    if lead_ent is not None and lead_ent.person and len(lead_ent.name.split()) >= 2:
        # 'Dr Gavin Sandercock, from ..., and colleagues found', 'The team, led by Professor Carlo Leifert, concludes': the
        # team speaks, and 'the researchers', 'the team' or 'the study' stand for it from then on
        name = f"{lead_ent.name} and colleagues"
        team = next((e for e in ctx.speakers if e.name == name), None) or _Entity(name, org=lead_ent.org, head="team", plural=True, nouns=set(_TEAM_NOUNS))
        ctx.speakers.append(team)
        a.speaker, a.role, a.org = team.name, None, team.org
    partners = _named_partners(target) if target.i == a.subject.i and a.speaker else []
    if partners:  # 'Hideo Shiogama and Tomoo Ogura said': both speak
        mentions = [_mention(t) for t in partners]
        names = [a.speaker] + [_resolve(t, m, ctx, sp).name for t, m in zip(partners, mentions)]
        a.speaker = ", ".join(names[:-1]) + " and " + names[-1]
        a.speaker_span = (a.speaker_span[0], max(a.speaker_span[1], mentions[-1].end_char - base))
        a.role = a.org = None
    ends = [qe for qs, qe, _, _ in qspans if a.start <= qs and qe <= a.speaker_span[0] < a.end]
    if ends:  # content never runs on into its own speaker: '“We’ve had ...,” Texas delegate Bill Eastland, ..., said'
        a.start, a.end = _trim(text, a.start, max(ends))
        a.kind = _kind(text, a.start, a.end, qspans)


_TEAM_NOUNS = frozenset({"team", "researcher", "scientist", "author", "study", "paper", "research", "finding", "result", "analysis", "survey"})
_COLLEAGUES = ("colleague", "researcher", "scientist", "co-author", "coauthor", "collaborator", "team")


def _team_lead(subject: Token, target: Token) -> Token | None:
    """The named person a research team speaks with: 'X and (his) colleagues found' (X), 'The team, led by X, concludes' (X)."""
    if target.pos_ == "PROPN":  # (a person: see _finish; 'Chapron' is tagged an organisation)
        # ('According to Chapron and his colleagues'; 'Sandercock, from ..., and colleagues found' is parsed as two subjects)
        mates = [*target.conjuncts, *(c for c in target.head.children if c.dep_ == target.dep_ and c.dep_.startswith("nsubj"))]
        if any(c.lemma_.lower() in _COLLEAGUES and c.pos_ == "NOUN" and c.i > target.i for c in mates):
            return target
    led = next((c for c in subject.children if c.dep_ == "acl" and c.lower_ == "led"), None)
    if subject.lemma_.lower() not in ("team", "researcher", "scientist") or led is None:
        return None
    by = [y for x in led.children if x.dep_ == "agent" for y in x.children if y.dep_ == "pobj"]
    return by[0] if by and by[0].pos_ == "PROPN" else None


def _named_partners(subject: Token) -> list[Token]:
    """The names coordinated with a named subject by 'and' ('Shiogama and Ogura said', 'Brazil and Peru argue'), else []."""
    def name(t: Token) -> bool:  # a name takes no 'a' ('Steve Bell, ..., and a Republican who ...' is one person)
        return t.pos_ == "PROPN" and t.text[:1].isupper() and (t.ent_type_ in _NAME_TYPES or not t.ent_type_) and not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)

    if not name(subject) or not any(c.dep_ == "cc" and c.lower_ == "and" for c in subject.subtree):
        return []
    partners = sorted((t for t in subject.conjuncts if t.i > subject.i), key=lambda t: t.i)
    return partners if all(name(t) for t in partners) else []  # 'Smith and her colleagues': one name, not a list of names


def _named_in_apposition(subject: Token) -> Token | None:
    """'The Prime Minister, David Cameron, said' or 'David Cameron, the prime minister, said' parsed the other way round: the name."""
    org_nouns = cue_lexicon()["organisation_nouns"]
    if subject.pos_ == "NOUN" and subject.lemma_.lower() in org_nouns:
        named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text[:1].isupper() and c.ent_type_ != "PERSON"), None)
        if named is not None:
            return named  # 'The campaign group, Republic, ... said': the organisation's name
    if subject.tag_ == "NN" and subject.text.islower() and subject.lemma_.lower() not in org_nouns:
        for c in subject.children:  # 'the leading rock promoter and manager Harvey Goldsmith': two roles of one named person
            if c.dep_ == "conj" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and any(
                    x.dep_ == "compound" and x.tag_ == "NN" and x.text.islower() for x in c.children if x.i < c.i):
                return c
    for c in subject.children:  # 'Lemnos Mayor, Dimitris Marinakis' with the title tagged as the person and the name as something else
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text.istitle() and is_person_noun(subject) and _has_given_name(c):
            return c
    titled = subject.ent_type_ == "PERSON" and is_person_noun(subject) and not any(
        c.dep_ == "compound" and not is_person_noun(c) for c in subject.children)  # "Lamborghini's Chief Executive, X," tagged a person
    if subject.lower_ == "one":  # 'One of the class, 84-year-old former teacher Winnie Robertson, thinks': the name speaks
        for c in (c for c in subject.children if c.dep_ == "appos"):
            name = c if c.pos_ == "PROPN" else next((x for x in c.children if x.dep_ == "appos" and x.pos_ == "PROPN"), None)
            if name is not None and (name.ent_type_ == "PERSON" or _has_given_name(name)):
                return name
    if subject.pos_ not in ("NOUN", "PROPN", "VERB") or subject.ent_type_ == "PERSON" and not titled:
        return None
    if subject.pos_ == "VERB":  # a role noun the tagger took for a verb: 'But auctioneer Frederic Thut, ..., announced'
        return next((c for c in subject.children if c.dep_ in ("dobj", "compound") and c.i == subject.i + len(list(c.lefts)) + 1
                     and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"), None)
    left = subject.left_edge.i
    doc = subject.doc
    if subject.pos_ == "NOUN" and is_person_noun(subject):
        # 'Paralympian, Tanni Grey-Thompson, chair of ukactive, said' parsed with the name inside the role's phrase
        inner = [t for t in subject.subtree if t.i < subject.i and t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.dep_ not in ("compound", "poss")
                 and t.i + 1 < len(doc) and doc[t.i + 1].text == "," and t.i > 0 and doc[_ent_of(t).start - 1 if _ent_of(t) is not None else t.i - 1].text == ","]
        if inner:
            return inner[-1]
    if subject.pos_ == "NOUN" and left >= 2 and doc[left - 1].text == "," and doc[left - 2].ent_type_ == "PERSON":
        return doc[left - 2]  # 'Ban Ki-moon, the UN secretary-general, described' with the name parsed elsewhere
    for c in subject.children:
        if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG") and (c.dep_ == "appos" or c.i > subject.i):
            return c
        if c.dep_ == "appos" and c.pos_ == "PROPN" and (c.ent_type_ in _MISTAKEN_NAMES or not c.ent_type_) and c.text.istitle() and c.text.isalpha() and (
                is_person_noun(subject) or _has_given_name(c)) and not is_person_noun(c) and not any(x.dep_ == "det" for x in c.children):
            return c  # 'Its chef, René Redzepi, says' with the name tagged as a place (not 'X, Deputy Director of ...', a role,
            # nor 'The employee, a registered Republican, said', a description)
    if subject.dep_ == "appos" and subject.head.ent_type_ in ("PERSON", "ORG") and subject.head.pos_ == "PROPN" and not any(
            a.dep_ == "prep" for a in subject.head.ancestors):  # not 'In an interview with X and Y, the candidate stated'
        return subject.head
    if subject.pos_ == "NOUN" and is_person_noun(subject):
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                name = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and (c.ent_type_ == "PERSON" or c.ent_type_ == "ORG" and _has_given_name(c))), None)
                if name is not None and doc[name.left_edge.i - 1].text == ",":
                    return name  # 'The mayor of Lemnos, Dimitris Marinakis, said' with the name hung on the island
        # 'One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church, said': a second person's name set
        # beside a name deep in the phrase, closing it, is the name of the person the phrase describes
        last = next((t for t in subject.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.right_edge.i + 1 < len(doc)
                     and doc[t.right_edge.i + 1].text == "," and t.right_edge.i + 1 >= subject.right_edge.i
                     and t.head.pos_ == "PROPN" and t.head.ent_type_ == "PERSON" and t.head.i != subject.i and _has_given_name(t)
                     and doc[t.left_edge.i - 1].text == ","), None)
        if last is not None:
            return last
    return _titled_name(subject)


def _titled_name(subject: Token) -> Token | None:
    """The name after a capitalised title with 'of', parsed as the title's object: 'Director of National Intelligence
    James Clapper said' (not 'the wife of John Smith said', whose speaker is the wife)."""
    if subject.pos_ not in ("NOUN", "PROPN") or not subject.text[:1].isupper() or not is_person_noun(subject):
        return None
    for prep in subject.children:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" and prep.lower_ == "of" else None
        if pobj is not None and pobj.pos_ == "PROPN" and pobj.ent_type_ == "PERSON" and pobj.i == subject.right_edge.i and any(
                t.ent_type_ != "PERSON" and t.text[:1].isupper() for t in subject.doc[prep.i + 1 : pobj.i]):
            return pobj
    return None


def _antecedent_in_sentence(a: _Attribution) -> Token | None:
    """For 'X said ..., but they remain skeptical' or 'X has ..., but it denied': the first conjunct's subject."""
    subj = a.subject
    if subj is None or subj.pos_ != "PRON" or subj.lower_ not in ("it", "they", "he", "she"):
        return None
    verb = subj.head
    if verb.dep_ != "conj":
        return None
    first = next((c for c in verb.head.children if c.dep_ in _SUBJ and c.pos_ != "PRON"), None)
    if first is not None and subj.lower_ in ("he", "she") and not (first.pos_ == "PROPN" or is_person_noun(first)):
        return None  # 'X expects market share will shrink but he warned ...': 'he' is not the market share
    return first


def _note_org(name: str, ctx: _Context) -> None:
    """Remember an organisation found outside the recogniser's ORG entities, as the last one named if it is new."""
    if name not in ctx.org_mentions:
        ctx.org_mentions.append(name)


def _national_body(head: Token) -> tuple[str, str] | None:
    """('government', 'Ethiopian government') for a public body named with its nation ('the Ethiopian government', 'Peru's
    Environment Ministry' is not one: only an adjective or a place before the noun), else None."""
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() not in _PUBLIC_BODIES:
        return None
    mods = [c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i]
    nation = [c for c in mods if c.ent_type_ in ("NORP", "GPE") and not any(x.dep_ == "case" for x in c.children)]
    if not nation:
        return None
    rest = [t for t in head.doc[nation[-1].i + 1 : head.i + 1] if t.ent_type_ not in ("NORP", "GPE") or t.i == head.i]
    if [t.i for t in rest] != list(range(nation[-1].i + 1, head.i + 1)):
        return None
    return " ".join(t.lower_ for t in rest), head.doc[nation[0].i : head.i + 1].text


_PUBLIC_BODIES = {"government", "ministry", "department", "army", "military", "police", "parliament", "authorities", "cabinet", "navy"}


_PUBLIC_BODY_RE = re.compile(r"govern|ministr|department|arm(?:y|ies)|militar|police|parliament|authorit|cabinet|nav(?:y|ies)", re.I)


def _register_national_bodies(sp: Doc | Span, text: str, ctx: _Context) -> None:
    """Remember each public body named with its nation ('the Ethiopian government'), so that a later 'the government'
    is that one (the paragraph's text first, for speed: most name none of them)."""
    ctx.national_at = {}
    if _PUBLIC_BODY_RE.search(text) is None:
        return
    for tok in sp:
        found = _national_body(tok)
        if found is not None:
            ctx.national[found[0]] = found[1]
            ctx.national_at.setdefault(found[0], tok.i)


def _title_before(ent: Span, ctx: _Context) -> str | None:
    """The title a person is introduced with right before their name, when it ends in an office, a rank or a trade ('Board
    chair Lisa Tran thanked him', 'Sen. Maria Cantwell', 'Rovers manager Tony Mowbray', 'The union's general secretary, Mick
    Lynch, left'), for the quotes a later 'she' or surname gives them."""
    doc = ent.doc
    described = ent.root.head if ent.root.dep_ == "appos" and ent.root.head.tag_ == "NN" and ent.root.head.i < ent.start else None
    if ent.start == 0 or doc[ent.start - 1].dep_ != "compound" or doc[ent.start - 1].head.i != ent.root.i:
        if described is not None and is_person_noun(described):
            role, _ = _role_org(described, ctx)  # 'The union's general secretary, Mick Lynch, left': the noun he is set beside
            return role if role and _person_word(role.split()[-1].lower()) else None
        return None
    role, _ = _role_org(ent.root, ctx)
    last = (role or "").split()[-1:] or [""]
    if last[0].lower() in _ROYAL_TITLES:
        return None  # 'Prince Harry': the title is part of the name
    return role if last[0].lower() in role_words() | _RANKS | _TITLE_NOUNS.keys() | _TITLES or _person_word(last[0].lower()) else None


def _register_people(sp: Doc | Span, ctx: _Context) -> None:
    """Record full person names (two words or more), where the paragraph first names them, and organisations described by an appositive."""
    ctx.named_at, ctx.org_named_at = {}, {}
    for ent in sp.ents:
        if ent.label_ == "PERSON":
            words = _name_words(ent)
            name = _name_text(ent)
            given = [w for w in words if w not in _PARTICLES]  # 'de Klerk' is a surname alone, not a full name
            if len(given) >= 2 and not any(p.name == name for p in ctx.people) and _person(" ".join(words), ctx) is None:
                # (not 'van Otterdijk' after 'Robert van Otterdijk')
                ctx.people.append(_Entity(name, head=ent.root.lower_, person=True, role=_title_before(ent, ctx)))
                ctx.named_at[name] = ent.start
        elif ent.label_ == "ORG":
            if (ending := _name_ending(ent)) is not None:
                ctx.name_endings.setdefault(*ending)
            org = re.sub(r"\s+\d+\s*[-–]\s*\d+$", "", _strip_det(_name_text(ent)))  # not the score run into it: 'beat Millwall 2-1'
            if org[-2:] in ("'s", "’s"):
                ctx.orgs.setdefault(org[:-2].lower(), org)  # 'Sainsbury's said': 'Sainsbury' met elsewhere is the same name
            if (m := re.fullmatch(r"(.+?)\s*\(\s*([A-Z][\w.&-]*)\s*", org)) is not None:
                # the recogniser ran the name into its bracketed acronym: 'International Union for Conservation of Nature (IUCN'
                org = m.group(1)
                ctx.orgs[m.group(2).lower()] = org
                ctx.orgs[m.group(0).lower()] = org  # and the run-in name itself, wherever it is met again
            if " " in org and org.lower() not in ctx.orgs and (full := _shortened(org, ctx)) is not None:
                ctx.orgs[org.lower()] = org = full  # 'the Kotak Mahindra report' after 'the Kotak Mahindra Bank'
            _describe_org(ent.root, org, ctx)
            if (acronym := _acronym_after(ent)) is not None:
                ctx.orgs[acronym.lower()] = org  # 'Chartered Institute of Personnel and Development (CIPD)'
            name = ctx.orgs.get(org.lower(), org)
            if name in ctx.org_mentions:
                ctx.org_mentions.remove(name)
            else:
                ctx.org_named_at.setdefault(name, ent.start)
            ctx.org_mentions.append(name)
        elif ent.label_ not in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"):
            # a name the recogniser tagged as a work, a law or nothing useful, introduced with its acronym:
            # 'Action on Smoking and Health (ASH)' is an organisation, and 'ASH' stands for it
            m = re.fullmatch(r"(.+?)\s*\(\s*([A-Z]{2,6})\s*\)?", ent.text)
            name, acronym = (m.group(1), m.group(2)) if m else (ent.text, _acronym_after(ent))
            name = _strip_det(name)
            if acronym and _initials(name) == acronym:
                ctx.orgs.setdefault(acronym.lower(), name)
                ctx.orgs.setdefault(name.lower(), name)
                _note_org(name, ctx)
    for tok in sp:
        # a name the tagger missed or called an organisation, introduced the way news introduces people:
        # 'Pate K Chon, a counsellor who ...', 'Helena Hartlauer, 32, said'
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or not _introduced_as_person(tok):
            continue
        first = tok.i
        while first > 0 and tok.doc[first - 1].dep_ == "compound" and tok.doc[first - 1].head.i == tok.i and tok.doc[first - 1].pos_ == "PROPN":
            first -= 1
        toks = tok.doc[first : tok.i + 1]
        one = len(toks) == 1 and tok.dep_ in ("nsubj", "nsubjpass") and tok.is_title and tok.is_alpha and (
            tok.text not in ctx.name_endings)  # 'Rajagopalan, a student at ..., doesn't' (not 'Costa' after 'Helena Costa')
        if not (2 <= len(_name_words(toks)) <= 4 or one) or not all(t.text[:1].isupper() for t in toks):
            continue
        name = _name_text(toks)
        if not any(p.name == name for p in ctx.people) and _person(name, ctx) is None:
            ctx.people.append(_Entity(name, head=tok.lower_, person=True))
            ctx.named_at[name] = first


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


def _introduced_as_person(tok: Token) -> bool:
    """Whether a proper noun has an age or a person's description in apposition ('X, 32,', 'X, a counsellor who ...')."""
    lex = cue_lexicon()
    if tok.dep_ == "appos" and (is_person_noun(tok.head) or tok.head.lower_ == "head"):
        return True  # 'The finance minister, Peter Hall,', 'Head of Publicity, Ana McLaughlin,': a role, then the name
    for c in tok.children:
        if c.dep_ != "appos":
            continue
        if c.like_num and c.text.isdigit() and 1 <= int(c.text) <= 110:
            return True
        word = c.lemma_.lower()
        if c.pos_ == "NOUN" and word not in lex["organisation_nouns"] and word not in lex["source_nouns"] and (
                is_person_noun(c) or word.endswith(_AGENT_SUFFIXES) and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)):
            return True
    return False


_MODALS = {"would", "will", "could", "might", "may", "can", "should", "must", "'ll", "’ll", "wo", "ca", "shall"}
_FIRST_WORDS = {"that", "to", "if", "whether", "how", "what", "why", "when", "where", "who", "for", "about", "of", "on", "the", "a", "an", "it", "i", "we", "he", "she", "they"}


def _subject_type(tok: Token | None) -> str:
    """A coarse type of a cue's subject: a pronoun (by word), an entity label, a source noun, another noun, or none."""
    if tok is None:
        return "none"
    tok = _relative_antecedent(tok)
    low = tok.lower_
    if tok.pos_ == "PRON" or low in _PRONOUNS:
        return f"pron_{low}" if low in _PRONOUNS | {"everyone", "nobody", "someone"} else "pron_other"
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return tok.ent_type_.lower()
    if tok.pos_ == "PROPN" and not tok.is_lower:  # a lower-case 'propn' with no entity ('the atlas shows') is a tagging slip
        return "propn"
    if tok.lemma_.lower() in cue_lexicon()["source_nouns"] or low in cue_lexicon()["source_nouns"]:
        return "source_noun"
    return "noun"


def _bucket(n: int, edges: tuple[int, ...] = (1, 3, 7, 15, 30, 60)) -> str:
    """A count as a coarse bucket label: '<=3', '<=7', ..., '>60'."""
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def candidate_features(a: _Attribution, sp: Doc | Span, text: str, qspans: list[tuple[int, int, bool, bool]], section: str, index: int) -> list[str]:
    """The symbolic features the learned filter sees for one candidate attribution (paragraph-local offsets)."""
    base = _base(sp)
    kind = "direct" if a.label is not None else _kind(text, a.start, a.end, qspans)
    lemma, cat = a.lemma or "?", a.category or "?"
    subj = _subject_type(a.subject)
    toks = _tokens_in(sp, a.start, a.end)
    words = [t for t in toks if t.is_alpha or t.like_num]
    f = [f"route={a.route}", f"lemma={lemma}", f"cat={cat}", f"kind={kind}", f"section={section}", f"subj={subj}",
         f"route|kind={a.route}|{kind}", f"lemma|kind={lemma}|{kind}", f"cat|kind={cat}|{kind}", f"lemma|subj={lemma}|{subj}",
         f"cat|subj={cat}|{subj}", f"kind|subj={kind}|{subj}", f"route|subj={a.route}|{subj}", f"len={_bucket(len(words))}",
         f"kind|len={kind}|{_bucket(len(words))}", f"paragraph={_bucket(index, (0, 1, 2, 4, 8))}"]
    f += [f"rule={x}" for x in a.flags]
    if a.subject is not None and a.subject.pos_ in ("NOUN", "PROPN") and subj in ("noun", "source_noun", "propn"):
        f.append(f"subj_lemma={a.subject.lemma_.lower()}")
    cue = a.cue[0] if a.cue else None
    if cue is not None:
        f += [f"tag={cue.tag_}", f"dep={cue.dep_}", f"cat|dep={cat}|{cue.dep_}", f"lemma|tag={lemma}|{cue.tag_}"]
        for c in cue.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS:
                f.append(f"modal={c.lower_}")
            elif c.dep_ == "neg":
                f.append("negated")
            elif c.dep_ in ("dobj", "dative") and c.i != cue.i and a.route != "according":
                f.append(f"has_{c.dep_}")
        if cue.sent.text.rstrip().rstrip("\"'”’").endswith("?"):
            f.append("question_sentence")
        if cue.i > 0 and cue.doc[cue.i - 1].lower_ in _NAMING:
            f.append("cue_after_naming")
        if cue.dep_ in ("xcomp", "ccomp", "advcl", "conj") and cue.head.i != cue.i:
            f.append(f"cue_head={cue.head.lemma_.lower()}|{cue.dep_}")
        if cue.i + 1 < len(cue.doc):
            f.append(f"lemma|next={lemma}|{cue.doc[cue.i + 1].lower_ if cue.doc[cue.i + 1].is_alpha else cue.doc[cue.i + 1].text[:1]}")
        link = next((t for t in toks if t.head.i == cue.i and t.i != cue.i), None)
        if link is not None:
            f.append(f"link={link.dep_}")
            f.append(f"lemma|link={lemma}|{link.dep_}")
    if toks:
        first = toks[0].lower_
        f.append(f"first={first if first in _FIRST_WORDS else toks[0].tag_}")
        f.append(f"lemma|first={lemma}|{first if first in _FIRST_WORDS else toks[0].tag_}")
        root = next((t for t in toks if not (a.start <= t.head.idx - base < a.end) or t.head.i == t.i), toks[0])
        f.append(f"root={root.tag_}|{root.dep_}")
        if len(words) <= 4:
            f += [f"short_word={t.lemma_.lower()}" for t in words]
        if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in toks):
            f.append("clausal")
        if any(t.pos_ in ("VERB", "AUX") for t in toks):
            f.append("has_verb")
        if text[a.start : a.end].rstrip("\"'”’ ").endswith("?"):
            f.append("content_question")
        alpha = [t for t in toks if t.is_alpha]
        if alpha and len(alpha) <= 8 and all(t.is_title or t.is_stop or t.is_upper for t in alpha) and alpha[0].is_title:
            f.append(f"titlecase|kind={kind}")
        before = [t for t in toks[0].doc[max(0, toks[0].i - 3) : toks[0].i] if t.idx - base >= 0 and not t.is_punct and not t.is_space]
        if before and before[-1].lower_ in _NAMING:
            f.append(f"after_naming|kind={kind}")
        if toks[0].is_sent_start or (toks[0].i > 0 and toks[0].doc[toks[0].i - 1].is_sent_start and toks[0].doc[toks[0].i - 1].is_quote):
            f.append("starts_sentence")
    if a.start <= 1 + len(text) - len(text.lstrip()):
        f.append("opens_paragraph")
    return f


class _Selector:
    """Keeps or drops candidates: the learned filter when its weights exist, else the hand rules; or records them for training."""

    def __init__(self, model=None, collect: list | None = None):
        self.model = model
        self.collect = collect
        self.section, self.index, self.to_orig = "body", 0, None
        self.sp, self.text, self.qspans, self.names = None, "", [], []

    def paragraph(self, sp: Doc | Span, text: str, qspans: list, section: str, index: int, to_orig: Callable[[int, int], tuple[int, int]], names: list = ()) -> None:
        """Set the paragraph the next candidates come from (names: quote marks that hold a name or title, not words)."""
        self.sp, self.text, self.qspans, self.section, self.index, self.to_orig = sp, text, qspans, section, index, to_orig
        self.names = list(names)

    def keep(self, a: _Attribution) -> bool:
        """Whether to keep this candidate."""
        if _never(a, self.sp, self.text, self.qspans, self.names):
            return False
        if self.model is None and self.collect is None or a.route in _RULE_ROUTES and self.collect is None:
            return not a.flags
        feats = candidate_features(a, self.sp, self.text, self.qspans, self.section, self.index)
        if self.collect is not None:
            self.collect.append((*self.to_orig(a.start, a.end), feats))
            return True
        return self.model.probability(feats) >= self.model.threshold


_RULE_ROUTES = {"roundup", "label", "dash", "prev_subject", "headline", "resumed", "agentless", "qa"}  # layouts too rare in PolNeAR train to learn: kept by rule
_DESIRES = {"hope", "wish", "imagine", "forget"}  # a wish, a hope or an imagining reports no claim (PolNeAR counts some; news readers do not)
_MANNER = {"grin", "smile", "beam", "enthuse", "shrug"}  # speech cues only beside a direct quote
_NAMING_VERBS = {"call", "name", "dub", "nickname", "label", "term", "title"}  # verbs that give a thing its name
_INTENTIONS = {"want", "wish", "hope", "plan", "intend", "decide", "prefer", "hate", "love", "like", "favour", "favor", "aim", "try", "seek"}


def _goods_recalled(cue: Token, subject: Token | None) -> bool:
    """Whether 'recall' calls goods back rather than telling a memory: a counted object ('Toyota is recalling 1.2 million
    vehicles'), a bare plural object of a subject that is no person ('Drugmaker recalls blood pressure pills'), or a firm
    as subject ('The company is recalling the affected batches')."""
    person = subject is not None and (subject.pos_ == "PRON" or subject.ent_type_ == "PERSON" or is_person_noun(subject))
    for obj in (c for c in cue.children if c.dep_ == "dobj"):
        if any(x.dep_ == "nummod" and x.ent_type_ != "DATE" for x in obj.children):
            return True
        if obj.tag_ == "NNS" and not any(x.dep_ in ("det", "poss") for x in obj.children) and not person:
            return True
    return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in cue_lexicon()["organisation_nouns"]


def _never(a: _Attribution, sp: Doc | Span, text: str, qspans: list[tuple[int, int, bool, bool]], names: list[tuple[int, int, bool, bool]] = ()) -> str | None:
    """Why a candidate is never an attribution, whatever the learned filter says: an intention or desire ('plans to
    turn', 'wants to win'), or a name or title in quote marks ('the jungle', "Zimarco's school", 'Stand with Malala')."""
    toks = _tokens_in(sp, a.start, a.end)
    quoted = any(qs < a.end and a.start < qe for qs, qe, _, _ in qspans)
    inside = [t for t in toks if _in_any(t.idx - _base(sp), qspans)]  # the words in quote marks
    cue = a.cue[0] if a.cue else None
    if a.lemma in _NAMING_VERBS and len(a.cue) == 1 and any(ns < a.end and a.start < ne for ns, ne, _, _ in names):
        return "naming"  # 'everyone calls it "Zimarco's school"': a name given, not words said
    if quoted and len(a.cue) == 1 and _given_name(a, [t for t in inside if t.is_alpha]):
        return "naming"
    seg = text[a.start : a.end]
    lo, hi = a.start + len(seg) - len(seg.lstrip(_MARKS + "' ")), a.end - (len(seg) - len(seg.rstrip(_MARKS + "'., ")))
    if any(ns <= lo and hi <= ne for ns, ne, _, _ in names):
        return "name_or_title"  # a show's title parsed as a clause ('said on CBS's "Face the Nation."'): a name, not words said
    if quoted and cue is not None and a.lemma in ("call", "dub", "name", "refer", "know", "label", "term", "brand", "nickname", "mark", "bill") and (any(
            c.dep_ == "auxpass" for c in cue.children) or cue.dep_ in ("acl", "advcl") and cue.tag_ == "VBN") and not any(c.dep_ == "agent" for c in cue.children):
        return "naming"  # 'the protests are being referred to as the “vinegar revolution”': a name, and nobody said it
    if not quoted and cue is not None and a.lemma in _NAMING_VERBS and len(a.cue) == 1 and cue.dep_ == "acl" and (
            cue.tag_ == "VBN" or any(c.dep_ == "oprd" for c in cue.children)) and not any(
            c.dep_ == "agent" for c in cue.children):
        return "naming"  # 'a region called the insula responds to pain': what a thing is called, and nobody said it
    if quoted and a.lemma in ("mark", "stamp"):
        return "naming"  # 'crates marked “bullet-proof glass”': a label, not words said
    if not quoted and a.lemma in _INTENTIONS and toks and cue is not None and any(t.head.i == cue.i and t.dep_ == "xcomp" for t in toks):
        return "intention"
    if a.lemma in _INTENTIONS and toks and cue is not None and any(t.head.i == cue.i and t.dep_ == "dobj" for t in toks) and not _clausal(toks):
        return "intention"  # 'He is planning Britain’s first “astrovillage”': a thing planned, nothing said
    if a.lemma in ("say", "tell") and cue is not None and not quoted and any(
            c.dep_ == "dobj" and c.lower_ in ("lot", "much", "volumes", "something", "plenty") and any(p.lower_ == "about" for p in c.children)
            for c in cue.children) and (a.subject is None or not (a.subject.pos_ in ("PROPN", "PRON") or is_person_noun(a.subject))):
        return "revealing"  # 'This tactic ... says a lot about how we react': a thing revealing something, not words said
    if a.lemma == "recall" and cue is not None and _goods_recalled(cue, a.subject):
        return "product_recall"
    if a.lemma in _MANNER and not quoted:
        return "manner"  # 'she smiled at the crowd': a face or gesture reports words only beside a quote ('“It’s the sun!” grins Sparbo')
    if a.lemma in _DESIRES and not quoted:
        return "desire"  # 'Kakali hopes that ...', 'inventors who wish they had not ...', 'struggle to imagine': no claim made
    if a.lemma == "expect" and cue is not None and any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in cue.children):
        return "prospect"  # 'East Africa can expect to experience more rain': what is in store for it, not what it expects
    if cue is not None and a.lemma == "oppose" and cue.i > 0 and cue.doc[cue.i - 1].lower_ == "as":
        return "as_opposed_to"  # '65% of each pack, as opposed to a proposed 75%': a contrast, not a stance
    if a.route in ("adjacent", "quote_after") and inside and any(c.dep_ == "det" and c.i < inside[0].i - 1 for t in inside for c in t.children):
        return "part_of_phrase"  # 'A special “auditor” declares him ...': a quoted word inside a noun phrase, not words said
    if cue is not None and a.lemma == "think" and toks and all(
            t.dep_ == "prep" and t.lower_ in ("of", "about") and t.head.i == cue.i or t.dep_ == "pobj" and t.head.lower_ in ("of", "about") and t.head.head.i == cue.i
            for t in toks if t.head.i == t.i or not a.start <= t.head.idx - _base(sp) < a.end):
        return "topic"  # 'when most people think of trees that glow in the dark': what comes to mind, no claim
    if a.category == "speech" and a.subject is not None and (a.subject.lower_ in ("nobody", "none") or a.subject.lower_ == "one" and any(
            c.lower_ == "no" for c in a.subject.children)):
        return "nobody"  # 'Nobody asked about the refugee rhetoric - so Obama brought it up himself': no one said anything (but
        # 'No one expected a full 90 minutes of policy' reports a belief, and PolNeAR counts it)
    if cue is not None and any(c.dep_ == "dobj" and c.lower_ in ("nothing", "little") for c in cue.children):
        return "said_nothing"  # '..., the author would say nothing (about it)': whatever stands beside the cue was not said
    if a.route == "fragment" and a.category == "other" and toks and not _clausal(toks) and not any(t.pos_ in ("VERB", "AUX") for t in toks) and _name_like_or_named(
            inside or toks):
        return "name_or_title"  # a quoted name as the object of a verb that reports nothing ('came up with an “ecocycle ... park”')
    words = [t for t in toks if not t.is_punct]
    limit = 6 if a.category == "other" else 3  # a verb outside the lexicon reports nothing, however long the name
    if a.route == "fragment" and a.category in ("other", "action", "cognition", "evidence") and cue is not None and words and all(
            t in inside for t in words) and len(words) <= limit and all(t.is_lower or not t.is_alpha for t in words) and not any(
            t.pos_ in ("VERB", "AUX") and "-" not in (t.doc[t.i - 1].text, t.doc[t.i + 1 : t.i + 2].text) for t in words):
        # 'luxury hotels are offering “sleep retreats”', 'the release of augmented “special editions” took ...', 'came up
        # with an “ecocycle, anti-seismic underground bicycle park”', 'vitamin D – the “sunshine vitamin”' after 'believe
        # that ...': a thing under a name, not what the verb reports ('“meat-based meals”', '“stand-alones”' hold no verb)
        return "named_thing"
    if a.lemma in ("call", "name", "title", "entitle", "dub") and cue is not None and cue.dep_ in ("acl", "advcl") and cue.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "nsubj") for c in cue.children) and toks and _name_like(toks):
        return "naming"  # 'a poem she has written called 'That Beast Called Age'': a title, whatever the quote marks
    if cue is not None and a.lemma in ("prove", "show") and any(c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in cue.children):
        return "copular"  # 'Another sword slash would also have proved fatal': what something turned out to be, not a finding
    if (a.category == "evidence" or a.lemma in ("respond", "react", "reveal", "demonstrate", "show")) and a.route in (
            "cue", "inverted", "before_final", "quote_after", "quote_before", "fragment", "object", "adjacent") and _subject_type(a.subject) == "noun":
        lex = cue_lexicon()
        head = _relative_antecedent(a.subject)
        lemma = head.lemma_.lower()
        named = head.text[:1].isupper() and not any(c.dep_ == "det" for c in head.children)  # 'Sanders responded' tagged as a noun
        people = [x for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj"]
        if people and (is_person_noun(people[0]) or _source_like(people[0])):
            named = True  # 'a sub-set of 17,000 managers showed', 'half of the respondents said': people
        if not named and not is_person_noun(head) and not any(lemma in lex[k] or head.lower_ in lex[k] for k in ("finding_nouns", "source_nouns", "organisation_nouns")):
            return "inanimate"  # 'a new atlas reveals', 'the region responds': a thing, not a source
    if quoted and a.label is None:
        words = [t for t in inside if t.is_alpha]
        outside = [t for t in toks if t.is_alpha and t.i not in {x.i for x in inside}]
        if inside and not outside and (not words or _DOMAIN_RE.fullmatch(text[a.start : a.end])):
            return "name_or_title"  # a symbol, number or web domain in quote marks ('“.gov”', '“.shangrila”'): nothing said
        if words and len(words) <= 5 and not outside and not any(t.pos_ in ("VERB", "AUX") for t in inside):
            closing = text[a.start : a.end].rstrip(_MARKS + "’' ")[-1:]
            naming = _after_naming_word(inside[0]) and not _characterizes(words)
            if closing not in ",.!?…;" and (_name_like(inside) or naming or a.category not in ("speech", "according_to", "stance") and a.route != "fragment"):
                return "name_or_title"
    return None


def _name_like(toks: list[Token]) -> bool:
    """Whether quoted words look like a name or title: title-cased ('"New York values"') or holding a proper noun or possessive."""
    words = [t for t in toks if t.is_alpha]
    content = [t for t in words if not t.is_stop]
    proper = [t for t in content if t.pos_ == "PROPN"]
    # a proper noun among common words ('the "bravery, heart and soul of America"') does not make a name
    return bool(words) and all(t.is_title or t.is_stop for t in words) and words[0].is_title or any(t.tag_ == "POS" for t in toks) or (
        bool(proper) and 2 * len(proper) >= len(content))


def _after_naming_word(tok: Token) -> bool:
    """Whether a naming word ('called', 'dubbed', 'the book') comes within four tokens before this one."""
    return any(t.lower_ in _NAMING or t.pos_ == "VERB" and t.lemma_ in ("call", "name", "dub", "title", "nickname", "label", "brand")
               for t in tok.doc[max(0, tok.i - 4) : tok.i])  # 'his call for "a total ban"' names nothing


def _name_like_or_named(toks: list[Token]) -> bool:
    """Whether quoted words read as a name or title: title-cased or proper ('"New York values"'), or given after a naming
    word ('dubbed "..."'); lower-case words a speaker used ('heralded the deal as a "breakthrough"') are not."""
    return not any(t.is_alpha for t in toks) or _name_like(toks) or _after_naming_word(toks[0])


def _given_name(a: _Attribution, words: list[Token]) -> bool:
    """A short name given with a naming verb, not words said: 'calls it "the jungle"', 'dubbed him "the Donald"' (but
    'called the plan "a disaster"', 'called the deal "the worst in history"' describe)."""
    return (a.lemma in ("call", "name", "dub", "nickname", "label", "term", "title", "brand") and 0 < len(words) <= 3
            and words[0].lower_ == "the" and not any(t.tag_ in ("JJS", "JJR", "RBS") for t in words))


def _characterizes(words: list[Token]) -> bool:
    """Quoted words that describe rather than name: an indefinite noun phrase or a bare adjective ('called the plan "a
    disaster"', 'called the standards "strong"', 'called the findings "alarming but not surprising"'); a name takes 'the' or
    capitals ('they call it "the jungle"')."""
    described = [t for t in words if t.pos_ not in ("CCONJ", "PART") and t.lower_ not in ("not", "yet")]
    return words[0].lower_ in ("a", "an") or bool(described) and all(t.pos_ in ("ADJ", "ADV") for t in described)


def _default_selector() -> _Selector:
    """The selector used by the public functions: the committed learned filter."""
    from lib.quote_filter import load_model

    return _Selector(load_model())


RESUME_WINDOW = 4  # paragraphs after a person's quote in which whole quoted sentences with no cue are still theirs


def _unit_quotes(units: Iterable[tuple[Doc | Span, Callable[[int, int], tuple[int, int]], str]], source_text: str, selector: _Selector | None = None) -> list[Quote]:
    """Quotes from (parsed paragraph, offset mapper to the source text, section) units in article order."""
    selector = selector or _default_selector()
    ctx = _Context()
    quotes: list[Quote] = []
    prev: Quote | None = None  # the last attributed quote of the previous paragraph
    prev_open_chain = prev_colon = prev_fresh = False
    pending: list[tuple[int, int, str, str]] = []  # open quote paragraphs still waiting for their cue
    resumed: tuple[Quote, int] | None = None  # the last person quoted, and the paragraph where (counting non-empty ones)
    paragraphs = 0
    whole: tuple[int, int, str, int] | None = None  # the previous paragraph when it is one quote and nothing else: its
    # content (source offsets), section, and how many quotes were credited from it by a guess
    singles = single_mark_style(source_text)
    units = list(units)
    texts = [sp.text for sp, _, _ in units]  # (Doc.text rebuilds the text token by token: once per paragraph)
    ctx.interview = _is_interview(texts)
    for index, ((sp, to_orig, section), text) in enumerate(zip(units, texts)):
        marks = quote_spans(text, headline=section == "title", singles=singles)
        if ctx.interview and not ctx.interview_started and _QA_RE.match(text):
            # the person interviewed: the one the introduction was about, else the first person it named (none for a poll's questions)
            ctx.interviewee, ctx.interview_started = ctx.subject or ctx.fresh or next(iter(ctx.people), None), True
        _register_national_bodies(sp, text, ctx)
        _register_people(sp, ctx)
        ctx.paragraph_start = len(ctx.speakers)
        signed = _signature(sp, text) if whole is not None and not marks else None
        if signed is not None:
            # '"The idea that I would ...."' then '- Sanders.': the quote above is the signer's, whatever was guessed for it
            s0, e0, sec, guessed = whole
            del quotes[len(quotes) - guessed :]
            dash, mention = signed
            ent = _resolve(mention.root, mention, ctx, sp)
            ctx.speakers.append(ent)
            base = _base(sp)
            cs, ce = to_orig(dash.idx - base, dash.idx - base + 1)
            ss, se = to_orig(mention.start_char - base, mention.end_char - base)
            prev = Quote(s0, e0, source_text[s0:e0], "direct", source_text[cs:ce], "—", ent.name, ss, se, ent.role, ent.org, sec,
                         cue_start=cs, cue_end=ce)
            quotes.append(prev)
            paragraphs += 1
            resumed = (prev, paragraphs) if _is_person_quote(prev, ctx) else None
            whole, pending, prev_open_chain, prev_colon = None, [], False, False
            continue
        qspans = marks or dialogue_spans(sp, text)
        names = _listed_titles(text, qspans, [q for q in qspans if _name_span(sp, text, q[0], q[1])])
        qspans = [q for q in qspans if q not in names]
        selector.paragraph(sp, text, qspans, section, index, to_orig, names)
        keep = selector.keep
        dateline = dateline_end(text)
        answer = _qa_answer(sp, text) if ctx.interview and ctx.interviewee is not None else None  # (a poll's answers are nobody's words)
        attrs = [answer] if answer is not None else [] if ctx.interview and _QA_RE.match(text) else _attributions(sp, text, qspans, ctx, keep, dateline)
        # a headline's 'Name: words' is one quote: the headline route only where no other route already took the words
        heads = [h for h in (_headline_label(sp, text) if section == "title" else []) if not any(a.start < h.end and h.start < a.end for a in attrs)]
        attrs += [a for a in _dash_attributions(sp, text, qspans) + _label_attributions(sp, text, ctx) + heads if keep(a)]
        own: list[Quote] = []
        for a in attrs:
            known = len(ctx.speakers)
            _finish(a, sp, text, qspans, ctx, dateline)
            if dateline and a.speaker_span and a.speaker_span[1] <= dateline or dateline >= a.end:
                del ctx.speakers[known:]  # nor one a later 'it' or 'he' can mean
                continue  # the dateline's place name is not a speaker, and a dateline says nothing
            if a.subject is not None and a.subject.lower_ == "you" and (a.speaker or "").lower() == "you":
                continue  # 'depends on which version you prefer': the generic reader, never a source
            a.start = max(a.start, dateline)
            if _asked_of(a):  # (the subject stays known, for a 'he said' after it)
                a.speaker = a.role = a.org = a.speaker_span = None
            own.append(_make_quote(a, sp, text, to_orig, section, source_text, singles))
        # quoted words inside another quote's content belong to that quote's speaker: 'X said the bill maintains "business
        # as usual"' is X's mixed quote, not a direct quote of the bill
        # (but a person named as its speaker keeps it: 'She says ..., quoting the writer Cory Doctorow, who said: “…”')
        people = {p.name for p in ctx.people}
        own = [q for q in own if not (q.kind == "direct" and q.cue_start is not None and any(
            o is not q and o.start <= min(q.start, q.cue_start) and q.end <= o.end and not (q.speaker in people and q.speaker != o.speaker) for o in own))]
        # quotes in a paragraph with no cue of its own: the previous paragraph's speaker keeps talking
        # (a quote continued over paragraphs, a paragraph after 'He said:', or after a direct quote)
        inherited: list[Quote] = []
        chained = prev is not None and (prev_open_chain or prev_colon or prev.kind != "indirect")

        def inherit(qs: int, qe: int, route: str, source: Quote | None = None) -> None:
            """Credit a quote of this paragraph to an earlier quote's speaker (the previous paragraph's by default), if it is
            long enough and the filter keeps it."""
            source = source or prev
            # (a quote credited with no cue of its own, 'He draws a diagram. “…”', was speech: its follow-ons are scored as after 'say')
            if qe - qs > 15 and keep(_Attribution(qs, qe, [], None, route=route, lemma=source.cue_lemma or "say", category="inherited")):
                start, end = to_orig(qs, qe)
                inherited.append(replace(source, start=start, end=end, text=source_text[start:end], kind=_kind(text, qs, qe, qspans), section=section))

        def credit(ent: _Entity, qs: int, qe: int) -> None:
            """Credit a quote of this paragraph to a person the narration just introduced, if the filter keeps it."""
            if keep(_Attribution(qs, qe, [], None, route="prev_subject", lemma=None, category="inherited")):
                start, end = to_orig(qs, qe)
                inherited.append(Quote(start, end, source_text[start:end], _kind(text, qs, qe, qspans), None, None, ent.name, None, None,
                                       ent.role, ent.org, section))
                ctx.speakers.append(ent)

        paragraphs += bool(text.strip())
        opens_at = lambda qs: qs <= 1 + len(text) - len(text.lstrip())
        if not chained and not attrs and qspans and resumed is not None and paragraphs - resumed[1] <= RESUME_WINDOW:
            # 'Attitudes have also changed. “For many years, ... It was carnage.”': whole quoted sentences with no cue, a
            # paragraph or two after a person was quoted, are that person's still
            for qs, qe, _, closed in qspans:
                if closed and len(text[qs:qe].split()) >= 12 and _starts_sentence(sp, qs) and text[qe - 1 : qe] in ".!?…":
                    inherit(qs, qe, "resumed", resumed[0])
        if chained and not attrs:
            route = "continued" if prev_open_chain else "after_colon" if prev_colon else "after_direct"
            for qs, qe, _, _ in qspans:
                if route == "after_direct" and not _starts_sentence(sp, qs) and _after_noun_comma(sp, text, qs):
                    continue  # words quoted in apposition inside the narrator's sentence ('Its ending, “Rolled round ...”, felt apt')
                intro = None
                if route == "after_direct":
                    # a quote opening a sentence: the person the paragraph named before it; words quoted inside a sentence:
                    # its own subject ('Trump groused to a crowd that CNN “doesn't treat me properly”')
                    intro = _introduced_before(sp, qs, qspans, ctx, sentence=not _starts_sentence(sp, qs))
                    if intro is None and prev_fresh and opens_at(qs) and ctx.fresh is not None and ctx.fresh.person:
                        # '“…,” he said. George Monbiot, a commentator, was less impressed.' then a paragraph opening with a
                        # quote: the person introduced after the last quote speaks now
                        intro = ctx.fresh
                    if intro is None and not _starts_sentence(sp, qs) and len(text[qs:qe].split()) <= 6 and re.search(
                            r"\b(to|an?|the|of|as|its|their|his|her)\W*$", text[max(0, qs - 8) : qs], re.I):
                        continue  # a few words quoted as part of the narrator's phrase in a sentence about no person ('brewers
                        # have spent millions trying to “pink it and shrink it”'): no words of the person quoted before
                if intro is not None and intro.name != prev.speaker:
                    # 'Eddie Vallone, 22, is one of those on the bus every night. “People look at ...”': the person the
                    # paragraph just introduced speaks, not the previous paragraph's speaker
                    if qe - qs > 15:
                        credit(intro, qs, qe)
                    continue
                inherit(qs, qe, route)
        opens = bool(qspans) and opens_at(qspans[0][0])
        if chained and attrs and opens and not inherited:
            # '“A.” Dr X added: “B.”' opening a paragraph: A is still the previous speaker's (X's cue has its own quote)
            first_cue = min(a.cue[0].idx - _base(sp) for a in attrs if a.cue)
            for qs, qe, _, _ in qspans:
                if qe < first_cue and not any(a.start < qe and qs < a.end for a in attrs):
                    inherit(qs, qe, "continued" if prev_open_chain else "after_direct")
        if pending and opens and own and not inherited:
            # a quote run over paragraphs whose cue comes at its end: earlier paragraphs get the same speaker
            first = min(own, key=lambda q: q.start)
            inherited = [replace(first, start=s0, end=e0, text=source_text[s0:e0], kind=k, section=sec) for s0, e0, k, sec in pending]
        if opens and not own and not inherited and not pending and qspans[0][3] and ctx.fresh is not None and prev_fresh:
            # '... Peter Hall, was blunt.' then a paragraph that is only a quote: the person just introduced says it
            credit(ctx.fresh, qspans[0][0], qspans[0][1])
        if not (opens and not own and not inherited and not qspans[0][3]) and not (opens and pending and not own):
            pending = []
        if opens and not own and not inherited:
            qs, qe = qspans[0][0], qspans[0][1]
            s0, e0 = to_orig(qs, qe)
            pending.append((s0, e0, _kind(text, qs, qe, qspans), section))
        para = sorted(own + inherited, key=lambda q: q.start)
        quotes.extend(para)
        whole = None
        if opens and len(qspans) == 1 and qspans[0][3] and not own and not text[qspans[0][1] :].strip(" .,;\"'”’\n"):
            whole = (*to_orig(qspans[0][0], qspans[0][1]), section, len(para))
        after = max((a.cue[-1].i for a in attrs if a.cue), default=None)
        doc_toks = sp if after is None else (sp.doc if isinstance(sp, Span) else sp)[after + 1 : sp.end if isinstance(sp, Span) else len(sp)]
        base = _base(sp)
        outside = lambda toks: (t for t in reversed(toks) if not _in_any(t.idx - base, qspans))  # not a name the quote itself cites
        # not a person the last attribution talks about ('he found out Johansson was suing him. “…,” he said')
        newest = _person_subject((t for t in outside(doc_toks) if not any(a.start <= t.idx - base < a.end for a in attrs)), ctx)
        if newest is None and not attrs:
            # 'For Hajar Lakhael, a 25-year-old manager from Meknes, rehearsals are almost over.' then '“…,” she says': the
            # person a paragraph without quotes introduces, though not as its subject
            intro = next((t for t in outside(sp) if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and _introduced_as_person(t)), None)
            newest = _person(_name_text(_ent_of(intro)), ctx) if intro is not None and _ent_of(intro) is not None else None
        ctx.fresh = newest if newest is not None or attrs else ctx.fresh
        ctx.subject = _person_subject(outside(sp), ctx) or ctx.subject
        prev_fresh = newest is not None
        with_speaker = [q for q in para if q.speaker]
        if with_speaker:
            prev = with_speaker[-1]
            resumed = (prev, paragraphs) if _is_person_quote(prev, ctx) else None
        elif not qspans:
            prev = None
        prev_open_chain = bool(qspans) and not qspans[-1][3]
        prev_colon = text.rstrip().endswith(":")
        if prev_colon and not attrs:
            prev = _colon_cue(sp, to_orig, section, source_text, ctx) or prev
    return [replace(q, speaker=_description_case(q.speaker)) for q in quotes]


_OPENERS = {"the", "a", "an", "this", "these", "those", "that", "some", "many", "most", "several", "another", "other", "others",
            "neither", "both", "all", "each", "every", "its", "their", "his", "her", "one", "few", "no"}
_NAME_JOINERS = {"of", "for", "and", "the", "on", "in", "at", "de", "du", "la", "le", "van", "von", "&"}


def _description_case(speaker: str | None) -> str | None:
    """A described source without the capital its sentence gave it, so one source reads the same everywhere: 'The
    government said' and 'the government said' are both 'the government', 'A spokeswoman for Starbucks' is 'a spokeswoman
    for Starbucks'; a name keeps its capital ('The Guardian', 'The Bank of England': no lower-case word but joiners)."""
    words = (speaker or "").split()
    if not words or words[0].lower() not in _OPENERS or not words[0][:1].isupper() or len(words[0]) > 1 and words[0].isupper():
        return speaker
    if words[1:] and not any(w[:1].islower() and w.lower() not in _NAME_JOINERS for w in words[1:]):
        return speaker
    return speaker[:1].lower() + speaker[1:]


def _named_subject_before(sp: Doc | Span, offset: int, qspans: list[tuple[int, int, bool, bool]], since: int = 0,
                          ctx: _Context | None = None) -> Token | None:
    """The person a quote with no cue follows: the name that is the subject of the sentence right before a local offset
    in this paragraph, outside quote marks, when it names a person (tagged so, introduced like one: 'X, Professor of
    ...', or the surname of a person named earlier). Sentences about something else ('Greater openness made his return
    easier.') or about 'he' or 'she' may stand between, back to the local offset `since` (the last cue); a person named
    in any role before such a 'he' or 'she' counts ('... a godsend for Maddy Matthews, 19. Since then, she ...')."""
    base = _base(sp)
    k = _first_token_from(sp, offset)
    if k is None:
        return None
    doc = sp.doc if isinstance(sp, Span) else sp
    lo = sp.start if isinstance(sp, Span) else 0
    start = doc[k].sent.start
    pronoun = False
    nearest = None  # 'he' or 'she' as the subject of the sentence right before, when no name is found
    while start > lo:
        prev = doc[start - 1].sent
        if prev.start_char - base < since or _in_any(prev.start_char - base, qspans) or _in_any(prev[-1].idx - base, qspans):
            return nearest  # before the last cue, or itself quoted
        subj = _person_subject_of(prev, base, qspans, ctx)
        if subj is not None:
            return subj
        subjects = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        he_or_she = next((c for c in subjects if c.lower_ in ("he", "she")), None)
        about = he_or_she is not None
        if about and start == doc[k].sent.start:
            nearest = he_or_she
        if pronoun and not about:
            named = [t for t in prev if t.pos_ == "PROPN" and t.ent_iob_ == "B" and not _in_any(t.idx - base, qspans)
                     and (t.ent_type_ == "PERSON" or t.ent_type_ in _MISTAKEN_NAMES and _person_shaped(_entity_root(t))) and not _as_owner(t)]
            if named:
                return named[-1]
        pronoun = pronoun or about
        if any(c.pos_ == "PROPN" or c.lower_ not in ("he", "she") and is_person_noun(c) for c in subjects):
            return None  # someone else is the subject
        start = prev.start
    return nearest


def _as_owner(tok: Token) -> bool:
    """Whether the name a token begins stands as an owner ('... contributed to Telepathy One’s conception'), not a person
    the sentence is about."""
    ent = _ent_of(tok)
    toks = list(ent) if ent is not None else [tok]
    after = toks[-1].i + 1
    return any(t.dep_ == "poss" or t.tag_ == "POS" for t in toks) or after < len(tok.doc) and tok.doc[after].tag_ == "POS"


def _person_subject_of(sent: Span, base: int, qspans: list[tuple[int, int, bool, bool]], ctx: _Context | None = None) -> Token | None:
    """The subject of a sentence when it names a person (see _named_subject_before)."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ == "PROPN" or _known_surname(c, ctx))), None)
    if subj is None:  # 'But his friend Mark Lowe, a student, was less lucky.': the name in apposition to a noun subject
        noun = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        subj = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"), None) if noun is not None else None
        subj = subj or (_called(noun) if noun is not None else None)  # 'Her neighbor, a retired machinist named Earl Pike, nodded.'
    if subj is None or _in_any(subj.idx - base, qspans) or not (
            subj.ent_type_ == "PERSON" or subj.ent_type_ in _MISTAKEN_NAMES and _person_shaped(subj) or _known_surname(subj, ctx)):
        return None
    return subj


def _known_surname(tok: Token, ctx: _Context | None = None) -> bool:
    """Whether a capitalised word is the surname of a person named in full earlier in the document, or in an earlier
    paragraph when the resolver's context is given ('Iguchi shakes his head' after 'Takahito Iguchi', whatever the
    tagger made of it)."""
    return tok.text[:1].isupper() and (any(e.label_ == "PERSON" and len(e) > 1 and e.end <= tok.i and e[-1].text == tok.text for e in tok.doc.ents)
                                       or ctx is not None and any(len(p.name.split()) > 1 and tok.text in _surname(p.name) for p in ctx.people))


def _introduced_before(sp: Doc | Span, offset: int, qspans: list[tuple[int, int, bool, bool]], ctx: _Context,
                       sentence: bool = False) -> _Entity | None:
    """A known person who is the subject of a sentence of this paragraph (or, when asked, of the sentence around the
    offset) before a local offset, outside quote marks."""
    base = _base(sp)
    scope: Iterable[Token] = sp
    if sentence:
        k = _first_token_from(sp, offset)
        if k is None:
            return None
        scope = (sp.doc if isinstance(sp, Span) else sp)[k].sent
    toks = [t for t in scope if t.idx - base < offset and not _in_any(t.idx - base, qspans)]
    return _person_subject(reversed(toks), ctx)


def _is_person_quote(q: Quote, ctx: _Context) -> bool:
    """Whether a quote's speaker is a person the resolver knows (not an organisation, a group or a pronoun left unresolved)."""
    return bool(q.speaker) and any(e.person and not e.plural and e.name == q.speaker for e in ctx.speakers[-3:])


def _colon_cue(sp: Doc | Span, to_orig: Callable[[int, int], tuple[int, int]], section: str, source_text: str, ctx: _Context) -> Quote | None:
    """'He said:' closing a paragraph: a speaker-and-cue template for the quote in the next paragraph."""
    sent = list(sp.sents)[-1]
    for tok in reversed(sent):
        found = _cue_at(tok)
        if found is None or found[2] != "speech":
            continue
        subject = _subject(tok)
        if subject is None:
            return None
        a = _Attribution(0, 0, found[0], subject, kind="direct")
        _finish(a, sp, sp.text, [], ctx)
        q = _make_quote(a, sp, sp.text, to_orig, section, source_text)
        return replace(q, kind="direct")
    return None


_SIGNING_NAME = r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z\u00C0-\u024F][\w.'’-]*){0,5})"  # a name signing a quote, up to six words
_DASH_RE = re.compile(r"^\s*[―—–]{1,2}\s*" + _SIGNING_NAME + r"[\s.,]*$")


def _dash_attributions(sp: Doc | Span, text: str, qspans: list[tuple[int, int, bool, bool]]) -> list[_Attribution]:
    """'"..." ― Pamela Padilla': a quote signed with a dash and a name at the end of its paragraph."""
    if not qspans:
        return []
    qs, qe, _, _ = qspans[-1]
    close = qe + 1 if qe < len(text) else qe
    m = _DASH_RE.match(text[close:])
    if not m:
        return []
    base = _base(sp)
    dash = next((t for t in sp if t.idx - base >= close and t.text[:1] in "―—–"), None)
    name = [t for t in sp if close + m.start("name") <= t.idx - base < close + m.end("name")]
    if dash is None or not name:
        return []
    head = next((t for t in name if t.head.i == t.i or not (name[0].i <= t.head.i <= name[-1].i)), name[-1])
    return [_Attribution(qspans[0][0], qe, [dash], head, route="dash", lemma="—", category="speech")]


# a paragraph that only signs the quote above it: '- Bernie Sanders.', '—Michelle Marks, Philadelphia.' (a hyphen too)
_SIGNATURE_RE = re.compile(r"^\s*(?P<dash>[-–—―]{1,2})\s*" + _SIGNING_NAME + r"(?:,[^\n]{0,80})?[\s.]*$")


def _signature(sp: Doc | Span, text: str) -> tuple[Token, Span] | None:
    """(dash, name) of a paragraph that only signs the quote of the paragraph above it, else None (the name's first
    token may keep the dash: '-President Obama', see _name_tokens)."""
    m = _SIGNATURE_RE.match(text)
    if not m or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sp):
        return None  # '- Sanders, who won Michigan, said ...' is a sentence with its own verb, not a signature
    base = _base(sp)
    toks = [t for t in sp if m.start("dash") <= t.idx - base < m.end("name")]
    name = [t for t in toks if t.idx - base + len(t) > m.start("name") and not t.is_punct]
    if not toks or not name:
        return None
    return toks[0], sp.doc[name[0].i : name[-1].i + 1]


_LABEL_RE = re.compile(r"^\s*[\"“]?(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s+(?P<rest>\S)")
_NOT_SPEAKERS = {"UPDATE", "UPDATED", "CLARIFICATION", "CORRECTION", "NOTE", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "READ", "BYLINE", "DATELINE",
                 "RELATED", "ABSTRACT", "FULL TEXT", "Q", "A", "EDITOR'S NOTE", "EDITOR’S NOTE", "SOURCE", "SOURCES", "BREAKING",
                 "EMAIL", "E-MAIL", "PHONE", "TEL", "CONTACT", "TWITTER", "FOLLOW", "CREDIT", "TAGS", "TOPICS", "WEB", "WEBSITE"}
_LABEL_VERBS = {"IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "WILL", "CAN", "DOES", "DO", "DID"}  # 'FIX IS IN: ...' is a headline, not a speaker


_QA_RE = re.compile(r"^\s*(?P<label>Q|A|Question|Answer)\s*[:.]\s+(?P<rest>\S)")


def _is_interview(texts: Iterable[str]) -> bool:
    """Whether paragraphs are laid out as an interview: at least one 'Q:' and one 'A:' paragraph."""
    labels = {m.group("label")[0] for t in texts if (m := _QA_RE.match(t))}
    return labels == {"Q", "A"}


def _qa_answer(sp: Doc | Span, text: str) -> _Attribution | None:
    """An interview's answer paragraph ('A: We have two players out, but ...'): all of it, in quote marks or not, is a
    direct quote of the person interviewed (see _finish)."""
    m = _QA_RE.match(text)
    if m is None or m.group("label")[0] != "A":
        return None
    base = _base(sp)
    label = [t for t in sp if m.start("label") <= t.idx - base < m.start("rest") and not t.is_space]
    s, e = _trim(text, m.start("rest"), len(text.rstrip()))
    if not label or e - s < 2:
        return None
    return _Attribution(s, e, label[-1:], None, kind="direct", route="qa", lemma=":", category="speech")


def _label_attributions(sp: Doc | Span, text: str, ctx: _Context) -> list[_Attribution]:
    """Transcript turns: 'PENCE: Well, look, ...' is a direct quote of the labelled speaker."""
    m = _LABEL_RE.match(text)
    if not m or m.group("name") in _NOT_SPEAKERS or len(m.group("name")) < 2 or _LABEL_VERBS & set(m.group("name").split()):
        return []
    base = _base(sp)
    name_toks = [t for t in sp if m.start("name") <= t.idx - base < m.end("name")]
    colon = next((t for t in sp if t.idx - base >= m.end("name") and t.text == ":"), None)
    if not name_toks or colon is None:
        return []
    end = len(text.rstrip())
    if text[end - 1 : end] in "\"”":
        end -= 1
    a = _Attribution(m.start("rest"), end, [colon], name_toks[-1], kind="direct", label=m.group("name"), route="label", lemma=":", category="speech")
    a.speaker_span = (m.start("name"), m.end("name"))
    return [a]


_HEADLINE_LABEL_RE = re.compile(r"^\s*(?P<name>[A-Z][^:\n]{0,60}?):\s+(?P<rest>\S)")


def _clause_verb(tok: Token, name: list[Token], ent: Span | None) -> bool:
    """Whether a verb before a headline's colon makes a clause of it: a verb outside the named entity that reports nothing,
    a relative clause, or a verb with its own subject before it ('The One Thing Both Sides Want')."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return (_cue_at(tok) is None and (ent is None or not ent.start <= tok.i < ent.end) or tok.dep_ == "relcl"
            or any(c.dep_ in ("nsubj", "nsubjpass") and name[0].i <= c.i < tok.i for c in tok.children))


def _headline_label(sp: Doc | Span, text: str) -> list[_Attribution]:
    """A headline that gives its source before a colon ('John McCain: Populist anger appeals to ...', 'NY Post: ...'):
    the rest of the headline is what that person or organisation said. The source is a named person or organisation
    (or a lone proper noun) and is the headline's own subject, not its topic ('The Latest: ...', 'Analysis: ...')."""
    m = _HEADLINE_LABEL_RE.match(text)
    if not m or m.group("name").strip().upper() in _NOT_SPEAKERS:
        return []
    base = _base(sp)
    name = [t for t in sp if m.start("name") <= t.idx - base < m.end("name") and not t.is_space]
    colon = next((t for t in sp if t.idx - base >= m.end("name") and t.text == ":"), None)
    words = [t for t in name if t.is_alpha]
    if not name or colon is None or not words or len(words) > 6:
        return []
    ents = [e for e in (sp.ents if isinstance(sp, Span) else sp.doc.ents) if name[0].i <= e.start and e.end <= name[-1].i + 1 and e.label_ in ("PERSON", "ORG")]
    ent = next((e for e in ents if e.label_ == "PERSON"), None) or (ents[0] if ents else None)
    if any(_clause_verb(t, name, ent) for t in name):
        return []  # 'The One Thing Both Sides Want: Break Up Banks' names a topic with a clause, not a source
    if ent is not None:
        head = ent.root
    elif len(name) <= 2 and all(t.pos_ == "PROPN" and t.is_title for t in name):
        head = name[-1]  # 'Lynch: No outside influence on ...' (a surname the tagger did not call a person)
    else:
        return []
    end = len(text.rstrip())
    return [_Attribution(m.start("rest"), end, [colon], head, route="headline", lemma=":", category="speech")]


def _make_quote(a: _Attribution, sp: Doc | Span, text: str, to_orig: Callable[[int, int], tuple[int, int]], section: str, source_text: str,
                singles: bool = False) -> Quote:
    """Turn a local attribution into a Quote with offsets into the original text (singles: the article quotes with single
    marks, see single_mark_style)."""
    base = _base(sp)
    start, end = to_orig(a.start, _closed(text, a.start, a.end, single_marks=section == "title" or singles))
    cs, ce = to_orig(a.cue[0].idx - base, a.cue[-1].idx + len(a.cue[-1]) - base) if a.cue else (None, None)  # no cue: see _named_subject_before
    ss, se = to_orig(*a.speaker_span) if a.speaker_span is not None else (None, None)
    cue_text = " ".join(t.text for t in a.cue) or None
    lemma = None if cue_text is None else "according to" if cue_text.lower() == "according to" else " ".join(t.lemma_.lower() for t in a.cue)
    return Quote(
        start=start, end=end, text=source_text[start:end], kind=a.kind, cue=cue_text, cue_lemma=lemma,
        speaker=a.speaker, speaker_start=ss, speaker_end=se, role=a.role, org=a.org, section=section,
        cue_start=cs, cue_end=ce,
    )


def _nlp(nlp: Language | None) -> Language:
    """The given pipeline, or the project's cached English pipeline."""
    if nlp is not None:
        return nlp
    from lib.nlp import load_pipeline

    return load_pipeline()


def quotes_from_docs(article: Article, docs: Iterable[Doc]) -> list[Quote]:
    """Quotes in a parsed article whose paragraphs are already parsed (one Doc per paragraph, in order)."""
    units = ((doc, p.span_to_original, SECTIONS[p.kind]) for p, doc in zip(article.paragraphs, docs))
    return _unit_quotes(units, article.text)


def article_quotes(article: Article, nlp: Language | None = None) -> list[Quote]:
    """Quotes in a parsed article (boilerplate already removed), offsets into `article.text`."""
    from lib.nlp import pipe_paragraphs

    return quotes_from_docs(article, pipe_paragraphs((p.text for p in article.paragraphs), _nlp(nlp)))


def extract_quotes(text: str | Article, nlp: Language | None = None) -> list[Quote]:
    """Extract quotes from an article's text (or a parsed Article); offsets refer to the input text."""
    article = text if isinstance(text, Article) else parse_article(text)
    return article_quotes(article, nlp)


@Language.factory("quotes")
def _quotes_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """spaCy component: sets doc._.quotes on a parsed Doc of a whole article (offsets into doc.text)."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)

    def component(doc: Doc) -> Doc:
        if not doc.text.strip():
            doc._.quotes = []
            return doc
        article = parse_article(doc.text)
        units = []
        for p in article.paragraphs:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            off = span.start_char
            units.append((span, lambda s, e, off=off: (s + off, e + off), SECTIONS[p.kind]))
        doc._.quotes = _unit_quotes(units, doc.text)
        return doc

    return component


def quote_ids(n: int) -> list[str]:
    """The ids of an article's n quotes in article order: Q1, Q2, ... (the same in every table and figure)."""
    return [f"Q{i}" for i in range(1, n + 1)]


def quotes_table(quotes: list[Quote]) -> "pd.DataFrame":
    """The quotes as a table indexed by quote id (Q1, Q2, ...): speaker, role, organisation, kind, cue, section and text."""
    import pandas as pd

    cols = ["speaker", "role", "org", "kind", "cue", "section", "start", "end", "text"]
    df = pd.DataFrame([{c: getattr(q, c) for c in cols} for q in quotes], columns=cols)
    df.index = pd.Index(quote_ids(len(df)), name="id")
    return df


def displacy_data(text: str, quotes: list[Quote], start: int = 0, end: int | None = None) -> dict:
    """Manual displaCy 'ent' data marking quotes, cues and speaker mentions in text[start:end] (overlaps dropped)."""
    end = len(text) if end is None else end
    marks = []
    for q in quotes:
        marks.append((q.start, q.end, q.kind.upper()))
        if q.cue_start is not None and q.cue:
            marks.append((q.cue_start, q.cue_end, "CUE"))
        if q.speaker_start is not None:
            marks.append((q.speaker_start, q.speaker_end, "SPEAKER"))
    ents, last = [], start
    for s, e, label in sorted(set(marks), key=lambda m: (m[0], -(m[1] - m[0]))):
        if s >= last and e <= end and e > s:
            ents.append({"start": s - start, "end": e - start, "label": label})
            last = e
    return {"text": text[start:end], "ents": ents, "title": None}


DISPLACY_COLORS = {"DIRECT": "#E69F00", "MIXED": "#F0E442", "INDIRECT": "#56B4E9", "CUE": "#CC79A7", "SPEAKER": "#009E73"}


def train_main(argv: list[str]) -> int:
    """CLI: refit the learned filter (lib/data/quote_filter.json) on a PolNeAR-format train folder."""
    from lib.quote_filter import TRAIN_DIR, WEIGHTS, train

    parser = argparse.ArgumentParser(prog="python -m lib.quotes train", description="Refit the learned quote filter on PolNeAR train (never dev).")
    parser.add_argument("--folder", type=Path, default=TRAIN_DIR, help="PolNeAR-format folder with text/ and attributions/")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights (JSON)")
    args = parser.parse_args(argv)
    if not (args.folder / "text").is_dir():
        print(f"error: {args.folder}: expected a PolNeAR-format folder with text/ and attributions/", file=sys.stderr)
        return 2
    res = train(args.folder, args.out)
    b = res["best"]
    print(f"chose c={b['c']} threshold={b['threshold']} by grouped 5-fold CV on {args.folder} "
          f"(CV precision {b['precision 30%']:.3f}, recall {b['recall 30%']:.3f}, F1 {b['F1']:.3f}, direct {b['direct recall']:.3f}); "
          f"{res['features']} features; wrote {args.out} in {res['seconds']} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    """CLI: print one JSON object per quote per line for each file (or `train` to refit the learned filter)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["train"]:
        return train_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m lib.quotes", description="Extract quotes from news articles (text files), one JSON object per quote per line.",
        epilog="Offsets are character offsets into the decoded text of the file, read without newline translation "
               "(in Python: open(path, encoding=ENCODING, newline='').read(), ENCODING from the 'encoding' field). "
               "`python -m lib.quotes train` refits the learned filter on PolNeAR train.")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    from lib.article import one_line_warnings
    from lib.nlp import load_pipeline

    one_line_warnings()
    nlp = load_pipeline()
    status = 0
    for path in args.files:
        try:
            article = load_article(path)
            rows = [{"file": path.name, "path": str(path), "encoding": getattr(article, "encoding", None) or "utf-8", **asdict(q)}
                    for q in article_quotes(article, nlp)]
        except Exception as exc:  # one bad file never stops the others
            reason = str(exc) or type(exc).__name__
            reason = reason[len(str(path)) + 2 :] if reason.startswith(f"{path}: ") else reason
            print(f"error: {path}: {reason}", file=sys.stderr, flush=True)
            status = 1
            continue
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        sys.stdout.flush()
    return status


if __name__ == "__main__":
    from lib.article import exit_cli

    exit_cli(main)
