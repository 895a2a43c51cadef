"""Imports as data: collected while planning a file, rendered as one sorted block."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportSet:
    """`import x [as y]` and `from x import y`, at runtime or only for type checking."""

    _modules: set[tuple[str, str | None]] = field(default_factory=set)
    _names: dict[str, set[str]] = field(default_factory=dict)
    _typing_names: dict[str, set[str]] = field(default_factory=dict)

    def module(self, name: str, alias: str | None = None) -> None:
        self._modules.add((name, alias))

    def name(self, module: str, *names: str) -> None:
        self._names.setdefault(module, set()).update(names)

    def typing_only(self, module: str, *names: str) -> None:
        """`from module import names` for type checkers; without names, `import module`."""
        self.name("typing", "TYPE_CHECKING")
        self._typing_names.setdefault(module, set()).update(names)

    def without(self, other: ImportSet) -> ImportSet:
        """The runtime imports of this set that `other` does not have."""
        rest = ImportSet()
        rest._modules = self._modules - other._modules
        for module, names in self._names.items():
            missing = names - other._names.get(module, set())
            if missing:
                rest._names[module] = missing
        return rest

    def runtime_lines(self) -> list[str]:
        future = (
            [f"from __future__ import {', '.join(sorted(self._names['__future__']))}"]
            if ("__future__" in self._names)
            else []
        )
        plain = [
            f"import {name}" + (f" as {alias}" if alias else "")
            for name, alias in sorted(self._modules, key=lambda m: (m[0], m[1] or ""))
        ]
        absolute = [
            _from_line(module, names)
            for module, names in sorted(self._names.items())
            if module != "__future__" and not module.startswith(".")
        ]
        relative = [
            _from_line(module, names)
            for module, names in sorted(self._names.items())
            if module.startswith(".")
        ]
        return future + plain + absolute + relative

    def typing_lines(self) -> list[str]:
        return [
            _from_line(module, names) if names else f"import {module}"
            for module, names in sorted(self._typing_names.items())
        ]


def _from_line(module: str, names: set[str]) -> str:
    return f"from {module} import {', '.join(sorted(names))}"
