"""Explore an article's quotes in JupyterLab: pick a speaker, see their quotes highlighted in the text beside a table.

    from lib.explore import quote_explorer
    quote_explorer("seeds/000_652e2d81d0141557.txt")        # an ipywidgets widget

The widget has two views. "Quotes in the article": choose a speaker (and optionally a kind of quote, a claim, a
section); the article text shows that speaker's quotes with the content, the cue and the speaker mention in distinct
marks, beside a table of the quotes (full text, kind, cue, certainty, stance, sentiment). "Try a sentence": type a
sentence and see its quotes, certainty cues, stance toward the article's claims and sentiment.

Where widgets cannot run (a static book, nbval, GitHub), the same output carries a static HTML rendering of the
current view, so the page still shows the highlighted text and the table.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lib import plotting
from lib.article import Article, load_article
from lib.claims import Claim, load_claims
from lib.narrate import speaker_label

ALL = "all"
CSS = """
<style>
.qx-text {max-height: 460px; overflow-y: auto; line-height: 1.55; padding-right: 8px; font-size: 13px}
.qx-text p {margin: 0 0 8px 0}
.qx-text .qx-kind {color: %(muted)s; font-size: 10px; text-transform: uppercase; margin-right: 4px}
mark.qx-content {padding: 1px 0}
mark.qx-direct {background: %(direct)s} mark.qx-mixed {background: %(mixed)s} mark.qx-indirect {background: %(indirect)s}
mark.qx-cue {background: %(cue)s; font-weight: bold} mark.qx-speaker {background: %(speaker)s; font-weight: bold}
sup.qx-id {font-size: 9px; color: %(muted)s; margin-right: 1px}
.qx-legend mark {margin-right: 8px; padding: 1px 4px}
table.qx-table {border-collapse: collapse; font-size: 12px}
table.qx-table td, table.qx-table th {border-bottom: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left}
</style>
""" % {"muted": "#777", "direct": plotting.QUOTE_MARK_COLORS["DIRECT"], "mixed": plotting.QUOTE_MARK_COLORS["MIXED"],
       "indirect": plotting.QUOTE_MARK_COLORS["INDIRECT"], "cue": plotting.QUOTE_MARK_COLORS["CUE"],
       "speaker": plotting.QUOTE_MARK_COLORS["SPEAKER"]}
LEGEND = ('<div class="qx-legend">'
          '<mark class="qx-content qx-direct">direct quote</mark><mark class="qx-content qx-mixed">mixed quote</mark>'
          '<mark class="qx-content qx-indirect">indirect quote</mark><mark class="qx-cue">cue</mark>'
          '<mark class="qx-speaker">speaker mention</mark> <sup class="qx-id">Q1</sup>: quote id</div>')


@dataclass
class ExplorerData:
    """An article ready to explore: its quotes table (with stance toward every claim) and its claims."""

    article: Article
    quotes: pd.DataFrame  # quote_frame, indexed by quote id, plus one stance column per claim
    claims: list[Claim]


def explorer_data(article: Article | str | Path, claims: list[str] | None = None) -> ExplorerData:
    """Parse an article (a path or an Article) and compute everything the explorer shows."""
    from lib.analysis import quote_frame
    from lib.nlp import load_pipeline, pipe_paragraphs
    from lib.quotes import quotes_from_docs
    from lib.stance import stance

    art = article if isinstance(article, Article) else load_article(article)
    nlp = load_pipeline()
    docs = list(pipe_paragraphs((p.text for p in art.paragraphs), nlp))
    found = quotes_from_docs(art, docs)
    cl = load_claims(art, claims)
    table = quote_frame(art, nlp, cl[:1], quotes=found, docs=docs)
    if cl and found:
        st = stance(found, cl, art.kept_text)
        for c in cl:
            table[f"stance {c.id}"] = st[st["claim"] == c.id].set_index("quote")["stance"].reindex(table.index)
    return ExplorerData(art, table, cl)


def speakers(data: ExplorerData) -> list[str]:
    """The article's speakers, most quoted words first."""
    named = data.quotes.dropna(subset=["speaker"])
    return list(named.groupby("speaker")["words"].sum().sort_values(ascending=False, kind="stable").index)


def select(data: ExplorerData, speaker: str = ALL, kind: str = ALL, claim: str = ALL, section: str = ALL) -> pd.DataFrame:
    """The quotes that match the choices (a claim keeps the quotes that are about it)."""
    q = data.quotes
    if speaker != ALL:
        q = q[q["speaker"] == speaker]
    if kind != ALL:
        q = q[q["kind"] == kind]
    if section != ALL:
        q = q[q["section"] == section]
    if claim and claim != ALL and f"stance {claim}" in q:
        q = q[q[f"stance {claim}"].fillna("unrelated") != "unrelated"]
    return q


def highlight_html(data: ExplorerData, chosen: pd.DataFrame) -> str:
    """The article's kept paragraphs as HTML, with the chosen quotes' content, cue and speaker mention marked."""
    art = data.article
    label: dict[int, str] = {}
    starts: dict[int, str] = {}
    for qid, q in chosen.iterrows():  # priority: cue and speaker over content
        for i in range(int(q["start"]), int(q["end"])):
            label.setdefault(i, f"qx-content qx-{q['kind']}")
        starts[int(q["start"])] = str(qid)
    for qid, q in chosen.iterrows():
        for a, b, cls in ((q["cue_start"], q["cue_end"], "qx-cue"), (q["speaker_start"], q["speaker_end"], "qx-speaker")):
            if pd.notna(a) and pd.notna(b):
                for i in range(int(a), int(b)):
                    label[i] = cls
    removed = [(r.start, r.end) for r in art.removed]
    out = []
    for p in art.paragraphs:
        parts, current, run = [], None, []

        def flush() -> None:
            text = html.escape("".join(run))
            parts.append(f'<mark class="{current}">{text}</mark>' if current else text)

        for i in range(p.start, p.end):
            if any(a <= i < b for a, b in removed):
                continue
            cls = label.get(i)
            if cls != current or i in starts:
                if run:
                    flush()
                run, current = [], cls
                if i in starts:
                    parts.append(f'<sup class="qx-id">{starts[i]}</sup>')
            run.append(art.text[i])
        if run:
            flush()
        kind = f'<span class="qx-kind">{p.kind}</span>' if p.kind != "body" else ""
        out.append(f"<p>{kind}{''.join(parts)}</p>")
    return f'<div class="qx-text">{"".join(out)}</div>'


def quotes_html(data: ExplorerData, chosen: pd.DataFrame, claim: str | None = None) -> str:
    """A table of the chosen quotes: id, speaker, kind, cue, certainty, stance and sentiment above each quote's full text."""
    from lib.stance import STANCE_LABELS

    if chosen.empty:
        return "<p><i>No quote matches these choices.</i></p>"
    col = f"stance {claim}" if claim and claim != ALL else (f"stance {data.claims[0].id}" if data.claims else None)
    rows = []
    for qid, q in chosen.iterrows():
        st = q.get(col) if col else None
        certainty = "no evidence" if pd.isna(q["certainty"]) else f"{q['certainty']:.1f}"
        stance_text = f" · stance ({col.split()[1]}): {STANCE_LABELS.get(st, '')}" if col and isinstance(st, str) else ""
        rows.append(f"<tr><td><b>{qid}</b></td><td><b>{html.escape(speaker_label(q['speaker'], 'no speaker named'))}</b> · {q['kind']} · "
                    f"cue <i>{html.escape(str(q['cue'] or ''))}</i> · certainty {certainty}{stance_text} · sentiment {q['sentiment']:+.2f}"
                    f"<br>{html.escape(q['text'])}</td></tr>")
    return f'<table class="qx-table"><tr><th>id</th><th>speaker · kind · cue · certainty · stance · sentiment, then the full quote</th></tr>{"".join(rows)}</table>'


def static_html(data: ExplorerData, speaker: str = ALL, kind: str = ALL, claim: str = ALL, section: str = ALL) -> str:
    """The explorer's first view as plain HTML (for pages where widgets cannot run)."""
    chosen = select(data, speaker, kind, claim, section)
    title = f"Quotes of <b>{html.escape(speaker)}</b>" if speaker != ALL else "All quotes"
    return (f"{CSS}<div class='qx-static'><p>{title} in <i>{html.escape(data.article.label)}</i> "
            f"({len(chosen)} of {len(data.quotes)}).</p>{LEGEND}{highlight_html(data, chosen)}{quotes_html(data, chosen, claim)}</div>")


def try_sentence_html(text: str, claims: list[Claim]) -> str:
    """What the project finds in a sentence of one's own: quotes, certainty cues, stance toward the claims, sentiment."""
    from spacy import displacy

    from lib.quotes import extract_quotes, quotes_table
    from lib.sentiment import polarity
    from lib.stance import certainty, cue_markup, stance

    if not text.strip():
        return "<p><i>Type a sentence first.</i></p>"
    quotes = extract_quotes(text)
    table = quotes_table(quotes)
    markup = cue_markup(text)
    cues = displacy.render(markup, style="ent", manual=True, page=False, jupyter=False, options={"colors": plotting.cue_mark_colors([markup])})
    parts = [f"<p><b>Certainty</b> {certainty([text])[0]:.1f} on 1–6; <b>sentiment</b> {polarity([text])[0]:+.2f} on −1..+1.</p>", cues]
    parts.append("<p><b>Quotes</b></p>" + (table[["speaker", "kind", "cue", "text"]].to_html(escape=True) if len(table) else "<p>none found</p>"))
    if claims and quotes:
        st = stance(quotes, claims, text)
        parts.append("<p><b>Stance toward the article's claims</b></p>" + st[["quote", "claim", "stance", "probability"]].round(2).to_html(escape=True, index=False))
    return CSS + "".join(parts)


def quote_explorer(article: Article | str | Path, claims: list[str] | None = None):
    """An ipywidgets explorer of an article's quotes (see the module docstring); its output also carries a static view."""
    import ipywidgets as w

    data = explorer_data(article, claims)

    class QuoteExplorer(w.VBox):
        """The explorer widget; outside a live kernel it shows as static HTML of its current view."""

        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            bundle["text/plain"] = f"QuoteExplorer({data.article.label!r}: {len(data.quotes)} quotes, speaker {self.speaker.value!r})"
            bundle["text/html"] = static_html(data, self.speaker.value, self.kind.value, self.claim.value, self.section.value)
            return bundle

    names = speakers(data)
    speaker = w.Dropdown(options=[ALL] + names, value=names[0] if names else ALL, description="speaker")
    kind = w.Dropdown(options=[ALL, "direct", "mixed", "indirect"], value=ALL, description="kind")
    claim = w.Dropdown(options=[("any", ALL)] + [(f"{c.id}: {c.statement[:40]}", c.id) for c in data.claims], value=ALL, description="claim")
    section = w.Dropdown(options=[ALL, "title", "caption", "body"], value=ALL, description="section")
    text, table = w.HTML(), w.HTML()
    text.add_class("qx-view")
    table.add_class("qx-quotes")

    def refresh(_=None) -> None:
        chosen = select(data, speaker.value, kind.value, claim.value, section.value)
        text.value = CSS + LEGEND + highlight_html(data, chosen)
        table.value = CSS + quotes_html(data, chosen, claim.value)

    for control in (speaker, kind, claim, section):
        control.observe(refresh, names="value")
    refresh()
    sentence = w.Textarea(value="The minister denied that the talks had failed, a spokesman said.", layout=w.Layout(width="95%"))
    button, answer = w.Button(description="Analyse"), w.HTML()
    button.on_click(lambda _: setattr(answer, "value", try_sentence_html(sentence.value, data.claims)))
    view = w.VBox([w.HBox([speaker, kind]), w.HBox([claim, section]),
                   w.HBox([text, table], layout=w.Layout(align_items="flex-start"))])
    text.layout, table.layout = w.Layout(width="58%"), w.Layout(width="42%", max_height="480px", overflow="auto")
    tabs = w.Tab(children=[view, w.VBox([sentence, button, answer])])
    tabs.set_title(0, "Quotes in the article")
    tabs.set_title(1, "Try a sentence")
    explorer = QuoteExplorer([tabs])
    explorer.speaker, explorer.kind, explorer.claim, explorer.section = speaker, kind, claim, section
    explorer.text, explorer.table, explorer.sentence, explorer.button, explorer.answer = text, table, sentence, button, answer
    explorer.data = data
    return explorer
