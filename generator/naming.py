"""Python names for wire names: one place, so every stage agrees.

Names are computed once, when the loader builds the intermediate model. Each function here is pure;
`unique_names` resolves collisions inside one scope (the fields of a model, the arguments of one
method, the operations of one group) with deterministic numeric suffixes.
"""

from __future__ import annotations

import builtins
import hashlib
import keyword
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence

_WORD_BOUNDARY = re.compile(
    r"[A-Z]{2,}s(?![a-z])"  # a plural acronym: "vmInstanceIDs" -> "IDs"
    r"|[A-Z]+(?=[A-Z][a-z])"  # an acronym before a capitalised word: "HTTPServer" -> "HTTP"
    r"|[A-Z]?[a-z]+[0-9]*"  # a capitalised or lower-case word with trailing digits: "Vm2"
    r"|[A-Z]+[0-9]*"  # an acronym at the end: "VM", "IPv" is split before
    r"|[0-9]+"
)

# Names that a Python identifier must not take anywhere.
_PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}

# Extra names reserved per scope: a field must not shadow what every generated model has, a method
# argument must not shadow the keyword arguments every generated method takes.
MODEL_RESERVED = frozenset(
    {
        "from_dict",
        "to_dict",
        "validate",
        "serialize",
        "deserialize",
        "as_dict",
        "unknown_properties",
        "keys",
        "items",
        "values",
        "get",
        "copy",
        "_unknown",
        # Builtins the generated classes use in annotations and decorators; a field of that name
        # would hide them in the class body.
        "bool",
        "classmethod",
        "property",
        "bytes",
        "dict",
        "float",
        "int",
        "list",
        "str",
    }
)
METHOD_RESERVED = frozenset(
    {
        "self",
        "cls",
        "timeout",
        "headers",
        "params",
        "kwargs",
        "content_type",
        "polling",
        "polling_interval",
        "error_map",
        "logging_enable",
        "continuation_token",
        "stream",
        "request",
        "response",
        "client",
        "raw_response",
    }
)
CLIENT_RESERVED = frozenset(
    {
        "credential",
        "endpoint",
        "base_url",
        "transport",
        "retry",
        "timeout",
        "close",
        "send_request",
    }
)
TYPE_RESERVED = frozenset(
    {
        "Any",
        "ClassVar",
        "Callable",
        "TypeVar",
        "Optional",
        "Union",
        "List",
        "Dict",
        "Enum",
        "Self",
        "Mapping",
        "Iterator",
        "datetime",
        "date",
        "time",
        "timedelta",
        "Decimal",
        "IO",
        "AsyncIterator",
    }
)


# What the client modules import besides TYPE_RESERVED: the client class must not take these names
# (a class named Pipeline would replace the pipeline it builds).
CLIENT_CLASS_RESERVED = TYPE_RESERVED | frozenset(
    {
        "Pipeline",
        "AsyncPipeline",
        "RetryPolicy",
        "BearerTokenAuth",
        "AsyncBearerTokenAuth",
        "TokenCredential",
        "AsyncTokenCredential",
        "ApiKeyAuth",
        "KeyCredential",
        "VERSION",
    }
)

# File names stay well below the 255 bytes most file systems allow.
MAX_MODULE_NAME = 100
_DEPENDENCIES = frozenset({"httpx", "httpcore", "anyio", "h11", "idna", "certifi", "sniffio"})
_ASCII_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BUILTIN_NAMES = frozenset(dir(builtins))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def words(text: str) -> list[str]:
    """Split a wire name into words: camelCase, PascalCase, snake_case, kebab-case, dots."""
    return _WORD_BOUNDARY.findall(_ascii(text))


def snake_case(text: str) -> str:
    name = "_".join(w.lower() for w in words(text))
    return name or "value"


def pascal_case(text: str) -> str:
    parts = words(text)
    name = "".join(w[:1].upper() + w[1:] for w in parts)
    return name or "Value"


def upper_snake_case(text: str) -> str:
    return snake_case(text).upper()


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s(?![a-z])")
# azure-mgmt's words: a run of capitals before a capitalized word ends at its last capital.
_AZURE_MGMT_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+")


def azure_mgmt_name(text: str) -> str | None:
    """The name azure-mgmt gives a parameter where it differs from ours in the one way callers
    meet: a plural acronym is split before its last capital (`vmInstanceIDs` is
    `vm_instance_i_ds` there, `vm_instance_ids` here). None when that does not occur."""
    if not _PLURAL_ACRONYM.search(text):
        return None
    name = "_".join(w.lower() for w in _AZURE_MGMT_WORD.findall(_ascii(text)))
    ok = name.isidentifier() and not keyword.iskeyword(name) and name != snake_case(text)
    return name if ok else None


def _not_digit_first(name: str, prefix: str) -> str:
    return f"{prefix}{name}" if name[:1].isdigit() else name


def safe_identifier(name: str, reserved: Iterable[str] = ()) -> str:
    """Append `_` while `name` is a Python keyword or in `reserved`."""
    taken = _PYTHON_RESERVED | frozenset(reserved)
    while name in taken:
        name = f"{name}_"
    return name


def field_name(wire: str) -> str:
    return safe_identifier(_not_digit_first(snake_case(wire), "n"), MODEL_RESERVED)


def parameter_name(wire: str) -> str:
    return safe_identifier(_not_digit_first(snake_case(wire), "n"), METHOD_RESERVED)


def group_attribute(group: str) -> str:
    """The client attribute of an operation group: "VirtualMachines" -> virtual_machines."""
    return safe_identifier(_not_digit_first(snake_case(group), "n"), CLIENT_RESERVED)


def class_name(wire: str) -> str:
    return safe_identifier(_not_digit_first(pascal_case(wire), "M"), TYPE_RESERVED)


def enum_member_name(value: object) -> str:
    """A member name for an enum value: "RollingForward" -> ROLLING_FORWARD, 1 -> ENUM_1."""
    text = str(value)
    name = upper_snake_case(text) if words(text) else ""
    if not name:
        name = "VALUE"
    return safe_identifier(_not_digit_first(name, "ENUM_"), ())


def module_name(py_class_name: str) -> str:
    """The module a class is written to: RollingUpgradePolicy -> _rolling_upgrade_policy.

    A name longer than MAX_MODULE_NAME keeps its start and ends in a hash of the whole, so the
    file name is short enough for any file system and the same for the same name.
    """
    return short_module_name("_" + snake_case(py_class_name))


def short_module_name(name: str) -> str:
    if len(name) <= MAX_MODULE_NAME:
        return name
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return f"{name[: MAX_MODULE_NAME - 11].rstrip('_')}_{digest}"


# Words a long title spends on saying it describes an API; a class name does without them.
_TITLE_FILLER = frozenset(
    "a an and api apis by for http json of official openapi rest restful service spec "
    "specification swagger the to v with".split()
)
_SUBTITLE = re.compile(r"[:(\[|+,;/]|\s[-\u2013\u2014]\s")
_SHORT_TITLE_WORDS = 5
_LONG_TITLE_WORDS = 3


def client_class_name(title: str, *, shorten: bool = True) -> str:
    """info.title -> client class name.

    A short title (five words at most, no subtitle) is joined as it is ("AutoRest Bool Test
    Service" -> AutoRestBoolTestService). Any other keeps its main part (before a `:`, `(`, `+`,
    ` - `...) without possessives, version numbers and filler words such as API or OpenAPI, at
    most three words, and Client: "GitHub's official OpenAPI spec + Octokit extension" ->
    GitHubClient. Without `shorten` (Azure specs, as AutoRest names them) every title is joined.
    """
    text = _ascii(title).strip()
    main = _SUBTITLE.split(text, maxsplit=1)[0]
    tokens = _title_tokens(main)
    if not shorten:
        name = "".join(t[:1].upper() + t[1:] for t in re.split(r"[^0-9A-Za-z]+", text) if t)
    elif main == text and len(tokens) <= _SHORT_TITLE_WORDS:
        name = "".join(t[:1].upper() + t[1:] for t in tokens)
    else:
        unversioned = [t for t in tokens if not _is_version(t)]
        kept = [t for t in unversioned if t.lower() not in _TITLE_FILLER]
        chosen = (kept or unversioned or tokens)[:_LONG_TITLE_WORDS]
        name = "".join(t[:1].upper() + t[1:] for t in chosen)
        name = name if name.endswith("Client") else f"{name}Client"
    name = _not_digit_first(name or "Client", "Client")
    return safe_identifier(name, CLIENT_CLASS_RESERVED | _BUILTIN_NAMES)


def package_name_problem(name: str) -> str | None:
    """Why `name` cannot name a generated package (None when it can)."""
    if not _ASCII_IDENTIFIER.fullmatch(name):
        return "must be an ASCII Python identifier (letters, digits and _, not first a digit)"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return "must not be a Python keyword"
    if len(name) > MAX_MODULE_NAME:
        return f"must have at most {MAX_MODULE_NAME} characters"
    if name in sys.stdlib_module_names or name in _DEPENDENCIES:
        return "must not be the name of a standard library module or of httpx and its dependencies"
    return None


def client_name_problem(name: str) -> str | None:
    """Why `name` cannot name the generated client class (None when it can)."""
    if not _ASCII_IDENTIFIER.fullmatch(name) or name.startswith("_"):
        return "must be an ASCII Python identifier that does not start with _"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in {"self", "cls"}:
        return "must not be a Python keyword"
    if name in CLIENT_CLASS_RESERVED or name in _BUILTIN_NAMES:
        return "is a name the generated client uses for something else"
    return None


def _title_tokens(text: str) -> list[str]:
    without_possessive = re.sub(r"(?<=[A-Za-z])'s\b", "", text)
    return [t for t in re.split(r"[^0-9A-Za-z]+", without_possessive) if t]


def _is_version(token: str) -> bool:
    return re.fullmatch(r"[vV]?[0-9]+", token) is not None


def route_operation_id(method: str, path: str) -> str:
    """The name of an operation the spec gives no operationId: GET /pets/{petId} ->
    get_pets_pet_id (the method, then every word of the path)."""
    return snake_case(f"{method.lower()} {path}")


def split_operation_id(operation_id: str) -> tuple[str, str]:
    """ "Group_Method" -> ("Group", "Method"); without `_` it is a method of the client."""
    group, sep, method = operation_id.partition("_")
    if not sep:
        return "", operation_id
    return group, method


def unique_names(
    names: Sequence[str], taken: Iterable[str] = (), *, ignore_case: bool = False
) -> list[str]:
    """Keep the order; later equal names get `_2`, `_3`, ... (skipping taken ones).

    With `ignore_case` names that differ only in case count as equal (file names: on some file
    systems `_thing.py` and `_THING.py` are one file).
    """

    def fold(text: str) -> str:
        return text.casefold() if ignore_case else text

    used = {fold(t) for t in taken}
    result: list[str] = []
    for name in names:
        candidate = free_name(name, lambda c: fold(c) in used)
        used.add(fold(candidate))
        result.append(candidate)
    return result


def free_name(name: str, is_taken: Callable[[str], bool]) -> str:
    """`name`, or the first of `name_2`, `name_3`, ... that is not taken (the rule of
    `unique_names`, for callers that keep their own record of the names in use)."""
    candidate = name
    counter = 2
    while is_taken(candidate):
        candidate = f"{name}_{counter}" if not name.endswith("_") else f"{name}{counter}"
        counter += 1
    return candidate
