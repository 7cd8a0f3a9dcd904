"""Schema stage: the entity block -> a Schema (fields, key, table), with its diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import ast
from .diagnostics import Diagnostic, did_you_mean, error, warning
from .types import ANY, SCALAR_TYPES, Type, enum
from .types import with_article as _a

TYPE_ALIASES = {"integer": "int", "bigint": "int", "number": "float", "double": "float", "decimal": "float",
                "text": "string", "str": "string", "varchar": "string", "boolean": "bool",
                "datetime": "timestamp"}


@dataclass
class EventTable:
    """An `events` block: a table whose rows name a customer (`by`) and a moment (`at`)."""

    name: str  # also the table's name
    by: str
    at: str
    fields: dict[str, Type]  # every column, `by` and `at` included


@dataclass
class Schema:
    name: str | None  # the entity's name, also the default table; None without an entity block
    key: str | None
    fields: dict[str, Type] = field(default_factory=dict)
    events: dict[str, EventTable] = field(default_factory=dict)

    @property
    def trusted(self) -> bool:
        """True when there is no entity block and names are taken on trust."""
        return self.name is None


def build_schema(program: ast.Program) -> tuple[Schema, list[Diagnostic]]:
    schema, diags = _entity_schema(program)
    for block in program.events:
        _add_events(block, schema, diags)
    return schema, diags


def _add_events(block: ast.Events, schema: Schema, diags: list[Diagnostic]) -> None:
    if schema.name is not None and block.entity != schema.name:
        diags.append(error("E213", f"events '{block.name}' belong to '{block.entity}', but this file's entity is "
                                   f"'{schema.name}'", block.entity_span,
                           help=f"write 'events {block.name} of {schema.name} ...'"))
    if block.name in schema.events:
        diags.append(error("E214", f"event table '{block.name}' is declared twice", block.name_span,
                           help="give each event table a name of its own"))
        return
    if block.name in schema.fields or block.name == schema.name:
        what = "a field" if block.name in schema.fields else "the entity"
        diags.append(error("E214", f"event table '{block.name}' has the name of {what}", block.name_span,
                           help="give each table and field a name of its own"))
        return
    key_type = schema.fields.get(schema.key, ANY) if schema.key else ANY
    fields: dict[str, Type] = {}
    for f in block.fields:
        if f.name in fields:
            diags.append(error("E205", f"field '{f.name}' of '{block.name}' is declared twice", f.name_span))
            continue
        type_ = _resolve_type(f.type, diags)
        fields[f.name] = type_ if type_ is not None else ANY
        if f.is_key:
            diags.append(error("E215", f"event table '{block.name}' has no key field of its own", f.name_span,
                               help=f"its rows are keyed by the customer: 'by {block.by}' names that column"))
        elif f.name == block.by and type_ is not None and key_type is not ANY and type_ != key_type:
            diags.append(error("E215", f"'{f.name}' holds the key of '{schema.name}', which is {_a(key_type)}, "
                                       f"not {_a(type_)}", f.type.span, help=f"declare it as {key_type} or leave it out"))
        elif f.name == block.at and type_ is not None and type_.kind not in ("date", "timestamp"):
            diags.append(error("E215", f"'{f.name}' says when each event happened: a date or a timestamp, "
                                       f"not {_a(type_)}", f.type.span, help="leave it out to mean a timestamp"))
    if block.by == block.at:
        diags.append(error("E215", f"'{block.by}' cannot hold both the customer and the moment", block.at_span))
    fields.setdefault(block.by, key_type)
    fields.setdefault(block.at, SCALAR_TYPES["timestamp"])
    schema.events[block.name] = EventTable(block.name, block.by, block.at, fields)


def _entity_schema(program: ast.Program) -> tuple[Schema, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    entities = program.entities
    if not entities:
        first = program.segments[0].name_span if program.segments else None
        diags.append(warning(
            "W001", "no 'entity' block: field names and types are taken on trust", first,
            help="declare the fields, e.g. 'entity customers { key id: int  age: int }', to have them checked",
        ))
        return Schema(None, None), diags
    for extra in entities[1:]:
        diags.append(error("E212", f"a second entity '{extra.name}': a file describes one entity", extra.name_span,
                           help=f"keep one entity per file; '{entities[0].name}' is declared first"))
    entity = entities[0]
    schema = Schema(entity.name, None)
    seen: dict[str, ast.FieldDecl] = {}
    keys = []
    for f in entity.fields:
        if f.name in seen:
            diags.append(error("E205", f"field '{f.name}' is declared twice", f.name_span,
                               help=f"the first declaration is on line {seen[f.name].name_span.line}"))
            continue
        seen[f.name] = f
        type_ = _resolve_type(f.type, diags)
        # A field whose type is wrong is still a field: 'any' keeps its uses from erroring again.
        schema.fields[f.name] = type_ if type_ is not None else ANY
        if type_ is None:
            continue
        if f.is_key:
            keys.append(f)
            if type_.kind not in ("int", "string"):
                diags.append(error("E207", f"key field '{f.name}' must be an int or a string, not {type_}", f.type.span))
    if not keys:
        diags.append(error("E207", f"entity '{entity.name}' has no key field", entity.name_span,
                           help="mark the field that identifies a customer: 'key customer_id: int'"))
    else:
        schema.key = keys[0].name
        for extra in keys[1:]:
            diags.append(error("E207", f"entity '{entity.name}' has a second key field '{extra.name}'",
                               extra.name_span, help="a key is one field; declare the others without 'key'"))
    return schema, diags


def _resolve_type(ref: ast.TypeRef, diags: list[Diagnostic]) -> Type | None:
    name = ref.name
    if ref.values is not None:
        if name != "enum":
            diags.append(error("E208", f"type '{name}' takes no values", ref.span,
                               help="only enum(...) lists values: enum(\"road\", \"mountain\")"))
            return None
        values = [v.value for v in ref.values]
        if not values:
            diags.append(error("E208", "an enum needs at least one value", ref.span))
            return None
        for i, v in enumerate(ref.values):
            if v.value in values[:i]:
                diags.append(error("E208", f"enum value \"{v.value}\" is listed twice", v.span))
        return enum(tuple(dict.fromkeys(values)))
    if name in SCALAR_TYPES:
        return SCALAR_TYPES[name]
    if name == "enum":
        diags.append(error("E208", "an enum lists its values", ref.span, help='write enum("a", "b")'))
        return None
    hint = f"did you mean '{TYPE_ALIASES[name]}'?" if name in TYPE_ALIASES else did_you_mean(name, [*SCALAR_TYPES, "enum"])
    diags.append(error("E208", f"unknown type '{name}'", ref.span,
                       help=hint or "types are int, float, string, bool, date, timestamp and enum(...)"))
    return None
