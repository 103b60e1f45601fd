"""The agency policy file and the user's config file: overrides and errors that name the culprit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from sk_tui import paths
from sk_tui.config import ConfigError, load_config
from sk_tui.domain.errors import DomainError
from sk_tui.domain.policy import Policy


def test_policy_defaults_match_domain():
    p = Policy()
    assert p.monthly_target_minutes == 6750
    assert p.absent_day_deduction_minutes == 300
    assert p.negative_activity_penalty == Decimal("0.03")
    assert p.report_deadline == dt.time(16, 0)
    assert p.late_report_max_days == 3
    assert p.review_window_working_days == 3
    assert p.server_max_work_date_age_days == 45
    assert (p.daily_minutes_warn, p.daily_minutes_max) == (660, 1440)
    assert p.dwa_max_wfa_days_per_week == 4
    assert p.timezone == "Asia/Jakarta"
    assert set(p.job_class_ceiling) == set(range(1, 18))
    # the module's defaults are built without validation (start-up time): the same policy
    from sk_tui.domain.policy import DEFAULT_POLICY

    assert p == DEFAULT_POLICY and DEFAULT_POLICY.fingerprint() == p.fingerprint()


def test_policy_toml_overrides_numbers_and_the_ceiling_table_with_string_keys():
    p = Policy.from_toml_text(
        """
        monthly_target_minutes = 6000
        negative_activity_penalty = 0.05
        timezone = "Asia/Makassar"
        holidays = ["2026-11-30"]
        [job_class_ceiling]
        "8" = 5000000
        "9" = 6000000
        """
    )
    assert p.monthly_target_minutes == 6000
    assert p.negative_activity_penalty == Decimal("0.05")  # exactly, not a binary float
    assert p.timezone == "Asia/Makassar"
    assert p.ceiling_for(8) == 5_000_000 and p.ceiling_for(9) == 6_000_000
    assert not p.has_ceiling(7)  # the agency's table replaces the example one
    with pytest.raises(DomainError):
        p.ceiling_for(7)  # an error, never a silent Rp 0
    assert not p.is_working_day(dt.date(2026, 11, 30))
    assert p.is_working_day(dt.date(2026, 12, 25))  # the default holidays are replaced too


@pytest.mark.parametrize(
    "text",
    ["monthly_target_minutes = 0", "daily_minutes_max = 2000", "negative_activity_penalty = 1.5",
     "unknown_number = 3", '[job_class_ceiling]\n"kelas8" = 5000000'],
)
def test_bad_policy_values_are_refused(text):
    with pytest.raises(ValidationError):
        Policy.from_toml_text(text)


def write_config(text: str):
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_defaults_without_a_file():
    cfg = load_config()
    assert cfg.language == "id" and cfg.server_url is None


def test_config_file_is_read():
    write_config('language = "en"\nserver_url = "https://sk.example.go.id"\n[keymap]\n"board.move_right" = "ctrl+right"\n')
    cfg = load_config()
    assert cfg.language == "en"
    assert cfg.server_url == "https://sk.example.go.id"
    assert cfg.keymap == {"board.move_right": "ctrl+right"}


def test_environment_overrides_the_file(monkeypatch):
    write_config('language = "en"\n')
    monkeypatch.setenv("SK_TUI_LANG", "id")
    assert load_config().language == "id"


def test_unknown_key_is_named_with_its_value():
    path = write_config('language = "id"\ncolour = "blue"\n')
    with pytest.raises(ConfigError) as caught:
        load_config()
    message = str(caught.value)
    assert "colour" in message and "'blue'" in message and "unknown key" in message
    assert str(path) in message


def test_bad_language_is_named_with_its_value():
    write_config('language = "jv"\n')
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert "language" in str(caught.value) and "'jv'" in str(caught.value)


def test_bad_server_url_is_named_with_its_value():
    write_config('server_url = "sk.example.go.id"\n')
    with pytest.raises(ConfigError) as caught:
        load_config()
    message = str(caught.value)
    assert "server_url" in message and "'sk.example.go.id'" in message and "http" in message


def test_bad_toml_names_the_file():
    path = write_config('language = "id\n')
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert str(path) in str(caught.value) and "TOML" in str(caught.value)


def test_bad_sync_interval_is_named():
    write_config("sync_interval_seconds = 1\n")
    with pytest.raises(ConfigError, match="sync_interval_seconds = 1"):
        load_config()
