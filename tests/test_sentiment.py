"""Sentiment: methods, target sentiment, the alias table, bad input, and the targets on the shared data."""
import json

import pytest

from lib.evaluate import sentiment_table, targets_table
from lib.sentiment import METHODS, MODEL_PATH, canonical_target, check_method, lexicon_words, polarity, target_mentions, target_polarity
from tests.helpers import shared_path


def test_every_method_scores_in_range():
    texts = ["The president praised the wonderful, generous agreement.", "The attack was a brutal, horrifying disaster.", "The meeting is on Tuesday."]
    for method in METHODS:
        pos, neg, neutral = polarity(texts, method)
        assert -1.0 <= neg < pos <= 1.0, method
        assert -1.0 <= neutral <= 1.0
    assert polarity(texts) == polarity(texts, "ours")
    assert polarity([]) == []


def test_bad_method_and_input():
    with pytest.raises(ValueError, match="unknown sentiment method"):
        polarity(["x"], "nope")
    with pytest.raises(TypeError):
        polarity("a single string")
    with pytest.raises(ValueError, match="not inside the sentence"):
        target_polarity([("Russia is here.", 3, 40)])
    with pytest.raises(TypeError, match="text 1: expected a str, got NoneType: None"):
        polarity([None, 123, b"great"], "vader")
    with pytest.raises(TypeError, match="text 2: expected a str, got int: 123"):
        polarity(["fine", 123], "vader")
    with pytest.raises(ValueError, match="empty sentiment method name"):
        polarity(["x"], "")
    with pytest.raises(ValueError, match="empty sentiment method name"):
        polarity(["x"], "   ")
    assert polarity(["Great news."], "VADER") == polarity(["Great news."], "vader")
    assert check_method(" AFINN ") == "afinn" and check_method(None) == "ours"


def test_target_sentiment_follows_the_target():
    s = "Critics condemned Russia for its brutal invasion."
    p = "Leaders praised Ukraine for its courageous and admirable defence."
    russia, ukraine = s.index("Russia"), p.index("Ukraine")
    assert target_polarity([(s, russia, russia + 6), (p, ukraine, ukraine + 7)]) == ["negative", "positive"]
    assert set(target_polarity([(s, russia, russia + 6)], "vader")) <= {"negative", "neutral", "positive"}


def test_alias_table_and_mentions():
    assert canonical_target("Pyongyang") == "North Korea"
    assert canonical_target("N. Korea") == "North Korea"
    assert canonical_target("the Kremlin") == "Russia"
    assert canonical_target("U.S.") == "United States"
    assert canonical_target("Bakhmut") is None
    text = "Pyongyang and the North's navy worried the U.S., not Moscow."
    found = [(m.target, m.mention) for m in target_mentions(text)]
    assert found == [("North Korea", "Pyongyang"), ("North Korea", "the North"), ("United States", "the U.S."), ("Russia", "Moscow")]


def test_lexicon_words_explain_the_score():
    words = {(m, w): v for m, w, v in lexicon_words("should not damage international norms and peace")}
    assert words[("vader", "peace")] > 0 and words[("vader", "damage")] < 0
    assert words[("afinn", "peace")] > 0


def test_model_artefact_documents_its_training():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert "NewsMTSC" in model["_about"] and "MIT" in model["_about"]
    assert model["target"]["classes"] == ["negative", "neutral", "positive"]
    assert len(model["sentence"]["coef"]) == 384 + 6


@pytest.mark.accuracy
def test_nyt_target():
    table = sentiment_table(shared_path("data", "sentiment", "nyt_editorial_snippets_dev.tsv"))
    assert table.loc["ours", "Pearson r"] >= 0.55
    assert table.loc["ours", "Pearson r"] > table.loc["vader", "Pearson r"]


@pytest.mark.accuracy
def test_newsmtsc_target():
    table = targets_table(shared_path("data", "sentiment", "devtest_mt.jsonl"))
    assert table.loc["ours", "macro-F1"] >= 0.65
    assert table.loc["ours", "macro-F1"] > table.loc["vader", "macro-F1"]
