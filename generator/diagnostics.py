"""Diagnostics: what is wrong with a spec, and exactly where (file and JSON pointer)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

_POINTER_FILES = (".json", ".yaml", ".yml")
# The kind of the warning for an operation that could not be generated and was left out.
SKIPPED_OPERATION = "operation-skipped"

# Characters a terminal may act on (C0 and C1 controls, DEL), bidirectional overrides that reorder
# what is shown, and lone surrogates that cannot be printed: shown as escapes instead.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every character a terminal could act on written as a Python escape."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# The same characters past C0 (which JSON always escapes), in JSON text: they only occur in strings.
_UNPRINTABLE_IN_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_printable(text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with the characters a terminal could
    act on written as `\\uXXXX` escapes: the same JSON value, safe to print."""
    return _UNPRINTABLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    file: str
    pointer: str  # RFC 6901 JSON pointer inside `file`, "" for the whole document
    message: str
    kind: str = ""  # a short class of the problem, for counting warnings alike ("status-range")

    def __str__(self) -> str:
        return printable(f"{self.file}{self.where}: {self.severity}: {self.message}")

    @property
    def where(self) -> str:
        """`#pointer` in a spec file (`#` alone for the whole document); nothing for other files
        (a configuration, an output folder) that no JSON pointer walks."""
        if self.pointer or self.file.lower().endswith(_POINTER_FILES):
            return f"#{self.pointer}"
        return ""


class SpecError(Exception):
    """Bad input. The CLI prints the diagnostic and exits with code 2, without a traceback."""

    def __init__(self, file: str, pointer: str, message: str) -> None:
        self.diagnostic = Diagnostic(Severity.ERROR, file, pointer, message)
        super().__init__(str(self.diagnostic))


class MissingExtraError(Exception):
    """An optional feature was asked for without its extra installed; the message says which
    `pip install` brings it. The CLI prints it and exits with code 2."""


def pointer_escape(token: str) -> str:
    """Escape one reference token for a JSON pointer (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer_join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + pointer_escape(str(t)) for t in tokens)
