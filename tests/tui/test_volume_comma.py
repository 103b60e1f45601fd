"""Volume "1,5" (the Indonesian decimal comma) in the activity form, read as the CLI reads it."""

from __future__ import annotations

import pytest

from sk_tui.domain.errors import DomainError
from sk_tui.domain.rules import parse_volume
from sk_tui.tui.screens.activity_form import volume_text
from tests.helpers.app import make_app
from tests.helpers.clock import TODAY


async def _type(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


async def _fill(pilot, desc: str, minutes: str, volume: str) -> None:
    await pilot.press("2", "a")
    await pilot.pause()
    await _type(pilot, desc)
    await pilot.press("tab")
    await _type(pilot, minutes)
    await pilot.press("tab", "end", "backspace")  # the form's "1"
    assert pilot.app.screen.query_one("#act-volume").value == ""
    await _type(pilot, volume)


async def test_a_decimal_comma_volume_is_saved_as_one_and_a_half(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill(pilot, "Menyusun telaah hukum", "120", "1,5")
        await pilot.pause()
        assert str(app.screen.query_one("#act-error").render()).strip() == ""  # no complaint while typing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ != "ActivityForm"
        report = store.report_for(org.ani.id, TODAY)
        assert report is not None
        assert [a.volume for a in store.activities(report.id)] == [1.5]
        # Editing it shows a number the form reads back unchanged.
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#act-volume").value == "1.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.volume for a in store.activities(report.id)] == [1.5]


async def test_a_grouped_or_signed_volume_is_refused_and_kept(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill(pilot, "Rapat koordinasi", "60", "1.000,5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "ActivityForm"
        assert "Volume harus angka 0 atau lebih" in str(form.query_one("#act-error").render())
        assert form.query_one("#act-volume").value == "1.000,5"
        assert store.report_for(org.ani.id, TODAY) is None


@pytest.mark.parametrize(("typed", "value"), [("1,5", 1.5), ("1.5", 1.5), (" 2 ", 2.0), (",5", 0.5), ("0", 0.0),
                                              ("1000000", 1e6)])
def test_parse_volume_reads_comma_and_point(typed, value):
    assert parse_volume(typed) == value


@pytest.mark.parametrize("typed", ["", "banyak", "-1", "inf", "nan", "1e3", "1.000,5", "1,000.5", "1,5,0", "+2"])
def test_parse_volume_refuses_anything_else(typed):
    with pytest.raises(DomainError) as caught:
        parse_volume(typed)
    assert caught.value.code == "volume_invalid"


@pytest.mark.parametrize("value", [1.0, 1.5, 0.1, 1e-7, 1e6, 1e9, 0.0])
def test_the_form_shows_a_stored_volume_in_digits_it_reads_back(value):
    text = volume_text(value)
    assert "e" not in text
    assert parse_volume(text) == value
