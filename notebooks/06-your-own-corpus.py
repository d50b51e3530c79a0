# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: -all
#     notebook_metadata_filter: kernelspec,jupytext
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 6. Your own corpus: every analysis, pointed at another folder of articles
#
# This notebook is a template. It runs the analyses of notebooks 1–5 on any folder of
# articles, so a researcher can start from it, keep the cells that answer their question,
# and add their own.
#
# **Pointing it at your articles.** Either set the environment variable before starting
# JupyterLab:
#
# ```bash
# ANALYSIS_CORPUS=path/to/my-articles .venv/bin/jupyter lab notebooks/
# ```
#
# or replace the first code cell below by `folder = Path("path/to/my-articles")` (with
# `from pathlib import Path`). A relative path is read from where you started JupyterLab
# (the kernel itself runs in `notebooks/`), and if the folder is not found the error
# names every absolute path tried. Without either, the notebook analyses the five seed
# articles in `seeds/`. The folder holds one `.txt` file per article, as scraped (UTF-8;
# set `ENCODING` below for old cp1252 or Latin-1 scrapes), or saved web pages (`.html`,
# whose main text is extracted by trafilatura and then cleaned as usual), and optionally
# a `metadata.csv` with at least `doc_id` and `file` (and any of `leader`, `role`,
# `level`, `region`, `province`, `date`, `outlet`); a single JSON Lines, CSV or Parquet
# file with a `text` column works too. Files that cannot be read are left out and named
# under the first table. The README's section "Run the analysis on your own folder of
# articles" says more.
#
# ## Question
#
# Write your own here. As shipped: in this corpus, how do leaders frame performance
# (*kinerja*), coordination (*koordinasi*) and discipline (*disiplin*) when they address
# their agencies (*OPD*), which words distinguish the groups of articles, and does the
# framing differ when the leader speaks in their own quoted words?
#
# ## Method
#
# The same functions and choices as notebooks 1–5, so results are comparable:
#
# - cleaning by `clean_article` with its audit; tokens from `analysis.tokens`; Sastrawi's
#   stopwords plus domain words; names of people and places left out of the word lists,
#   found in the text (after office titles, honorifics, *Kabupaten/Kota/Provinsi*, or
#   capitalised inside a sentence; `names.find_names` lists them) and, if your folder has
#   one, in `metadata.csv`;
# - groups are chosen by `terms.choose_grouping`: the first of `leader`, `role`, `level`,
#   `outlet`, `region`, `province` that has at least two values, else each article on its
#   own (a folder without metadata);
# - keyness by log-likelihood G2, Log Ratio and Fightin' Words, with the number of words
#   expected to pass by chance and Benjamini–Hochberg adjusted p-values;
# - the frame lexicon of notebook 4 (pass `lexicon="my_lexicon.csv"` to the `frames`
#   functions to use your own), with 95% bootstrap intervals (1,000 resamples; articles
#   resampled within groups of several articles; groups of 2–4 articles are flagged
#   `small_group`, their intervals too narrow to trust);
# - voices and quotes as in notebook 5.
#
# **Large corpora.** Every function reads one article at a time and uses all cores once
# a corpus has a few hundred articles (`jobs=` and `engine="dask"` choose otherwise). For
# a corpus too big for memory, pass `analysis.iter_documents(folder)` or the folder path
# itself instead of `corpus` to the `terms`, `frames` and `quotes` functions. Figures for
# your corpus: `python -m analysis figures --corpus path/to/my-articles --out my-figures/`.

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import analysis
from analysis import clean, frames, keyness, kwic, paths, plots, quotes, terms
from analysis.corpus import skipped_summary
from analysis.validation import read_hand_coding

pd.set_option("display.max_colwidth", 90)
N_BOOT = 1000
ENCODING = "utf-8"  # "cp1252" or "latin-1" for old Windows or Latin-1 scrapes

# %%
folder = paths.corpus_dir()
print(f"Analysing the articles in: {folder}")

# %%
skipped = []  # files that cannot be read (empty, binary, another encoding): left out
corpus = analysis.load_corpus(folder, on_error="skip", skipped=skipped, encoding=ENCODING)
group = terms.choose_grouping(corpus)
names = analysis.names.name_terms(corpus)
print(f"{len(corpus)} articles loaded; groups compared by: {group}")
print(skipped_summary(skipped) if skipped else "no file skipped")
corpus.drop(columns=["raw", "body", "removed"]).head(10)

# %% [markdown]
# ## The corpus (notebook 1)

# %%
terms.corpus_summary(corpus, by=None)

# %%
terms.corpus_summary(corpus, by=group).head(20)

# %%
removed = clean.removal_table(corpus)
analysis.show(removed)
removed["reason"].value_counts()

# %% [markdown]
# ## Words (notebook 2)

# %%
freq = terms.term_frequencies(corpus, exclude=names)
fig, ax = plt.subplots(figsize=(6, 6))
plots.plot_top_terms(freq, ax=ax, n=25, title="Most frequent words")
plt.show()

# %%
fig, ax = plt.subplots(figsize=(9, 5))
plots.plot_wordcloud(freq, ax=ax, max_words=100)
plt.show()

# %%
terms.ngrams(corpus, 2, exclude=names).head(15)

# %%
analysis.show(kwic.kwic_table(corpus, "kinerja", window=6, stem=True, sort="R1"))

# %% [markdown]
# ## What distinguishes the groups (notebook 3)

# %%
keys = terms.keyness_by_group(corpus, by=group, exclude=names)
keys = keys.assign(p_fdr=keyness.adjust_p_values(keys))
keyness.significance_summary(keys)

# %%
keys[keys["p_fdr"] < 0.05].head(30)

# %%
first_groups = keys.index.get_level_values(0).unique()[:6]
fig = plots.plot_keyness_grid(keys.loc[first_groups], n=8, ncols=2)
plt.show()

# %%
terms.log_odds_by_group(corpus, by=group, exclude=names).groupby(level=0).head(5)

# %% [markdown]
# ## Frames (notebook 4)

# %%
sentences = quotes.sentence_table(corpus)
scores = frames.frame_scores(sentences, by=group, n_boot=N_BOOT)
columns = "frame hits tokens per_1000 ci_low ci_high share n_docs small_group ci_basis".split()
scores[[group, *columns]].head(30)

# %%
shown = scores[scores[group].isin(scores[group].drop_duplicates().head(20))]
fig, ax = plt.subplots(figsize=(8, 0.6 * shown[group].nunique() + 1.5))
plots.plot_frame_profile(shown, ax=ax, group=group, title="Frame profile, 95% intervals")
plt.show()

# %%
per_doc = frames.frame_scores(sentences, by="doc_id", n_boot=0)
shown_docs = per_doc[per_doc["doc_id"].isin(per_doc["doc_id"].drop_duplicates().head(30))]
fig, ax = plt.subplots(figsize=(7, 0.35 * shown_docs["doc_id"].nunique() + 1.5))
plots.plot_frame_heatmap(shown_docs, ax=ax, index="doc_id", title="Frame hits per 1,000 words")
plt.show()

# %%
frames.frame_cooccurrence(sentences)

# %%
analysis.show(
    frames.frame_evidence(sentences)[
        ["doc_id", "sentence_no", "voice", "frame", "matched", "sentence"]
    ]
)

# %% [markdown]
# ## Voices (notebook 5)

# %%
pd.crosstab(sentences["doc_id"], sentences["voice"], margins=True).tail(10)

# %%
by_voice = frames.frame_scores(sentences, by="voice", n_boot=N_BOOT)
fig, ax = plt.subplots(figsize=(7, 4))
plots.plot_voice_comparison(by_voice, ax=ax, title="Frames by voice")
plt.show()

# %%
analysis.show(quotes.quote_table(corpus)[["doc_id", "speaker", "attribution", "text"]])

# %% [markdown]
# ## Findings
#
# Computed from the tables above; rewrite this section for your own question.

# %%
total = terms.corpus_summary(corpus, by=None).loc["corpus"]
summary = keyness.significance_summary(keys)
hits = scores.groupby("frame", sort=False)["hits"].sum()
print(
    f"Corpus: {folder.name}, {len(corpus)} articles, {total['tokens']:,.0f} word tokens, "
    f"{len(removed)} lines removed by the cleaner."
)

# %%
print(
    f"Groups compared by '{group}': {summary['terms_tested'].iloc[0]} words tested per "
    f"group; {summary['significant'].sum()} pass at p < 0.05 (about "
    f"{summary['expected_by_chance'].sum():.0f} expected by chance), "
    f"{summary['significant_fdr'].sum()} after Benjamini-Hochberg."
)
print(
    f"Frame hits: {hits.to_dict()}; sentences by voice: "
    f"{sentences['voice'].value_counts().to_dict()}."
)

# %% [markdown]
# ## Validate before you conclude
#
# The lexicon and the voice rules were developed on regional news of 2013–2026 and
# measured on articles they were not built on (the README's section "Validity"), but not
# on *your* corpus. Before reading the figures above as findings, measure the coding on a
# sample of your own sentences:
#
# 1. **Draw a sample** — seeded, stratified by the groups compared above — and give it to
#    a coder who has not seen the lexicon, with the project's codebook. With
#    `path="coding-sheet.csv"` the sheet is written as CSV (keep it outside the
#    repository); each row is one sentence with an empty 0/1 column per frame and `voice`.

# %%
strata = group if group != "doc_id" else None
sheet = analysis.sample_for_coding(corpus, n=60, seed=2026, by=strata)
sheet.head()

# %% [markdown]
# 2. **Score the package against the filled sheet.** Below, when the corpus is the seeds,
#    their blind hand coding (`analysis.validation.read_hand_coding()`, every seed
#    sentence coded by the codebook) fills the sheet in place of your coder; for your
#    corpus, put the filled sheet's file name in `FILLED`.

# %%
FILLED = None  # e.g. "coding-sheet-filled.csv"
if FILLED is None and folder.resolve() == paths.SEEDS_DIR.resolve():
    gold = read_hand_coding().drop(columns=["sentence", "speaker", "note"])
    FILLED = sheet[["doc_id", "sentence_no", "sentence"]].merge(gold, on=["doc_id", "sentence_no"])
score = analysis.score_coding(FILLED, corpus, n_boot=N_BOOT) if FILLED is not None else None
score.frames if score is not None else "Fill the sheet, set FILLED and run this cell again."

# %%
score.voice if score is not None else None

# %%
score.disagreements.head(10) if score is not None else None

# %% [markdown]
#    The same sheet scores the package's opt-in trained sentence model
#    (`analysis.model_frames`, the README's "A second reading"): on unseen articles of the
#    genre it found more of the coders' frame sentences than the lexicon. Keep the coder
#    that agrees better with yours, and say which one your figures rest on.

# %%
if FILLED is not None:
    model_score = analysis.score_coding(FILLED, corpus, coder="model", n_boot=N_BOOT)
model_score.frames if FILLED is not None else None

# %% [markdown]
#    Precision is the share of the package's frame sentences that the coder coded with
#    that frame; recall the share of the coder's that the package found. The intervals
#    resample articles with their sentences: with a sample of 60 sentences they are wide,
#    and 200 or more sentences are worth coding before a study. Report both with the
#    rates, and read every comparison of groups with the number of articles behind it.
#
# 3. **Two coders.** A second coder fills a copy of the same sheet;
#    `analysis.coder_agreement("sheet-a.csv", "sheet-b.csv")` gives Krippendorff's alpha
#    per frame and Cohen's kappa for voice. The package cannot be judged more precisely
#    than the coders agree.
#
# 4. **Extend the lexicon with evidence.** Words and bigrams that the sentences with a
#    frame's hits use more than the other sentences, not yet in the lexicon, with
#    concordance lines: candidates to read, not to add blindly. Add an entry with its
#    rationale to a copy of `analysis/data/frame_lexicon.csv`, pass it as `lexicon=`, and
#    score again.

# %%
analysis.suggest_entries(corpus, "discipline", n=10, min_count=2)[
    ["words", "count_with", "count_without", "g2", "log_ratio", "evidence"]
]
