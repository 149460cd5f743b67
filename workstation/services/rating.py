"""Before the loan (R12-R20, R33, R37): take an application, rate it, keep the settings.

Each write is one transaction with an audit event; a refusal raises ``RuleError`` with a
message and leaves every table as it was. Scorecards and macro settings are versioned rows;
each decision records the versions it used, so it can be explained later.

The use cases live by responsibility: ``services.intake`` (the application, consent,
submission, import), ``services.rating_settings`` (scorecards, macro settings, blacklist),
``services.rescore`` (decisions and re-scoring), ``services.rating_common`` (the records).
This module is the one callers import.
"""

from workstation.services.intake import (
    import_applications,
    load_application,
    new_application,
    record_consent,
    submit_application,
    update_application,
)
from workstation.services.rating_common import (
    ApplicationProblems,
    BlacklistRow,
    ImportReport,
    MacroVersion,
    RescoreSummary,
    StoredDecision,
)
from workstation.services.rating_settings import (
    BLACKLIST_KINDS,
    DEFAULT_ECONOMY,
    DEFAULT_SCORECARDS,
    RESOURCES,
    add_to_blacklist,
    blacklist_entries,
    current_scorecards,
    lift_blacklist_entry,
    macro_history,
    macro_settings,
    update_macro_settings,
)
from workstation.services.rescore import (
    RESCORE_CHUNK,
    RESCORE_STAGES,
    decision_history,
    decision_or_preview,
    latest_decision,
    rescore_case,
    rescore_open_cases,
    risk_of,
)

__all__ = [
    "ApplicationProblems",
    "BLACKLIST_KINDS",
    "BlacklistRow",
    "DEFAULT_ECONOMY",
    "DEFAULT_SCORECARDS",
    "ImportReport",
    "MacroVersion",
    "RESCORE_CHUNK",
    "RESCORE_STAGES",
    "RESOURCES",
    "RescoreSummary",
    "StoredDecision",
    "add_to_blacklist",
    "blacklist_entries",
    "current_scorecards",
    "decision_history",
    "decision_or_preview",
    "import_applications",
    "latest_decision",
    "lift_blacklist_entry",
    "load_application",
    "macro_history",
    "macro_settings",
    "new_application",
    "record_consent",
    "rescore_case",
    "rescore_open_cases",
    "risk_of",
    "submit_application",
    "update_application",
    "update_macro_settings",
]
