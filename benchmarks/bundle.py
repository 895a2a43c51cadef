"""Bundle a Swagger 2.0 description split over several files into one self-contained file.

openapi-python-client reads OpenAPI 3 only, and the converter that turns Swagger 2.0 into OpenAPI 3
wants one file. Every `$ref` into another file is replaced by a local one: the target is copied
into this file's `definitions` / `parameters` / `responses` under its own name (a numeric suffix
when another file already used that name). `x-ms-examples` are dropped (they only point at files).
Only the benchmarks use this; sdkforge itself reads multi-file specs directly.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

_SECTIONS = ("definitions", "parameters", "responses")


class _Bundler:
    def __init__(self, entry: Path) -> None:
        self.entry = entry.resolve()
        self.files: dict[Path, Any] = {}
        self.root = copy.deepcopy(self._load(self.entry))
        self.names: dict[tuple[Path, str], str] = {}
        for section in _SECTIONS:
            for name in self.root.get(section, {}):
                self.names[(self.entry, f"/{section}/{name}")] = name

    def _load(self, path: Path) -> Any:
        if path not in self.files:
            self.files[path] = json.loads(path.read_text(encoding="utf-8-sig"))
        return self.files[path]

    def _resolve(self, path: Path, pointer: str) -> Any:
        node = self._load(path)
        for part in pointer.strip("/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def _local_name(self, path: Path, pointer: str) -> str:
        """The local pointer for `pointer` in `path`, copying the target in on first use."""
        parts = pointer.strip("/").split("/")
        section, name, rest = parts[0], parts[1], parts[2:]
        key = (path, f"/{section}/{name}")
        if key not in self.names:
            taken = set(self.root.get(section, {}))
            local, n = name, 1
            while local in taken:
                n += 1
                local = f"{name}{n}"
            self.names[key] = local
            target = self.root.setdefault(section, {})
            target[local] = {}  # reserved before descending, so cycles end here
            target[local] = self._rewrite(copy.deepcopy(self._resolve(path, key[1])), path)
        return "/".join(["#", section, self.names[key], *rest])

    def _rewrite(self, node: Any, base: Path) -> Any:
        if isinstance(node, list):
            return [self._rewrite(item, base) for item in node]
        if not isinstance(node, dict):
            return node
        node.pop("x-ms-examples", None)
        ref = node.get("$ref")
        if isinstance(ref, str):
            file_part, _, pointer = ref.partition("#")
            target = (base.parent / file_part).resolve() if file_part else base
            if target == self.entry:
                node["$ref"] = "#" + pointer
            elif pointer.strip("/").split("/")[0] in _SECTIONS:
                node["$ref"] = self._local_name(target, pointer)
        return {key: self._rewrite(value, base) for key, value in node.items()}

    def run(self) -> Any:
        for key in list(self.root):
            if key not in _SECTIONS:
                self.root[key] = self._rewrite(self.root[key], self.entry)
        for section in _SECTIONS:
            for name in list(self.root.get(section, {})):
                self.root[section][name] = self._rewrite(self.root[section][name], self.entry)
        return self.root


def bundle(entry: Path) -> Any:
    """The Swagger 2.0 document at `entry` with every external `$ref` made local."""
    return _Bundler(entry).run()
