"""The quote explorer: speakers offered, quotes highlighted, the view follows the choice, a static view for pages without widgets."""
import re

import pytest

from lib.explore import highlight_html, quote_explorer, select, static_html
from tests.helpers import ROOT, SEED


@pytest.fixture(scope="module")
def explorer():
    return quote_explorer(SEED)


def _marked(html: str) -> list[str]:
    return re.findall(r'<mark class="qx-content[^"]*">(.*?)</mark>', html)


def test_offers_the_named_experts_and_highlights_their_words(explorer):
    assert {"Cho Han-bum", "Hyun Seung-soo"} <= set(explorer.speaker.options)
    explorer.speaker.value = "Cho Han-bum"
    assert any("the war changed everything" in m for m in _marked(explorer.text.value))
    assert 'class="qx-cue"' in explorer.text.value and 'class="qx-speaker"' in explorer.text.value
    cho = explorer.text.value
    explorer.speaker.value = "Hyun Seung-soo"
    assert explorer.text.value != cho
    assert not any("the war changed everything" in m for m in _marked(explorer.text.value))
    assert "Hyun Seung-soo" in explorer.table.value


def test_filters_and_static_view(explorer):
    data = explorer.data
    direct = select(data, kind="direct")
    assert len(direct) and set(direct["kind"]) == {"direct"}
    assert select(data, speaker="nobody at all").empty
    page = static_html(data, "Cho Han-bum")
    assert "the war changed everything" in page and "<table" in page
    bundle = explorer._repr_mimebundle_()
    assert "text/html" in bundle and "qx-text" in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_an_article_with_no_quotes():
    ex = quote_explorer(ROOT / "tests" / "data" / "articles" / "no quotes.txt")
    assert ex.speaker.options == ("all",)
    assert "No quote matches" in ex.table.value and "<p>" in ex.text.value
    assert highlight_html(ex.data, ex.data.quotes).count("<mark") == 0


def test_a_quote_with_no_speaker_is_shown_as_such(tmp_path):
    """A claim reported by nobody named ('are thought to') is listed as having no speaker named, never as 'nan'."""
    article = tmp_path / "bees.txt"
    article.write_text("Bees in decline\n\nThree quarters of the world's food crops are thought to depend on bees. "
                       "“We must act now,” said Ann Lee, a farmer.\n", encoding="utf-8")
    ex = quote_explorer(article)
    assert ex.speaker.options == ("all", "Ann Lee")
    ex.speaker.value = "all"
    assert "no speaker named" in ex.table.value and "nan" not in ex.table.value.lower().replace("nanny", "")
