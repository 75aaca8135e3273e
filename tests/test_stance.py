"""Stance: certainty cues and scores, the FNC-1 stance model, quote stance toward plain-sentence claims, the commands."""
import csv
import json
import math
import subprocess
import sys
import time

import pytest

from lib import stance as S
from lib.claims import Claim, load_claims
from lib.evaluate import certainty_table, stance_table
from lib.quotes import extract_quotes
from tests.helpers import ROOT, SEED, shared_path


def _cats(text):
    return [(c.text.lower(), c.category, c.sign) for c in S.certainty_cues(text)]


# ----------------------------------------------------------------------------- certainty

def test_cues_categories_negation_first_person_conditionals():
    assert ("may", "modal", -1) in _cats("The drug may reduce deaths.")
    assert ("very likely", "booster", 1) in _cats('Analysts said it is "very likely" that they would sign.')
    assert ("certain", "booster", -1) in _cats("It is not certain that the deal will happen.")
    assert ("i think", "first person", -1) in _cats("I think it largely depends on how the war goes.")
    assert ("whether", "conditional", -1) in _cats("But whether the deal would actually materialize bears further watching.")
    assert ("no reason to", "booster", 1) in _cats("North Korea has no reason to reject the offer.")
    assert ("insisted", "booster", 1) in _cats("She insisted that the plan works.")
    assert ("claimed", "epistemic verb", -1) in _cats("He claimed that the plan works.")
    cue = S.certainty_cues("They remain skeptical of it.")[0]
    assert "They remain skeptical of it."[cue.start : cue.end] == "skeptical"


def test_certainty_orders_hedged_below_boosted_and_validates_input():
    hedged, plain, boosted = S.certainty([
        "It might possibly suggest that the drug could reduce deaths in some patients.",
        "The drug reduces deaths.",
        "The trial clearly demonstrated that the drug reduces deaths.",
    ])
    assert 1.0 <= hedged < plain <= 6.0 and 1.0 <= boosted <= 6.0
    assert hedged < boosted
    assert math.isnan(S.certainty(["", "  ..."])[0]) and math.isnan(S.certainty(["  ..."])[0])
    with pytest.raises(TypeError, match=r"^text 1: expected a str, got NoneType: None$"):
        S.certainty([None])
    with pytest.raises(TypeError, match=r"text 2: expected a str, got int: 3"):
        S.certainty(["fine", 3])
    with pytest.raises(TypeError):
        S.certainty("a single string")


def test_certainty_target_on_val_rows():
    path = shared_path("data", "certainty", "sentence_level_certainty_train_val.jsonl")
    table = certainty_table(path)
    assert table.loc["val", "lib.stance.certainty r"] >= 0.60
    assert table.loc["val", "scored"] >= 0.90
    assert table.loc["val", "lib.stance.certainty r"] > table.loc["val", "hedge count r (baseline)"]


def test_committed_certainty_model_is_reproducible():
    path = shared_path("data", "certainty", "sentence_level_certainty_train_val.jsonl")
    committed = json.loads(S.MODEL_PATH.read_text(encoding="utf-8"))
    refit = S.fit_certainty(path)
    assert refit["items"].keys() == committed["items"].keys()
    assert refit["coef"] == pytest.approx(committed["coef"], abs=1e-5)
    assert refit["intercept"] == pytest.approx(committed["intercept"], abs=1e-5)


def test_cue_weights_show_total_effects():
    table = S.cue_weights().set_index("cue")
    assert {"category", "category weight", "cue weight", "total effect"} <= set(table.columns)
    row = table.loc["can"]
    assert row["total effect"] == pytest.approx(row["category weight"] + row["cue weight"])
    assert table.loc["can", "total effect"] < 0 and table.loc["would", "total effect"] < 0  # modals lower certainty in total
    assert table.loc["might", "total effect"] < 0 < table.loc["clearly", "total effect"] + 1.0
    assert table.loc["insisted", "total effect"] > table.loc["claimed", "total effect"]


def _quote(text, content, cue, speaker="X"):
    from lib.quotes import Quote

    s = text.index(content)
    c = text.index(cue)
    return Quote(s, s + len(content), content, "indirect", cue, cue, speaker, None, None, cue_start=c, cue_end=c + len(cue))


def test_quote_certainty_fragments_use_their_sentence_or_nan():
    text = ("Experts remain skeptical of the effectiveness of the drills. North Korea expressed support for the Kremlin. "
            "The minister said the deal will be signed next week.")
    skeptical = _quote(text, "the effectiveness of the drills", "remain skeptical of")
    support = _quote(text, "support for the Kremlin", "expressed")
    clause = _quote(text, "the deal will be signed next week", "said")
    frag, bare, assertion = S.quote_certainty([skeptical, support, clause], text)
    assert frag == pytest.approx(S.certainty(["Experts remain skeptical of the effectiveness of the drills."])[0])
    assert frag < S.certainty(["The drills are effective."])[0]  # the reporting cue lowers it, no intercept-only score
    assert math.isnan(bare)  # a fragment whose sentence has no certainty cue: no evidence
    assert not math.isnan(assertion) and assertion > frag
    assert S.is_assertion(["the effectiveness of the drills", "the deal will be signed"]) == [False, True]
    with pytest.raises(TypeError, match="quote 1"):
        S.quote_certainty(["not a quote"], text)


# ----------------------------------------------------------------------------- claim stance: interface

def test_labels_and_no_regex_claims():
    assert S.STANCES == ("agree", "disagree", "discuss", "unrelated")
    assert S.STANCE_LABELS == {"agree": "supports", "disagree": "doubts or denies",
                               "discuss": "reports without taking a side", "unrelated": "not about it"}
    assert not (ROOT / "lib" / "data" / "claims.json").exists()
    source = (ROOT / "lib" / "stance.py").read_text(encoding="utf-8")
    for seed_phrase in ("claims.json", "changed everything", "such a deal", "set to", "beginning"):
        assert seed_phrase not in source.lower()
    words = json.loads((ROOT / "lib" / "data" / "stance_words.json").read_text(encoding="utf-8"))
    assert all(not any(ch in item for ch in "\\[]()*+?{}|^$") for k, v in words.items() if k != "_about" for item in v)


def test_stance_table_interface_on_the_seed():
    text = SEED.read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    claims = load_claims(SEED)
    assert len(claims) == 4
    start = time.time()
    table = S.stance(quotes, claims, text)
    assert time.time() - start < 60  # seconds, not minutes, for one article (notebooks run under a time budget)
    assert list(table.columns) == S.STANCE_COLUMNS
    assert len(table) == len(quotes) * len(claims)
    assert table["quote"].tolist()[: len(claims)] == ["Q1"] * len(claims)
    assert set(table["stance"]) <= set(S.STANCES)
    probs = table[["p_agree", "p_disagree", "p_discuss", "p_unrelated"]].sum(axis=1)
    assert probs.to_numpy() == pytest.approx(1.0)
    assert all(table.apply(lambda r: r["probability"] == pytest.approx(r[f"p_{r['stance']}"]), axis=1))
    assert table["evidence"].str.contains("sentence: “").all()


def test_stance_empty_and_bad_input():
    text = "Nothing here."
    empty = S.stance([], [Claim("C1", "A claim.", "given")], text)
    assert empty.empty and list(empty.columns) == S.STANCE_COLUMNS
    assert S.stance(extract_quotes(SEED.read_text(encoding="utf-8"))[:1], [], SEED.read_text(encoding="utf-8")).empty
    with pytest.raises(TypeError, match="claim 1"):
        S.stance([], ["a plain string"], text)
    with pytest.raises(TypeError, match="quote 1"):
        S.stance([object()], [Claim("C1", "A claim.", "given")], text)


def test_committed_stance_model_names_its_data_and_refit_command():
    info = S.model_info()
    assert "FNC-1" in info["about"] and "python -m lib.stance train-claims" in info["about"]
    assert info["report"]["dev model"]["macro-F1"] >= 0.60
    assert info["report"]["dev model"]["macro-F1"] > info["report"]["majority class (unrelated)"]["macro-F1"] + 0.3
    assert S.STANCE_MODEL_PATH.stat().st_size < 3_000_000
    layer = json.loads(S.QUOTE_LAYER_PATH.read_text(encoding="utf-8"))
    assert "PolNeAR" in layer["_about"] and "python -m lib.stance train-quotes" in layer["_about"]
    assert layer["classes"] == list(S.STANCES) and 0.0 <= layer["embedding weight"] <= 1.0
    assert len(layer["feature model"]["features"]) == len(S.QUOTE_FEATURES)
    assert len(layer["embedding model"]["coef"]) == 4 and len(layer["embedding model"]["coef"][0]) == 768
    assert layer["train pairs"] >= 450 and layer["train articles"] >= 25  # labels matched to the extractor's quotes by overlap


# ----------------------------------------------------------------------------- claim stance: measured on held-out data

@pytest.mark.accuracy
def test_fnc_dev_split_is_by_story_and_beats_the_majority_class():
    fnc_dir = shared_path("data", "stance")
    bodies, rows = S.read_fnc(fnc_dir / "fnc1_train_bodies.csv", fnc_dir / "fnc1_train_stances.csv")
    dev = S.dev_split(rows)
    assert 0.18 <= len(dev) / len(bodies) <= 0.25
    related_heads_dev = {r["Headline"] for r in rows if r["Body ID"] in dev and r["Stance"] != "unrelated"}
    related_heads_fit = {r["Headline"] for r in rows if r["Body ID"] not in dev and r["Stance"] != "unrelated"}
    assert not related_heads_dev & related_heads_fit  # no story straddles the split
    table, _ = S.fnc_dev_table(fnc_dir, max_bodies=40)
    ours, majority = table.iloc[0], table.iloc[1]
    assert ours["macro-F1"] >= 0.55 and ours["FNC score"] >= 0.75
    assert ours["macro-F1"] > majority["macro-F1"] + 0.3


@pytest.mark.accuracy
def test_quote_stance_on_hand_labelled_dev_quotes_beats_baselines():
    text_dir = shared_path("data", "polnear", "dev", "text")
    _, summary = S.label_table(S.LABELS_DIR / "polnear_dev_stance.json", text_dir)
    ours = summary.loc["lib.stance (quote layer)", "macro-F1"]
    assert summary.loc["lib.stance (quote layer)", "pairs"] == 191
    assert ours > summary.loc["FNC-1 model alone (quote's sentence)", "macro-F1"]
    assert ours > summary.filter(like="majority", axis=0)["macro-F1"].iloc[0] + 0.1
    assert ours >= 0.30  # measured 0.322 with the committed layer (python -m lib.evaluate stance); the target for unseen quotes is 0.55


def test_train_labels_have_guidelines_reasons_and_no_article_text():
    data = json.loads((S.LABELS_DIR / "polnear_train_stance.json").read_text(encoding="utf-8"))
    assert "GUIDELINES" in data["_about"] and "Borderline rules" in data["_about"]
    pairs = [p for a in data["articles"] for p in a["pairs"]]
    assert len(pairs) >= 500 and len(data["articles"]) >= 25
    assert {p["label"] for p in pairs} == set(S.STANCES)
    assert sum(1 for p in pairs if p.get("reason")) >= 330
    for a in data["articles"]:
        assert set(a) == {"file", "claim", "pairs"}
        for p in a["pairs"]:
            assert set(p) <= {"start", "end", "label", "reason"} and p["start"] < p["end"]


def test_stance_is_deterministic():
    text = SEED.read_text(encoding="utf-8")
    quotes, claims = extract_quotes(text), load_claims(SEED)
    a, b = S.stance(quotes, claims, text), S.stance(quotes, claims, text)
    assert a["stance"].tolist() == b["stance"].tolist()
    assert a["probability"].to_numpy() == pytest.approx(b["probability"].to_numpy(), abs=1e-12)


def test_seed_check_runs_with_four_labels():
    detail, summary = stance_table()  # labels by the project: a sanity check of the plumbing, not a measure of accuracy
    assert len(detail) == 25 * 4 and set(detail["gold"]) <= set(S.STANCES) and set(detail["predicted"]) <= set(S.STANCES)
    assert detail["found"].mean() >= 0.9  # gold attributions the extractor misses count as predicted 'unrelated'
    assert list(summary.index) == ["lib.stance", "majority class (unrelated)"]
    assert 0.0 <= summary.loc["lib.stance", "macro-F1"] <= 1.0


# ----------------------------------------------------------------------------- commands

def _run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "lib.stance", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def _main(capsys, monkeypatch, *args):
    """The command run in this process (its models are loaded once per test worker): (exit status, stdout, stderr)."""
    import warnings

    monkeypatch.setattr(warnings, "formatwarning", warnings.formatwarning)  # main() makes warnings one line; restored after
    capsys.readouterr()
    status = S.main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_fnc1_command_writes_every_row_in_order(tmp_path, capsys, monkeypatch):
    bodies, stances, out = tmp_path / "b.csv", tmp_path / "s.csv", tmp_path / "pred.csv"
    with bodies.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Body ID", "articleBody"])
        w.writerow(["7", "Police said on Monday that the story about the giant spider is a hoax.\nThe photo was fake, they said."])
        w.writerow(["9", "The city council approved a new budget for parks.\nMembers voted six to one."])
    with stances.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Headline", "Body ID", "Stance"])
        w.writerows([["Giant spider found in a house", "7", "disagree"], ["Council approves parks budget", "9", "agree"],
                     ["Giant spider found in a house", "9", "unrelated"]])
    status, stdout, stderr = _main(capsys, monkeypatch, "fnc1", str(bodies), str(stances), "--out", str(out))
    assert status == 0, stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(x["Headline"], x["Body ID"]) for x in rows] == [("Giant spider found in a house", "7"),
                                                              ("Council approves parks budget", "9"),
                                                              ("Giant spider found in a house", "9")]
    assert all(x["Stance"] in S.STANCES for x in rows)
    assert rows[2]["Stance"] == "unrelated"
    assert "macro-F1" in stdout and "majority class" in stdout


def test_commands_fail_with_one_line(tmp_path):
    r = _run("fnc1", str(tmp_path / "missing.csv"), str(tmp_path / "missing2.csv"), "--out", str(tmp_path / "o.csv"))
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "no such file" in r.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text\n1,hello\n", encoding="utf-8")
    r = _run("fnc1", str(bad), str(bad), "--out", str(tmp_path / "o.csv"))
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "expected columns" in r.stderr
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Body ID,articleBody\n1,Caf\u00e9 owners said so.\n".encode("cp1252"))
    r = _run("fnc1", str(latin), str(latin), "--out", str(tmp_path / "o.csv"))
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and str(latin) in r.stderr and "not UTF-8" in r.stderr
    r = _run("quotes", str(tmp_path / "nope.txt"))
    assert r.returncode == 1 and "error:" in r.stderr and "Traceback" not in r.stderr
    article = tmp_path / "latin.txt"
    article.write_bytes("The caf\u00e9 owner said the new rules were \u201cunfair\u201d.\n".encode("cp1252"))
    r = _run("quotes", str(article), "--claim", "The rules are unfair.")
    assert r.returncode == 0 and r.stderr.strip() == f"warning: {article}: not valid UTF-8; decoded as cp1252 (guessed by charset-normalizer)"


def test_quotes_command_prints_null_for_a_quote_with_no_speaker(tmp_path, capsys, monkeypatch):
    """A claim reported by nobody named ('is thought to') has no speaker: strict JSON null, never NaN."""
    article = tmp_path / "bees.txt"
    article.write_text("Bees in decline\n\nThree quarters of the world's food crops are thought to depend on bees. "
                       "“We must act now,” said Ann Lee, a farmer.\n", encoding="utf-8")
    status, stdout, stderr = _main(capsys, monkeypatch, "quotes", str(article))
    assert status == 0, stderr

    def strict(constant):
        raise ValueError(f"not JSON: {constant}")
    lines = [json.loads(x, parse_constant=strict) for x in stdout.splitlines()]
    assert sorted(x["speaker"] or "" for x in lines) == ["", "Ann Lee"] and None in [x["speaker"] for x in lines]


def test_quotes_command_refuses_a_blank_claim(capsys, monkeypatch):
    """`--claim ""` is a usage error, not a silent fall-back to the article's headline."""
    with pytest.raises(SystemExit) as exc:
        _main(capsys, monkeypatch, "quotes", str(SEED), "--claim", "  ")
    assert exc.value.code == 2
    assert "a claim must be a sentence, not blank" in capsys.readouterr().err


def test_quotes_command_prints_one_json_line_per_quote_and_claim(capsys, monkeypatch):
    status, stdout, stderr = _main(capsys, monkeypatch, "quotes", str(SEED), "--claim", "North Korea and Russia will sign an arms deal.")
    assert status == 0, stderr
    lines = [json.loads(x) for x in stdout.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    assert len(lines) == len(extract_quotes(text))
    for x in lines:
        assert {"file", "start", "end", "speaker", "claim", "stance", "probability"} <= set(x)
        assert x["file"] == SEED.name and x["claim"] == "North Korea and Russia will sign an arms deal."
        assert x["stance"] in S.STANCES and 0.0 <= x["probability"] <= 1.0
