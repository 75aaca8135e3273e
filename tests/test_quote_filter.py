"""The learned quote filter: its committed weights, what it changes, and the figures it reaches on held-out data
(PolNeAR dev, never used for fitting; the OneStopEnglish annotation in tests/data/ose_quotes.json)."""
import json
import math

import pytest

from lib.quote_filter import WEIGHTS, FilterModel, load_model, strongest_features
from lib.quotes import _Attribution, _Selector
from tests.helpers import ROOT, shared_path


def test_committed_weights_name_their_source_and_stay_small():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    about = data["_about"]
    assert "PolNeAR" in about and "Newell, Margolin and Ruths" in about and "LREC 2018" in about
    assert "python -m lib.quotes train" in about and "dev split was not used" in about
    assert WEIGHTS.stat().st_size < 2_000_000
    assert 0 < data["threshold"] < 1 and data["_fit"]["articles"] == 840
    assert all(isinstance(w, float) and math.isfinite(w) for w in data["weights"].values())


def test_model_probability_is_a_logistic_of_the_summed_weights():
    model = FilterModel({"a": 2.0, "b": -1.0}, bias=0.5, threshold=0.6)
    assert model.probability(["a", "b", "unseen"]) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert model.probability([]) == pytest.approx(1 / (1 + math.exp(-0.5)))


def test_strongest_features_come_from_the_committed_weights():
    table = strongest_features(5)
    assert list(table.columns) == ["feature", "weight", "direction"] and len(table) == 10
    weights = load_model().weights
    keep = table[table["direction"] == "keep"]
    drop = table[table["direction"] == "drop"]
    assert (keep["weight"] > 0).all() and (drop["weight"] < 0).all()
    assert keep["weight"].iloc[0] == max(weights.values()) and drop["weight"].iloc[0] == min(weights.values())


def test_selector_obeys_the_model_and_the_hand_rules():
    cand = _Attribution(0, 10, [], None, route="follow_on", lemma="say", category="speech")
    sel = _Selector(FilterModel({"route=follow_on": -50.0}, bias=0.0, threshold=0.5))
    sel.paragraph(_FakeSpan(), "x" * 20, [], "body", 3, lambda s, e: (s, e))
    assert sel.keep(cand) is False
    sel.model = FilterModel({"route=follow_on": 50.0}, bias=0.0, threshold=0.5)
    assert sel.keep(cand) is True
    rules = _Selector(None)
    rules.paragraph(_FakeSpan(), "x" * 20, [], "body", 3, lambda s, e: (s, e))
    assert rules.keep(cand) is True
    flagged = _Attribution(0, 10, [], None, route="cue", lemma="say", category="speech", flags=("hypothetical",))
    assert rules.keep(flagged) is False


class _FakeSpan:
    """Just enough of a Doc for candidate features with no tokens."""

    start = 0
    text = "x" * 20

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    @property
    def doc(self):
        return self


@pytest.fixture(scope="module")
def dev_scores():
    from lib.evaluate import ours, read_polnear, score

    articles = read_polnear(shared_path("data", "polnear", "dev"))
    return score(articles, ours(), label="dev")


@pytest.mark.accuracy
def test_polnear_dev_figures(dev_scores):
    """Development figures (dev was never used to fit the filter); thresholds a little under what was measured."""
    assert dev_scores["golds"] == 2192
    assert dev_scores["precision 30%"] >= 0.94
    assert dev_scores["F1 30%"] >= 0.75
    assert dev_scores["direct recall"] >= 0.97
    assert dev_scores["mixed recall"] >= 0.85
    assert dev_scores["indirect recall"] >= 0.50
    assert dev_scores["speaker accuracy"] >= 0.93


def test_onestopenglish_figures():
    """Regression guards a little under what was measured on the 189 annotated British stories (P 0.903, F1 0.881, speaker
    0.950, full name 0.835, direct 0.978, no title or named thing quoted). The issue's targets for unseen British news
    (P 0.90, F1 0.88, full name 0.85, no nickname or title quoted) are not all met on them; see the README's Evaluation."""
    from lib.evaluate import gold_articles_table

    summary, detail = gold_articles_table(ROOT / "tests" / "data" / "ose_quotes.json")
    res = summary["lib.quotes"]
    assert res["golds"] >= 2773 and res["must-not-quote spans"] >= 236
    assert res["precision 30%"] >= 0.895
    assert res["F1 30%"] >= 0.875
    assert res["speaker accuracy"] >= 0.94
    assert res["full name"] >= 0.82
    assert res["nicknames or titles quoted"] <= 1
    assert detail.loc[detail["kind"] == "direct", "found"].mean() >= 0.95
