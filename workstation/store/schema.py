"""The schema as forward-only migrations; ``PRAGMA user_version`` is the last one applied.

Never edit a migration that has shipped: add the next one. Money is integer fen, times are
ISO text (``YYYY-MM-DDTHH:MM:SS``, the business clock's local time).
"""

from __future__ import annotations

_STAGES = (
    "'application','rating','investigation','approval','disbursement','monitoring','closed',"
    "'declined','overdue','warning','recovery','blacklisted'"
)

V1 = [
    # Marks the file as ours, so another program's SQLite file is never taken for one.
    "PRAGMA application_id = 1129794353",
    """CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('investigator','supervisor','finance','admin','system')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('platform','off_platform')),
        business_name TEXT NOT NULL,
        credit_code TEXT NOT NULL,
        owner_name TEXT NOT NULL,
        owner_id_number TEXT NOT NULL,
        owner_phone TEXT NOT NULL,
        industry TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        platform_account TEXT,
        partner_bank TEXT,
        created_at TEXT NOT NULL
    )""",
    f"""CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        product TEXT NOT NULL CHECK (product IN ('credit','order','both')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        stage TEXT NOT NULL CHECK (stage IN ({_STAGES})),
        stage_entered_at TEXT NOT NULL,
        officer_id INTEGER REFERENCES users(id),
        recommended_by INTEGER REFERENCES users(id),
        risk TEXT NOT NULL DEFAULT 'green' CHECK (risk IN ('green','amber','red')),
        tier TEXT CHECK (tier IS NULL OR tier IN ('A','B','C','D','E')),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
    )""",
    f"""CREATE TABLE stage_moves (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        from_stage TEXT CHECK (from_stage IS NULL OR from_stage IN ({_STAGES})),
        to_stage TEXT NOT NULL CHECK (to_stage IN ({_STAGES})),
        action TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        -- the role the actor held when moving: judged by it, even after a role change
        actor_role TEXT NOT NULL
    )""",
    """CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER REFERENCES users(id),
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT
    )""",
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # The board's aggregates read only this index (count, risk mix, oldest, breaches).
    "CREATE INDEX cases_stage_board ON cases (stage, stage_entered_at, risk)",
    # The case list's default order (time in stage) walks this index: no sort of every case.
    "CREATE INDEX cases_entered ON cases (stage_entered_at)",
    "CREATE INDEX cases_officer ON cases (officer_id, stage)",
    "CREATE INDEX cases_customer ON cases (customer_id)",
    "CREATE INDEX stage_moves_case ON stage_moves (case_id, id)",
    "CREATE INDEX stage_moves_at ON stage_moves (at, from_stage)",
    "CREATE INDEX audit_entity ON audit_events (entity, entity_id)",
    "CREATE INDEX customers_name ON customers (business_name)",
]

# Before the loan (R12-R20, R33, R37): applications, rating decisions, versioned settings,
# the blacklist. Settings are seeded by the services on first use, not here, so this list
# never depends on a resource file that may change after it shipped.
V2 = [
    """CREATE TABLE applications (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        -- the Application as JSON: Decimals as strings, fen as integers, no consent
        data TEXT NOT NULL,
        consent_given INTEGER NOT NULL DEFAULT 0 CHECK (consent_given IN (0, 1)),
        consent_at TEXT,
        consent_by INTEGER REFERENCES users(id),
        consent_method TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE scorecards (
        kind TEXT NOT NULL CHECK (kind IN ('platform','off_platform')),
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        PRIMARY KEY (kind, version)
    )""",
    """CREATE TABLE macro_settings (
        version INTEGER PRIMARY KEY,
        definition TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
    )""",
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        at TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES users(id),
        scorecard_kind TEXT NOT NULL,
        scorecard_version INTEGER NOT NULL,
        macro_version INTEGER NOT NULL REFERENCES macro_settings(version),
        total TEXT,
        tier TEXT CHECK (tier IS NULL OR tier IN ('A','B','C','D','E')),
        outcome TEXT NOT NULL CHECK (outcome IN ('decline','investigate','manual_review')),
        combined_limit_fen INTEGER,
        details TEXT NOT NULL,
        FOREIGN KEY (scorecard_kind, scorecard_version) REFERENCES scorecards(kind, version)
    )""",
    """CREATE TABLE blacklist (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('owner_id_number','credit_code','platform_account')),
        value TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason != ''),
        added_by INTEGER NOT NULL REFERENCES users(id),
        added_at TEXT NOT NULL,
        lifted_by INTEGER REFERENCES users(id),
        lifted_at TEXT,
        lift_reason TEXT
    )""",
    "CREATE INDEX decisions_case ON decisions (case_id, id)",
    "CREATE INDEX blacklist_value ON blacklist (kind, value)",
]

# Loans (R3-R11, R25, R39): recommendations, signatures, authority, the loans with their
# draws and ledger. The ledger is append-only (``loan_entries`` keyed on (loan, seq): two
# writers appending the same number collide). ``loans.state`` is a cache of what the ledger
# adds up to through ``accrued_through`` (``check`` compares it with a fresh derivation);
# ``next_event_on`` is the next day a day-end has anything to post for the loan, so a night
# touches only the loans with something due.
V3 = [
    """CREATE TABLE recommendations (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id),
        product TEXT NOT NULL CHECK (product IN ('credit','order')),
        limit_fen INTEGER NOT NULL CHECK (limit_fen > 0),
        daily_rate TEXT NOT NULL,
        term_months INTEGER NOT NULL CHECK (term_months BETWEEN 1 AND 12),
        plan TEXT NOT NULL CHECK (plan IN ('interest_monthly','equal_principal')),
        note TEXT NOT NULL DEFAULT '',
        -- who proposed these terms: the investigator, or an approver who amended them
        kind TEXT NOT NULL DEFAULT 'recommend' CHECK (kind IN ('recommend','amend','system'))
    )""",
    """CREATE TABLE signatures (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        recommendation_id INTEGER NOT NULL REFERENCES recommendations(id),
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id),
        authority_fen INTEGER NOT NULL,
        completes INTEGER NOT NULL CHECK (completes IN (0, 1)),
        reason TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE approval_authority (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        max_fen INTEGER NOT NULL CHECK (max_fen >= 0),
        set_by INTEGER NOT NULL REFERENCES users(id),
        set_at TEXT NOT NULL
    )""",
    """CREATE TABLE loans (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        recommendation_id INTEGER NOT NULL REFERENCES recommendations(id),
        product TEXT NOT NULL CHECK (product IN ('credit','order')),
        limit_fen INTEGER NOT NULL CHECK (limit_fen > 0),
        daily_rate TEXT NOT NULL,
        term_months INTEGER NOT NULL,
        plan TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        opened_on TEXT NOT NULL,
        available_until TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
        accrued_through TEXT NOT NULL,
        next_event_on TEXT,
        state TEXT NOT NULL,
        principal_fen INTEGER NOT NULL DEFAULT 0 CHECK (principal_fen >= 0),
        overdue_since TEXT,
        version INTEGER NOT NULL DEFAULT 1
    )""",
    """CREATE TABLE draws (
        draw_id TEXT PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES loans(case_id),
        drawn_on TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        daily_rate TEXT NOT NULL,
        term_months INTEGER NOT NULL CHECK (term_months BETWEEN 1 AND 12),
        plan TEXT NOT NULL CHECK (plan IN ('interest_monthly','equal_principal'))
    )""",
    """CREATE TABLE loan_entries (
        case_id INTEGER NOT NULL REFERENCES loans(case_id),
        seq INTEGER NOT NULL CHECK (seq > 0),
        kind TEXT NOT NULL CHECK (kind IN
            ('draw','repayment','interest_posting','penalty_posting','reversal')),
        on_date TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        draw_id TEXT REFERENCES draws(draw_id),
        day_sum INTEGER NOT NULL DEFAULT 0 CHECK (day_sum >= 0),
        due_on TEXT,
        reverses INTEGER,
        reversed_kind TEXT,
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (case_id, seq)
    ) WITHOUT ROWID""",
    """CREATE TABLE allocation_parts (
        case_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        n INTEGER NOT NULL,
        bucket TEXT NOT NULL CHECK (bucket IN ('penalty','interest','principal','credit')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        draw_id TEXT,
        due_on TEXT,
        PRIMARY KEY (case_id, seq, n),
        FOREIGN KEY (case_id, seq) REFERENCES loan_entries(case_id, seq)
    ) WITHOUT ROWID""",
    """CREATE TABLE day_end_runs (
        through TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        started_by INTEGER NOT NULL REFERENCES users(id),
        finished_at TEXT,
        loans INTEGER NOT NULL DEFAULT 0,
        postings INTEGER NOT NULL DEFAULT 0,
        overdue INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX recommendations_case ON recommendations (case_id, id)",
    "CREATE INDEX signatures_case ON signatures (case_id, id)",
    "CREATE INDEX loans_next_event ON loans (next_event_on) WHERE status = 'active'",
    "CREATE INDEX loans_customer ON loans (customer_id)",
    "CREATE INDEX draws_case ON draws (case_id)",
]

# The investigation's paperwork (R23): interviews with the owner, and the documents asked
# for, received or waived (a waiver needs a supervisor and a reason).
V4 = [
    """CREATE TABLE interviews (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        held_at TEXT NOT NULL,
        investigator_id INTEGER NOT NULL REFERENCES users(id),
        mode TEXT NOT NULL CHECK (mode IN ('video','online','on_site')),
        checked TEXT NOT NULL,
        notes TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id)
    )""",
    """CREATE TABLE document_requests (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL,
        requested_at TEXT,
        requested_by INTEGER REFERENCES users(id),
        received_at TEXT,
        received_by INTEGER REFERENCES users(id),
        received_note TEXT NOT NULL DEFAULT '',
        waived_at TEXT,
        waived_by INTEGER REFERENCES users(id),
        waive_reason TEXT,
        PRIMARY KEY (case_id, kind)
    ) WITHOUT ROWID""",
    "CREATE INDEX interviews_case ON interviews (case_id, id)",
]

# Bills in, statements rebuilt (R23, R24). ``documents`` keeps every uploaded original once,
# by content hash; ``case_documents`` says which case it was uploaded to, by whom, as what.
# A statement's parsed lines belong to its document (the same bytes parse the same), so a file
# uploaded to two cases is kept and parsed once; they are keyed by the document's integer id
# (a 64-character hash on each of 100,000 lines made the table half as large again and its
# inserts a third slower). The officer's classes are per case (``line_classes``) or
# remembered for every case (``counterparty_classes`` without a case). The rule list, the
# adjustments and the rebuilt snapshots keep every version.
V5 = [
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL CHECK (size >= 0),
        content BLOB NOT NULL
    )""",
    """CREATE TABLE case_documents (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        sha256 TEXT NOT NULL REFERENCES documents(sha256),
        file_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        file_format TEXT NOT NULL CHECK (file_format IN ('csv','xlsx','pdf')),
        period_start TEXT,
        period_end TEXT,
        period_stated INTEGER NOT NULL DEFAULT 0 CHECK (period_stated IN (0, 1)),
        row_count INTEGER NOT NULL CHECK (row_count >= 0),
        account_owner TEXT NOT NULL DEFAULT '',
        account_number TEXT NOT NULL DEFAULT '',
        -- warnings and rows left out on purpose, as [[line, template, params], ...]
        problems TEXT NOT NULL DEFAULT '[]',
        dropped TEXT NOT NULL DEFAULT '[]',
        uploaded_by INTEGER NOT NULL REFERENCES users(id),
        uploaded_at TEXT NOT NULL,
        PRIMARY KEY (case_id, sha256)
    )""",
    """CREATE TABLE statement_lines (
        document INTEGER NOT NULL REFERENCES documents(id),
        seq INTEGER NOT NULL,
        line INTEGER NOT NULL,
        at TEXT NOT NULL,
        time_known INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        flow TEXT NOT NULL CHECK (flow IN ('income','expense','neutral')),
        direction TEXT NOT NULL,
        counterparty TEXT NOT NULL,
        counterparty_account TEXT NOT NULL,
        memo TEXT NOT NULL,
        vendor_category TEXT NOT NULL,
        status TEXT NOT NULL,
        order_number TEXT NOT NULL,
        merchant_order_number TEXT NOT NULL,
        channel TEXT NOT NULL,
        note TEXT NOT NULL,
        currency TEXT NOT NULL,
        balance_fen INTEGER,
        is_refund INTEGER NOT NULL,
        refund_of TEXT NOT NULL,
        refunded_fen INTEGER NOT NULL,
        PRIMARY KEY (document, seq)
    ) WITHOUT ROWID""",
    """CREATE TABLE utility_bills (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('electricity','water')),
        account TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        usage TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        peak TEXT,
        flat TEXT,
        valley TEXT,
        -- read from a file (its hash and line), or typed in by hand (by whom, when)
        sha256 TEXT REFERENCES documents(sha256),
        line INTEGER NOT NULL DEFAULT 0,
        entered_by INTEGER NOT NULL REFERENCES users(id),
        entered_at TEXT NOT NULL,
        UNIQUE (case_id, kind, account, period_start, period_end)
    )""",
    """CREATE TABLE classification_rules (
        version INTEGER PRIMARY KEY,
        rules TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id)
    )""",
    # case_id NULL: remembered for every case; else for that case only
    """CREATE TABLE counterparty_classes (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id),
        counterparty TEXT NOT NULL,
        category TEXT NOT NULL,
        set_by INTEGER NOT NULL REFERENCES users(id),
        set_at TEXT NOT NULL
    )""",
    """CREATE TABLE line_classes (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        sha256 TEXT NOT NULL REFERENCES documents(sha256),
        line INTEGER NOT NULL,
        category TEXT NOT NULL,
        set_by INTEGER NOT NULL REFERENCES users(id),
        set_at TEXT NOT NULL,
        PRIMARY KEY (case_id, sha256, line)
    ) WITHOUT ROWID""",
    """CREATE TABLE statement_adjustments (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        version INTEGER NOT NULL CHECK (version > 0),
        -- the adjusted Financials as JSON: fen as integers, Decimals as strings
        figures TEXT NOT NULL,
        rebuilt TEXT,
        reason TEXT NOT NULL CHECK (reason != ''),
        by_user INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        PRIMARY KEY (case_id, version)
    )""",
    """CREATE TABLE rebuilt_statements (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        seq INTEGER NOT NULL CHECK (seq > 0),
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id),
        rules_version INTEGER NOT NULL,
        figures TEXT NOT NULL,
        flags TEXT NOT NULL,
        months TEXT NOT NULL,
        PRIMARY KEY (case_id, seq)
    )""",
    "CREATE INDEX case_documents_sha ON case_documents (sha256)",
    "CREATE INDEX utility_bills_case ON utility_bills (case_id, period_start)",
    "CREATE UNIQUE INDEX counterparty_classes_key "
    "ON counterparty_classes (IFNULL(case_id, 0), counterparty)",
]

# Column mappings officers saved for bank statement layouts no preset knows (issue 4): a
# file whose header row has a saved signature (its cells, as JSON) is read with that mapping.
V6 = [
    """CREATE TABLE bank_layouts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (name != ''),
        signature TEXT NOT NULL UNIQUE,
        mapping TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
    )""",
]

# Which saved column mapping read an original's lines, and the mapping as it was then (its
# JSON): correcting a mapping re-reads the files read with the earlier one. Both NULL for an
# original a preset read, and for one stored before this migration (found by its header row
# when its mapping is next saved). A deleted mapping leaves its files' lines and JSON.
V7 = [
    "ALTER TABLE documents ADD COLUMN layout_id INTEGER REFERENCES bank_layouts(id)",
    "ALTER TABLE documents ADD COLUMN layout_mapping TEXT",
    "CREATE INDEX documents_layout ON documents (layout_id)",
]

# A ``refund`` ledger row: credit held given back to the customer (beyond everything owed,
# or all of it on a closed loan). SQLite cannot widen a CHECK in place, so the ledger's two
# tables are rebuilt: the parts copied out first and dropped (nothing then refers to the
# old ledger, whose drop would otherwise break their foreign key), the ledger copied and
# dropped, both renamed back (the rename carries the parts' reference with it).
V8 = [
    """CREATE TABLE loan_entries_v8 (
        case_id INTEGER NOT NULL REFERENCES loans(case_id),
        seq INTEGER NOT NULL CHECK (seq > 0),
        kind TEXT NOT NULL CHECK (kind IN
            ('draw','repayment','interest_posting','penalty_posting','reversal','refund')),
        on_date TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        draw_id TEXT REFERENCES draws(draw_id),
        day_sum INTEGER NOT NULL DEFAULT 0 CHECK (day_sum >= 0),
        due_on TEXT,
        reverses INTEGER,
        reversed_kind TEXT,
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (case_id, seq)
    ) WITHOUT ROWID""",
    "INSERT INTO loan_entries_v8 SELECT * FROM loan_entries",
    """CREATE TABLE allocation_parts_v8 (
        case_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        n INTEGER NOT NULL,
        bucket TEXT NOT NULL CHECK (bucket IN ('penalty','interest','principal','credit')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        draw_id TEXT,
        due_on TEXT,
        PRIMARY KEY (case_id, seq, n),
        FOREIGN KEY (case_id, seq) REFERENCES loan_entries_v8(case_id, seq)
    ) WITHOUT ROWID""",
    "INSERT INTO allocation_parts_v8 SELECT * FROM allocation_parts",
    "DROP TABLE allocation_parts",
    "DROP TABLE loan_entries",
    "ALTER TABLE loan_entries_v8 RENAME TO loan_entries",
    "ALTER TABLE allocation_parts_v8 RENAME TO allocation_parts",
]

# Credit held before the close of day applied it (migration 8's release) may sit beside
# amounts due: the next close visits every active loan holding credit, applies it (R11) and
# sets its next event again. The cached state is a JSON array; the credit is its fourth item.
V9 = [
    "UPDATE loans SET next_event_on = '0001-01-01' "
    "WHERE status = 'active' AND json_extract(state, '$[3]') > 0",
]

# The case's risk status when the system marked its loan overdue, so that a payment dated on
# or before the due date it missed (recorded after that day's close of day) gives it back:
# the loan was never late. NULL for loans never marked so (and those marked before this).
V10 = [
    "ALTER TABLE loans ADD COLUMN risk_before_overdue TEXT "
    "CHECK (risk_before_overdue IS NULL OR risk_before_overdue IN ('green','amber','red'))",
]

MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, V1), (2, V2), (3, V3), (4, V4), (5, V5), (6, V6), (7, V7), (8, V8), (9, V9), (10, V10),
]  # fmt: skip
SCHEMA_VERSION = MIGRATIONS[-1][0]
