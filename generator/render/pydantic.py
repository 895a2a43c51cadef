"""The pydantic models module, written by datamodel-code-generator (the `pydantic` extra).

The generator is used as a library on the schema `generator.plan.pydantic` builds; its output is
checked to define every class the IR has, then formatted with the rest of the package.
"""

from __future__ import annotations

import json
import warnings
from typing import Any

from generator.diagnostics import MissingExtraError
from generator.plan.pydantic import ModelsInput

EXTRA_HINT = "pip install 'sdkforge[pydantic]'"


class ModelsError(Exception):
    """datamodel-code-generator did not write the module the IR asks for."""


def require_extra() -> None:
    """Raise MissingExtraError unless the pydantic style can run here."""
    try:
        import datamodel_code_generator  # noqa: F401
        import pydantic  # noqa: F401
    except ImportError:
        raise MissingExtraError(
            f"error: the pydantic model style needs datamodel-code-generator: {EXTRA_HINT}"
        ) from None


def render_models(given: ModelsInput, header: str) -> str:
    require_extra()
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion

    options: dict[str, Any] = {
        "input_file_type": InputFileType.JsonSchema,
        "output_model_type": DataModelType.PydanticV2BaseModel,
        "target_python_version": PythonVersion.PY_311,
        "base_class": given.base_class,
        "aliases": given.aliases,
        "field_extra_keys": {
            "readOnly",
            "x-sdkforge-path",
            "x-sdkforge-always",
            "x-sdkforge-discriminator",
            "x-sdkforge-additional",
            "x-sdkforge-default",
        },
        "use_annotated": False,
        # The wire name as the serialization alias: the constructor (and a type checker) takes
        # the Python names; `default=` spelled out, as type checkers read only that.
        "use_serialization_alias": True,
        "use_default_kwarg": True,
        # A subtype in a field of its base type is written with its own fields.
        "use_serialize_as_any": True,
        "use_standard_collections": True,
        "use_union_operator": True,
        "skip_root_model": True,
        "keep_model_order": True,
        "disable_timestamp": True,
        "custom_file_header": header.rstrip("\n"),
        "formatters": [],
    }
    with warnings.catch_warnings():
        # Its notices (future defaults, formats it maps to str) are not the user's to act on.
        warnings.simplefilter("ignore")
        try:
            text = generate(json.dumps(given.schema, sort_keys=False), **options)
        except Exception as exc:  # its own Error, or a bug of it: one message, not a traceback
            raise ModelsError(f"datamodel-code-generator failed: {exc}") from None
    if not isinstance(text, str):
        raise ModelsError("datamodel-code-generator wrote more than one module")
    missing = [name for name in given.class_names if f"\nclass {name}(" not in text]
    if missing:
        raise ModelsError(
            "datamodel-code-generator did not define the classes " + ", ".join(missing[:5])
        )
    return text if text.endswith("\n") else text + "\n"
