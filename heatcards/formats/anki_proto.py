"""The Protocol Buffers wire format, just enough for the Anki messages heatcards reads and writes.

Anki keeps note type, deck and preset settings, the package version and the media list of modern
packages as protobuf messages. Rather than depend on a protobuf library and Anki's generated classes,
each message we need is described here as data (`Message`, `Field`) holding only the fields heatcards
uses; one `decode` and one `encode` walk such a description, so supporting a field is one line.

Field numbers and types are facts read from Anki's `.proto` definitions (the descriptors of
`anki.*_pb2` in the `anki` wheel); tests compare both directions with those classes.
Proto3 rules apply: a scalar field that holds its default is not written, a missing one decodes to
its default, repeated numbers are written packed (and read packed or not), and fields a description
does not name are skipped on decode.
"""
from __future__ import annotations

import enum
import math
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

_UINT64_MASK = (1 << 64) - 1
_MAX_VARINT_BYTES = 10


class DecodeError(ValueError):
    """The bytes are not a valid encoding of the message."""


class WireType(enum.IntEnum):
    VARINT = 0
    FIXED64 = 1
    LENGTH_DELIMITED = 2
    FIXED32 = 5  # (3 and 4 are the obsolete groups: Anki never writes them, `decode` refuses them)


class FieldType(enum.Enum):
    """The protobuf field types the Anki messages we need use, each with its wire type."""

    INT32 = ("int32", WireType.VARINT)
    INT64 = ("int64", WireType.VARINT)
    UINT32 = ("uint32", WireType.VARINT)
    UINT64 = ("uint64", WireType.VARINT)
    BOOL = ("bool", WireType.VARINT)
    ENUM = ("enum", WireType.VARINT)
    FLOAT = ("float", WireType.FIXED32)
    DOUBLE = ("double", WireType.FIXED64)
    STRING = ("string", WireType.LENGTH_DELIMITED)
    BYTES = ("bytes", WireType.LENGTH_DELIMITED)
    MESSAGE = ("message", WireType.LENGTH_DELIMITED)

    @property
    def wire_type(self) -> WireType:
        return self.value[1]

    @property
    def packable(self) -> bool:
        """Numbers may be packed into one length-delimited run when repeated."""
        return self.wire_type is not WireType.LENGTH_DELIMITED


@dataclass(frozen=True)
class Field:
    number: int
    name: str
    type: FieldType
    repeated: bool = False
    message: Message | None = None  # the nested message's description, for FieldType.MESSAGE

    @property
    def default(self) -> Any:
        """What a field decodes to when the bytes do not carry it (a nested message: None)."""
        if self.repeated:
            return []
        return _SCALAR_DEFAULTS.get(self.type, 0)


@dataclass(frozen=True)
class Message:
    name: str
    fields: tuple[Field, ...]
    _by_number: dict[int, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_number", {f.number: f for f in self.fields})

    def field_numbered(self, number: int) -> Field | None:
        return self._by_number.get(number)


_SCALAR_DEFAULTS: dict[FieldType, Any] = {
    FieldType.BOOL: False,
    FieldType.FLOAT: 0.0,
    FieldType.DOUBLE: 0.0,
    FieldType.STRING: "",
    FieldType.BYTES: b"",
    FieldType.MESSAGE: None,
}


# --- decoding ---------------------------------------------------------------------


def decode(data: bytes, message: Message) -> dict[str, Any]:
    """Every field of `message` by name: the value the bytes carry, else the field's default."""
    values = {f.name: f.default for f in message.fields}
    reader = _Reader(data)
    while not reader.at_end():
        key = reader.varint()
        number, wire = key >> 3, key & 7
        described = message.field_numbered(number)
        if described is None:
            reader.skip(wire)
            continue
        if described.repeated and described.type.packable and wire == WireType.LENGTH_DELIMITED:
            values[described.name].extend(_packed_values(reader.chunk(), described.type))
            continue
        if wire != described.type.wire_type:
            raise DecodeError(f"{message.name}.{described.name}: wire type {wire}, expected {int(described.type.wire_type)}")
        value = _read_value(reader, described)
        if described.repeated:
            values[described.name].append(value)
        else:
            values[described.name] = value  # a repeated singular field: the last one wins
    return values


class _Reader:
    """A position in a byte string, reading the wire format's primitives."""

    def __init__(self, data: bytes):
        self._data = memoryview(data)
        self._position = 0

    def at_end(self) -> bool:
        return self._position >= len(self._data)

    def varint(self) -> int:
        result = 0
        for shift in range(0, 7 * _MAX_VARINT_BYTES, 7):
            byte = self._take(1)[0]
            result |= (byte & 0x7F) << shift
            if byte < 0x80:
                return result & _UINT64_MASK
        raise DecodeError(f"a varint longer than {_MAX_VARINT_BYTES} bytes at byte {self._position}")

    def chunk(self) -> bytes:
        return bytes(self._take(self.varint()))

    def fixed(self, size: int) -> bytes:
        return bytes(self._take(size))

    def skip(self, wire: int) -> None:
        if wire == WireType.VARINT:
            self.varint()
        elif wire == WireType.FIXED64:
            self._take(8)
        elif wire == WireType.LENGTH_DELIMITED:
            self._take(self.varint())
        elif wire == WireType.FIXED32:
            self._take(4)
        else:
            raise DecodeError(f"unsupported wire type {wire} at byte {self._position}")

    def _take(self, size: int) -> memoryview:
        end = self._position + size
        if end > len(self._data):
            raise DecodeError(f"truncated: {size} bytes needed at byte {self._position} of {len(self._data)}")
        taken = self._data[self._position : end]
        self._position = end
        return taken


def _read_value(reader: _Reader, described: Field) -> Any:
    kind = described.type
    if kind is FieldType.MESSAGE:
        assert described.message is not None, f"{described.name} needs a message description"
        return decode(reader.chunk(), described.message)
    if kind is FieldType.STRING:
        try:
            return reader.chunk().decode("utf-8")
        except UnicodeDecodeError as error:
            raise DecodeError(f"{described.name}: not UTF-8 text ({error.reason})") from None
    if kind is FieldType.BYTES:
        return reader.chunk()
    if kind is FieldType.FLOAT:
        return _shortest_float32(struct.unpack("<f", reader.fixed(4))[0])
    if kind is FieldType.DOUBLE:
        return struct.unpack("<d", reader.fixed(8))[0]
    return _from_varint(reader.varint(), kind)


def _packed_values(run: bytes, kind: FieldType) -> Iterator[Any]:
    reader = _Reader(run)
    packed = Field(0, "packed", kind)
    while not reader.at_end():
        yield _read_value(reader, packed)


def _from_varint(raw: int, kind: FieldType) -> int | bool:
    if kind is FieldType.BOOL:
        return raw != 0
    if kind is FieldType.UINT32:
        return raw & 0xFFFFFFFF
    if kind is FieldType.UINT64:
        return raw
    if kind is FieldType.INT64:
        return _signed(raw, 64)
    return _signed(raw & 0xFFFFFFFF, 32)  # INT32 and ENUM: the low 32 bits, two's complement


def _signed(raw: int, bits: int) -> int:
    return raw - (1 << bits) if raw >= 1 << (bits - 1) else raw


def _shortest_float32(value: float) -> float:
    """The shortest decimal with the same 32-bit value, so a stored 0.9 reads back as 0.9."""
    if not math.isfinite(value):
        return value
    exact = struct.pack("<f", value)
    for digits in range(1, 10):
        candidate = float(f"{value:.{digits}g}")
        try:
            if struct.pack("<f", candidate) == exact:
                return candidate
        except OverflowError:  # rounded past the largest 32-bit float
            continue
    return value


# --- encoding ---------------------------------------------------------------------


def encode(values: Mapping[str, Any], message: Message) -> bytes:
    """The wire bytes of `values` (field name -> value; missing or None: not written)."""
    unknown = set(values) - {f.name for f in message.fields}
    if unknown:
        raise ValueError(f"{message.name} has no field {', '.join(sorted(unknown))}")
    out = bytearray()
    for described in sorted(message.fields, key=lambda f: f.number):
        value = values.get(described.name)
        if value is None:
            continue
        if described.repeated:
            _write_repeated(out, described, value)
        elif not _is_default(described, value):
            _write_key(out, described.number, described.type.wire_type)
            out += _value_bytes(described, value)
    return bytes(out)


def _write_repeated(out: bytearray, described: Field, items: list[Any]) -> None:
    if not items:
        return
    if described.type.packable:
        run = b"".join(_value_bytes(described, item) for item in items)
        _write_key(out, described.number, WireType.LENGTH_DELIMITED)
        out += _varint(len(run)) + run
        return
    for item in items:
        _write_key(out, described.number, WireType.LENGTH_DELIMITED)
        out += _value_bytes(described, item)


def _is_default(described: Field, value: Any) -> bool:
    if described.type in (FieldType.FLOAT, FieldType.DOUBLE):
        return value == 0 and math.copysign(1.0, value) > 0  # -0.0 is written, as protobuf does
    return described.type is not FieldType.MESSAGE and value == described.default


def _write_key(out: bytearray, number: int, wire: WireType) -> None:
    out += _varint(number << 3 | wire)


def _value_bytes(described: Field, value: Any) -> bytes:
    """One value's bytes without its key (length-prefixed for length-delimited types)."""
    kind = described.type
    if kind is FieldType.MESSAGE:
        assert described.message is not None, f"{described.name} needs a message description"
        return _length_prefixed(encode(value, described.message))
    if kind is FieldType.STRING:
        return _length_prefixed(value.encode("utf-8"))
    if kind is FieldType.BYTES:
        return _length_prefixed(bytes(value))
    if kind is FieldType.FLOAT:
        try:
            return struct.pack("<f", value)
        except OverflowError:
            raise ValueError(f"{described.name}: {value!r} does not fit a 32-bit float") from None
    if kind is FieldType.DOUBLE:
        return struct.pack("<d", value)
    return _varint(_to_varint(described, value))


def _to_varint(described: Field, value: int | bool) -> int:
    kind = described.type
    if kind is FieldType.BOOL:
        return int(bool(value))
    low, high = _INTEGER_RANGES[kind]
    if not low <= value <= high:
        raise ValueError(f"{described.name}: {value} is outside the {kind.value[0]} range")
    return value & _UINT64_MASK  # negative numbers: ten bytes of two's complement, as protobuf writes them


_INTEGER_RANGES: dict[FieldType, tuple[int, int]] = {
    FieldType.INT32: (-(1 << 31), (1 << 31) - 1),
    FieldType.ENUM: (-(1 << 31), (1 << 31) - 1),
    FieldType.INT64: (-(1 << 63), (1 << 63) - 1),
    FieldType.UINT32: (0, (1 << 32) - 1),
    FieldType.UINT64: (0, (1 << 64) - 1),
}


def _length_prefixed(payload: bytes) -> bytes:
    return _varint(len(payload)) + payload


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


# --- the Anki messages heatcards uses (anki/proto/anki/*.proto) ---------------------

NOTETYPE_CONFIG = Message(
    "anki.notetypes.Notetype.Config",
    (
        Field(1, "kind", FieldType.ENUM),  # 0 normal, 1 cloze
        Field(2, "sort_field_idx", FieldType.UINT32),
        Field(3, "css", FieldType.STRING),
        Field(5, "latex_pre", FieldType.STRING),
        Field(6, "latex_post", FieldType.STRING),
    ),
)
NOTETYPE_KIND_CLOZE = 1

FIELD_CONFIG = Message(
    "anki.notetypes.Notetype.Field.Config",
    (
        Field(3, "font_name", FieldType.STRING),
        Field(4, "font_size", FieldType.UINT32),
    ),
)

TEMPLATE_CONFIG = Message(
    "anki.notetypes.Notetype.Template.Config",
    (
        Field(1, "q_format", FieldType.STRING),
        Field(2, "a_format", FieldType.STRING),
    ),
)

NORMAL_DECK = Message(
    "anki.decks.Deck.Normal",
    (
        Field(1, "config_id", FieldType.INT64),
        Field(4, "description", FieldType.STRING),
    ),
)

FILTERED_DECK = Message(
    "anki.decks.Deck.Filtered",
    (Field(1, "reschedule", FieldType.BOOL),),
)

DECK_KIND = Message(  # a oneof: exactly one of the two is set
    "anki.decks.Deck.KindContainer",
    (
        Field(1, "normal", FieldType.MESSAGE, message=NORMAL_DECK),
        Field(2, "filtered", FieldType.MESSAGE, message=FILTERED_DECK),
    ),
)

DECK_CONFIG = Message(
    "anki.deck_config.DeckConfig.Config",
    (
        Field(1, "learn_steps", FieldType.FLOAT, repeated=True),  # minutes
        Field(2, "relearn_steps", FieldType.FLOAT, repeated=True),
        Field(3, "fsrs_params_4", FieldType.FLOAT, repeated=True),
        Field(5, "fsrs_params_5", FieldType.FLOAT, repeated=True),
        Field(6, "fsrs_params_6", FieldType.FLOAT, repeated=True),
        Field(9, "new_per_day", FieldType.UINT32),
        Field(10, "reviews_per_day", FieldType.UINT32),
        Field(11, "initial_ease", FieldType.FLOAT),
        Field(12, "easy_multiplier", FieldType.FLOAT),
        Field(13, "hard_multiplier", FieldType.FLOAT),
        Field(14, "lapse_multiplier", FieldType.FLOAT),
        Field(15, "interval_multiplier", FieldType.FLOAT),
        Field(16, "maximum_review_interval", FieldType.UINT32),
        Field(17, "minimum_lapse_interval", FieldType.UINT32),
        Field(18, "graduating_interval_good", FieldType.UINT32),
        Field(19, "graduating_interval_easy", FieldType.UINT32),
        Field(21, "leech_action", FieldType.ENUM),  # 0 suspend, 1 tag only
        Field(22, "leech_threshold", FieldType.UINT32),
        Field(24, "cap_answer_time_to_secs", FieldType.UINT32),
        Field(27, "bury_new", FieldType.BOOL),
        Field(28, "bury_reviews", FieldType.BOOL),
        Field(29, "bury_interday_learning", FieldType.BOOL),
        Field(37, "desired_retention", FieldType.FLOAT),
    ),
)
LEECH_ACTION_SUSPEND = 0
LEECH_ACTION_TAG_ONLY = 1

PACKAGE_METADATA = Message(
    "anki.import_export.PackageMetadata",
    (Field(1, "version", FieldType.ENUM),),  # 1 legacy 1, 2 legacy 2, 3 latest
)

MEDIA_ENTRY = Message(
    "anki.import_export.MediaEntries.MediaEntry",
    (
        Field(1, "name", FieldType.STRING),
        Field(2, "size", FieldType.UINT32),
        Field(3, "sha1", FieldType.BYTES),
    ),
)

MEDIA_ENTRIES = Message(  # entry i is stored in the zip member named str(i)
    "anki.import_export.MediaEntries",
    (Field(1, "entries", FieldType.MESSAGE, repeated=True, message=MEDIA_ENTRY),),
)
