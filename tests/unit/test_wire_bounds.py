"""Issue 7, point 3 on the wire: op ids, record ids and device ids match the one id pattern,
entity and op are short words, versions and sequence numbers have both bounds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sk_tui.domain.text import ID_PATTERN, ID_RE
from sk_tui.sync import protocol as p

PROPERTY = settings(max_examples=60, deadline=None)
OK_OP = {"op_id": "o1", "entity": "task", "entity_id": "t1", "op": "create", "base_version": 0, "payload": {}}


def op(**changes) -> p.Op:
    return p.Op.model_validate({**OK_OP, **changes})


def refused(**changes) -> None:
    with pytest.raises(ValidationError):
        op(**changes)


not_an_id = st.text(max_size=80).filter(lambda s: not ID_RE.fullmatch(s))


@PROPERTY
@given(good=st.from_regex(ID_PATTERN, fullmatch=True), bad=not_an_id)
def test_op_and_entity_ids_match_the_id_pattern(good, bad):
    assert op(op_id=good, entity_id=good).entity_id == good
    refused(op_id=bad)
    refused(entity_id=bad)


@PROPERTY
@given(good=st.from_regex(ID_PATTERN, fullmatch=True), bad=not_an_id.filter(bool))
def test_device_id_is_empty_or_an_id(good, bad):
    assert p.PushRequest(device_id=good, ops=[]).device_id == good
    assert p.PushRequest(ops=[]).device_id == ""
    with pytest.raises(ValidationError):
        p.PushRequest(device_id=bad, ops=[])


@pytest.mark.parametrize("bad", ["", "a\x00b", "a\n", "t 1", "x" * 65, "\x1b[2J"])
def test_the_attack_ids_are_refused(bad):
    refused(op_id=bad)
    refused(entity_id=bad)


@PROPERTY
@given(inside=st.integers(0, p.VERSION_MAX), below=st.integers(max_value=-1),
       above=st.integers(min_value=p.VERSION_MAX + 1))
def test_base_version_property(inside, below, above):
    assert op(base_version=inside).base_version == inside
    refused(base_version=below)
    refused(base_version=above)
    refused(base_version=10**20)


@PROPERTY
@given(word=st.from_regex(p.WORD_PATTERN, fullmatch=True), bad=st.text(max_size=60).filter(
    lambda s: not (1 <= len(s) <= 32 and s[:1].islower() and s.isascii() and all(c.islower() or c == "_" for c in s))))
def test_entity_and_op_are_short_words(word, bad):
    assert op(entity=word, op=word).op == word
    refused(entity=bad)
    refused(op=bad)


@PROPERTY
@given(inside=st.integers(0, p.SEQ_MAX), below=st.integers(max_value=-1), above=st.integers(min_value=p.SEQ_MAX + 1))
def test_change_seq_and_cursor_property(inside, below, above):
    assert p.Change(seq=inside, entity="task", entity_id="t1").seq == inside
    page = {"server_epoch": "e", "server_time": "t", "changes": [], "has_more": False}
    assert p.PullResponse(**page, next_cursor=inside).next_cursor == inside
    for outside in (below, above):
        with pytest.raises(ValidationError):
            p.Change(seq=outside, entity="task", entity_id="t1")
        with pytest.raises(ValidationError):
            p.PullResponse(**page, next_cursor=outside)


def test_the_push_schema_documents_the_id_pattern():
    schema = p.PushRequest.model_json_schema()
    op_schema = schema["$defs"]["Op"]["properties"]
    assert op_schema["op_id"]["pattern"] == ID_PATTERN == op_schema["entity_id"]["pattern"]
    assert op_schema["base_version"]["maximum"] == p.VERSION_MAX
