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
# # 3. Keyness: what is distinctive of each leader
#
# ## Question
#
# Which words does each leader's article use more (or less) than the other articles? Do
# the words that stand out belong to the frames of performance (*kinerja*), coordination
# (*koordinasi*) and discipline (*disiplin*), or to the occasion of each meeting?
#
# ## Read this first: what these comparisons can and cannot say
#
# - **One article per leader.** Each "leader" here is a single short article, so every
#   comparison is between one article and the others. A key word may reflect the outlet,
#   the region, the year or the agenda of the meeting as much as the leader; nothing
#   generalises to the leader's way of speaking, let alone to a type of leader.
# - **Many tests.** Every word of the vocabulary is tested at once, once per leader. At
#   p < 0.05 about one word in twenty passes by chance alone, even if nothing differs. This
#   notebook therefore reports how many words pass against how many would pass by chance,
#   and the words that survive a correction for multiple comparisons (Bonferroni and
#   Benjamini–Hochberg). Read effect sizes (Log Ratio) and counts, not stars.
# - **Small counts.** Most words occur once or twice; the log-likelihood test is the
#   recommended one for such counts (it is better behaved than chi-square), but a word seen
#   four times in one article and never elsewhere is still only four occurrences.
#
# ## Method
#
# - **Counts.** Surface forms, stopwords and the names of people and places found in the
#   text and the metadata left out (as in notebook 2); each leader's article against all
#   the other articles pooled
#   (`terms.keyness_by_group`).
# - **Log-likelihood G2** (Dunning 1993), signed: positive when the word is relatively
#   more frequent in the leader's article. Its p-value is from the chi-square distribution
#   with one degree of freedom (G2 ≥ 3.84 means p < 0.05; ≥ 6.63, p < 0.01), uncorrected.
# - **Log Ratio** (Hardie 2014), the effect size: the binary log of the ratio of relative
#   frequencies, so +1 means twice as frequent in the leader's article, +2 four times (a
#   zero count is replaced by 0.5).
# - **Multiple comparisons.** `keyness.significance_summary` counts the words passing at
#   p < 0.05, the number expected by chance, and those left after Bonferroni's correction
#   and Benjamini–Hochberg's false discovery rate; `keyness.adjust_p_values` gives the
#   adjusted p-value of each word.
# - **Fightin' Words** (Monroe, Colaresi & Quinn 2008): the log-odds ratio of a word in
#   the leader's article against the rest, shrunk towards its frequency in the whole
#   corpus by a Dirichlet prior, divided by its standard error (a z-score). The prior
#   pulls rare words towards zero, so a z-score needs more evidence than a G2 does
#   (`terms.log_odds_by_group`).

# %%
# %matplotlib inline
import matplotlib.pyplot as plt

import analysis
from analysis import keyness, plots, terms

# %%
corpus = analysis.load_corpus()
names = analysis.names.name_terms(corpus)
titles = dict(zip(corpus["leader"], corpus["leader"] + " (" + corpus["role"] + ")"))

# %% [markdown]
# ## Log-likelihood and Log Ratio: each leader against the others
#
# The five words with the largest positive G2 per leader, with the adjusted p-values:

# %%
keys = terms.keyness_by_group(corpus, by="leader", exclude=names)
keys = keys.assign(
    p_fdr=keyness.adjust_p_values(keys, method="fdr_bh"),
    p_bonferroni=keyness.adjust_p_values(keys, method="bonferroni"),
)
keys[keys["g2"] > 0].groupby(level="leader").head(5).round(3)

# %%
fig = plots.plot_keyness_grid(
    keys, n=8, ncols=2, titles=titles, reference="the other leaders' articles"
)
plt.show()

# %% [markdown]
# Blue bars: words the leader's article uses more than the others; orange: words it uses
# less. A hollow bar is not significant even before any correction. Stars mark uncorrected
# p-values; the next table shows what is left after correction.
#
# ## How many words would pass by chance?

# %%
summary = keyness.significance_summary(keys, alpha=0.05)
summary

# %% [markdown]
# The words that survive the Benjamini–Hochberg correction (false discovery rate 5%):

# %%
keys[keys["p_fdr"] < 0.05].round(4)

# %% [markdown]
# ## Fightin' Words: log-odds with an informative prior
#
# The five words with the highest z-score per leader; |z| > 1.96 is the usual threshold
# before any correction for the number of words tested.

# %%
fightin = terms.log_odds_by_group(corpus, by="leader", exclude=names)
fightin.groupby(level="leader").head(5).round(3)

# %%
both = keys[["count_target", "count_reference", "g2", "log_ratio"]].join(fightin[["z"]])
agreement = both[["g2", "z"]].corr(method="spearman").loc["g2", "z"]
both.sort_values("z", ascending=False).head(10).round(2)

# %% [markdown]
# ## The one grouping with more than one article: role
#
# The *Bupati* (regency heads) share a role: their articles together against the others
# are the only comparison here that is not one article against the rest.

# %%
by_role = terms.keyness_by_group(corpus, by="role", exclude=names)
role_summary = keyness.significance_summary(by_role)
role_summary

# %%
fig, ax = plt.subplots(figsize=(6, 4.5))
n_bupati = (corpus["role"] == "Bupati").sum()
plots.plot_keyness(
    by_role.loc["Bupati"],
    ax=ax,
    n=8,
    target="the Bupati articles",
    reference="the others",
    title=f"Bupati ({n_bupati} articles) against the rest",
)
plt.show()

# %% [markdown]
# ## Collocates: the company the frame words keep
#
# Keyness says which words set an article apart; collocates say which words stand next to
# a frame word. For *kinerja* and *disiplin* (matched by stem, so *kedisiplinan* counts),
# every word within five words either side, inside a sentence, over the whole corpus
# (`terms.collocates`), with its co-occurrences `o11`, its corpus frequency `freq`, the
# co-occurrences expected by chance `e11` (node frequency × `freq` × 10 window positions /
# running words) and four association measures. The rows are sorted by logDice (Rychlý
# 2008: 14 for two words that only ever occur together, one point less for each halving of
# their shared share); `t` favours frequent pairs, `mi` rare exclusive ones, `g2` is the
# log-likelihood. With five articles most pairs occur once or twice: read `o11` first.

# %%
kinerja = terms.collocates(corpus, "kinerja", window=5, stem=True, exclude=names)
kinerja.head(8).round(2)

# %%
disiplin = terms.collocates(corpus, "disiplin", window=5, stem=True, exclude=names)
disiplin.head(8).round(2)

# %% [markdown]
# ## Findings
#
# Computed from the tables above:

# %%
corpus_count = (keys["count_target"] + keys["count_reference"]).groupby(level="term").first()
print(
    f"Each leader's article was tested on {summary['terms_tested'].iloc[0]} words; "
    f"{(corpus_count <= 2).mean():.0%} of them occur at most twice in the whole corpus."
)
print(
    f"At p < 0.05, {summary['significant'].min()} to {summary['significant'].max()} words "
    f"per leader pass, against about {summary['expected_by_chance'].iloc[0]:.0f} expected "
    f"by chance alone (ratio over all leaders: "
    f"{summary['significant'].sum() / summary['expected_by_chance'].sum():.1f})."
)

# %%
print(
    f"After Bonferroni (|G2| >= {summary['bonferroni_g2'].iloc[0]:.1f}) "
    f"{summary['significant_bonferroni'].sum()} words remain over all leaders; after "
    f"Benjamini-Hochberg, {summary['significant_fdr'].sum()}: "
    f"{', '.join(keys.index[keys['p_fdr'] < 0.05].get_level_values('term'))}."
)

# %%
print(
    f"G2 and the Fightin' Words z-score rank the words alike (Spearman rho = "
    f"{agreement:.2f}); {(fightin['z'].abs() > 1.96).sum()} (leader, word) pairs reach "
    "|z| > 1.96 before any correction."
)
print(
    f"Grouped by role, the two Bupati articles keep "
    f"{role_summary.loc['Bupati', 'significant_fdr']} words after Benjamini-Hochberg."
)
print(
    f"The strongest collocates of kinerja by logDice: {', '.join(kinerja.index[:5])} "
    f"(co-occurring {', '.join(map(str, kinerja['o11'][:5]))} times)."
)

# %% [markdown]
# **Reading the findings.** When the number of words passing at p < 0.05 is close to the
# number expected by chance (a ratio near 1 above), the uncorrected lists are mostly noise
# (the chance count is even generous: a word seen once or twice can hardly reach p < 0.05).
# The few words that survive the corrections are worth reading in context (notebook 2's KWIC
# with `kwic.kwic_table(corpus, "word")`): check whether they name the frames or the occasion
# of the meeting (a budget review, a first working day after *Lebaran* (Eid), a
# coordination meeting). With one article per leader, what keyness can show is what made
# each *article* different — a starting point for close reading and for a larger corpus
# (notebook 6), not a profile of a leader.
#
# `python -m analysis figures` writes the keyness figure to
# `figures/keyness_by_leader.png` with its table as CSV;
# `python -m analysis keyness --group "Herman Deru"` prints one leader's table.
