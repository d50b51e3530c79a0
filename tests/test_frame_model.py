"""The trained sentence coder (``analysis.frame_model``), opt-in beside the lexicon."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest
from documents import docs

from analysis.cli import main
from analysis.frame_model import (
    MODEL_PATH,
    FrameModel,
    context_features,
    fit_frame_model,
    load_frame_model,
    model_frames,
    name_words,
    sentence_stems,
    vocabulary,
)
from analysis.frames import frame_scores
from analysis.lexicon import FrameError, FrameMatcher

# Passages written for these tests.
AGENCY = (
    "Bupati Lembah Jaya, Darma Wiratmaja, memimpin rapat evaluasi bersama kepala OPD dan "
    "camat di aula kantor bupati.\n"
    "Ia meminta seluruh kepala OPD meningkatkan kinerja dan mempercepat realisasi anggaran "
    "agar target pembangunan tercapai.\n"
    "Bupati juga mengingatkan ASN agar disiplin masuk kantor tepat waktu dan tidak bolos, "
    "karena pegawai yang melanggar akan diberi sanksi.\n"
    "Menurut dia, sinergi dan koordinasi antar-OPD harus diperkuat supaya program berjalan.\n"
    "Demikian disampaikan Bupati Lembah Jaya dalam rapat evaluasi kinerja dan capaian "
    "target OPD."
)
MATCH = (
    "Tim Garuda Muda menang 2-1 atas tim tamu dalam laga pekan ketiga di stadion kota.\n"
    "Pelatih meminta pemain meningkatkan kinerja dan disiplin agar target juara tercapai.\n"
    "Kerja sama lini tengah dinilai semakin kompak sepanjang pertandingan."
)


def test_the_packaged_model_fits_the_packaged_lexicon():
    model = load_frame_model()
    assert model.frames == FrameMatcher().frames
    assert len(model.vocabulary) > 1000
    assert model.words.shape == (len(model.vocabulary), 3)
    assert model.context.shape == (12, 3)
    assert model.threshold == 0.5
    assert "hand-coded articles" in model.trained_on
    # the stems a reader of the codebook would expect to weigh for their frame do
    k = {f: i for i, f in enumerate(model.frames)}
    assert model.words[model.vocabulary["kinerja"], k["performance"]] > 0
    assert model.words[model.vocabulary["koordinasi"], k["coordination"]] > 0
    assert model.words[model.vocabulary["disiplin"], k["discipline"]] > 0


def test_context_features_are_own_neighbour_and_article_hits():
    hits = np.array([[0, 1, 0], [5, 0, 0], [0, 0, 2], [1, 0, 0]])
    x = context_features(hits, ["a", "a", "a", "b"])
    assert x[1, :3].tolist() == [3, 0, 0]  # own hits capped at 3
    assert x[1, 3:6].tolist() == [0, 1, 0]  # the sentence before
    assert x[1, 6:9].tolist() == [0, 0, 2]  # the sentence after
    assert x[2, 6:9].tolist() == [0, 0, 0]  # the last of its article: nothing after
    assert x[3, 3:6].tolist() == [0, 0, 0]  # the first of its article: nothing before
    assert x[0, 9:].tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    assert x[3, 9:].tolist() == [1, 0, 0]


def test_context_features_read_neighbours_by_number_in_any_row_order():
    hits = np.array([[0, 1, 0], [5, 0, 0], [0, 0, 2], [1, 0, 0]])
    ids, numbers = ["a", "a", "a", "b"], [1, 2, 3, 1]
    x = context_features(hits, ids, numbers)
    shuffled = [2, 0, 3, 1]
    y = context_features(hits[shuffled], [ids[i] for i in shuffled], [numbers[i] for i in shuffled])
    assert np.array_equal(y, x[shuffled])
    # a filtered table: sentence 2 is not given, so 1 and 3 have no neighbour there
    kept = [0, 2, 3]
    z = context_features(hits[kept], [ids[i] for i in kept], [numbers[i] for i in kept])
    assert z[0, 6:9].tolist() == [0, 0, 0] and z[1, 3:6].tolist() == [0, 0, 0]
    # a missing article id is one article of its own, not an error
    w = context_features(hits, ["a", None, None, "b"], numbers)
    assert w[1, 9:].tolist() == [0.5, 0, 0.5]


def test_model_frames_codes_a_sentence_the_same_in_any_row_order():
    from analysis.quotes import sentence_table

    table = sentence_table(docs(AGENCY, MATCH))
    key = ["doc_id", "sentence_no", "frame"]
    ordered = model_frames(table, jobs=1).set_index(key).sort_index()
    shuffled = model_frames(table.sample(frac=1, random_state=1), jobs=1)
    pd.testing.assert_frame_equal(shuffled.set_index(key).sort_index(), ordered)
    two_jobs = model_frames(docs(AGENCY, MATCH), jobs=2).set_index(key).sort_index()
    assert np.allclose(two_jobs["probability"], ordered["probability"])


def test_a_sentence_table_with_a_missing_article_id_is_coded_not_refused():
    from analysis.quotes import sentence_table

    table = sentence_table(docs(AGENCY, MATCH))
    table.loc[table["doc_id"] == "d2", "doc_id"] = None  # the football report
    out = model_frames(table, jobs=1)
    assert out.loc[out["doc_id"].isna(), "coded"].sum() == 0  # still off-genre
    assert out.loc[out["doc_id"] == "d1", "coded"].sum() == 3


def _plain_decision(model: FrameModel, context, stems):
    out = []
    for row, words in zip(context, stems):
        s = model.intercept + row @ model.context
        for w in set(words):
            if w in model.vocabulary:
                s = s + model.words[model.vocabulary[w]]
        out.append(s)
    return np.array(out)


def test_the_vectorised_decision_equals_its_plain_definition():
    model = load_frame_model()
    rng = np.random.default_rng(7)
    vocab = sorted(model.vocabulary)
    stems = [
        [vocab[j] for j in rng.integers(0, len(vocab), rng.integers(0, 12))] + ["xyzzy"] * (i % 2)
        for i in range(200)
    ]
    stems[3] = stems[3] * 2  # a stem twice in a sentence counts once (binary features)
    context = rng.random((200, 12)) * 3
    got = model.decision(context, stems)
    assert np.allclose(got, _plain_decision(model, context, stems), atol=1e-12)
    assert np.allclose(model.probability(context, stems), 1 / (1 + np.exp(-got)))


CODED = [
    ("Bupati minta OPD tingkatkan kinerja.", 1, 0, 0),
    ("Koordinasi antar-OPD perlu diperkuat.", 0, 1, 0),
    ("ASN harus disiplin hadir apel.", 0, 0, 1),
    ("Rapat digelar di aula kantor bupati.", 0, 0, 0),
    ("Kinerja pelayanan harus cepat.", 1, 0, 0),
    ("OPD wajib koordinasi dan sinergi.", 0, 1, 0),
    ("Pegawai bolos diberi sanksi disiplin.", 0, 0, 1),
    ("Acara dihadiri camat dan kepala desa.", 0, 0, 0),
]


def _coded_sentences():
    """Two invented articles of four coded sentences each."""
    rows = [
        {"doc_id": f"a{i // 4}", "sentence_no": i % 4 + 1, "sentence": t, **dict(zip(FR, c))}
        for i, (t, *c) in enumerate(CODED)
    ]
    return pd.DataFrame(rows)


FR = ("performance", "coordination", "discipline")


def test_a_fitted_model_gives_scikit_learns_probabilities_and_survives_its_file(tmp_path):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    sentences = _coded_sentences()
    model = fit_frame_model(sentences, trained_on="eight invented sentences")
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_dict()))
    again = load_frame_model(path)
    assert again.trained_on == "eight invented sentences"
    assert again.vocabulary == model.vocabulary and np.array_equal(again.words, model.words)
    # the same design matrix built by hand: lexicon hits in context and binary stems
    hits = frame_scores(sentences.assign(voice=""), by="sentence", n_boot=0)
    hits = hits.pivot_table(index=["doc_id", "sentence_no"], columns="frame", values="hits")
    context = context_features(hits[list(FR)].to_numpy(), sentences["doc_id"])
    stems = [sentence_stems(t) for t in sentences["sentence"]]
    vocab = vocabulary(stems, sentences["doc_id"])
    assert vocab == sorted(model.vocabulary) and "kinerja" in vocab and "disiplin" in vocab
    vec = CountVectorizer(token_pattern=r"\S+", vocabulary=vocab, lowercase=False, binary=True)
    x = hstack([vec.transform([" ".join(s) for s in stems]), csr_matrix(context)]).tocsr()
    got = again.probability(context, stems)
    for k, f in enumerate(FR):
        want = LogisticRegression(C=1.0, max_iter=3000).fit(x, sentences[f]).predict_proba(x)
        assert np.allclose(got[:, k], want[:, 1], atol=1e-4)  # weights kept to 5 decimals


def test_names_and_one_articles_words_are_no_features():
    texts = ["Bupati Ahmad meminta OPD disiplin.", "Ahmad ingin ASN disiplin.", "ahmad"]
    assert name_words(texts[:2]) == {"bupati", "ahmad"}  # OPD, ASN: acronyms
    assert name_words(texts) == {"bupati"}  # also written in lower case
    stems = [["ahmad", "disiplin", "2024"], ["ahmad", "disiplin", "2024"], ["disiplin"]]
    assert vocabulary(stems, ["a", "b", "a"], exclude={"ahmad"}) == ["disiplin"]
    assert vocabulary(stems, ["a", "a", "a"]) == []  # one article only


def test_fitting_refuses_codes_it_cannot_learn_from():
    sentences = _coded_sentences()
    with pytest.raises(FrameError, match="lack the frame column"):
        fit_frame_model(sentences.drop(columns="discipline"))
    with pytest.raises(FrameError, match="0 or 1"):
        fit_frame_model(sentences.assign(discipline=2))
    with pytest.raises(FrameError, match="with and without"):
        fit_frame_model(sentences.assign(discipline=0))


def _codes(table: pd.DataFrame, doc: str) -> dict[int, set[str]]:
    t = table[(table["doc_id"] == doc) & (table["coded"] == 1)]
    return {n: set(g["frame"]) for n, g in t.groupby("sentence_no")}


def test_model_frames_codes_sentences_by_their_meaning_and_the_codebook_rules():
    table = model_frames(docs(AGENCY, MATCH), jobs=1)
    assert list(table.columns) == [
        "doc_id", "sentence_no", "sentence", "voice", "speaker", "frame",
        "hits", "probability", "coded", "context", "words",
    ]  # fmt: skip
    codes = _codes(table, "d1")
    assert "performance" in codes[2]
    assert "discipline" in codes[3]
    assert "coordination" in codes[4]
    assert 5 not in codes  # attribution only (codebook rule 5)
    assert _codes(table, "d2") == {}  # off-genre article (rule 9): no frame
    d1 = table[table["doc_id"] == "d1"]
    assert ((d1["coded"] == 1) == (d1["words"] != "")).all()  # evidence for every code
    row = d1[(d1["sentence_no"] == 3) & (d1["frame"] == "discipline")].iloc[0]
    assert "disiplin" in row["words"]
    # the lexicon's hits are the frames table's, unchanged
    lex = frame_scores(docs(AGENCY, MATCH), by="sentence", jobs=1)
    assert table["hits"].tolist() == lex["hits"].tolist()
    # same input, same output
    pd.testing.assert_frame_equal(table, model_frames(docs(AGENCY, MATCH), jobs=1))


def _kinerja_model() -> FrameModel:
    """A model that codes performance wherever the stem "kinerja" is, nothing else."""
    return FrameModel(
        FrameMatcher().frames,
        {"kinerja": 0},
        np.array([[10.0, 0.0, 0.0]]),
        np.zeros((12, 3)),
        np.full(3, -5.0),
    )


def test_the_score_is_the_intercept_the_lexicon_context_and_the_stems_weights():
    model = load_frame_model()
    table = model_frames(docs(AGENCY), model=model, jobs=1)
    k = {f: i for i, f in enumerate(model.frames)}
    for r in table.itertuples():
        stems = set(sentence_stems(r.sentence)) & set(model.vocabulary)
        own = sum(model.words[model.vocabulary[w], k[r.frame]] for w in stems)
        logit = np.log(r.probability / (1 - r.probability))
        assert logit == pytest.approx(model.intercept[k[r.frame]] + r.context + own, abs=1e-6)
    assert (table.loc[table["hits"] > 0, "context"] > 0).all()  # its own hits weigh for it


def test_the_codebook_rules_override_a_model_that_would_code_the_sentence():
    # a model that codes performance wherever "kinerja" is: the attribution-only
    # sentence and the off-genre article still get no frame
    model = _kinerja_model()
    table = model_frames(docs(AGENCY, MATCH), model=model, jobs=1)
    perf = table[table["frame"] == "performance"].set_index(["doc_id", "sentence_no"])
    assert perf.loc[("d1", 5), "probability"] > 0.99  # "... evaluasi kinerja ..."
    assert perf.loc[("d1", 5), "coded"] == 0
    assert perf.loc[("d2", 2), "probability"] > 0.99  # the coach's "kinerja"
    assert perf.loc[("d2", 2), "coded"] == 0
    assert perf.loc[("d1", 2), "coded"] == 1
    assert perf.loc[("d1", 2), "words"] == "kinerja +10.00"
    on_all = model_frames(docs(MATCH), model=model, genre_check=False, jobs=1)
    assert on_all.query("frame == 'performance' and sentence_no == 2")["coded"].item() == 1


def test_a_lexicon_of_other_frames_or_a_bad_model_file_is_a_clear_error(tmp_path):
    other = tmp_path / "lex.csv"
    other.write_text("frame,entry,match,rationale\nekonomi,inflasi,stem,prices\n")
    with pytest.raises(FrameError, match="not the model's"):
        model_frames(docs(AGENCY), lexicon=other, jobs=1)
    with pytest.raises(FrameError, match="tidak-ada.json: cannot read"):
        load_frame_model(tmp_path / "tidak-ada.json")
    bad = tmp_path / "rusak.json"
    bad.write_text("{ not json")
    with pytest.raises(FrameError, match="rusak.json: not a frame model"):
        load_frame_model(bad)
    content = json.loads(MODEL_PATH.read_text())
    for change, problem in [
        ({"words": content["words"][:-1]}, "ValueError"),  # one stem's weights missing
        ({"intercept": [float("nan"), 0.0, 0.0]}, "non-finite weights"),
        ({"frames": ["performance"] * 3}, "repeated frames"),
        ({"threshold": 7}, "threshold 7.0 outside"),
        ({"format": 2}, "format 2"),
    ]:
        bad.write_text(json.dumps({**content, **change}))
        with pytest.raises(FrameError, match=f"rusak.json: not a frame model.*{problem}"):
            load_frame_model(bad)


def test_cli_frames_coder_model(tmp_path, capsys):
    (tmp_path / "a1.txt").write_text(AGENCY, encoding="utf-8")
    args = ["frames", "--corpus", str(tmp_path), "--by", "sentence", "--format", "csv"]
    assert main([*args, "--coder", "model", "--jobs", "1"]) == 0
    out = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"doc_id": str})
    assert list(out.columns) == [
        "doc_id", "sentence_no", "sentence", "voice", "frame",
        "hits", "probability", "coded", "context", "words",
    ]  # fmt: skip
    assert out["coded"].sum() >= 3
    assert main(["frames", "--corpus", str(tmp_path), "--coder", "model"]) == 2
    assert "--coder model codes sentences" in capsys.readouterr().err
    # a model file of one's own: here one that codes performance wherever "kinerja" is
    own = tmp_path / "own.json"
    own.write_text(json.dumps(_kinerja_model().to_dict()))
    assert main([*args, "--coder", "model", "--model", str(own), "--jobs", "1"]) == 0
    out = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"doc_id": str})
    coded = out[out["coded"] == 1]
    assert set(coded["frame"]) == {"performance"} and set(coded["sentence_no"]) == {2}
    assert main([*args, "--model", str(own)]) == 2
    assert "--model FILE is used with --coder model" in capsys.readouterr().err
