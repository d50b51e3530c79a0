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
# # 5. Voice: the leader's own words and the journalist's narration
#
# ## Question
#
# A news article mixes three voices: the leader's words in quotation marks (**direct**
# speech), the leader's words retold by the journalist (**indirect** or reported speech:
# *Bupati meminta agar ...*, "the regent asked that ..."; *menurutnya*, "according to
# him") and the journalist's own **narration**. A frame in the leader's mouth is not the
# same evidence as a frame in the reporter's summary. Does the framing differ when the
# leader speaks? Do leaders, in their own quoted words, talk more of performance,
# coordination or discipline than the reports around them do?
#
# ## Method
#
# - **Quotes** (`quotes.quote_table`): quotation marks are read by their position (scraped text
#   mixes straight and curly marks), paragraph by paragraph; quoted names and slogans
#   (*tema "..."*) are not speech. The speaker is found from a speech verb next to the
#   quote (*kata*, said; *tegas*, stressed; *ujar*, *terang*, *tutur* ...), from a pronoun
#   (*katanya*, *tegasnya*, "he/she said") resolved to the last person mentioned, or from
#   a bare title (*kata Sekda*) matched to the article's metadata.
# - **Sentence voices** (`quotes.sentence_table`): each sentence is *direct* (inside a
#   quote), *indirect* (a reporting verb or construction: *mengatakan bahwa*, *meminta
#   ... agar*, *mengimbau*, urged; unquoted first-person sentences such as *Kita upayakan
#   ...*, "we will try ...", count as the speaker's words too) or *narration*; the `cue`
#   column says what decided it.
# - **The leader's own words.** A quoted or reported sentence counts as the leader's only
#   when its speaker is the article's leader (metadata `leader`), so words of other
#   speakers (a deputy, an agency head) are kept apart.
# - **Validation.** Extracted quotes against the hand-coded gold quotes, and sentence
#   voices against the hand coding of every sentence (both coded blind to the rules):
#   precision, recall, accuracy with 95% Wilson intervals, and Cohen's kappa.
# - **Frames by voice**: the lexicon of notebook 4 counted separately in each voice, with
#   95% bootstrap intervals (2,000 resamples). A voice pools sentences from several
#   articles, so whole articles are resampled (cluster bootstrap); within one leader's
#   article, sentences are resampled.

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import analysis
from analysis import frames, plots, quotes
from analysis.validation import (
    evaluate_quotes,
    evaluate_voices,
    read_hand_coding,
    read_hand_quotes,
)

pd.set_option("display.max_colwidth", 100)
N_BOOT = 2000

# %%
corpus = analysis.load_corpus()
sentences = quotes.sentence_table(corpus)
own = sentences["speaker"] == sentences["leader"].map(quotes.normalize_speaker)
sentences = sentences.assign(leader_speaks=own)

# %% [markdown]
# ## How much of each article is the leader's voice?
#
# Sentences per voice and article, then as shares of the article:

# %%
voices = pd.crosstab(sentences["doc_id"], sentences["voice"], margins=True)
voices

# %%
pd.crosstab(sentences["leader"], sentences["voice"], normalize="index").round(2)

# %% [markdown]
# What decided each voice, and who speaks in the quoted and reported sentences:

# %%
sentences.groupby("voice")["cue"].value_counts()

# %%
spoken = sentences[sentences["voice"] != "narration"]
pd.crosstab(spoken["leader"], spoken["speaker"].where(spoken["speaker"] != "", "(unresolved)"))

# %% [markdown]
# ## The direct quotes and who said them

# %%
quoted = quotes.quote_table(corpus, by="leader")
analysis.show(quoted[["doc_id", "speaker", "speaker_source", "attribution", "text"]])

# %% [markdown]
# ## How well are quotes and voices found?

# %%
quote_check = evaluate_quotes(quoted, read_hand_quotes())
shown = "n_gold n_predicted n_matched precision recall precision_ci recall_ci".split()
shown += ["speaker_accuracy", "speaker_accuracy_ci"]
pd.Series({k: quote_check[k] for k in shown})

# %%
voice_check = evaluate_voices(sentences, read_hand_coding())
voice_check["confusion"]

# %%
pd.Series(
    {
        k: voice_check[k]
        for k in ("n", "accuracy", "accuracy_ci", "majority_baseline", "kappa", "speaker_accuracy")
    }
)

# %%
voice_check["errors"]

# %% [markdown]
# ## Frames by voice
#
# All sentences of each voice, pooled over the articles (the leader's words and those of
# the few other speakers):

# %%
by_voice = frames.frame_scores(sentences, by="voice", n_boot=N_BOOT)
fig, ax = plt.subplots(figsize=(7, 4))
plots.plot_voice_comparison(by_voice, ax=ax, title="Frames by voice, all articles")
plt.show()

# %%
columns = "voice frame hits tokens per_1000 ci_low ci_high share share_ci_low".split()
by_voice[columns + ["share_ci_high", "n_articles", "n_sentences"]].round(2)

# %% [markdown]
# Only the leader's own words (direct and reported) against the journalist's narration;
# sentences of other speakers are left out:

# %%
leader_or_narration = sentences[sentences["leader_speaks"] | (sentences["voice"] == "narration")]
own_voice = frames.frame_scores(leader_or_narration, by="voice", n_boot=N_BOOT)
own_voice.pivot(index="voice", columns="frame", values="share").round(2)

# %% [markdown]
# Within each leader's article: frame rates per voice (an article with no sentence in a
# voice has no row for it). Each cell rests on a handful of sentences.

# %%
per_leader = frames.frame_scores(leader_or_narration, by=["leader", "voice"], n_boot=0)
per_leader = per_leader.assign(leader_voice=per_leader["leader"] + " · " + per_leader["voice"])
fig, ax = plt.subplots(figsize=(7, 6))
plots.plot_frame_heatmap(
    per_leader, ax=ax, index="leader_voice", title="Frame hits per 1,000 words"
)
plt.show()

# %% [markdown]
# The frame words in the leaders' quoted sentences:

# %%
evidence = frames.frame_evidence(sentences)
direct = evidence["voice"] == "direct"
analysis.show(evidence.loc[direct, ["doc_id", "speaker", "frame", "matched", "sentence"]])

# %% [markdown]
# ## Findings
#
# Computed from the tables above:

# %%
share = sentences["voice"].value_counts(normalize=True)
no_quotes = voices.index[(voices["direct"] == 0) & (voices.index != "All")].tolist()
print(
    f"Sentences: {share.get('direct', 0):.0%} direct, {share.get('indirect', 0):.0%} "
    f"reported, {share.get('narration', 0):.0%} narration; articles without a direct "
    f"quote: {no_quotes or 'none'}."
)
print(
    f"Quotes: {quote_check['n_matched']} of {quote_check['n_gold']} gold quotes found, "
    f"precision {quote_check['precision']:.2f}, recall {quote_check['recall']:.2f} "
    f"(95% interval of recall {quote_check['recall_ci'][0]:.2f}-"
    f"{quote_check['recall_ci'][1]:.2f}); speakers right in "
    f"{quote_check['speaker_accuracy']:.0%} of matched quotes."
)

# %%
print(
    f"Voices: accuracy {voice_check['accuracy']:.2f} (interval "
    f"{voice_check['accuracy_ci'][0]:.2f}-{voice_check['accuracy_ci'][1]:.2f}), kappa "
    f"{voice_check['kappa']:.2f}, against {voice_check['majority_baseline']:.2f} for always "
    "guessing the commonest voice."
)

# %%
dominant = own_voice.drop_duplicates("voice").set_index("voice")["dominant_frame"]
print(f"Dominant frame in the leaders' own words and in narration: {dominant.to_dict()}.")
print("Frame shares with 95% cluster-bootstrap intervals (articles resampled):")
intervals = own_voice.assign(
    interval=own_voice["share_ci_low"].map("{:.2f}".format)
    + "-"
    + own_voice["share_ci_high"].map("{:.2f}".format)
)
print(intervals.pivot(index="voice", columns="frame", values="interval").to_string())

# %% [markdown]
# **Reading the findings.** The comparison of voices is only as good as the voice
# classification, so read the validation first: the confusion table shows which voices
# are confused with which. Differences between voices that fall within overlapping
# intervals are not evidence of a difference (and non-overlap is only a rough guide, not a
# test). Two things limit any conclusion here. First, the voices are unevenly spread over
# the articles — an article written as a press release may retell everything and quote
# nothing — so a pooled comparison of voices is partly a comparison of articles; the
# per-leader heatmap keeps each article apart. Second, the journalist chooses what to
# quote: a leader's quoted words are the words the outlet found worth quoting. With a
# larger corpus (notebook 6), the same tables answer the question for a leader or a type
# of leader across many articles.
#
# `python -m analysis figures` writes the voice figure (`figures/frames_by_voice.png`);
# `python -m analysis quotes` prints every quote with its speaker.
