"""Turn a raw news article into clean, traceable paragraphs.

Every paragraph and every removed piece of boilerplate keeps character offsets
into the original text, so any later result can be traced back to the page.
"""
from __future__ import annotations

import bisect
import html
import json
import re
import warnings
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Callable, NoReturn

DATA_DIR = Path(__file__).parent / "data"

KINDS = ("title", "subtitle", "caption", "body")

# Characters that carry no text: zero-width marks, the byte-order mark, and C0 control characters other than whitespace.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff" + "".join(map(chr, [*range(0, 9), *range(14, 28), 127]))
# Typographic ligatures that PDF and print sources leave in the text ('ﬁnds', 'ofﬁcer'): read as their letters, so that
# words are words to the parser; each maps back to the one character it came from.
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_TERMINAL = ".!?\"”’'…"
# Line breaks of every convention: CRLF, LF, CR (old Mac files), form feed, vertical tab, file/group/record separators,
# NEL, and the Unicode line and paragraph separators.
_BREAK_RE = re.compile("\r\n|[\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]")
_HEADER_LABEL_RE = re.compile(
    r"(?P<label>\b(?:DATE|Date|Published|Posted|Updated)[ \t\xa0]*:[ \t\xa0]*)"
    r"(?P<date>\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
# A related-article teaser ends with a time stamp and a section: `Headline 2023-09-06 09:17 | North Korea`.
# Searched from the stamp (not from the line start), with possessive quantifiers: linear on any line.
_TEASER_RE = re.compile(r"(?P<stamp>\d{4}-\d{2}-\d{2}\s++\d{1,2}:\d{2})\s*+\|\s*+(?P<section>[^|]{1,40})$")
# Possessive quantifiers (*+, Python 3.11) so that no byline-like line makes the pattern backtrack.
_NAME_WORD = r"[A-Z][\w.'’-]*+"
_BYLINE_RE = re.compile(
    rf"^By\s++(?P<name>{_NAME_WORD}(?:\s++(?:{_NAME_WORD}|de|da|van|von|bin|al|del|la|le)\b)*+"
    rf"(?:\s*+(?:,|&|\band\b)\s*+{_NAME_WORD}(?:\s++{_NAME_WORD})*+)*+)"
    r"(?:\s*+[,|/]\s*+(?P<role>[^.!?]{0,60}))?\s*$"
)
_ATTR = r"""\s+[a-zA-Z_:][-\w:.]*+(?:\s*=\s*(?:"[^"\n]{0,5000}"|'[^'\n]{0,5000}'|[^\s"'=<>`]++))?"""
_TAG_CANDIDATE_RE = re.compile(rf"<(?P<close>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9]*+)(?P<attrs>(?:{_ATTR})*+)\s*/?>|<!--.{{0,5000}}?-->"
                               r"|(?P<doctype>(?i:<!doctype\s[^<>]{0,500}>))", re.S)
_BARE_ATTR_RE = re.compile(r"""\s+([a-zA-Z_:][-\w:.]*)(?=\s|$)(?!\s*=)""")
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_WS_RE = re.compile(r"\s+")
_NEEDS_CLEANING_RE = re.compile(r"[^\S ]| {2}|&|[" + re.escape(_INVISIBLE + "".join(_LIGATURES)) + "]")
_BLOCK_TAGS = ("script", "style", "noscript", "template", "nav")  # code, and a page's navigation menu: never article text
# Block-level elements start a new paragraph, as a blank line does in plain text, and <br> starts a new line: a page
# saved on one line ('<title>T</title>…<p>Mary Jones said …</p>') must not glue its title to its first paragraph.
_PARAGRAPH_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
))
_BREAKING_TAGS = _PARAGRAPH_TAGS | {"br"}  # inside a kept paragraph (a hard-wrap join), each reads as a space
_TAG_NAME_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_BLOCK_RE = re.compile(r"<(?P<tag>" + "|".join(_BLOCK_TAGS) + r")\b[^>]{0,2000}>.*?</(?P=tag)\s*>", re.S | re.I)


@dataclass(frozen=True)
class Removed:
    """A piece of boilerplate taken out of the article, with its place in the original text."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """A kept paragraph: cleaned text, its span in the original text, and its kind."""

    text: str
    start: int
    end: int
    kind: str
    # Offset map from cleaned text to original text: runs that start at clean
    # position _clean[i] and original position _orig[i] and advance together.
    _clean: tuple[int, ...] = field(default=(0,), repr=False, compare=False)
    _orig: tuple[int, ...] = field(default=(0,), repr=False, compare=False)

    def to_original(self, offset: int) -> int:
        """Map a character offset in `text` to the matching offset in the original article text."""
        if offset >= len(self.text):
            return self.end if offset == len(self.text) else self.end + (offset - len(self.text))
        i = bisect.bisect_right(self._clean, offset) - 1
        return self._orig[i] + (offset - self._clean[i])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to a span of the original article text."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True)
class Article:
    """A parsed news article: original text, header fields, kept paragraphs and removed boilerplate."""

    text: str
    source: str | None
    title: str
    published: datetime | None
    author: str | None
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]
    encoding: str = "utf-8"
    encoding_guessed: bool = False

    @property
    def label(self) -> str:
        """The title, or the file name marked as such when the article has no title line."""
        if self.title:
            return self.title
        return f"{Path(self.source).stem} (file name; no title line)" if self.source else "(untitled text)"

    @property
    def kept_text(self) -> str:
        """The original text with every removed piece blanked out (same length, so every offset still holds)."""
        chars = list(self.text)
        for r in self.removed:
            for i in range(r.start, r.end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        return "".join(chars)

    @property
    def clean_text(self) -> str:
        """The kept paragraphs, cleaned, separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """The body paragraphs only (no title, subtitle or captions)."""
        return tuple(p for p in self.paragraphs if p.kind == "body")


@dataclass(frozen=True)
class DateClue:
    """A date or relative-time expression found in the article, with what it implies."""

    text: str
    start: int
    end: int
    kind: str  # header, date, month-day, month, year, relative
    value: date | None
    where: str  # paragraph kind, or "removed: <reason>"
    note: str = ""


@lru_cache(maxsize=1)
def _patterns() -> dict:
    """Load the boilerplate lexicon from lib/data/boilerplate.json and compile it."""
    data = json.loads((DATA_DIR / "boilerplate.json").read_text(encoding="utf-8"))
    agencies = sorted(data["photo_agencies"], key=len, reverse=True)
    agency = "|".join(re.escape(a) for a in agencies)
    credit_alts = [rf"(?:{agency})(?:\s*[-/]\s*(?:{agency}))*+"] + data["photo_credit_patterns"]
    credit = re.compile(rf"(?:(?<=[.!?)\]”\"’'])|^)\s*(?P<credit>(?:{'|'.join(credit_alts)}))\s*$")
    teaser = "|".join(re.escape(p) for p in sorted(data["teaser_prefixes"], key=len, reverse=True))
    return {
        "credit": credit,
        "caption": re.compile("|".join(data["caption_openers"]), re.IGNORECASE),
        "teaser_prefix": re.compile(rf"^(?:{teaser})\s*(?:[:|»>–—-]|$)", re.IGNORECASE),
        "junk": {j.casefold() for j in data["junk_lines"]},
        "note": re.compile("^(?:" + "|".join(re.escape(p) for p in data["note_prefixes"]) + r")\s*:"),
        "elements": frozenset(e.lower() for e in data["html_elements"]),
        "boolean_attributes": frozenset(a.lower() for a in data["html_boolean_attributes"]),
    }


def html_tags(text: str) -> list[tuple[int, int, str]]:
    """Real HTML markup in a text as (start, end, reason): known element names with well-formed attributes, comments and
    the <!DOCTYPE html> declaration.

    Angle brackets in plain text (`Shares of <Acme Corp> rose`, `a<b and c>d`) are not tags: the name must be an
    HTML element and any attribute without a value must be one of HTML's boolean attributes. An opening tag
    followed only by whitespace and its closing tag (`<strong></strong>`) is one 'empty html tag'.
    """
    pat = _patterns()
    found: list[tuple[int, int, str, str, bool]] = []
    for m in _TAG_CANDIDATE_RE.finditer(text):
        if m.group("tag") is None:  # a comment, or the document type declaration that opens a saved page
            found.append((m.start(), m.end(), "", "html tag" if m.group("doctype") else "html comment", False))
            continue
        name, attrs = m.group("tag").lower(), m.group("attrs") or ""
        if name not in pat["elements"]:
            continue
        if m.group("close") and attrs.strip():
            continue
        if any(a.lower() not in pat["boolean_attributes"] for a in _BARE_ATTR_RE.findall(attrs)):
            continue
        found.append((m.start(), m.end(), name, "html tag", bool(m.group("close"))))
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(found):
        s, e, name, reason, closing = found[i]
        if (i + 1 < len(found) and not closing and name and found[i + 1][2] == name and found[i + 1][4]
                and not text[e : found[i + 1][0]].strip()):
            out.append((s, found[i + 1][1], "empty html tag"))
            i += 2
            continue
        out.append((s, e, reason))
        i += 1
    return out


def _strip_tags(s: str) -> str:
    """The text without its HTML markup."""
    pos, parts = 0, []
    for a, b, _ in html_tags(s):
        parts.append(s[pos:a])
        pos = b
    parts.append(s[pos:])
    return "".join(parts)


def _normalise(s: str) -> str:
    """A comparison key for a line: tags and entities resolved, invisible characters dropped, whitespace collapsed."""
    s = html.unescape(_strip_tags(s))
    return _WS_RE.sub(" ", s.translate(_PLAIN_LETTERS)).strip()


# invisible characters dropped, ligatures read as their letters
_PLAIN_LETTERS = {ord(c): None for c in _INVISIBLE} | {ord(c): letters for c, letters in _LIGATURES.items()}


def _clean(text: str, start: int, end: int, cuts: list[tuple[int, int]], spaces: frozenset[int] = frozenset()) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Cleaned text of text[start:end] without the cut spans, and its offset map to the original.

    A cut whose start is in `spaces` (a <br> or block-level tag inside a paragraph) reads as one space, mapped to the cut.
    """
    pieces: list[tuple[int, int, int | None]] = []  # start, end, and where a space before the piece comes from
    pos = start
    space: int | None = None
    for s, e in sorted(cuts):
        if s > pos:
            pieces.append((pos, s, space))
            space = None
        if s in spaces and space is None:
            space = s
        pos = max(pos, e)
    if pos < end:
        pieces.append((pos, end, space))
    chars: list[str] = []
    clean_runs: list[int] = []
    orig_runs: list[int] = []
    n = 0
    last_space = True  # drops leading whitespace

    def emit(seg: str, orig: int, one_to_one: bool) -> None:
        nonlocal n, last_space
        for k, ch in enumerate(seg):
            if ch in _INVISIBLE:
                continue
            if ch in _LIGATURES:
                emit(_LIGATURES[ch], orig + k if one_to_one else orig, False)
                continue
            if ch.isspace():
                if last_space:
                    continue
                ch = " "
                last_space = True
            else:
                last_space = False
            o = orig + k if one_to_one else orig
            if not clean_runs or not one_to_one or o != orig_runs[-1] + (n - clean_runs[-1]):
                clean_runs.append(n)
                orig_runs.append(o)
            chars.append(ch)
            n += 1

    for s, e, space in pieces:
        if space is not None:
            emit(" ", space, False)
        seg = text[s:e]
        if not _NEEDS_CLEANING_RE.search(seg):
            # fast path: only single plain spaces, no entities or invisible characters, so copy the piece as is
            if last_space:
                stripped = seg.lstrip(" ")
                s += len(seg) - len(stripped)
                seg = stripped
            if seg:
                clean_runs.append(n)
                orig_runs.append(s)
                chars.append(seg)
                n += len(seg)
                last_space = seg[-1] == " "
            continue
        pos = 0
        for m in _ENTITY_RE.finditer(seg):
            emit(seg[pos : m.start()], s + pos, True)
            emit(html.unescape(m.group()), s + m.start(), False)
            pos = m.end()
        emit(seg[pos:], s + pos, True)
    out = "".join(chars)
    if out.endswith(" "):
        out = out.rstrip(" ")
    if not clean_runs:
        clean_runs, orig_runs = [0], [start]
    return out, tuple(clean_runs), tuple(orig_runs)


def _tag_name(text: str, at: int) -> str:
    """The lower-case element name of the HTML tag starting at text[at] ('' for a comment)."""
    m = _TAG_NAME_RE.match(text, at)
    return m.group(1).lower() if m else ""


def _reads_as_space(text: str, start: int, reason: str) -> bool:
    """Whether markup removed from a paragraph at `start` reads as a space there: a <br> or a block-level tag."""
    return reason == "html tag" and _tag_name(text, start) in _BREAKING_TAGS


def _html_breaks(text: str) -> dict[int, bool]:
    """Positions where HTML markup breaks a line: before and after each block-level tag (True: a new paragraph) and
    after each <br> (False: a new line in the same paragraph)."""
    out: dict[int, bool] = {}
    for a, b, _ in html_tags(text):
        name = _tag_name(text, a)
        if name in _PARAGRAPH_TAGS:
            out[a] = out[b] = True
        elif name == "br":
            out[b] = out.get(b, False)
    return out


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Non-blank lines as (start, end, block) with whitespace trimmed; block counts blank-line-separated groups.

    Every line-ending convention breaks a line (see _BREAK_RE), so CR-only files and form feeds split too; so do
    block-level HTML tags (a new block) and <br> (see _html_breaks), so a page saved on one line keeps its paragraphs.
    """
    out = []
    block = 0
    blank = False
    starts = [0] + [m.end() for m in _BREAK_RE.finditer(text)]
    ends = [m.start() for m in _BREAK_RE.finditer(text)] + [len(text)]
    splits = _html_breaks(text) if "<" in text else {}
    cut_at = sorted(splits)
    for s0, e0 in zip(starts, ends):
        inner = cut_at[bisect.bisect_right(cut_at, s0) : bisect.bisect_left(cut_at, e0)]
        for s, e in zip([s0, *inner], [*inner, e0]):
            if s != s0 and splits[s]:
                blank = True  # a block-level tag starts a new paragraph
            seg = text[s:e]
            if not seg.strip().strip(_INVISIBLE).strip():
                blank = blank or (s == s0 and e == e0)  # a blank line
                continue
            if blank and out:
                block += 1
            blank = False
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            out.append((s + lead, e - trail, block))
    return out


def _block_cuts(text: str) -> list[tuple[int, int, str]]:
    """Spans of <script>, <style>, <noscript>, <template> and <nav> elements, contents included (a saved web page's code
    and menus)."""
    return [(m.start(), m.end(), f"html {m.group('tag').lower()}") for m in _BLOCK_RE.finditer(text)]


def _looks_like_title(norm: str, blank_after: bool) -> bool:
    """Whether an article's first line is a headline: short, and set apart by a blank line or not ending a sentence."""
    if len(norm) > 300 or len(norm.split()) > 25:
        return False
    return blank_after or norm.rstrip("\"”’')]").endswith(tuple(".!?…:")) is False


def _line_cuts(text: str, s: int, e: int, blocks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Markup inside the line text[s:e]: parts of script/style blocks, then HTML tags outside them, as (start, end, reason)."""
    cuts = [(max(a, s), min(b, e), r) for a, b, r in blocks if a < e and b > s]
    pos, line = s, text[s:e]
    for a, b, r in sorted(cuts) + [(e, e, "")]:
        for ta, tb, reason in html_tags(text[pos:a]):
            cuts.append((pos + ta, pos + tb, reason))
        pos = max(pos, b)
    return sorted(cuts) if line else []


def _without(text: str, s: int, e: int, cuts: list[tuple[int, int, str]]) -> str:
    """text[s:e] with the cut spans taken out."""
    parts, pos = [], s
    for a, b, _ in sorted(cuts):
        parts.append(text[pos:a])
        pos = max(pos, b)
    parts.append(text[pos:e])
    return "".join(parts)


def parse_article(text: str, source: str | None = None) -> Article:
    """Parse a news article's text into header fields, kept paragraphs and removed boilerplate."""
    where = f"{source}: " if source else ""
    if not isinstance(text, str):
        raise TypeError(f"{where}expected article text as str, got {type(text).__name__}")
    if not text.strip().strip(_INVISIBLE).strip():
        raise ValueError(f"{where}the article is empty (no text besides whitespace)")
    pat = _patterns()
    removed: list[Removed] = []
    kept: list[tuple[int, int, str, list[tuple[int, int, str]]]] = []  # start, end, kind, inline cuts
    title = ""
    published = None
    author = None
    seen: dict[str, str] = {}  # normalised line -> kind of its first copy
    body_started = False
    title_checked = False

    def remove(s: int, e: int, reason: str) -> None:
        removed.append(Removed(text[s:e], s, e, reason))

    lines = _lines(text)
    blocks = _block_cuts(text) if "<" in text else []
    for i, (s, e, block) in enumerate(lines):
        line = text[s:e]
        cuts = _line_cuts(text, s, e, blocks) if "<" in line or blocks else []
        norm = _normalise(_without(text, s, e, cuts)) if cuts else _normalise(line)
        if not norm:
            reasons = sorted({r for _, _, r in cuts}) or ["html tag"]
            remove(s, e, reasons[0] if len(reasons) == 1 else "html markup")
            continue
        if not title_checked:
            m = _HEADER_LABEL_RE.search(line)
            if m:  # `Title  DATE: 2024-06-02 01:15:36`: the header date ends the first line
                published = _parse_date(m.group("date"))
                remove(s + m.start("label"), e, "header date")
                title_end = s + len(line[: m.start("label")].rstrip())
                if title_end > s:
                    title_cuts = [c for c in cuts if c[1] <= title_end]
                    kept.append((s, title_end, "title", title_cuts))
                    title = _normalise(_without(text, s, title_end, title_cuts))
                    title_checked = True
                continue
        if norm.casefold() in pat["junk"]:
            remove(s, e, "web furniture")
            continue
        if pat["note"].match(norm) or (
            removed and removed[-1].reason == "editor's note" and removed[-1].end == lines[i - 1][1]
            and lines[i - 1][2] == block and norm[:1].islower()
        ):
            remove(s, e, "editor's note")
            continue
        teaser = _TEASER_RE.search(norm)
        if (teaser and norm[: teaser.start()].strip()) or (pat["teaser_prefix"].match(norm) and len(norm) < 250):
            remove(s, e, "related article")
            continue
        m = _BYLINE_RE.match(norm) if norm.startswith("By") and len(norm) < 200 else None
        if m and len(norm.split()) <= 12 and not body_started or (m and len(norm.split()) <= 8):
            remove(s, e, "byline")
            author = author or m.group("name").strip()
            continue
        if len(norm) >= 40 and norm in seen:
            first = seen[norm]
            remove(s, e, "repeated caption" if first == "caption" else "repeated paragraph")
            continue
        credit = pat["credit"].search(line)
        has_credit = bool(credit and credit.group("credit").strip() and credit.start("credit") > 0)
        is_caption = has_credit or bool(pat["caption"].search(norm[:200]))
        first_line, title_checked = not title_checked, True
        if first_line and i + 1 < len(lines) and not has_credit and _looks_like_title(norm, lines[i + 1][2] != block):
            kind = "title"
            title = norm
        elif is_caption:
            kind = "caption"
            if has_credit:
                cuts.append((s + credit.start("credit"), s + credit.end("credit"), "photo credit"))
        elif not body_started and norm[-1] not in _TERMINAL and len(norm.split()) <= 30:
            kind = "subtitle"
        else:
            kind = "body"
            body_started = True
        # hard-wrapped text: a body line that does not end a sentence continues onto a lowercase next line
        if (
            kept
            and kind in ("body", "subtitle")
            and kept[-1][2] in ("body", "subtitle")
            and lines[i - 1][2] == block
            and kept[-1][1] == lines[i - 1][1]
            and text[kept[-1][1] - 1] not in _TERMINAL + ":;"
            and line[:1].islower()
        ):
            ps, _, _, pcuts = kept.pop()
            kept.append((ps, e, "body", pcuts + cuts))
            body_started = True
        else:
            kept.append((s, e, kind, cuts))
        seen.setdefault(norm, kind)
    paragraphs = []
    for s, e, kind, cuts in kept:
        for cs, ce, reason in cuts:
            remove(cs, ce, reason)
        spaces = frozenset(a for a, _, r in cuts if _reads_as_space(text, a, r))
        clean, runs_c, runs_o = _clean(text, s, e, [(a, b) for a, b, _ in cuts], spaces)
        if clean:
            paragraphs.append(Paragraph(clean, s, e, kind, runs_c, runs_o))
    removed.sort(key=lambda r: r.start)
    return Article(text, source, title, published, author, tuple(paragraphs), tuple(removed))


def _parse_date(value: str) -> datetime | None:
    """Parse an ISO-like header date, or None when it is not a valid date."""
    try:
        return datetime.fromisoformat(value.replace("T", " "))
    except ValueError:
        return None


# Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Encodings tried for text that is not UTF-8: the Western ones English news comes in, then whatever the detector finds.
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was decoded: the encoding, and whether it was guessed by the detector."""

    text: str
    encoding: str
    guessed: bool = False
    note: str = ""


def decode_bytes(raw: bytes, name: str = "text") -> Decoded:
    """Decode an article's bytes: a UTF-16/32 byte-order mark, else UTF-8, else the encoding charset-normalizer guesses."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise ValueError(f"{name}: starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()} ({exc.reason} at byte {exc.start})") from None
    if raw.count(0) > max(1, len(raw) // 100):
        raise ValueError(f"{name}: looks like a binary file ({raw.count(0)} NUL bytes), not article text")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(WESTERN_ENCODINGS)).best() or from_bytes(raw).best()
    if best is not None and best.encoding.replace("-", "_").lower() not in ("utf_8", "ascii"):
        enc = best.encoding
        try:
            return Decoded(raw.decode(enc), enc, True, f"{name}: not valid UTF-8; decoded as {enc} (guessed by charset-normalizer)")
        except (UnicodeDecodeError, LookupError):
            pass
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    return Decoded(text, "utf-8", True, f"{name}: {bad} byte sequence(s) are not valid UTF-8 and were replaced with U+FFFD")


def exit_cli(main: Callable[[], int | None]) -> NoReturn:
    """sys.exit(main()) for a command-line tool, except that a reader that stops early (`... | head`) ends the command
    quietly with status 141, as `cat` would (128 + SIGPIPE), instead of a BrokenPipeError traceback."""
    import os
    import sys

    try:
        try:
            status = main()
        except SystemExit as exc:  # argparse's --help and usage errors
            status = exc.code
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the interpreter's final flush must not fail again
        status = 141
    sys.exit(status)


def one_line_warnings() -> None:
    """Print warnings as one line ('warning: FILE: not valid UTF-8; ...'), without the source line, for the command-line tools."""
    warnings.formatwarning = lambda message, category, filename, lineno, line=None: f"warning: {message}\n"


def read_file(path: str | Path) -> Decoded:
    """Read an article file, with one clear error for a missing, empty or binary file, and a warning when the encoding was guessed."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such article file")
    if p.is_dir():
        raise ValueError(f"{p}: is a folder, not an article file")
    decoded = decode_bytes(p.read_bytes(), str(p))
    text = decoded.text
    controls = sum(1 for c in text if c in _INVISIBLE[5:]) + text.count("\ufffd")
    if text and controls / len(text) > 0.10:
        raise ValueError(f"{p}: looks like a binary file ({controls} control or undecodable characters), not article text")
    if not text.strip().strip(_INVISIBLE).strip():
        raise ValueError(f"{p}: the article is empty (no text besides whitespace)")
    if decoded.note:
        warnings.warn(decoded.note, stacklevel=2)
    return decoded


def read_text(path: str | Path) -> str:
    """Read an article file's text (see read_file): offsets everywhere are into this decoded text."""
    return read_file(path).text


def load_article(path: str | Path) -> Article:
    """Read and parse one article file (UTF-8, UTF-16/32 with a byte-order mark, or a guessed legacy encoding)."""
    decoded = read_file(path)
    article = parse_article(decoded.text, source=str(path))
    return replace(article, encoding=decoded.encoding, encoding_guessed=decoded.guessed)


# ---------------------------------------------------------------- date evidence

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DATE_RES = [
    ("date", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\b")),
    ("date", re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}}),\s+(?P<y>(?:19|20)\d{{2}})\b")),
    ("date", re.compile(rf"\b(?P<d>\d{{1,2}})\s+{_MONTH}\s+(?P<y>(?:19|20)\d{{2}})\b")),
    ("month-day", re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d{{2}})(?!:)")),
    ("month", re.compile(rf"\b(?:(?:early|mid|late|in|since|until|by|last|next|this)[\s-]+){_MONTH}\b(?!\s+\d)")),
    ("year", re.compile(r"(?<![-\d])\b(?P<y>(?:19|20)\d{2})\b(?!-\d)")),
    ("relative", re.compile(
        r"\b(?:(?:last|next|this|past|coming|previous)\s+(?:year|month|week|weekend|decade|spring|summer|fall|autumn|winter)"
        r"|(?:the\s+)?(?:previous|following|next)\s+day|yesterday|today|tomorrow|tonight|earlier\s+this\s+(?:year|month|week)"
        r"|(?:on|last|next|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        r"|in\s+recent\s+(?:years|months|weeks|days)|(?:in\s+)?the\s+(?:months|weeks|days|years)\s+ahead"
        r"|sometime\s+next\s+(?:week|month|year))\b", re.IGNORECASE)),
]


@lru_cache(maxsize=1)
def _events() -> list[tuple[re.Pattern, int, str]]:
    """Dated world events (lib/data/events.json) that anchor relative phrases such as 'last year'."""
    data = json.loads((DATA_DIR / "events.json").read_text(encoding="utf-8"))
    return [(re.compile(e["pattern"], re.IGNORECASE), int(e["year"]), e["event"]) for e in data["events"]]


def _where(article: Article, start: int) -> str:
    """Name the part of the article that holds a character offset."""
    for p in article.paragraphs:
        if p.start <= start < p.end:
            return p.kind
    for r in article.removed:
        if r.start <= start < r.end:
            return f"removed: {r.reason}"
    return "other"


def date_evidence(article: Article) -> list[DateClue]:
    """List the dates and relative-time clues in the article (header, body and removed boilerplate alike)."""
    clues: list[DateClue] = []
    taken: list[tuple[int, int]] = []
    text = article.text
    for kind, rx in _DATE_RES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = None
            gd = m.groupdict()
            if gd.get("y") and gd.get("d"):
                mo = int(gd["m"]) if gd.get("m") else _MONTHS[gd["month"].rstrip(".").lower()]
                try:
                    value = date(int(gd["y"]), mo, int(gd["d"]))
                except ValueError:
                    continue
            where = _where(article, m.start())
            k = "header" if where == "removed: header date" else kind
            note = ""
            if kind == "relative" and m.group().lower().startswith("last year"):
                sent_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
                sent_end = min(x for x in (text.find(".", m.end()), text.find("\n", m.end()), len(text)) if x >= 0)
                for rx_e, year, event in _events():
                    if rx_e.search(text[sent_start:sent_end]):
                        note = f"{event} in {year}, so 'last year' puts the article in {year + 1}"
                        break
            clues.append(DateClue(m.group(), m.start(), m.end(), k, value, where, note))
            taken.append((m.start(), m.end()))
    clues.sort(key=lambda c: c.start)
    return clues


def latest_content_date(clues: list[DateClue]) -> date | None:
    """The latest full date mentioned in the article outside its header, or None."""
    dates = [c.value for c in clues if c.kind == "date" and c.value]
    return max(dates) if dates else None


def lost_text(article: Article) -> list[str]:
    """Describe any input text that is neither in a kept paragraph nor in a removed piece (empty when nothing is lost)."""
    problems = []
    spans = sorted([(p.start, p.end) for p in article.paragraphs] + [(r.start, r.end) for r in article.removed])
    pos = 0
    text = article.text
    for s, e in spans + [(len(text), len(text))]:
        gap = text[pos:s] if s > pos else ""
        if gap.strip().strip(_INVISIBLE).strip():
            problems.append(f"text outside every span at {pos}-{s}: {gap.strip()[:60]!r}")
        pos = max(pos, e)
    for p in article.paragraphs:
        inner = [r for r in article.removed if p.start <= r.start and r.end <= p.end]
        chunks, q = [], p.start
        for r in inner:
            chunks.append(text[q : r.start])
            if _reads_as_space(text, r.start, r.reason):
                chunks.append(" ")
            q = r.end
        chunks.append(text[q : p.end])
        expected = _normalise("".join(chunks)).split()
        if expected != p.text.split():
            problems.append(f"paragraph at {p.start}-{p.end} does not keep its words: {p.text[:60]!r}")
    return problems
