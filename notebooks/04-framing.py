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
# # 4. Framing: performance, coordination and discipline, measured with a lexicon
#
# ## Question
#
# When a regional leader addresses the heads of the agencies (*OPD*), how much of what is
# reported speaks of **performance** (*kinerja*: results, targets, budget realisation,
# service), of **coordination** (*koordinasi*: communication, synergy, working together
# across agencies) and of **discipline** (*disiplin*: attendance, rules, sanctions, one's
# *tupoksi* — *tugas pokok dan fungsi*, main duties and functions)? Which frame dominates
# each article, how sure can we be of each rate, do the frames occur together, and does
# the lexicon find the frames a human coder finds?
#
# ## Method
#
# - **The lexicon** (`analysis/data/frame_lexicon.csv`, loaded by `frames.load_lexicon`)
#   lists, for each frame, the words and expressions that signal it, each with a one-line
#   rationale. It was written from the domain (the genre's vocabulary, the glossary of
#   Indonesian regional government) **blind to the five articles**, so it is not fitted to
#   them. A researcher can pass their own lexicon (CSV, YAML, dict) to every function.
# - **Matching.** Sentence by sentence, on the word tokens before stopword removal. A
#   `stem` entry matches every affixed form (*koordinasi* → *berkoordinasi*,
#   *mengoordinasikan*; *disiplin* → *kedisiplinan*), with guards against Sastrawi's
#   over-stemming (*kinerja* never becomes *kerja*, so *bekerja*, "to work", does not count
#   as performance). A `form` entry matches the word itself with a clitic (*hasilnya*,
#   "its result") where the stem would let unrelated words in (*capaian*, "achievement",
#   but not *mencapai 74 persen*, "reaching 74 percent"). Multiword entries (*kerja sama*,
#   cooperation; *serap anggaran*, budget absorption) match inside one sentence.
# - **Scores** (`frames.frame_scores`): `hits` per frame; `per_1000`, hits per 1,000 word
#   tokens (all tokens, stopwords included); `share` of the article's frame hits; the
#   `dominant_frame`.
# - **Uncertainty.** 95% percentile bootstrap intervals (2,000 resamples, fixed seed):
#   for a single article, its *sentences* are resampled; for a group of several articles,
#   whole *articles* are resampled (a cluster bootstrap, since sentences of one article are
#   not independent). An interval from one short article is wide, and says how much the
#   rate depends on a few sentences; it says nothing about other articles by that leader
#   (`ci_basis`: "within-article sentences only"). A group of 2–4 articles is flagged
#   `small_group`: resampling so few articles can only recombine their rates, so its
#   interval never reaches beyond them and is too narrow to trust (hollow points in the
#   profile plots). `n_docs` is the number of articles in each group.
# - **Co-occurrence**: sentences in which two frames both occur.
# - **Validation.** Every sentence of the five articles was coded by hand for the three
#   frames, blind to the lexicon (`analysis/data/hand_coding.csv`, read by
#   `analysis.validation.read_hand_coding`). Precision is the share of sentences the lexicon
#   flags that the coder also coded for the frame; recall the share of the coder's
#   sentences the lexicon finds.

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import analysis
from analysis import frames, plots, quotes
from analysis.validation import evaluate_lexicon, read_hand_coding

pd.set_option("display.max_colwidth", 100)
N_BOOT = 2000

# %%
corpus = analysis.load_corpus()
sentences = quotes.sentence_table(corpus)
titles = (corpus.index.to_series() + " · " + corpus["leader"]).to_dict()
lexicon = frames.load_lexicon()

# %% [markdown]
# ## The lexicon
#
# Entries per frame and matching mode, then the first entries of each frame with their
# rationale (the whole table is `lexicon`):

# %%
pd.crosstab(lexicon["frame"], lexicon["match"], margins=True)

# %%
lexicon.groupby("frame", sort=False).head(6)

# %% [markdown]
# ## Frame scores per article, with bootstrap intervals

# %%
scores = frames.frame_scores(sentences, by="doc_id", n_boot=N_BOOT)
columns = "frame hits tokens per_1000 ci_low ci_high share dominant_frame n_sentences ci_basis"
scores[["doc_id", *columns.split()]].round(2)

# %%
fig, ax = plt.subplots(figsize=(7, 3.5))
plots.plot_frame_heatmap(
    scores, ax=ax, index="doc_id", labels=titles, title="Frame hits per 1,000 words"
)
plt.show()

# %%
by_leader = frames.frame_scores(sentences, by="leader", n_boot=N_BOOT)
fig, ax = plt.subplots(figsize=(8, 4.5))
plots.plot_frame_profile(
    by_leader,
    ax=ax,
    group="leader",
    title="Frame profile per leader (one article each), 95% intervals",
)
plt.show()

# %% [markdown]
# Shares of each article's frame hits: which frame dominates, and by how much.

# %%
scores.pivot(index="doc_id", columns="frame", values="share").round(2)

# %% [markdown]
# ## Over time
#
# The articles span several years, but each date is a different leader, region and
# outlet, so the points are not a time series of one actor: read them as five snapshots.

# %%
dated = frames.frame_scores(sentences, by=["doc_id", "date", "leader"], n_boot=N_BOOT)
fig, ax = plt.subplots(figsize=(9, 4.2))
plots.plot_frames_over_time(
    dated, ax=ax, date="date", label="leader", title="Frame rates of each article by its date"
)
plt.show()

# %% [markdown]
# ## Co-occurrence: frames in the same sentence
#
# The diagonal counts the sentences with at least one hit of the frame; off the diagonal,
# sentences with both frames.

# %%
together = frames.frame_cooccurrence(sentences)
fig, ax = plt.subplots(figsize=(4.5, 3.8))
plots.plot_frame_cooccurrence(together, ax=ax)
plt.show()

# %% [markdown]
# ## The evidence behind every number
#
# Each hit with the entry that matched, the words as written, and its sentence. The most
# frequent entries per frame, then every discipline hit in context:

# %%
evidence = frames.frame_evidence(sentences)
evidence.groupby("frame", sort=False)["entry"].value_counts().groupby(level=0).head(5)

# %%
analysis.show(
    evidence.loc[
        evidence["frame"] == "discipline",
        ["doc_id", "sentence_no", "voice", "entry", "matched", "sentence"],
    ]
)

# %% [markdown]
# ## Validation against the blind hand coding

# %%
gold = read_hand_coding()
validation = evaluate_lexicon(evidence, gold)
validation.round(3)

# %% [markdown]
# Where the lexicon and the coder disagree on performance: sentences the coder coded as
# performance that the lexicon missed (false negatives), with the coder's note.

# %%
per_sentence = frames.frame_scores(sentences, by="sentence", n_boot=0)
flagged = per_sentence.pivot_table(index=["doc_id", "sentence_no"], columns="frame", values="hits")
coded = gold.set_index(["doc_id", "sentence_no"])
missed = coded[(coded["performance"] == 1) & (flagged["performance"] == 0)]
missed[["sentence", "note"]]

# %% [markdown]
# ## Findings
#
# Computed from the tables above:

# %%
totals = scores.groupby("frame", sort=False)["hits"].sum()
dominant = scores.drop_duplicates("doc_id")["dominant_frame"].value_counts()
print(f"Frame hits over all articles: {totals.to_dict()}.")
print(f"Dominant frame per article: {dominant.to_dict()}.")
print(
    f"Widest 95% interval of a rate: {(scores['ci_high'] - scores['ci_low']).max():.0f} "
    "hits per 1,000 words (one article's sentences resampled)."
)
pairs = together.stack()
pairs = pairs[pairs.index.get_level_values(0) < pairs.index.get_level_values(1)]
print(
    f"Frames most often in the same sentence: {' and '.join(pairs.idxmax())} "
    f"({pairs.max()} sentences, of {len(sentences)})."
)

# %%
print("Lexicon against the blind hand coding (sentences):")
print(validation[["precision", "recall", "f1", "support"]].round(2).to_string())
print(
    f"Performance sentences the lexicon missed: {len(missed)} of "
    f"{validation.loc['performance', 'support']}."
)

# %% [markdown]
# **Reading the findings.** The rates and shares say how each *article* distributes its
# words across the three frames; with one article per leader, a difference between
# leaders is a difference between articles, and the intervals (from resampling one
# article's sentences) are wide. The validation table is the test of the instrument: a
# high precision means that what the lexicon counts is what a human reads as the frame; a
# lower recall means the counts are a lower bound — the coder's notes on the missed
# sentences show which ways of talking about performance have no single tell-tale word.
# Recall and precision on a sample of this size are themselves uncertain (see `support`):
# validate on a sample of your own corpus before relying on the rates.
#
# `python -m analysis figures` writes these figures (`frames_*.png`) with their tables;
# `python -m analysis frames --by leader` prints the scores.
