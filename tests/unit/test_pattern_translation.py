"""Spec patterns (ECMA-262) in Python's `re` dialect, and the generation warning for the ones
that have no faithful translation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.build import build_package
from generator.runtime.patterns import compiled, translate


@pytest.mark.parametrize(
    ("pattern", "matching", "failing"),
    [
        (r"^[\p{L}\p{N}._-]+$", ["Ünïcødé_名前.٣", "abc-1"], ["a b", "x/y", ""]),
        (r"^\p{Lu}\p{Ll}+$", ["Éclair", "Ωmega"], ["éclair", "ÉCLAIR"]),
        (r"^\P{L}+$", ["123 !", "٣"], ["a1", "ж"]),
        (r"^\p{Letter}+$", ["Straße"], ["Stra ße"]),
        (r"^\p{gc=Nd}+$", ["0٣9"], ["Ⅻ"]),
        (r"^abc$", ["abc"], ["abc\n", "abcd"]),  # ECMA $ is the end of the text
        (r"^(?<year>\d{4})-\k<year>$", ["2024-2024"], ["2024-2025"]),
        (r"^(?i)abc$", ["ABC", "abc"], ["abd"]),  # not ECMA, common in specs
        (r"^a[^]c$", ["a\nc", "abc"], ["ac"]),
        (r"^a[]b$", [], ["ab", "a]b"]),
        (r"^\cJ$", ["\n"], ["J"]),
        (r"^\u{1F600}\u0041\x42$", ["😀AB"], ["AB"]),
        (r"^a\-b\/c\i$", ["a-b/ci"], ["a-b/c"]),  # identity escapes
        (r"^[a\b]$", ["\b", "a"], ["b"]),  # \b in a class is a backspace
        (r"^[a&&b]$", ["&", "a"], ["c"]),  # no set operations in ECMA classes
    ],
)
def test_translated_patterns_match_what_ecma_matches(
    pattern: str, matching: list[str], failing: list[str]
) -> None:
    regex = compiled(pattern)
    assert regex is not None, translate(pattern)
    assert [text for text in matching if not regex.search(text)] == []
    assert [text for text in failing if regex.search(text)] == []


@pytest.mark.parametrize(
    "pattern",
    [
        "^ab\\",  # a trailing backslash
        r"^\p{Script=Latin}+$",  # scripts are not in Python's Unicode database
        r"^\p{Alphabetic}$",
        r"^\p{Nope}$",
        r"^\p{L$",
        r"^(?<=a+)b$",  # a variable-width lookbehind
        r"^[abc$",
        r"^\cé$",
        r"^\u{110000}$",
        r"^\x4$",
    ],
)
def test_patterns_without_a_faithful_translation_are_not_checked(pattern: str) -> None:
    assert translate(pattern) is None
    assert compiled(pattern) is None


def test_every_translation_compiles_in_python() -> None:
    for pattern in [r"\p{L}", r"[\P{N}]", r"\p{LC}", r"\p{L&}", r"\p{Cn}", r"\p{Cs}", r"(a)\1"]:
        translated = translate(pattern)
        assert translated is not None, pattern
        re.compile(translated)


def test_generation_warns_about_each_unchecked_pattern_by_pointer(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "Patterns", "version": "1"},
        "host": "example.invalid",
        "paths": {
            "/things/{name}": {
                "get": {
                    "operationId": "Things_Get",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "type": "string",
                            "pattern": r"^[\p{L}\p{N}]+$",
                        },
                        {"name": "tag", "in": "query", "type": "string", "pattern": "^ab\\"},
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/T"}}
                    },
                }
            }
        },
        "definitions": {
            "T": {
                "type": "object",
                "properties": {
                    "code": {"type": "string", "pattern": r"^\p{Script=Greek}+$"},
                    "ok": {"type": "string", "pattern": r"^\p{Lu}$"},
                },
            }
        },
    }
    path = tmp_path / "patterns.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    built = build_package(path, "patterns_pkg")
    found = sorted(f"{w.file}#{w.pointer}" for w in built.warnings if "pattern" in w.message)
    assert found == [
        "patterns.json#/definitions/T/properties/code",
        "patterns.json#/paths/~1things~1{name}/get/parameters/1",
    ]
    assert all("the client does not check it" in w.message for w in built.warnings)
    operations = built.files["operations/_things.py"].decode()
    assert r'pattern="^ab\\"' in operations, "the pattern stays in the code, unchecked at run time"
