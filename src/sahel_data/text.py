"""Clean text that remembers where every character came from in the raw file.

Owns the offset map between cleaned text (what the extractors read) and the raw file (what
`char_start` / `char_end` index, per the contract's provenance rule). Knows nothing about
article formats: `ingest` decides what to keep, drop or replace.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

# One-for-one replacements made before NLP: typographic apostrophes confuse the French model
# and no-break spaces split numbers ("1 000"); the raw file keeps them, offsets do not move.
CHAR_REPLACEMENTS = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
}


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus, for each of its characters, the raw span it was cleaned from.

    Stored as runs: most characters are copied one for one, so a run of them is one entry
    (clean start, raw start); a character standing for several raw ones (an entity, CR LF, a
    tag turned newline) is a run of its own with its raw end. Memory stays small at scale.

    >>> b = CleanTextBuilder("a&amp;b")
    >>> b.keep(0, 1); b.emit("&", 1, 6); b.keep(6, 7)
    >>> ct = b.build()
    >>> ct.text, ct.to_raw(1, 3), ct.raw_span(2)
    ('a&b', (1, 7), (6, 7))
    """

    text: str
    run_clean: array  # clean offset where each run starts
    run_raw: array  # raw offset of the run's first character
    run_raw_end: array  # -1 for one-for-one runs, else the raw end of the run's single character

    def raw_span(self, i: int) -> tuple[int, int]:
        """The raw span clean character i was cleaned from."""
        k = bisect_right(self.run_clean, i) - 1
        if self.run_raw_end[k] >= 0:
            return self.run_raw[k], self.run_raw_end[k]
        start = self.run_raw[k] + (i - self.run_clean[k])
        return start, start + 1

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span [start, end) to the raw span it was cleaned from."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"clean span {start}:{end} is outside 0:{len(self.text)} or empty")
        return self.raw_span(start)[0], self.raw_span(end - 1)[1]


class CleanTextBuilder:
    """Append clean characters, each tied to the raw span it stands for."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._chars: list[str] = []
        self._starts = array("l")
        self._ends = array("l")

    def emit(self, chars: str, raw_start: int, raw_end: int) -> None:
        """Add `chars`, all standing for raw[raw_start:raw_end] (an entity, a tag turned newline)."""
        for ch in chars:
            self._chars.append(ch)
            self._starts.append(raw_start)
            self._ends.append(raw_end)

    def keep(self, raw_start: int, raw_end: int) -> None:
        """Copy raw[raw_start:raw_end] one for one, normalising apostrophes, spaces and CR LF."""
        raw = self.raw
        i = raw_start
        while i < raw_end:
            ch = raw[i]
            if ch == "\r":
                # CR LF (or a lone CR) is one clean newline standing for both raw characters.
                stop = i + 2 if i + 1 < raw_end and raw[i + 1] == "\n" else i + 1
                self.emit("\n", i, stop)
                i = stop
                continue
            self.emit(CHAR_REPLACEMENTS.get(ch, ch), i, i + 1)
            i += 1

    def __len__(self) -> int:
        return len(self._chars)

    def char_at(self, i: int) -> str:
        return self._chars[i]

    def last_char(self) -> str:
        return self._chars[-1] if self._chars else ""

    def build(self) -> CleanText:
        run_clean, run_raw, run_raw_end = array("l"), array("l"), array("l")
        previous_linear = False
        for i, (start, end) in enumerate(zip(self._starts, self._ends, strict=True)):
            linear = end == start + 1
            if linear and previous_linear and start == self._ends[i - 1]:
                continue  # extends the current one-for-one run
            run_clean.append(i)
            run_raw.append(start)
            run_raw_end.append(-1 if linear else end)
            previous_linear = linear
        return CleanText("".join(self._chars), run_clean, run_raw, run_raw_end)
