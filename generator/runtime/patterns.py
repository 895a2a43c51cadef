"""API description `pattern`s (ECMA-262 regular expressions) in Python's `re` dialect.

The two dialects mostly agree. Where they differ, `translate` rewrites the pattern so that it
matches what the ECMA pattern matches: Unicode property classes (`\\p{L}`, `\\P{Nd}`,
`\\p{Letter}`) become explicit character classes from the Unicode database, `$` is the end of the
text (Python's `$` also matches before a final newline), named groups take Python's spelling,
identity escapes such as `\\-` or `\\i` become the plain character, `\\cX` and `\\u{...}` become the
characters they name, and a global inline flag (`(?i)`, not ECMA but common in specs) moves to
the front. A pattern with no faithful translation (a script property, a trailing backslash, a
construct Python lacks) gives None: it is not checked, and the generator warns about it.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

__all__ = ["compiled", "translate"]

# Escapes that mean the same in both dialects (outside and inside a class).
_SHARED_ESCAPES = frozenset("dDsSwWfnrtv0123456789")
_CATEGORY_NAMES = {
    "L": "L",
    "Letter": "L",
    "LC": "LC",
    "L&": "LC",
    "Cased_Letter": "LC",
    "Lu": "Lu",
    "Uppercase_Letter": "Lu",
    "Ll": "Ll",
    "Lowercase_Letter": "Ll",
    "Lt": "Lt",
    "Titlecase_Letter": "Lt",
    "Lm": "Lm",
    "Modifier_Letter": "Lm",
    "Lo": "Lo",
    "Other_Letter": "Lo",
    "M": "M",
    "Mark": "M",
    "Combining_Mark": "M",
    "Mn": "Mn",
    "Nonspacing_Mark": "Mn",
    "Mc": "Mc",
    "Spacing_Mark": "Mc",
    "Me": "Me",
    "Enclosing_Mark": "Me",
    "N": "N",
    "Number": "N",
    "Nd": "Nd",
    "Decimal_Number": "Nd",
    "digit": "Nd",
    "Nl": "Nl",
    "Letter_Number": "Nl",
    "No": "No",
    "Other_Number": "No",
    "P": "P",
    "Punctuation": "P",
    "punct": "P",
    "Pc": "Pc",
    "Connector_Punctuation": "Pc",
    "Pd": "Pd",
    "Dash_Punctuation": "Pd",
    "Ps": "Ps",
    "Open_Punctuation": "Ps",
    "Pe": "Pe",
    "Close_Punctuation": "Pe",
    "Pi": "Pi",
    "Initial_Punctuation": "Pi",
    "Pf": "Pf",
    "Final_Punctuation": "Pf",
    "Po": "Po",
    "Other_Punctuation": "Po",
    "S": "S",
    "Symbol": "S",
    "Sm": "Sm",
    "Math_Symbol": "Sm",
    "Sc": "Sc",
    "Currency_Symbol": "Sc",
    "Sk": "Sk",
    "Modifier_Symbol": "Sk",
    "So": "So",
    "Other_Symbol": "So",
    "Z": "Z",
    "Separator": "Z",
    "Zs": "Zs",
    "Space_Separator": "Zs",
    "Zl": "Zl",
    "Line_Separator": "Zl",
    "Zp": "Zp",
    "Paragraph_Separator": "Zp",
    "C": "C",
    "Other": "C",
    "Cc": "Cc",
    "Control": "Cc",
    "cntrl": "Cc",
    "Cf": "Cf",
    "Format": "Cf",
    "Cs": "Cs",
    "Surrogate": "Cs",
    "Co": "Co",
    "Private_Use": "Co",
    "Cn": "Cn",
    "Unassigned": "Cn",
}
_PROPERTY = re.compile(r"\{([A-Za-z_&=]+)\}")
_GROUP_NAME = re.compile(r"<([A-Za-z_][A-Za-z0-9_]*)>")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_GLOBAL_FLAGS = re.compile(r"\(\?([imsx]+)\)")


class _NoTranslation(Exception):  # noqa: N818 - control flow inside this module only
    pass


# Planes 4 to 13 hold no assigned character in any Unicode version so far: they are scanned as one
# unassigned (Cn) range, which makes building the table less than half as slow.
_SCANNED = (range(0x40000), range(0xE0000, sys.maxunicode + 1))
_UNASSIGNED_PLANES = (0x40000, 0xDFFFF)
_RUN = re.compile(r"(.)\1*", re.DOTALL)


@functools.cache
def _category_ranges() -> dict[str, tuple[tuple[int, int], ...]]:
    """Code point ranges of every two-letter general category, from one pass over Unicode.

    Each code point's category becomes one letter of a string, so that the runs of equal
    categories are found by a regular expression rather than a Python loop.
    """
    found: dict[str, list[tuple[int, int]]] = {"Cn": [_UNASSIGNED_PLANES]}
    letters: dict[str, str] = {}
    for points in _SCANNED:
        categories = list(map(unicodedata.category, map(chr, points)))
        for category in set(categories):
            letters.setdefault(category, chr(0x41 + len(letters)))
        names = {letter: category for category, letter in letters.items()}
        text = "".join(map(letters.__getitem__, categories))
        for run in _RUN.finditer(text):
            first, last = points[run.start()], points[run.end() - 1]
            found.setdefault(names[run.group(1)], []).append((first, last))
    return {name: tuple(_merged(ranges)) for name, ranges in found.items()}


def _ranges_of(name: str) -> list[tuple[int, int]]:
    table = _category_ranges()
    if name == "LC":
        members = [table.get(c, ()) for c in ("Lu", "Ll", "Lt")]
    elif len(name) == 1:
        members = [ranges for category, ranges in table.items() if category[0] == name]
    else:
        members = [table.get(name, ())]
    return _merged([r for ranges in members for r in ranges])


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if result and low <= result[-1][1] + 1:
            result[-1] = (result[-1][0], max(high, result[-1][1]))
        else:
            result.append((low, high))
    return result


def _complement(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    next_start = 0
    for low, high in ranges:
        if low > next_start:
            result.append((next_start, low - 1))
        next_start = high + 1
    if next_start <= sys.maxunicode:
        result.append((next_start, sys.maxunicode))
    return result


def _char(point: int) -> str:
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def _class_body(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        _char(low) if low == high else f"{_char(low)}-{_char(high)}" for low, high in ranges
    )


def _property(pattern: str, index: int, negated: bool) -> tuple[str, int]:
    """The class body for `\\p{...}` at `index` (just after the letter) and the index after it."""
    match = _PROPERTY.match(pattern, index)
    if match is None:
        raise _NoTranslation
    name = match.group(1)
    for prefix in ("General_Category=", "gc="):
        name = name.removeprefix(prefix)
    category = _CATEGORY_NAMES.get(name)
    if category is None:
        raise _NoTranslation  # scripts and binary properties: not in Python's Unicode database
    ranges = _ranges_of(category)
    return _class_body(_complement(ranges) if negated else ranges), match.end()


class _Translator:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.out: list[str] = []
        self.index = 0
        self.in_class = False

    def run(self) -> str:
        pattern = self.pattern
        while self.index < len(pattern):
            char = pattern[self.index]
            self.index += 1
            if char == "\\":
                self._escape()
            elif self.in_class:
                self._class_char(char)
            else:
                self._outside(char)
        if self.in_class:
            raise _NoTranslation
        return "".join(self.out)

    def _class_char(self, char: str) -> None:
        if char == "]":
            self.in_class = False
            self.out.append("]")
        elif char == "[":
            self.out.append("\\[")  # literal in ECMA; Python warns about nested sets
        elif char in "&~|" and self.pattern[self.index : self.index + 1] == char:
            self.out.append("\\" + char)  # Python reserves doubled && ~~ || in classes
        else:
            self.out.append(char)

    def _outside(self, char: str) -> None:
        pattern = self.pattern
        if char == "[":
            self._open_class()
        elif char == "$":
            self.out.append(r"\Z")
        elif char == "(" and pattern.startswith("?<", self.index):
            self._named_group()
        else:
            self.out.append(char)

    def _open_class(self) -> None:
        pattern = self.pattern
        if pattern.startswith("^]", self.index):
            self.out.append(r"[\s\S]")  # ECMA [^] is any character
            self.index += 2
        elif pattern.startswith("]", self.index):
            self.out.append("(?!)")  # ECMA [] matches nothing
            self.index += 1
        else:
            self.in_class = True
            self.out.append("[")
            if pattern.startswith("^", self.index):
                self.out.append("^")
                self.index += 1
            if pattern.startswith("]", self.index):
                raise _NoTranslation

    def _named_group(self) -> None:
        match = _GROUP_NAME.match(self.pattern, self.index + 1)
        if match is None:  # a lookbehind (?<= or (?<!
            self.out.append("(")
            return
        self.out.append(f"(?P<{match.group(1)}>")
        self.index = match.end()

    def _escape(self) -> None:
        pattern = self.pattern
        if self.index >= len(pattern):
            raise _NoTranslation  # a trailing backslash
        char = pattern[self.index]
        self.index += 1
        if char in "pP":
            body, self.index = _property(pattern, self.index, negated=char == "P")
            self.out.append(body if self.in_class else f"[{body}]")
        elif char == "k" and not self.in_class:
            match = _GROUP_NAME.match(pattern, self.index)
            if match is None:
                raise _NoTranslation
            self.out.append(f"(?P={match.group(1)})")
            self.index = match.end()
        elif char == "c":
            self._control()
        elif char in "xu":
            self._code_point(char)
        elif char == "b":
            self.out.append(r"\x08" if self.in_class else r"\b")
        elif char == "B" and not self.in_class:
            self.out.append(r"\B")
        elif char in _SHARED_ESCAPES:
            self.out.append("\\" + char)
        else:
            self.out.append(_literal(char))

    def _control(self) -> None:
        letter = self.pattern[self.index : self.index + 1]
        if not letter.isascii() or not letter.isalpha():
            raise _NoTranslation
        self.out.append(_char(ord(letter) % 32))
        self.index += 1

    def _code_point(self, kind: str) -> None:
        pattern = self.pattern
        if kind == "u" and pattern.startswith("{", self.index):
            end = pattern.find("}", self.index)
            digits = pattern[self.index + 1 : end] if end > 0 else ""
            if not _HEX.fullmatch(digits) or int(digits, 16) > sys.maxunicode:
                raise _NoTranslation
            self.out.append(_char(int(digits, 16)))
            self.index = end + 1
            return
        width = 2 if kind == "x" else 4
        digits = pattern[self.index : self.index + width]
        if len(digits) != width or not _HEX.fullmatch(digits):
            raise _NoTranslation
        self.out.append(_char(int(digits, 16)))
        self.index += width


def _literal(char: str) -> str:
    """An identity escape (`\\-`, `\\/`, `\\.`, or a letter ECMA gives no meaning)."""
    return re.escape(char)


def _hoist_flags(pattern: str) -> str:
    """Move global inline flags such as `(?i)` to the front, where Python requires them."""
    flags = "".join(match.group(1) for match in _GLOBAL_FLAGS.finditer(pattern))
    if not flags:
        return pattern
    return f"(?{''.join(sorted(set(flags)))})" + _GLOBAL_FLAGS.sub("", pattern)


@functools.cache
def translate(pattern: str) -> str | None:
    """The pattern in Python's dialect, or None when there is no faithful translation."""
    try:
        translated = _hoist_flags(_Translator(pattern).run())
    except _NoTranslation:
        return None
    try:
        re.compile(translated)
    except (re.error, RecursionError, OverflowError):
        return None
    return translated


@functools.cache
def compiled(pattern: str) -> re.Pattern[str] | None:
    """The compiled translation of `pattern`; None when it cannot be checked."""
    translated = translate(pattern)
    return None if translated is None else re.compile(translated)
