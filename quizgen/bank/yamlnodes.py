"""Safe YAML composition that keeps line numbers and refuses what a bank never needs (aliases, deep nesting)."""

from __future__ import annotations

import re

import yaml
from yaml.error import MarkedYAMLError

from ..errors import Location

MAX_DEPTH = 20


class _BankYAMLError(MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    """Composes nodes only; aliases are refused so a 'billion laughs' file cannot expand."""

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _BankYAMLError(
                None, None, "YAML aliases (*name) are not allowed in a bank; write the value out", event.start_mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()
                raise _BankYAMLError(None, None, f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def location(display: str, mark) -> Location:
    return Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)


_COMPACT_SEQUENCE = re.compile(r"-[ \t]+-(?:[ \t]|$)", re.M)  # '- - item': sequences nested on one line


def _flat(text: str) -> bool:
    """True when the text can hold neither an alias nor nesting deeper than MAX_DEPTH: no '&' or '*', no flow
    collection ('[', '{'), no '?' key, no '- -' and no line indented by more than 6 spaces. (In block style a
    nested collection starts at a greater column at least every second level, and no node starts past column
    8 of such a line, so the nesting stays within 2·6 + 6 = 18 levels.)"""
    return (
        not any(c in text for c in "&*[{?")
        and "\n       " not in text
        and not text.startswith("       ")
        and _COMPACT_SEQUENCE.search(text) is None
    )


def _c_compose(text: str):
    """With libyaml: one pass over the events refuses aliases and deep nesting (unless the text cannot hold
    them), then the C composer builds the nodes (about 20 times faster than the pure-Python loader on large
    banks)."""
    if _flat(text):
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _BankYAMLError(
                None, None, "YAML aliases (*name) are not allowed in a bank; write the value out", event.start_mark
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _BankYAMLError(None, None, f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return yaml.compose(text, Loader=yaml.CSafeLoader)


def compose(text: str, display: str):
    """Return (root node or None, error as (Location, message) or None)."""
    loader = None
    try:
        if yaml.__with_libyaml__:
            return _c_compose(text), None
        loader = _Loader(text)  # the reader checks every character here already
        return loader.get_single_node(), None
    except _BankYAMLError as e:
        return None, (location(display, e.problem_mark), e.problem)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = " ".join(p for p in (e.context, e.problem) if p)
        if e.context_mark and e.problem_mark and e.context_mark.line != e.problem_mark.line:
            what += f" (the construct began at line {e.context_mark.line + 1}, column {e.context_mark.column + 1})"
        return None, (location(display, mark), f"YAML syntax error: {what}; fix the file's YAML")
    except yaml.reader.ReaderError as e:
        if loader is None:  # libyaml counts bytes, not characters
            e.position = len(text.encode("utf-8")[: e.position].decode("utf-8", "ignore"))
        line = text.count("\n", 0, e.position) + 1
        col = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        return None, (
            Location(display, line, col),
            f"the character U+{e.character:04X} is not allowed in YAML; remove it",
        )
    except yaml.YAMLError as e:
        return None, (Location(display), f"YAML error: {e}")
    finally:
        if loader is not None:
            loader.dispose()


def decode(data: bytes, display: str):
    """Decode UTF-8 (BOM allowed); return (text, None) or (None, (Location, message))."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        return None, (
            Location(display, line, col),
            f"file is not valid UTF-8 (byte 0x{data[e.start]:02x}); save it as UTF-8",
        )
