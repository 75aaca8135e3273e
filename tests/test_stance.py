"""Stance: certainty cues and scores, the fitted mapping, and claim stance on the seed gold."""
import json

import pytest

from lib.evaluate import certainty_table, stance_table
from lib.stance import MODEL_PATH, certainty, certainty_cues, claim_stance, fit_certainty, load_claims
from tests.helpers import SEED, shared_path


def _cats(text):
    return [(c.text.lower(), c.category, c.sign) for c in certainty_cues(text)]


def test_cues_categories_negation_first_person_conditionals():
    assert ("may", "modal", -1) in _cats("The drug may reduce deaths.")
    assert ("very likely", "booster", 1) in _cats('Analysts said it is "very likely" that they would sign.')
    assert ("certain", "booster", -1) in _cats("It is not certain that the deal will happen.")
    assert ("i think", "first person", -1) in _cats("I think it largely depends on how the war goes.")
    assert ("whether", "conditional", -1) in _cats("But whether the deal would actually materialize bears further watching.")
    assert ("no reason to", "booster", 1) in _cats("North Korea has no reason to reject the offer.")
    cue = certainty_cues("They remain skeptical of it.")[0]
    assert "They remain skeptical of it."[cue.start : cue.end] == "skeptical"


def test_certainty_orders_hedged_below_boosted():
    hedged, plain, boosted = certainty([
        "It might possibly suggest that the drug could reduce deaths in some patients.",
        "The drug reduces deaths.",
        "The trial clearly demonstrated that the drug reduces deaths.",
    ])
    assert 1.0 <= hedged < plain <= 6.0 and 1.0 <= boosted <= 6.0
    assert hedged < boosted
    with pytest.raises(TypeError):
        certainty("a single string")


def test_certainty_target_on_val_rows():
    path = shared_path("data", "certainty", "sentence_level_certainty_train_val.jsonl")
    table = certainty_table(path)
    assert table.loc["val", "lib.stance.certainty r"] >= 0.60
    assert table.loc["val", "lib.stance.certainty r"] > table.loc["val", "hedge count r (baseline)"]


def test_committed_model_is_reproducible():
    path = shared_path("data", "certainty", "sentence_level_certainty_train_val.jsonl")
    committed = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    refit = fit_certainty(path)
    assert refit["items"].keys() == committed["items"].keys()
    assert refit["coef"] == pytest.approx(committed["coef"], abs=1e-5)
    assert refit["intercept"] == pytest.approx(committed["intercept"], abs=1e-5)


def test_claim_stance_rules():
    deal = next(c for c in load_claims(SEED.name) if c.id == "arms deal")
    assert claim_stance('it is "very likely" that the two leaders would sign a big deal', deal)[0] == "support"
    assert claim_stance("allegations that it provided arms to Russia", deal, cue="denied")[0] == "oppose"
    assert claim_stance("But whether the deal would actually materialize bears further watching.", deal)[0] == "uncertain"
    assert claim_stance("This used to be unthinkable.", deal, context="They will trade ammunition for technology.")[0] == "support"
    assert claim_stance("This used to be unthinkable.", deal, context="The weather was fine.")[0] == "unrelated"
    assert claim_stance("The weather was fine.", deal)[0] == "unrelated"
    assert load_claims("some-other-article.txt") == []


def test_stance_accuracy_on_the_seed_gold():
    detail, summary = stance_table()
    assert len(detail) == 25 * 4
    assert summary.loc["all quote x claim pairs", "accuracy"] >= 0.9
    assert summary.loc["pairs whose gold is not 'unrelated'", "accuracy"] >= 0.8
