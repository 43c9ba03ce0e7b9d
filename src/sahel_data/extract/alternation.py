"""Regex alternations of many literal words, written as a prefix tree so that `re` runs fast.

Owns only the shape of such a regex, never which words go in it. Python's `re` tries the
branches of `a|b|c` one after another at every position, and under IGNORECASE it cannot skip a
branch by its first letter: a tree ("c(?:ent|inq)" for "cent|cinq") tries each letter once.
The tree matches exactly the same strings as the plain alternation; only the order in which
branches are tried differs, so use it where the caller asks whether a match exists (`search`
as a test), not which of several overlapping words is taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_tree(words: Iterable[str]) -> str:
    """A regex (no groups) matching exactly the given literal strings.

    >>> word_tree(["cent", "centaine", "cinq"])
    'c(?:ent(?:aine)?|inq)'
    >>> pattern = re.compile(rf"(?<!\\w)(?:{word_tree(['mille', 'millier', 'million'])})(?!\\w)", re.I)
    >>> [bool(pattern.search(s)) for s in ("un Millier de soldats", "des milliers", "mil")]
    [True, False, False]
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _subtree(root)


def _subtree(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _subtree(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # Words end here and longer ones go on: the longer ones optional (greedy, tried first).
    return (body if len(branches) > 1 else f"(?:{body})") + "?"
