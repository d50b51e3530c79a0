"""The trained sentence coder (``analysis.frame_model``), opt-in beside the lexicon."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from documents import docs

from analysis.cli import main
from analysis.frame_model import (
    MODEL_PATH,
    FrameModel,
    context_features,
    load_frame_model,
    model_frames,
    sentence_stems,
)
from analysis.frames import frame_scores
from analysis.lexicon import FrameError, FrameMatcher

sys.path.insert(0, str(Path(__file__).parent / "validity"))
from train_frame_model import fit, vocabulary  # noqa: E402

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
    assert "hand-coded sentences" in model.trained_on
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


def test_weights_written_by_the_trainer_give_scikit_learns_probabilities(tmp_path):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [
        ("Bupati minta OPD tingkatkan kinerja.", ["performance"]),
        ("Kinerja pelayanan harus cepat.", ["performance"]),
        ("Koordinasi antar-OPD perlu diperkuat.", ["coordination"]),
        ("OPD wajib koordinasi dan sinergi.", ["coordination"]),
        ("ASN harus disiplin hadir apel.", ["discipline"]),
        ("Pegawai bolos diberi sanksi disiplin.", ["discipline"]),
        ("Rapat digelar di aula kantor bupati.", []),
        ("Acara dihadiri camat dan kepala desa.", []),
    ]
    rows = [  # two articles, each with one sentence of each kind
        {"id": f"a{i % 2}", "set": "t", "text": t, "frames": f, "hits": [i % 2, 0, i % 3]}
        for i, (t, f) in enumerate(texts)
    ]
    rows.sort(key=lambda r: r["id"])
    content = fit(rows)
    path = tmp_path / "m.json"
    path.write_text(json.dumps(content))
    model = load_frame_model(path)
    context = context_features(np.array([r["hits"] for r in rows]), [r["id"] for r in rows])
    stems = [sentence_stems(r["text"]) for r in rows]
    got = model.probability(context, stems)
    vocab = vocabulary(stems, [r["id"] for r in rows])
    assert "kinerja" in vocab and "disiplin" in vocab  # in two articles
    vec = CountVectorizer(token_pattern=r"\S+", vocabulary=vocab, lowercase=False, binary=True)
    x = hstack([vec.transform([" ".join(s) for s in stems]), csr_matrix(context)]).tocsr()
    for k, f in enumerate(model.frames):
        y = [f in r["frames"] for r in rows]
        want = LogisticRegression(C=1.0, max_iter=3000).fit(x, y).predict_proba(x)[:, 1]
        assert np.allclose(got[:, k], want, atol=1e-4)  # weights are kept to 5 decimals


def _codes(table: pd.DataFrame, doc: str) -> dict[int, set[str]]:
    t = table[(table["doc_id"] == doc) & (table["coded"] == 1)]
    return {n: set(g["frame"]) for n, g in t.groupby("sentence_no")}


def test_model_frames_codes_sentences_by_their_meaning_and_the_codebook_rules():
    table = model_frames(docs(AGENCY, MATCH), jobs=1)
    assert list(table.columns) == [
        "doc_id", "sentence_no", "sentence", "voice", "speaker", "frame",
        "hits", "probability", "coded", "words",
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


def test_the_codebook_rules_override_a_model_that_would_code_the_sentence():
    # a model that codes performance wherever "kinerja" is: the attribution-only
    # sentence and the off-genre article still get no frame
    frames = FrameMatcher().frames
    model = FrameModel(
        frames,
        {"kinerja": 0},
        np.array([[10.0, 0.0, 0.0]]),
        np.zeros((12, 3)),
        np.full(3, -5.0),
    )
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
    content["words"] = content["words"][:-1]  # one stem's weights missing
    bad.write_text(json.dumps(content))
    with pytest.raises(FrameError, match="rusak.json: not a frame model"):
        load_frame_model(bad)


def test_cli_frames_coder_model(tmp_path, capsys):
    (tmp_path / "a1.txt").write_text(AGENCY, encoding="utf-8")
    args = ["frames", "--corpus", str(tmp_path), "--by", "sentence", "--format", "csv"]
    assert main([*args, "--coder", "model", "--jobs", "1"]) == 0
    out = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"doc_id": str})
    assert list(out.columns) == [
        "doc_id", "sentence_no", "sentence", "voice", "frame",
        "hits", "probability", "coded", "words",
    ]  # fmt: skip
    assert out["coded"].sum() >= 3
    assert main(["frames", "--corpus", str(tmp_path), "--coder", "model"]) == 2
    assert "--coder model codes sentences" in capsys.readouterr().err
