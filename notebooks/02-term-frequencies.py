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
# # 2. Term frequencies: what the articles talk about
#
# ## Question
#
# Which words dominate the five articles, overall and in each article? Which word pairs
# recur as fixed expressions? And how do the three words at the centre of this project —
# *kinerja* (performance), *koordinasi* (coordination) and *disiplin* (discipline) — occur
# in context: how often, where in each article, and next to which words?
#
# ## Method
#
# - **Counting unit.** Lower-cased word tokens of the cleaned body (`analysis.tokens`),
#   as written (surface forms) unless stated; a second list counts *stems* (Sastrawi with
#   guards against over-stemming: *kinerja* is never reduced to *kerja*, "work"), so that
#   *kinerjanya* ("its performance") counts with *kinerja* and *mencapai* ("to reach")
#   with *capaian* ("achievement").
# - **Stopwords** are dropped from the lists (see notebook 1). **Names** of people and
#   places are left out too: each article names its own leader, deputy and region many
#   times, and the question is what was said, not who said it where. They are found in
#   the text (`names.find_names`: the words after office titles such as *Wakil Bupati*,
#   after honorifics such as *H.* or *Pak*, after *Kabupaten/Kota/Provinsi/Desa* or a
#   preposition of place, and words written with a capital inside a sentence) and in the
#   metadata (leader, region, province). A capitalised word that the corpus also writes in
#   lower case, or a word of the frame lexicon, stays: a sentence-initial *Disiplin* is
#   no name. The table below lists every candidate, the rules that found it and whether
#   it is left out.
# - **Rates.** `per_1000` is occurrences per 1,000 running words *including* stopwords,
#   the corpus linguist's normalised frequency, so articles of different length compare.
#   `doc_freq` is the number of articles that use the word.
# - **Distinctive words** of each article: TF-IDF (relative frequency times a smoothed
#   inverse document frequency), which favours words used in one article only.
# - **Word clouds** are drawn from these counts (the wordcloud package's own tokeniser,
#   which would split *program-program* and turn *dinas*, "agency", into *dina*, is
#   bypassed). The comparison cloud puts each word in the sector of the leader whose share
#   of it most exceeds the average share.
# - **N-grams and collocations.** Two- and three-word sequences inside sentences; the
#   collocation table scores pairs seen at least three times by Dunning's log-likelihood
#   G2 (robust for rare events) and by pointwise mutual information (PMI, which favours
#   rare exclusive pairs).
# - **KWIC** (keyword in context) lists every occurrence with six words on each side,
#   matched by stem; the dispersion ("x-ray") plot shows where in each article it falls.

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import analysis
from analysis import keyness, kwic, plots, terms

pd.set_option("display.max_colwidth", 70)

# %%
corpus = analysis.load_corpus()
titles = (corpus.index.to_series() + " · " + corpus["leader"]).to_dict()
found = analysis.names.find_names(corpus)
names = frozenset(found.index[found["left_out"]])
found

# %% [markdown]
# ## The most frequent words of the corpus

# %%
freq = terms.term_frequencies(corpus, exclude=names)
freq.head(20)

# %%
fig, ax = plt.subplots(figsize=(6, 6))
plots.plot_top_terms(freq, ax=ax, n=25, title="Most frequent words (surface forms)")
plt.show()

# %% [markdown]
# The same list counted by stem: affixed forms join their root (*pencapaian*,
# *tercapai*, *mencapai* → *capai*, "reach"; *kinerjanya* → *kinerja*).

# %%
stems = terms.term_frequencies(corpus, stem=True, exclude=names)
stems.head(20)

# %% [markdown]
# ## Each article's most frequent and most distinctive words
#
# Rates per 1,000 words on one shared scale, one panel per article:

# %%
by_doc = terms.term_frequencies(corpus, by="doc_id", exclude=names)
fig = plots.plot_top_terms_grid(by_doc, n=8, column="per_1000", ncols=3, titles=titles)
plt.show()

# %%
distinctive = terms.tfidf(corpus, top=8, exclude=names)
fig = plots.plot_top_terms_grid(
    distinctive, n=8, column="tfidf", ncols=3, titles=titles, color=plots.PALETTE[2]
)
plt.show()

# %% [markdown]
# ## Word clouds
#
# A word cloud shows the same counts less precisely than the bar charts; it is here
# because readers expect it. Size is frequency; position and colour mean nothing.

# %%
fig, ax = plt.subplots(figsize=(9, 5))
plots.plot_wordcloud(freq, ax=ax, max_words=100, title="Word cloud of the corpus")
plt.show()

# %%
counts_by_leader = terms.term_counts(corpus, by="leader", exclude=names)
cloud_terms = keyness.comparison_terms(counts_by_leader, max_words=100)
fig, ax = plt.subplots(figsize=(9, 7))
plots.plot_comparison_cloud(cloud_terms, ax=ax, groups=list(counts_by_leader))
plt.show()

# %% [markdown]
# ## Recurring sequences: n-grams and collocations
#
# Bigrams and trigrams are read inside sentences; sequences that start or end with a
# stopword are left out, but stopwords inside are kept (*visi dan misi*, "vision and
# mission").

# %%
terms.ngrams(corpus, 2, exclude=names).head(15)

# %%
terms.ngrams(corpus, 3, exclude=names).head(10)

# %%
colloc = terms.collocations(corpus, n=2, min_freq=3, exclude=names)
fig, ax = plt.subplots(figsize=(7, 5))
plots.plot_collocations(colloc, ax=ax, n=15)
plt.show()

# %% [markdown]
# *Perangkat daerah* (regional apparatus) and *organisasi perangkat daerah* are the long
# form of OPD; *penyerapan anggaran* is budget absorption (the share of the budget
# actually spent), a standard performance indicator of Indonesian local government.
#
# ## Kinerja, koordinasi, disiplin in context
#
# Every occurrence, matched by stem (*kinerja* also finds *kinerjanya*; *disiplin* finds
# *kedisiplinan*, "discipline" as a noun; *koordinasi* finds *berkoordinasi*, "to
# coordinate"), sorted as a concordancer sorts: by the word just right of the keyword
# (`R1`), so that the recurring phrases line up (`sort="L1"` sorts by the word to its
# left). `from` and `to` are the keyword's word positions in the article, counted from 1.
# Each table can be paged, sorted and searched.

# %%
analysis.show(kwic.kwic_table(corpus, "kinerja", window=6, stem=True, sort="R1"))

# %%
analysis.show(kwic.kwic_table(corpus, "koordinasi", window=6, stem=True, sort="R1"))

# %%
analysis.show(kwic.kwic_table(corpus, "disiplin", window=6, stem=True, sort="R1"))

# %% [markdown]
# To explore further, the concordance browser searches any word, phrase, glob
# (`disiplin*`) or stem, sorts by the left or right context, keeps only the hits whose
# sentence carries a frame or of one leader (or any metadata column), and exports the
# rows in view to a CSV file (in JupyterLab; a static copy of this notebook shows no
# controls).

# %%
analysis.kwic_browser(corpus, query="disiplin", stem=True)

# %%
key_words = ["kinerja", "koordinasi", "disiplin"]
where = terms.dispersion(corpus, key_words, stem=True)
pd.crosstab(where["term"], where["doc_id"], margins=True)

# %%
fig, ax = plt.subplots(figsize=(9, 5))
plots.plot_dispersion(
    where,
    ax=ax,
    terms=key_words,
    docs=list(corpus.index),
    labels=titles,
    title="Where the three words occur in each article",
)
plt.show()

# %% [markdown]
# ## Findings
#
# Computed from the tables above:

# %%
key = stems.reindex(key_words)
top = colloc.iloc[0]
print(
    f"The most frequent content word is '{freq.index[0]}' ({freq['count'].iloc[0]} times, "
    f"in {freq['doc_freq'].iloc[0]} of {len(corpus)} articles)."
)
print(
    f"By stem: kinerja {key.loc['kinerja', 'count']:.0f} times (rank "
    f"{key.loc['kinerja', 'rank']:.0f}, in {key.loc['kinerja', 'doc_freq']:.0f} articles); "
    f"koordinasi {key.loc['koordinasi', 'count']:.0f} (rank {key.loc['koordinasi', 'rank']:.0f},"
    f" {key.loc['koordinasi', 'doc_freq']:.0f} articles); disiplin "
    f"{key.loc['disiplin', 'count']:.0f} (rank {key.loc['disiplin', 'rank']:.0f}, "
    f"{key.loc['disiplin', 'doc_freq']:.0f} articles)."
)

# %%
print(
    f"The strongest collocation is '{colloc.index[0]}' ({top['count']:.0f} times, "
    f"G2 = {top['likelihood_ratio']:.1f}); {len(colloc)} pairs occur at least 3 times."
)

# %% [markdown]
# **Reading the findings.** The top of a frequency list of short articles is the
# vocabulary of the occasion — the meeting (*rapat*), the agencies (*OPD*), the year
# (*tahun*) — as much as the vocabulary of framing. The KWIC tables are where the framing
# shows: who is asked to raise performance, to coordinate with whom, to be disciplined in
# what. Read the cross-table before any corpus-wide rate: with a handful of articles, a
# word used heavily in one of them moves the total, so a corpus rate says which articles
# happen to be in the corpus as much as how the genre talks. Notebook 3 asks which words
# are distinctive of each leader; notebook 4 replaces single words by a lexicon of each
# frame.
#
# The figures of this notebook are also written to `figures/` by
# `python -m analysis figures` (with their tables as CSV beside them).
