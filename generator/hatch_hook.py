"""A hatchling build hook: building a project (`pip install .`, `pip wheel .`, `python -m build`)
first generates the clients listed in its `[tool.sdkforge]`, so the wheel holds fresh code.

```toml
[build-system]
requires = ["hatchling", "sdkforge"]
build-backend = "hatchling.build"

[tool.hatch.build.hooks.sdkforge]
# config = "pyproject.toml"   # the file with [tool.sdkforge], relative to the project
# force = false               # regenerate even when no input changed

[tool.hatch.build.targets.wheel]
packages = ["src/my_client"]  # the generated package (output "src", package "my_client")
```

Clients whose inputs did not change are skipped (see generator.cache). Generated folders inside the
project are marked as build artifacts, so they are packed even when git ignores them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

from generator.cli import generate_clients
from generator.config import load_config


class SdkforgeBuildHook(BuildHookInterface[BuilderConfig]):
    PLUGIN_NAME = "sdkforge"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root).resolve()
        config = root / str(self.config.get("config", "pyproject.toml"))
        clients = load_config(config)
        generate_clients(clients, force=bool(self.config.get("force", False)), echo=self._echo)
        for client in clients:
            folder = client.package_dir.resolve()
            if folder.is_relative_to(root):
                build_data["artifacts"].append(f"/{folder.relative_to(root).as_posix()}/")

    def _echo(self, message: str) -> None:
        self.app.display_info(f"sdkforge: {message}")


@hookimpl
def hatch_register_build_hook() -> type[BuildHookInterface[BuilderConfig]]:
    return SdkforgeBuildHook
