"""PySastrawi's stemmer with its prefix rules tried only on words they can apply to.

Sastrawi's confix-stripping stemmer (ECS) removes prefixes by offering the word to 41
prefix visitors in turn, up to three times per attempt and again in its "loop
pengembalian akhiran". Each visitor tries one to four rules (``berV -> ber-V``,
``mengV -> meng-kV`` ...), each a ``re.match`` of a pattern that starts with a literal
prefix (``ber``, ``meng``, ``pe``) — so a word that is not in the dictionary, such as
every new affixed form of a real corpus, pays about 150 visits and 220 regular-expression
calls before Sastrawi gives up, almost all of them on rules whose prefix the word does
not even start with. That is most of Sastrawi's 0.3–0.9 ms per new word type.

:func:`fast_stemmer` returns Sastrawi's own stemmer object (its dictionary, its visitors,
its result cache) whose prefix step skips the visitors whose rules cannot apply: it reads
the literal prefix off each rule's pattern once (from the installed Sastrawi's source,
so a different version is read as it is; a rule it cannot read is always tried) and
offers the word only to the visitors whose prefixes it starts with. A visitor that is
skipped would have changed nothing, and Sastrawi's checks after an unchanged visitor
give what they gave before it, so the stems are the same as Sastrawi's, word for word
(``tests/test_fast_stemmer.py`` pins this on the dictionary's words, their affixed forms
and a realistic vocabulary of invented ones).

The other half of the cost was each step noting the part it removed with
``re.sub(result, '', word, count=1)``: a new regular expression compiled for every new
word. Where the installed Sastrawi's visit methods are the ones this module knows
(:data:`KNOWN_VISITS`, checked by the digest of their source), it runs copies of them
that take the part with ``str.replace`` when the result holds only lower-case ASCII
letters, digits and hyphens, which no regular expression treats specially: after
Sastrawi's own normalisation, nearly every word (a rare letter its normalisation lets
through, such as ``ı``, falls back to ``re.sub``). Together: about 3.5 times faster on
new word types.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
import re
import sys
import textwrap
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple

from Sastrawi.Stemmer.Context.Context import Context
from Sastrawi.Stemmer.Context.Removal import Removal
from Sastrawi.Stemmer.Context.Visitor.PrefixDisambiguator import PrefixDisambiguator
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

__all__ = [
    "KNOWN_VISITS",
    "PrefixIndexedContext",
    "PrefixPlan",
    "fast_path_digest",
    "fast_stemmer",
    "known_visits",
    "prefix_plan",
    "rule_prefixes",
    "source_digest",
]

#: The visit methods of Sastrawi 1.2.1 that record what a step removed with
#: ``re.sub(result, '', context.current_word, count=1)``: the sha256 (first 16 hex
#: digits) of each one's source and the affix type it records (``None``: the prefix
#: rules' shared visit). :func:`fast_stemmer` runs its own copy of a visit only when the
#: installed source has this digest; any other version runs Sastrawi's own.
KNOWN_VISITS: dict[str, tuple[str, str | None]] = {
    "RemoveDerivationalSuffix": ("1a787fca923916c9", "DS"),
    "RemoveInflectionalParticle": ("e1f36b06764322c5", "P"),
    "RemoveInflectionalPossessivePronoun": ("3f14fae290e32793", "PP"),
    "RemovePlainPrefix": ("76ee6b000e2ace85", "DP"),
    "PrefixDisambiguator": ("7397bd91b36e6e86", None),
}

#: What a regular expression matches literally: lower-case letters, digits and hyphens,
#: all a word can hold after Sastrawi's own normalisation.
_LITERAL_RE = re.compile(r"[a-z0-9-]*")

#: Characters after a letter that make it optional or repeated in a pattern.
_QUANTIFIERS = frozenset("?*+{")


def _literal_prefix(pattern: str) -> str:
    """The letters every match of ``re.match(pattern, word)`` starts with (``'^ber([aiueo].*)$'``
    -> ``'ber'``; ``'^([bcd])(el[aiueo])'`` -> ``''``; ``''`` for any pattern with an
    alternative, ``'^ber|ter'``, which this reader does not take apart)."""
    if "|" in pattern:
        return ""
    body = pattern[1:] if pattern.startswith("^") else pattern
    out = []
    for i, ch in enumerate(body):
        if not ("a" <= ch <= "z") or body[i + 1 : i + 2] in _QUANTIFIERS:
            break
        out.append(ch)
    return "".join(out)


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _statement_prefix(stmt: ast.stmt, word: str, matched: set[str]) -> str | None:
    """The prefix one statement of a rule needs before it can return, or None when the
    statement is not one of the two shapes Sastrawi's rules are written in:
    ``if word == 'belajar': return ...`` and ``matches = re.match(r'^ber...', word)``
    followed by ``if matches: ...``."""
    if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        func = call.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "match"
            and isinstance(func.value, ast.Name)
            and func.value.id == "re"
            and len(call.args) == 2
            and not call.keywords
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == word
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
        ):
            matched.add(stmt.targets[0].id)
            return _literal_prefix(call.args[0].value)
        return None
    if isinstance(stmt, ast.If) and not stmt.orelse:
        test = stmt.test
        if isinstance(test, ast.Name) and test.id in matched:
            return ""  # guarded by its match: the match's prefix counts
        if (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and test.left.id == word
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq)
            and isinstance(test.comparators[0], ast.Constant)
            and isinstance(test.comparators[0].value, str)
        ):
            return test.comparators[0].value
    return None


@cache
def rule_prefixes(rule_class: type) -> tuple[str, ...] | None:
    """The prefixes a word must start with for one of Sastrawi's prefix rules to return
    anything, read from the rule's source; ``None`` when the rule is not written in the
    shapes this reader knows (it is then always tried).

    Parameters
    ----------
    rule_class : type
        A Sastrawi disambiguator class (``DisambiguatorPrefixRule1a`` ...), whose
        ``disambiguate(word)`` returns the word without its prefix, or ``None``.

    Returns
    -------
    tuple of str or None
        The literal prefixes of its patterns and the words it compares with, sorted
        (``('ber',)`` for rule 1a, ``('pe', 'pelajar')`` for rule 32); ``None`` when
        any pattern has no literal prefix or the source has another shape.
    """
    try:
        tree = ast.parse(inspect.getsource(rule_class))
        (cls,) = tree.body
        (fn,) = [f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "disambiguate"]
    except (OSError, TypeError, ValueError, SyntaxError):
        return None
    args = fn.args.args
    if len(args) != 2:
        return None
    word = args[1].arg
    matched: set[str] = set()
    prefixes = set()
    for stmt in fn.body:
        if _is_docstring(stmt):
            continue
        prefix = _statement_prefix(stmt, word, matched)
        if prefix is None:
            return None
        if prefix or isinstance(stmt, ast.Assign):
            if not prefix:
                return None  # a pattern without a literal prefix
            prefixes.add(prefix)
    return tuple(sorted(prefixes)) if prefixes else None


def _visitor_prefixes(visitor: Any) -> tuple[str, ...] | None:
    """The prefixes of all of a prefix visitor's rules, or ``None`` (always offer it)."""
    if type(visitor) is not PrefixDisambiguator:
        return None
    prefixes: set[str] = set()
    for rule in visitor.disambiguators:
        own = rule_prefixes(type(rule))
        if own is None:
            return None
        prefixes.update(own)
    return tuple(sorted(prefixes))


def source_digest(obj: Any) -> str:
    """The first 16 hex digits of the sha256 of a function's or module's source (dedented)."""
    source = textwrap.dedent(inspect.getsource(obj))
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


@cache
def fast_path_digest() -> str:
    """The first 16 hex digits of the sha256 of this module's source: part of the stem
    cache's key (:func:`analysis.stemming.stem_cache_key`), so that stems worked out by
    another version of this faster path are never read back."""
    return source_digest(sys.modules[__name__])


def _remove_first(part: str, word: str) -> str:
    """``re.sub(part, '', word, count=1)``, as Sastrawi computes the part a step removed;
    ``str.replace`` when ``part`` has no character a regular expression treats
    specially (always, for Sastrawi's words), which saves compiling every new result."""
    if _LITERAL_RE.fullmatch(part):
        return word.replace(part, "", 1)
    return re.sub(part, "", word, count=1)


def _removing_visit(affix_type: str) -> Callable[[Any, Any], None]:
    """Sastrawi's visit of a step that removes one affix (``RemovePlainPrefix``,
    ``RemoveDerivationalSuffix`` ...) with :func:`_remove_first`."""

    def visit(visitor: Any, context: Any) -> None:
        word = context.current_word
        result = visitor.remove(word)
        if result != word:
            removed = _remove_first(result, word)
            context.add_removal(Removal(visitor, word, result, removed, affix_type))
            context.current_word = result

    return visit


def _disambiguating_visit(visitor: Any, context: Any) -> None:
    """Sastrawi's visit of a prefix rule set (``AbstractDisambiguatePrefixRule.visit``)
    with :func:`_remove_first`."""
    result = None
    for disambiguator in visitor.disambiguators:
        result = disambiguator.disambiguate(context.current_word)
        if context.dictionary.contains(result):
            break
    if result is None:
        return
    word = context.current_word
    context.add_removal(Removal(visitor, word, result, _remove_first(result, word), "DP"))
    context.current_word = result


def known_visits(visitor_types: set[type]) -> dict[type, Callable[[Any, Any], None]]:
    """This module's copies of the visits of ``visitor_types`` whose installed source is
    the one :data:`KNOWN_VISITS` names (by digest); the other types are left out.

    Parameters
    ----------
    visitor_types : set of type
        Sastrawi's visitor classes of a stemmer.

    Returns
    -------
    dict
        Visitor class -> ``visit(visitor, context)``.
    """
    out = {}
    for cls in visitor_types:
        known = KNOWN_VISITS.get(cls.__name__)
        if known is None:
            continue
        try:
            digest = source_digest(cls.visit)
        except (OSError, TypeError):
            continue
        if digest == known[0]:
            affix_type = known[1]
            out[cls] = _disambiguating_visit if affix_type is None else _removing_visit(affix_type)
    return out


class PrefixPlan(NamedTuple):
    """What :class:`PrefixIndexedContext` needs of a stemmer, worked out once per stemmer.

    Attributes
    ----------
    table : tuple
        ``(visitor, prefixes or None)`` for each of the provider's prefix visitors, in
        their order.
    indexed : tuple
        The visitors of ``table`` alone: the list the prefix step must still be to use it.
    visits : dict
        :func:`known_visits` of the provider's visitor classes: run instead of their own
        ``visit``.
    """

    table: tuple
    indexed: tuple
    visits: dict


def prefix_plan(provider: Any) -> PrefixPlan:
    """The :class:`PrefixPlan` of a Sastrawi ``VisitorProvider``.

    Parameters
    ----------
    provider : Any
        The stemmer's ``VisitorProvider``.

    Returns
    -------
    PrefixPlan
        Its prefix visitors with the prefixes their rules need, and the known visits.
    """
    table = tuple((v, _visitor_prefixes(v)) for v in provider.prefix_visitors)
    everyone = provider.visitors + provider.suffix_visitors + provider.prefix_visitors
    visits = known_visits({type(v) for v in everyone})
    return PrefixPlan(table, tuple(v for v, _ in table), visits)


class PrefixIndexedContext(Context):
    """Sastrawi's stemming context (one per word) whose prefix step offers the word only
    to the prefix visitors whose rules can apply.

    Parameters
    ----------
    original_word : str
        The word to stem, as Sastrawi's ``Context`` takes it.
    dictionary : Any
        Sastrawi's root-word dictionary.
    visitor_provider : Any
        Sastrawi's ``VisitorProvider`` of the stemmer.
    plan : PrefixPlan
        :func:`prefix_plan` of ``visitor_provider``, worked out once per stemmer.
    """

    def __init__(self, original_word, dictionary, visitor_provider, plan):
        self.plan = plan
        super().__init__(original_word, dictionary, visitor_provider)

    def accept(self, visitor):
        """Sastrawi's ``visitor.visit(self)``, or this module's copy of it."""
        visit = self.plan.visits.get(type(visitor))
        if visit is None:
            visitor.visit(self)
        else:
            visit(visitor, self)

    def accept_prefix_visitors(self, visitors):
        """Sastrawi's prefix step, the visitors that cannot apply skipped: a skipped
        visitor would change nothing, so the checks after it would give what they gave
        before it (``False``, or the step would have stopped)."""
        table, indexed, _ = self.plan
        if visitors is not self.prefix_visitors or tuple(visitors) != indexed:
            return super().accept_prefix_visitors(visitors)  # not the visitors indexed
        word = self.current_word
        if self.dictionary.contains(word) or self.process_is_stopped:
            return super().accept_prefix_visitors(visitors)  # stops after the first
        count = len(self.removals)
        for visitor, prefixes in table:
            if prefixes is not None and not word.startswith(prefixes):
                continue  # its rules return None: nothing changes, nothing to check
            self.accept(visitor)
            if self.dictionary.contains(self.current_word) or self.process_is_stopped:
                return self.current_word
            if len(self.removals) > count:
                return None
        return None


def fast_stemmer() -> Any:
    """Sastrawi's stemmer (``StemmerFactory().create_stemmer()``) with the faster prefix
    step described above; the same ``stem(text)``, the same stems.

    Returns
    -------
    Sastrawi.Stemmer.CachedStemmer.CachedStemmer
        The stemmer; its ``delegatedStemmer`` stems each word in a
        :class:`PrefixIndexedContext` and holds the plan as ``prefix_plan``.
    """
    stemmer = StemmerFactory().create_stemmer()
    inner = stemmer.delegatedStemmer
    provider = inner.visitor_provider
    plan = inner.prefix_plan = prefix_plan(provider)

    def stem_singular_word(word: str) -> str:
        context = PrefixIndexedContext(word, inner.dictionary, provider, plan)
        context.execute()
        return context.result

    inner.stem_singular_word = stem_singular_word
    return stemmer
