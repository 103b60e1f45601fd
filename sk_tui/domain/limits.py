"""The domain's bounds (issue 7), without pydantic: the models declare their fields with them
(``sk_tui.domain.models`` re-exports each), the rules and a headless command read them without
importing the models."""

# Limits, generous on purpose: the server validates every payload with these same models.
NAME_MAX = 200  # titles, names, locations, agencies, decree numbers
SHORT_MAX = 64  # codes, time zones, jenjang
UNIT_MAX = 40  # volume and indicator units
REASON_MAX = 500  # absence and negative-event reasons
NOTE_MAX = 2000  # activity descriptions, notes, feedback, target and indicator text
EVIDENCE_MAX = 1000
TASK_DESCRIPTION_MAX = 10_000
MAX_ASSIGNEES = 50
VERSION_MAX = 2**31 - 1
POSITION_MAX = 10_000  # activities in one report
RANK_MAX = 1e12  # card order inside a column, either sign; floats stay exact far beyond
VOLUME_MAX = 1e9
TARGET_VALUE_MAX = 1e12
DAY_MINUTES = 1440
