"""Pydantic v2 models on the wire: the base class of the models the pydantic style generates, and
the annotated types that give them the wire formats of the dataclass style.

Generated models keep the protocol the rest of the runtime speaks (`from_dict`, `to_dict`,
`_KNOWN`), so operations, pagers, pollers and errors are the same code for both styles; this module
is where that protocol meets `model_validate` and `model_dump(by_alias=True, exclude_unset=True)`.
It is copied into a package only when its models are pydantic models.

What a field is on the wire travels in its `json_schema_extra` (written by the generator):
- `x-sdkforge-path`: the wire path of a flattened property (x-ms-client-flatten);
- `x-sdkforge-default`: the value a new object gets when the keyword is not given;
- `x-sdkforge-always`: that value is also the one an answer without the property gets, and it
  is always sent (a discriminator a subtype fixes, a constant);
- `x-sdkforge-additional`: the field that holds the additional properties;
- `readOnly`: only the service sets it; `to_dict(exclude_readonly=True)` leaves it out.

The wire handling (subtypes by discriminator, flattened paths, additional properties) applies
when a model is read with `from_dict` and written with `to_dict`; `Model(...)` and `model_dump()`
stay plain pydantic.
"""

from __future__ import annotations

import datetime as _dt
import decimal
from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    model_serializer,
    model_validator,
)
from pydantic.fields import FieldInfo

from .dates import (
    deserialize_date,
    deserialize_datetime,
    deserialize_duration,
    deserialize_rfc1123,
    deserialize_time,
    deserialize_unixtime,
    serialize_date,
    serialize_datetime,
    serialize_duration,
    serialize_rfc1123,
    serialize_time,
    serialize_unixtime,
)
from .errors import DeserializationError
from .fields import KnownTree, get_path, set_path
from .primitives import (
    deserialize_base64url,
    deserialize_bytes,
    deserialize_decimal,
    serialize_base64url,
    serialize_bytes,
    serialize_decimal,
)

__all__ = [
    "Base64Url",
    "Bytes",
    "Date",
    "DateTime",
    "Decimal",
    "Duration",
    "Rfc1123",
    "Time",
    "UnixTime",
    "WireModel",
]

_WIRE = "sdkforge-wire"  # the validation/serialization context key of the wire form
_READONLY = "sdkforge-exclude-readonly"
_PATH = "x-sdkforge-path"
_ALWAYS = "x-sdkforge-always"
_ADDITIONAL = "x-sdkforge-additional"
_DEFAULT = "x-sdkforge-default"


def _decoded(python: type[Any], decode: Callable[[Any], Any]) -> PlainValidator:
    """Validation by the runtime's decoder; a value of the Python type passes as it is."""

    def validate(value: Any) -> Any:
        if isinstance(value, python) and not (python is _dt.date and type(value) is _dt.datetime):
            return value
        return decode(value)

    return PlainValidator(validate)


def _encoded(encode: Callable[[Any], Any]) -> PlainSerializer:
    """JSON serialization by the runtime's encoder: the form the dataclass style writes."""
    return PlainSerializer(encode, when_used="json")


def _schema(json_type: str, **keywords: str) -> WithJsonSchema:
    return WithJsonSchema({"type": json_type, **keywords})


DateTime = Annotated[
    _dt.datetime,
    _decoded(_dt.datetime, deserialize_datetime),
    _encoded(serialize_datetime),
    _schema("string", format="date-time"),
]
Rfc1123 = Annotated[
    _dt.datetime,
    _decoded(_dt.datetime, deserialize_rfc1123),
    _encoded(serialize_rfc1123),
    _schema("string", format="date-time-rfc1123"),
]
UnixTime = Annotated[
    _dt.datetime,
    _decoded(_dt.datetime, deserialize_unixtime),
    _encoded(serialize_unixtime),
    _schema("integer", format="unixtime"),
]
Date = Annotated[
    _dt.date,
    _decoded(_dt.date, deserialize_date),
    _encoded(serialize_date),
    _schema("string", format="date"),
]
Time = Annotated[
    _dt.time,
    _decoded(_dt.time, deserialize_time),
    _encoded(serialize_time),
    _schema("string", format="time"),
]
Duration = Annotated[
    _dt.timedelta,
    _decoded(_dt.timedelta, deserialize_duration),
    _encoded(serialize_duration),
    _schema("string", format="duration"),
]
Bytes = Annotated[
    bytes,
    _decoded(bytes, deserialize_bytes),
    _encoded(serialize_bytes),
    _schema("string", contentEncoding="base64"),
]
Base64Url = Annotated[
    bytes,
    _decoded(bytes, deserialize_base64url),
    _encoded(serialize_base64url),
    _schema("string", contentEncoding="base64url"),
]
Decimal = Annotated[
    decimal.Decimal,
    _decoded(decimal.Decimal, deserialize_decimal),
    _encoded(serialize_decimal),
    _schema("number"),
]


class WireModel(BaseModel):
    """The base of every generated pydantic model."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        arbitrary_types_allowed=True,
        # Fields never shadow BaseModel's attributes (the generator renames those), but their
        # names may start with `model_`.
        protected_namespaces=(),
    )

    # Computed per class from the fields' json_schema_extra (see the module docstring).
    _FLAT: ClassVar[tuple[tuple[str, tuple[str, ...]], ...]] = ()  # (alias, wire path)
    _ALWAYS_SENT: ClassVar[tuple[tuple[str, str], ...]] = ()  # (field name, alias)
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset()  # aliases
    _ADDITIONAL_FIELD: ClassVar[str | None] = None  # alias of the additional properties' field
    _DISCRIMINATOR: ClassVar[str | None] = None  # alias of the discriminator
    _FIXED: ClassVar[tuple[str, str, Any] | None] = None  # (name, alias, value) a subtype fixes
    _REQUIRED: ClassVar[tuple[tuple[str, str], ...]] = ()  # (field name, alias)
    _DEFAULTS: ClassVar[tuple[tuple[str, str, Any, bool], ...]] = ()  # (name, wire, value, always)
    _SUBTYPES: ClassVar[dict[str, type[WireModel]]] = {}  # discriminator value -> class
    _KNOWN: ClassVar[KnownTree] = {}
    _FIELD_NAMES: ClassVar[dict[str, str]] = {}  # wire name -> field name, where they differ

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        flat: list[tuple[str, tuple[str, ...]]] = []
        always: list[tuple[str, str]] = []
        defaults: list[tuple[str, str, Any, bool]] = []
        read_only: set[str] = set()
        known: dict[str, Any] = {}
        cls._ADDITIONAL_FIELD = None
        cls._FIXED = None
        cls._REQUIRED = tuple(
            (name, _wire_name(name, info))
            for name, info in cls.model_fields.items()
            if info.is_required()
        )
        for name, info in cls.model_fields.items():
            alias = _wire_name(name, info)
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            path = extra.get(_PATH)
            if isinstance(path, list) and len(path) > 1:
                flat.append((alias, tuple(str(p) for p in path)))
                _know(known, tuple(str(p) for p in path))
            elif extra.get(_ADDITIONAL):
                cls._ADDITIONAL_FIELD = alias
                continue
            else:
                known[alias] = None
            if _DEFAULT in extra:
                defaults.append((name, alias, extra[_DEFAULT], bool(extra.get(_ALWAYS))))
            if extra.get(_ALWAYS):
                always.append((name, alias))
            if extra.get("readOnly"):
                read_only.add(alias)
            if extra.get("x-sdkforge-discriminator"):
                if cls._DISCRIMINATOR is None:
                    cls._DISCRIMINATOR = alias
                    cls._SUBTYPES = {}
                if extra.get(_ALWAYS):
                    cls._FIXED = (name, alias, extra.get(_DEFAULT))
        cls._FIELD_NAMES = {
            wire: name
            for name, info in cls.model_fields.items()
            if (wire := _wire_name(name, info)) != name
        }
        cls._DEFAULTS = tuple(defaults)
        cls._FLAT = tuple(flat)
        cls._ALWAYS_SENT = tuple(always)
        cls._READ_ONLY = frozenset(read_only)
        cls._KNOWN = known
        cls._register_subtype()

    @classmethod
    def _register_subtype(cls) -> None:
        """Enter the class in its root's table under the discriminator value it fixes."""
        if cls._DISCRIMINATOR is not None and cls._FIXED is not None:
            value = cls._FIXED[2]
            if isinstance(value, str):
                cls._SUBTYPES.setdefault(value, cls)

    # --- the protocol of the runtime -----------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], /) -> Self:
        """Build the model from its JSON form (wire names); a discriminator value that names a
        subclass builds that subclass."""
        try:
            return cls.model_validate(data, context={_WIRE: True})
        except ValidationError as exc:
            raise DeserializationError(_first_error(cls, exc)) from None

    def to_dict(self, *, exclude_readonly: bool = False) -> dict[str, Any]:
        """The JSON form (wire names): only what was set (or sent by the service), unknown
        properties written back; `exclude_readonly` drops what only the service sets."""
        result: dict[str, Any] = self.model_dump(
            mode="json",
            by_alias=True,
            exclude_unset=True,
            context={_WIRE: True, _READONLY: exclude_readonly},
        )
        return result

    # --- the wire form -------------------------------------------------------------------------

    @model_validator(mode="wrap")
    @classmethod
    def _from_wire(
        cls, data: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        if not (isinstance(info.context, dict) and info.context.get(_WIRE)):
            return handler(cls._keywords(data) if type(data) is dict else data)
        if not isinstance(data, Mapping):
            if data is None or isinstance(data, cls):
                return handler(data)
            raise ValueError(f"expected an object, got {type(data).__name__}")
        subtype = cls._subtype(data)
        if subtype is not None:
            return subtype.model_validate(data, context=info.context)
        if cls._FLAT or cls._ADDITIONAL_FIELD is not None:
            data = cls._unflatten(data)
        if cls._DEFAULTS:
            fixed = {w: v for _, w, v, always in cls._DEFAULTS if always and w not in data}
            if fixed:
                data = {**data, **fixed}
        if cls._FIELD_NAMES:
            names = cls._FIELD_NAMES
            data = {names.get(key, key): value for key, value in data.items()}
        return handler(data)

    @classmethod
    def _keywords(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Keywords as the dataclass style takes them.

        None means "not given" (so it is not sent; set the attribute to None after construction
        to send null), except for a required property, which must be given (None included, as
        services send it). A missing required property, or another value for a discriminator
        the class fixes, is a TypeError."""
        missing = [n for n, a in cls._REQUIRED if n not in data and a not in data]
        if missing:
            raise TypeError(
                f"{cls.__name__}() missing required keyword arguments: {', '.join(missing)}"
            )
        required = {k for pair in cls._REQUIRED for k in pair}
        given = {k: v for k, v in data.items() if v is not None or k in required}
        for name, wire, value, _ in cls._DEFAULTS:
            if name not in given and wire not in given:
                given[name] = value
        if cls._FIXED is not None:
            name, alias, value = cls._FIXED
            sent = given.get(name, given.get(alias, value))
            if getattr(sent, "value", sent) != getattr(value, "value", value):
                raise TypeError(f"{cls.__name__}.{name} is fixed to {value!r}")
        return given

    @classmethod
    def _subtype(cls, data: Mapping[str, Any]) -> type[WireModel] | None:
        if cls._DISCRIMINATOR is None or not cls._SUBTYPES:
            return None
        value = data.get(cls._DISCRIMINATOR)
        if not isinstance(value, str):
            return None
        found = cls._SUBTYPES.get(value)
        if found is None:
            folded = value.casefold()
            found = next((c for k, c in cls._SUBTYPES.items() if k.casefold() == folded), None)
        if found is None or found is cls or not issubclass(found, cls):
            return None
        return found

    @classmethod
    def _unflatten(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        """The wire object with each flattened property under its alias (what it leaves of its
        container stays, as an unknown property) and the additional properties in their field."""
        result = dict(data)
        for alias, path in cls._FLAT:
            value = get_path(result, path)
            if value is not None or _has_path(result, path):
                result[alias] = value
                _remove_path(result, path)
        if cls._ADDITIONAL_FIELD is not None:
            extra = {k: result.pop(k) for k in list(result) if k not in cls._KNOWN}
            if extra:
                result[cls._ADDITIONAL_FIELD] = extra
        return result

    @model_serializer(mode="wrap")
    def _to_wire(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        context = info.context
        if not (isinstance(context, dict) and context.get(_WIRE)) or not isinstance(data, dict):
            return data
        for name, alias in self._ALWAYS_SENT:
            if alias not in data and (value := getattr(self, name, None)) is not None:
                data[alias] = getattr(value, "value", value)
        if context.get(_READONLY):
            for alias in self._READ_ONLY.intersection(data):
                del data[alias]
        for alias, path in self._FLAT:
            if alias in data:
                set_path(data, path, data.pop(alias))
        if self._ADDITIONAL_FIELD is not None:
            for key, value in (data.pop(self._ADDITIONAL_FIELD, None) or {}).items():
                data.setdefault(key, value)
        return data


def _wire_name(name: str, info: FieldInfo) -> str:
    """Fields carry their wire name as the serialization alias (the constructor, and the type
    checker, take the Python name)."""
    return info.serialization_alias or info.alias or name


def _know(known: dict[str, Any], path: tuple[str, ...]) -> None:
    node = known
    for step in path[:-1]:
        node = node.setdefault(step, {}) or {}
    node[path[-1]] = None


def _has_path(data: Mapping[str, Any], path: tuple[str, ...]) -> bool:
    node: Any = data
    for step in path:
        if not isinstance(node, Mapping) or step not in node:
            return False
        node = node[step]
    return True


def _remove_path(data: dict[str, Any], path: tuple[str, ...]) -> None:
    """Remove the leaf at `path`, copying the containers on the way so the caller's data stays
    as it was; a container left empty goes too."""
    node = data
    chain: list[tuple[dict[str, Any], str]] = []
    for step in path[:-1]:
        inner = dict(node[step])
        node[step] = inner
        chain.append((node, step))
        node = inner
    node.pop(path[-1], None)
    for parent, step in reversed(chain):
        if parent[step]:
            break
        del parent[step]


def _first_error(cls: type[BaseModel], exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    if not errors:
        return f"cannot read {cls.__name__}: {exc}"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    message = str(first.get("msg", "invalid value"))
    return f"cannot read {cls.__name__}{' at ' + where if where else ''}: {message}"
