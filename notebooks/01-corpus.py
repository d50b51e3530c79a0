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
# # 1. The corpus: five articles, what the cleaner removed, and how long they are
#
# This notebook describes the material every later notebook analyses: five Indonesian
# regional news articles in which a regional leader — a *Bupati* (regency head), a
# *Gubernur* (governor), a *Sekda* (*Sekretaris Daerah*, regional secretary, the top civil
# servant) and a *Plh Bupati* (*Pelaksana Harian*, acting regency head) — addresses the
# heads of the *OPD* (*Organisasi Perangkat Daerah*, the regional government agencies).
#
# ## Question
#
# What is in the corpus? Which outlets, regions, levels of government, leaders and dates
# do the articles cover; how long are they; what web debris did the cleaner remove from
# each raw page and why; and how many word tokens and word types remain before and after
# stopwords are dropped?
#
# ## Method
#
# - **Loading.** `analysis.load_corpus()` reads `seeds/` and `seeds/metadata.csv`; each
#   raw file is checked against the sha256 recorded in the metadata, so the raw data
#   cannot change unnoticed. Raw files are never edited.
# - **Cleaning.** `analysis.clean_article` removes boilerplate by the *shape* of a line,
#   not by site: the headline (kept as the title), the dateline (`PALEMBANG, PALTV.CO.ID -`),
#   "Baca Juga" (*read also*) links, photo captions, reporter tags such as `(Red/tim)`,
#   bylines and the headlines of other articles trailing after the text. Every removal is
#   recorded with its reason; `analysis.clean.removal_table` lists them.
# - **Tokens.** Word tokens come from `analysis.tokens` (lower case; `program-program`
#   stays one token; numbers without a letter are not words). Stopwords are Sastrawi's
#   Indonesian list plus honorifics and attribution verbs (*ujarnya*, "he/she said"),
#   minus words the frames need (*kerja* = work, *disiplin* = discipline, *target*).
#   Counts here are of surface forms (no stemming). `analysis.terms.corpus_summary` gives
#   the table.

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import analysis
from analysis import clean, terms, tokens

pd.set_option("display.max_colwidth", 90)

# %%
corpus = analysis.load_corpus()
corpus[["outlet", "region", "province", "level", "leader", "role", "date", "event"]]

# %% [markdown]
# ## The articles: who, where, when
#
# The articles come from *kabupaten* (regency) governments and from the *provinsi*
# (provincial) government of South Sumatra (*Sumatera Selatan*); each has its own leader
# and its own outlet. Where an article does not print its full date, the date was
# inferred, and the metadata says how:

# %%
corpus[["date", "date_note"]]

# %%
when = pd.to_datetime(corpus["date"])
who = corpus["leader"] + " (" + corpus["role"] + ", " + corpus["region"] + ")"
fig, ax = plt.subplots(figsize=(9, 2.8))
ax.plot(when, who, "o", color="#0072B2", markersize=8)
ax.grid(axis="x", color="#DDDDDD")
ax.set_xlabel("Date of the article")
ax.set_title("The five articles on a timeline", loc="left")
plt.show()

# %% [markdown]
# ## Cleaning audit: what was removed from each article, and why
#
# Each row below is one line (or fragment of a line) removed from a raw page. `line_no`
# is the line in the raw file, so any removal can be checked against `seeds/`. The
# meaning of each reason:

# %%
pd.Series(clean.REASONS, name="meaning").rename_axis("reason").to_frame()

# %%
removed = clean.removal_table(corpus)
pd.crosstab(removed["reason"], removed["doc_id"], margins=True)

# %%
analysis.show(removed)

# %% [markdown]
# The cleaned text keeps the article's own words; the title and the dateline are kept as
# data (`title`, `dateline_place`, `dateline_outlet`) rather than as body text, so that
# the headline's words are not counted twice:

# %%
corpus[["title", "dateline_place", "dateline_outlet"]]

# %%
pd.DataFrame(
    {"raw characters": corpus["raw"].str.len(), "body characters": corpus["body"].str.len()}
)

# %% [markdown]
# ## Length: tokens and types, before and after stopwords
#
# `tokens` counts running words (stopwords included); `types` counts distinct words;
# `content_tokens` and `content_types` count what remains once stopwords are dropped,
# which is what the frequency lists of notebook 2 count. `stopword_share` is the share of
# running words that are stopwords. An example sentence, tokenised with and without them:

# %%
sentence = analysis.split_sentences(corpus.loc["004", "body"])[1]
print(sentence)
print(analysis.tokenize(sentence))
print(analysis.tokenize(sentence, drop_stopwords=True))
print(f"{len(tokens.stopwords())} stopwords in the list")

# %%
summary = terms.corpus_summary(corpus)
summary

# %%
total = terms.corpus_summary(corpus, by=None)
total

# %%
lengths = summary[["tokens", "content_tokens"]].set_axis(corpus["leader"])
fig, ax = plt.subplots(figsize=(7, 3))
lengths.plot.barh(ax=ax, color=["#999999", "#0072B2"])
ax.invert_yaxis()
ax.set_xlabel("Word tokens (all, and without stopwords)")
plt.show()

# %% [markdown]
# ## Findings
#
# The numbers below are computed from the tables above, not typed in:

# %%
t = total.loc["corpus"]
print(
    f"Articles: {len(corpus)}, from {corpus['outlet'].nunique()} outlets in "
    f"{corpus['province'].nunique()} provinces, dated {when.min():%d %B %Y} to "
    f"{when.max():%d %B %Y}; {corpus['leader'].nunique()} different leaders."
)
print(
    f"Length: {t['tokens']:,.0f} word tokens and {t['types']:,.0f} types in all; "
    f"articles run from {summary['tokens'].min()} to {summary['tokens'].max()} tokens "
    f"(longest: {summary['tokens'].idxmax()}, shortest: {summary['tokens'].idxmin()})."
)
print(
    f"Stopwords are {t['stopword_share']:.0%} of running words; without them "
    f"{t['content_tokens']:,.0f} tokens of {t['content_types']:,.0f} types remain."
)

# %%
print(
    f"Cleaning removed {len(removed)} lines or fragments from "
    f"{removed['doc_id'].nunique()} articles, most often for the reason "
    f"'{removed['reason'].value_counts().idxmax()}'; "
    f"{removed['doc_id'][removed['reason'] == 'dateline'].nunique()} articles had a "
    "dateline cut from their first paragraph."
)

# %% [markdown]
# **What this means for the analyses.** The corpus is small: five articles of a few
# hundred words each, one per leader, spread over several years, regions and outlets. Any
# difference between leaders in the next notebooks is therefore a difference between
# single articles, confounded with the outlet, the region, the year and the occasion of
# the meeting (the `event` column). The notebooks describe these texts closely and show
# how the measures work; they cannot show what a kind of leader typically says. Run the
# same notebooks on a larger corpus (notebook 6) for that.
#
# The figures of the project are regenerated from `seeds/` by
# `python -m analysis figures`; notebooks never write files.
