-- Sentra's book: the one schema of a stall's (or the office's) SQLite file.
--
-- Each "-- migration N" section is applied once, in order, and PRAGMA
-- user_version records the last one applied. Never edit or remove a section
-- that has shipped; append a new one.
--
-- Conventions: ids are UUID v7 text; money is INTEGER whole rupiah; quantities
-- are INTEGER thousandths; times are RFC 3339 text with the stall's offset;
-- business days are 'YYYY-MM-DD' text.

-- migration 1
CREATE TABLE stall (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    kind        TEXT NOT NULL CHECK (kind IN ('stall', 'office')),
    code        TEXT,
    name        TEXT NOT NULL,
    owner       TEXT,
    regency     INTEGER,
    public_key  BLOB,
    secret_key  BLOB,
    created_at  TEXT NOT NULL
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- The manager PIN (an Argon2 hash) and the lock after wrong tries.
CREATE TABLE manager_pin (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    hash          TEXT,
    wrong_tries   INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT
);

-- One gap-free sequence over the records that travel to the office (sales,
-- voids, returns, day closes). Taken inside the record's own transaction.
CREATE TABLE record_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    last  INTEGER NOT NULL
);

CREATE TABLE products (
    id         TEXT PRIMARY KEY,
    sku        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    barcode    TEXT UNIQUE,
    name       TEXT NOT NULL,
    unit       TEXT NOT NULL,
    category   TEXT NOT NULL,
    price      INTEGER NOT NULL CHECK (price > 0),
    cost       INTEGER CHECK (cost >= 0),
    min_stock  INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE days (
    day            TEXT PRIMARY KEY,
    status         TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at      TEXT NOT NULL,
    opening_float  INTEGER NOT NULL CHECK (opening_float >= 0)
);

CREATE TABLE sales (
    id              TEXT PRIMARY KEY,
    seq             INTEGER NOT NULL UNIQUE,
    receipt         TEXT NOT NULL UNIQUE,
    day             TEXT NOT NULL REFERENCES days (day),
    number_in_day   INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    subtotal        INTEGER NOT NULL,
    line_discounts  INTEGER NOT NULL,
    sale_discount   INTEGER NOT NULL,
    tax_mode        TEXT NOT NULL,
    tax             INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    tendered        INTEGER NOT NULL,
    change          INTEGER NOT NULL,
    UNIQUE (day, number_in_day)
);

-- A line keeps the product as it was sold: name, SKU, category, unit, price.
CREATE TABLE sale_lines (
    sale_id              TEXT NOT NULL REFERENCES sales (id),
    line_no              INTEGER NOT NULL,
    product_id           TEXT NOT NULL REFERENCES products (id),
    sku                  TEXT NOT NULL,
    name                 TEXT NOT NULL,
    category             TEXT NOT NULL,
    unit                 TEXT NOT NULL,
    unit_price           INTEGER NOT NULL,
    quantity             INTEGER NOT NULL CHECK (quantity > 0),
    gross                INTEGER NOT NULL,
    line_discount        INTEGER NOT NULL,
    sale_discount_share  INTEGER NOT NULL,
    net                  INTEGER NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE payments (
    sale_id    TEXT NOT NULL REFERENCES sales (id),
    line_no    INTEGER NOT NULL,
    method     TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer', 'card')),
    amount     INTEGER NOT NULL,
    tendered   INTEGER NOT NULL,
    reference  TEXT,
    PRIMARY KEY (sale_id, line_no)
);

-- A void (batal) cancels a whole sale; at most one per sale.
CREATE TABLE voids (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    sale_id     TEXT NOT NULL UNIQUE REFERENCES sales (id),
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    reason      TEXT NOT NULL
);

-- A return (retur) takes back part of a sale and refunds it.
CREATE TABLE returns (
    id             TEXT PRIMARY KEY,
    seq            INTEGER NOT NULL UNIQUE,
    sale_id        TEXT NOT NULL REFERENCES sales (id),
    day            TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    refund_method  TEXT NOT NULL CHECK (refund_method IN ('cash', 'qris', 'transfer', 'card')),
    refund         INTEGER NOT NULL CHECK (refund >= 0)
);

CREATE TABLE return_lines (
    return_id  TEXT NOT NULL REFERENCES returns (id),
    line_no    INTEGER NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    amount     INTEGER NOT NULL,
    PRIMARY KEY (return_id, line_no)
);

-- Tutup kasir. A day reopened and closed again has several; the last counts.
CREATE TABLE day_closes (
    id             TEXT PRIMARY KEY,
    seq            INTEGER NOT NULL UNIQUE,
    day            TEXT NOT NULL REFERENCES days (day),
    created_at     TEXT NOT NULL,
    opening_float  INTEGER NOT NULL,
    cash_in        INTEGER NOT NULL,
    cash_out       INTEGER NOT NULL,
    expected       INTEGER NOT NULL,
    counted        INTEGER NOT NULL,
    difference     INTEGER NOT NULL,
    sales_count    INTEGER NOT NULL,
    net_total      INTEGER NOT NULL
);

-- The stock ledger: a product's stock is the sum of its rows.
CREATE TABLE stock_movements (
    id          TEXT PRIMARY KEY,
    product_id  TEXT NOT NULL REFERENCES products (id),
    kind        TEXT NOT NULL CHECK (kind IN ('receive', 'adjust', 'count', 'sale', 'void', 'return')),
    quantity    INTEGER NOT NULL,
    unit_cost   INTEGER,
    note        TEXT,
    sale_id     TEXT REFERENCES sales (id),
    created_at  TEXT NOT NULL
);

-- Carts parked to serve the next buyer; resumed (and deleted) later.
CREATE TABLE held_sales (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    label       TEXT NOT NULL,
    cart        TEXT NOT NULL
);

CREATE INDEX sale_lines_product ON sale_lines (product_id);
CREATE INDEX stock_movements_product ON stock_movements (product_id);
CREATE INDEX returns_sale ON returns (sale_id);

-- migration 2
-- The book is append-only: completed sales, their lines and payments, voids,
-- returns, day closes and ledger rows can be neither changed nor removed.
CREATE TRIGGER sales_append_only_update BEFORE UPDATE ON sales
BEGIN SELECT RAISE(ABORT, 'append-only: a completed sale is never edited'); END;
CREATE TRIGGER sales_append_only_delete BEFORE DELETE ON sales
BEGIN SELECT RAISE(ABORT, 'append-only: a completed sale is never deleted'); END;
CREATE TRIGGER sale_lines_append_only_update BEFORE UPDATE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'append-only: sale lines are never edited'); END;
CREATE TRIGGER sale_lines_append_only_delete BEFORE DELETE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'append-only: sale lines are never deleted'); END;
CREATE TRIGGER payments_append_only_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'append-only: payments are never edited'); END;
CREATE TRIGGER payments_append_only_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'append-only: payments are never deleted'); END;
CREATE TRIGGER voids_append_only_update BEFORE UPDATE ON voids
BEGIN SELECT RAISE(ABORT, 'append-only: voids are never edited'); END;
CREATE TRIGGER voids_append_only_delete BEFORE DELETE ON voids
BEGIN SELECT RAISE(ABORT, 'append-only: voids are never deleted'); END;
CREATE TRIGGER returns_append_only_update BEFORE UPDATE ON returns
BEGIN SELECT RAISE(ABORT, 'append-only: returns are never edited'); END;
CREATE TRIGGER returns_append_only_delete BEFORE DELETE ON returns
BEGIN SELECT RAISE(ABORT, 'append-only: returns are never deleted'); END;
CREATE TRIGGER return_lines_append_only_update BEFORE UPDATE ON return_lines
BEGIN SELECT RAISE(ABORT, 'append-only: return lines are never edited'); END;
CREATE TRIGGER return_lines_append_only_delete BEFORE DELETE ON return_lines
BEGIN SELECT RAISE(ABORT, 'append-only: return lines are never deleted'); END;
CREATE TRIGGER day_closes_append_only_update BEFORE UPDATE ON day_closes
BEGIN SELECT RAISE(ABORT, 'append-only: day closes are never edited'); END;
CREATE TRIGGER day_closes_append_only_delete BEFORE DELETE ON day_closes
BEGIN SELECT RAISE(ABORT, 'append-only: day closes are never deleted'); END;
CREATE TRIGGER stock_movements_append_only_update BEFORE UPDATE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'append-only: the stock ledger is never edited'); END;
CREATE TRIGGER stock_movements_append_only_delete BEFORE DELETE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'append-only: the stock ledger is never deleted'); END;

-- Reports and receipts look sales up by day.
CREATE INDEX sales_day ON sales (day);
CREATE INDEX voids_day ON voids (day);
CREATE INDEX returns_day ON returns (day);

-- migration 3
-- Stall side: what has been sent to the office. The next export starts after
-- the highest seq_to here.
CREATE TABLE exports (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    seq_from    INTEGER NOT NULL,
    seq_to      INTEGER NOT NULL,
    file_name   TEXT NOT NULL
);

-- Office side: the records of every stall, keyed by their UUIDs, so a record
-- imported twice is held once. Totals are always computed from these rows.
CREATE TABLE office_stalls (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    owner        TEXT,
    regency      INTEGER NOT NULL,
    public_key   BLOB NOT NULL,
    first_seen   TEXT NOT NULL,
    last_import  TEXT NOT NULL
);

CREATE TABLE office_imports (
    export_id     TEXT PRIMARY KEY,
    stall_code    TEXT NOT NULL REFERENCES office_stalls (code),
    imported_at   TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    seq_from      INTEGER NOT NULL,
    seq_to        INTEGER NOT NULL,
    new_records   INTEGER NOT NULL,
    known_records INTEGER NOT NULL
);

-- Every sequence number seen from a stall: gaps show missing exports.
CREATE TABLE office_seen (
    stall_code  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    PRIMARY KEY (stall_code, seq)
);

CREATE TABLE office_sales (
    id              TEXT PRIMARY KEY,
    stall_code      TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    receipt         TEXT NOT NULL,
    day             TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    subtotal        INTEGER NOT NULL,
    line_discounts  INTEGER NOT NULL,
    sale_discount   INTEGER NOT NULL,
    tax             INTEGER NOT NULL,
    total           INTEGER NOT NULL
);

CREATE TABLE office_sale_lines (
    sale_id              TEXT NOT NULL,
    line_no              INTEGER NOT NULL,
    sku                  TEXT NOT NULL,
    name                 TEXT NOT NULL,
    category             TEXT NOT NULL,
    unit                 TEXT NOT NULL,
    unit_price           INTEGER NOT NULL,
    quantity             INTEGER NOT NULL,
    gross                INTEGER NOT NULL,
    line_discount        INTEGER NOT NULL,
    sale_discount_share  INTEGER NOT NULL,
    net                  INTEGER NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE office_payments (
    sale_id    TEXT NOT NULL,
    line_no    INTEGER NOT NULL,
    method     TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    tendered   INTEGER NOT NULL,
    reference  TEXT,
    PRIMARY KEY (sale_id, line_no)
);

-- A void may arrive before the sale it cancels; totals only ever ask whether
-- a void exists for a sale, so the order of arrival does not matter.
CREATE TABLE office_voids (
    id          TEXT PRIMARY KEY,
    stall_code  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    sale_id     TEXT NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    reason      TEXT NOT NULL
);

CREATE TABLE office_returns (
    id             TEXT PRIMARY KEY,
    stall_code     TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    sale_id        TEXT NOT NULL,
    day            TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    refund_method  TEXT NOT NULL,
    refund         INTEGER NOT NULL
);

CREATE TABLE office_return_lines (
    return_id  TEXT NOT NULL,
    line_no    INTEGER NOT NULL,
    quantity   INTEGER NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (return_id, line_no)
);

CREATE TABLE office_day_closes (
    id             TEXT PRIMARY KEY,
    stall_code     TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    day            TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    opening_float  INTEGER NOT NULL,
    cash_in        INTEGER NOT NULL,
    cash_out       INTEGER NOT NULL,
    expected       INTEGER NOT NULL,
    counted        INTEGER NOT NULL,
    difference     INTEGER NOT NULL,
    sales_count    INTEGER NOT NULL,
    net_total      INTEGER NOT NULL
);

CREATE INDEX office_sales_day ON office_sales (day, stall_code);
CREATE INDEX office_voids_sale ON office_voids (sale_id);
CREATE INDEX office_returns_day ON office_returns (day, stall_code);
CREATE INDEX office_returns_sale ON office_returns (sale_id);
CREATE INDEX office_day_closes_day ON office_day_closes (day, stall_code);
CREATE INDEX office_seen_day ON office_seen (day, stall_code);

-- migration 4
-- Search as you type: words of a product's name, SKU and barcode, by prefix,
-- without scanning the catalogue (100,000 products stay instant).
CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, sku, barcode,
    content = 'products',
    content_rowid = 'rowid',
    prefix = '1 2 3 4 5 6',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name, sku, barcode) VALUES (new.rowid, new.name, new.sku, new.barcode);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, sku, barcode)
    VALUES ('delete', old.rowid, old.name, old.sku, old.barcode);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, sku, barcode)
    VALUES ('delete', old.rowid, old.name, old.sku, old.barcode);
    INSERT INTO products_fts (rowid, name, sku, barcode) VALUES (new.rowid, new.name, new.sku, new.barcode);
END;
INSERT INTO products_fts (products_fts) VALUES ('rebuild');

-- migration 5
-- Each day's turnover, kept by triggers in the same transaction as the sale,
-- void or return that changes it, so a year's PPh estimate reads a few
-- hundred rows instead of every sale of the year.
CREATE TABLE day_turnover (
    day      TEXT PRIMARY KEY,
    sales    INTEGER NOT NULL DEFAULT 0,
    refunds  INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER day_turnover_sale AFTER INSERT ON sales BEGIN
    INSERT INTO day_turnover (day, sales) VALUES (new.day, new.total)
    ON CONFLICT (day) DO UPDATE SET sales = sales + excluded.sales;
END;
CREATE TRIGGER day_turnover_void AFTER INSERT ON voids BEGIN
    UPDATE day_turnover SET sales = sales - (SELECT total FROM sales WHERE id = new.sale_id)
    WHERE day = (SELECT day FROM sales WHERE id = new.sale_id);
END;
CREATE TRIGGER day_turnover_return AFTER INSERT ON returns BEGIN
    INSERT INTO day_turnover (day, refunds) VALUES (new.day, new.refund)
    ON CONFLICT (day) DO UPDATE SET refunds = refunds + excluded.refunds;
END;
INSERT INTO day_turnover (day, sales, refunds)
SELECT day, SUM(sales), SUM(refunds) FROM (
    SELECT s.day, s.total AS sales, 0 AS refunds FROM sales s
    WHERE NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)
    UNION ALL
    SELECT day, 0, refund FROM returns
) GROUP BY day;

-- migration 6
-- The first letter or two typed at the till: names that start with them.
CREATE INDEX products_name ON products (name COLLATE NOCASE);

-- migration 7
-- Receipt numbers printed by a book that a restore replaced (the records
-- after the backup were given up with the manager's PIN): the next sale of
-- that day is numbered above them, so no printed number is used twice.
CREATE TABLE receipt_floor (
    day          TEXT PRIMARY KEY,
    last_number  INTEGER NOT NULL CHECK (last_number >= 0)
);

-- migration 8
-- Office side: the digest of every imported file, so the same export id with
-- other content is a conflict; and the indexes the office's checks use
-- (one sequence number and one receipt number per record of a stall).
ALTER TABLE office_imports ADD COLUMN sha256 TEXT;
CREATE INDEX office_sales_stall_seq ON office_sales (stall_code, seq);
CREATE INDEX office_sales_stall_receipt ON office_sales (stall_code, receipt);
CREATE INDEX office_voids_stall_seq ON office_voids (stall_code, seq);
CREATE INDEX office_returns_stall_seq ON office_returns (stall_code, seq);
CREATE INDEX office_day_closes_stall_seq ON office_day_closes (stall_code, seq);

-- migration 9
-- What a manager should know happened at the till, recorded and sent to the
-- office like any other record: wrong manager PINs, a clock set back and
-- accepted with the PIN. Numbered in the stall's one sequence.
CREATE TABLE book_events (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('pin_wrong', 'pin_locked', 'clock_accepted')),
    detail      TEXT NOT NULL
);
CREATE INDEX book_events_day ON book_events (day);
CREATE TRIGGER book_events_append_only_update BEFORE UPDATE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never edited'); END;
CREATE TRIGGER book_events_append_only_delete BEFORE DELETE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never deleted'); END;
-- The time of the book's latest record: a record dated before it means the
-- PC's clock was set back.
ALTER TABLE record_sequence ADD COLUMN latest_at TEXT;
UPDATE record_sequence SET latest_at = (
    SELECT MAX(created_at) FROM (
        SELECT created_at FROM sales UNION ALL SELECT created_at FROM voids
        UNION ALL SELECT created_at FROM returns UNION ALL SELECT created_at FROM day_closes
    )
);

-- Office side: the stalls' events, and re-pinned keys (a reinstalled PC).
-- A stall's records are numbered anew after a re-pin: each key is an epoch,
-- and sequence and receipt numbers are unique within one.
CREATE TABLE office_events (
    id          TEXT PRIMARY KEY,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX office_events_day ON office_events (day, stall_code);
CREATE TABLE office_repins (
    stall_code    TEXT NOT NULL,
    requested_at  TEXT NOT NULL,
    old_key       BLOB NOT NULL,
    new_key       BLOB,
    done_at       TEXT
);
ALTER TABLE office_stalls ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
CREATE TABLE office_seen_by_epoch (
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    PRIMARY KEY (stall_code, epoch, seq)
);
INSERT INTO office_seen_by_epoch (stall_code, epoch, seq, day) SELECT stall_code, 0, seq, day FROM office_seen;
DROP TABLE office_seen;
ALTER TABLE office_seen_by_epoch RENAME TO office_seen;
CREATE INDEX office_seen_day ON office_seen (day, stall_code);
ALTER TABLE office_sales ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_voids ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_returns ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_day_closes ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;

-- migration 10
-- Titip jual: producers (penitip) who leave goods on consignment, the terms
-- of each consigned product, the handover notes of goods received from and
-- handed back to them, what each sold line owes its producer (fixed in the
-- sale's own transaction) and the payouts (bayar penitip).
CREATE TABLE producers (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    regency     INTEGER NOT NULL,
    nib         TEXT,
    phone       TEXT,
    bank        TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- A consigned product's producer and terms: harga setor (rupiah owed per
-- unit sold, basis 'consign_price') or komisi (the stall's share of the
-- line's net in hundredths of a percent, basis 'commission'). Terms may
-- change; a line sold keeps what it owed in consigned_lines.
CREATE TABLE product_consignments (
    product_id   TEXT PRIMARY KEY REFERENCES products (id),
    producer_id  TEXT NOT NULL REFERENCES producers (id),
    basis        TEXT NOT NULL CHECK (basis IN ('consign_price', 'commission')),
    rate         INTEGER NOT NULL CHECK (rate >= 0),
    updated_at   TEXT NOT NULL
);
CREATE INDEX product_consignments_producer ON product_consignments (producer_id);

-- Berita acara serah terima: goods received from a producer (intake) or
-- handed back (handback), numbered CODE-TT-YYYYMMDD-NN. Each line is also a
-- row of the stock ledger.
CREATE TABLE handover_notes (
    id             TEXT PRIMARY KEY,
    number         TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('intake', 'handback')),
    producer_id    TEXT NOT NULL REFERENCES producers (id),
    day            TEXT NOT NULL,
    number_in_day  INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    note           TEXT,
    UNIQUE (day, number_in_day)
);
CREATE TABLE handover_lines (
    note_id     TEXT NOT NULL REFERENCES handover_notes (id),
    line_no     INTEGER NOT NULL,
    product_id  TEXT NOT NULL REFERENCES products (id),
    sku         TEXT NOT NULL,
    name        TEXT NOT NULL,
    unit        TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (note_id, line_no)
);
CREATE INDEX handover_notes_producer ON handover_notes (producer_id, day);

-- What each sold line of a consigned product owes its producer, with the
-- terms it was sold under. A void cancels it; a return reverses its share.
CREATE TABLE consigned_lines (
    sale_id      TEXT NOT NULL REFERENCES sales (id),
    line_no      INTEGER NOT NULL,
    producer_id  TEXT NOT NULL REFERENCES producers (id),
    basis        TEXT NOT NULL CHECK (basis IN ('consign_price', 'commission')),
    rate         INTEGER NOT NULL CHECK (rate >= 0),
    owed         INTEGER NOT NULL CHECK (owed >= 0),
    PRIMARY KEY (sale_id, line_no)
);
CREATE INDEX consigned_lines_producer ON consigned_lines (producer_id);

-- Bayar penitip: numbered in the stall's sequence and sent to the office.
CREATE TABLE producer_payouts (
    id           TEXT PRIMARY KEY,
    seq          INTEGER NOT NULL UNIQUE,
    producer_id  TEXT NOT NULL REFERENCES producers (id),
    day          TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    amount       INTEGER NOT NULL CHECK (amount > 0),
    method       TEXT NOT NULL CHECK (method IN ('cash', 'transfer')),
    reference    TEXT
);
CREATE INDEX producer_payouts_producer ON producer_payouts (producer_id);
CREATE INDEX producer_payouts_day ON producer_payouts (day);

CREATE TRIGGER handover_notes_append_only_update BEFORE UPDATE ON handover_notes
BEGIN SELECT RAISE(ABORT, 'append-only: handover notes are never edited'); END;
CREATE TRIGGER handover_notes_append_only_delete BEFORE DELETE ON handover_notes
BEGIN SELECT RAISE(ABORT, 'append-only: handover notes are never deleted'); END;
CREATE TRIGGER handover_lines_append_only_update BEFORE UPDATE ON handover_lines
BEGIN SELECT RAISE(ABORT, 'append-only: handover lines are never edited'); END;
CREATE TRIGGER handover_lines_append_only_delete BEFORE DELETE ON handover_lines
BEGIN SELECT RAISE(ABORT, 'append-only: handover lines are never deleted'); END;
CREATE TRIGGER consigned_lines_append_only_update BEFORE UPDATE ON consigned_lines
BEGIN SELECT RAISE(ABORT, 'append-only: what a sold line owes is never edited'); END;
CREATE TRIGGER consigned_lines_append_only_delete BEFORE DELETE ON consigned_lines
BEGIN SELECT RAISE(ABORT, 'append-only: what a sold line owes is never deleted'); END;
CREATE TRIGGER producer_payouts_append_only_update BEFORE UPDATE ON producer_payouts
BEGIN SELECT RAISE(ABORT, 'append-only: payouts are never edited'); END;
CREATE TRIGGER producer_payouts_append_only_delete BEFORE DELETE ON producer_payouts
BEGIN SELECT RAISE(ABORT, 'append-only: payouts are never deleted'); END;

-- Cash paid to producers out of the drawer: its own term at tutup kasir.
ALTER TABLE day_closes ADD COLUMN producer_payouts INTEGER NOT NULL DEFAULT 0;

-- The stock ledger learns consignment intake and hand-back. SQLite cannot
-- change a CHECK, so the table is rebuilt with its rows, index and triggers.
CREATE TABLE stock_movements_v10 (
    id          TEXT PRIMARY KEY,
    product_id  TEXT NOT NULL REFERENCES products (id),
    kind        TEXT NOT NULL CHECK (kind IN ('receive', 'adjust', 'count', 'sale', 'void', 'return',
                                              'consign_in', 'consign_out')),
    quantity    INTEGER NOT NULL,
    unit_cost   INTEGER,
    note        TEXT,
    sale_id     TEXT REFERENCES sales (id),
    created_at  TEXT NOT NULL
);
INSERT INTO stock_movements_v10 (rowid, id, product_id, kind, quantity, unit_cost, note, sale_id, created_at)
SELECT rowid, id, product_id, kind, quantity, unit_cost, note, sale_id, created_at FROM stock_movements;
DROP TABLE stock_movements;
ALTER TABLE stock_movements_v10 RENAME TO stock_movements;
CREATE INDEX stock_movements_product ON stock_movements (product_id);
CREATE TRIGGER stock_movements_append_only_update BEFORE UPDATE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'append-only: the stock ledger is never edited'); END;
CREATE TRIGGER stock_movements_append_only_delete BEFORE DELETE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'append-only: the stock ledger is never deleted'); END;

-- Office side: each stall's producers as its latest file described them
-- (merged across stalls by NIB in the reports), the owed amounts of the
-- consigned lines, and the payouts.
CREATE TABLE office_producers (
    stall_code  TEXT NOT NULL,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    regency     INTEGER NOT NULL,
    nib         TEXT,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (stall_code, code)
);
CREATE INDEX office_producers_nib ON office_producers (nib);
CREATE TABLE office_consigned_lines (
    sale_id     TEXT NOT NULL,
    line_no     INTEGER NOT NULL,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    producer    TEXT NOT NULL,
    basis       TEXT NOT NULL,
    rate        INTEGER NOT NULL,
    owed        INTEGER NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);
CREATE INDEX office_consigned_lines_producer ON office_consigned_lines (stall_code, producer);
CREATE TABLE office_payouts (
    id          TEXT PRIMARY KEY,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    producer    TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    method      TEXT NOT NULL,
    reference   TEXT
);
CREATE INDEX office_payouts_stall_seq ON office_payouts (stall_code, seq);
CREATE INDEX office_payouts_producer ON office_payouts (stall_code, producer);
ALTER TABLE office_day_closes ADD COLUMN producer_payouts INTEGER NOT NULL DEFAULT 0;

-- migration 11
-- Kasbon, pengeluaran and laba kotor (issue 13). Customers (pelanggan) who
-- may buy on credit up to a limit; kasbon as a payment method tied to a
-- customer; repayments (bayar kasbon) and expenses (pengeluaran), each
-- numbered in the stall's sequence and sent to the office; the cost of goods
-- (HPP) of every sale line, fixed in the sale's own transaction.
CREATE TABLE customers (
    id            TEXT PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    phone         TEXT,
    credit_limit  INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

-- Payments learn 'kasbon', tied to a customer. SQLite cannot change a CHECK,
-- so the table is rebuilt with its rows, index and triggers (nothing refers
-- to payments; the rows go through a temporary copy).
CREATE TEMP TABLE payments_before_11 AS SELECT rowid AS row_id, * FROM payments;
DROP TABLE payments;
CREATE TABLE payments (
    sale_id      TEXT NOT NULL REFERENCES sales (id),
    line_no      INTEGER NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer', 'card', 'kasbon')),
    amount       INTEGER NOT NULL,
    tendered     INTEGER NOT NULL,
    reference    TEXT,
    customer_id  TEXT REFERENCES customers (id),
    CHECK ((method = 'kasbon') = (customer_id IS NOT NULL)),
    PRIMARY KEY (sale_id, line_no)
);
INSERT INTO payments (rowid, sale_id, line_no, method, amount, tendered, reference)
SELECT row_id, sale_id, line_no, method, amount, tendered, reference FROM payments_before_11;
DROP TABLE payments_before_11;
CREATE INDEX payments_customer ON payments (customer_id) WHERE customer_id IS NOT NULL;
CREATE TRIGGER payments_append_only_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'append-only: payments are never edited'); END;
CREATE TRIGGER payments_append_only_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'append-only: payments are never deleted'); END;

-- A return of a kasbon sale gives its value back to the customer's kasbon
-- (kasbon_refund) before any money leaves the drawer (refund). The day's
-- turnover counts both.
ALTER TABLE returns ADD COLUMN kasbon_refund INTEGER NOT NULL DEFAULT 0 CHECK (kasbon_refund >= 0);
DROP TRIGGER day_turnover_return;
CREATE TRIGGER day_turnover_return AFTER INSERT ON returns BEGIN
    INSERT INTO day_turnover (day, refunds) VALUES (new.day, new.refund + new.kasbon_refund)
    ON CONFLICT (day) DO UPDATE SET refunds = refunds + excluded.refunds;
END;

-- Bayar kasbon: a customer paying back, into the drawer (cash) or not.
CREATE TABLE kasbon_repayments (
    id           TEXT PRIMARY KEY,
    seq          INTEGER NOT NULL UNIQUE,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    day          TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer')),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    reference    TEXT
);
CREATE INDEX kasbon_repayments_customer ON kasbon_repayments (customer_id);
CREATE INDEX kasbon_repayments_day ON kasbon_repayments (day);
CREATE TRIGGER kasbon_repayments_append_only_update BEFORE UPDATE ON kasbon_repayments
BEGIN SELECT RAISE(ABORT, 'append-only: repayments are never edited'); END;
CREATE TRIGGER kasbon_repayments_append_only_delete BEFORE DELETE ON kasbon_repayments
BEGIN SELECT RAISE(ABORT, 'append-only: repayments are never deleted'); END;

-- Pengeluaran: from the drawer (lowers the cash expected at tutup kasir) or not.
CREATE TABLE expenses (
    id           TEXT PRIMARY KEY,
    seq          INTEGER NOT NULL UNIQUE,
    day          TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    category     TEXT NOT NULL CHECK (category IN ('kemasan', 'transport', 'listrik', 'sewa', 'gaji', 'lain-lain')),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    note         TEXT,
    from_drawer  INTEGER NOT NULL CHECK (from_drawer IN (0, 1))
);
CREATE INDEX expenses_day ON expenses (day);
CREATE TRIGGER expenses_append_only_update BEFORE UPDATE ON expenses
BEGIN SELECT RAISE(ABORT, 'append-only: expenses are never edited'); END;
CREATE TRIGGER expenses_append_only_delete BEFORE DELETE ON expenses
BEGIN SELECT RAISE(ABORT, 'append-only: expenses are never deleted'); END;

-- Laba kotor: what a line's goods cost per unit when it was sold (the
-- product's HPP then); NULL when the product had no cost (tanpa HPP).
ALTER TABLE sale_lines ADD COLUMN unit_cost INTEGER CHECK (unit_cost >= 0);

-- Tutup kasir's own terms for cash repayments and drawer expenses.
ALTER TABLE day_closes ADD COLUMN kasbon_repayments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE day_closes ADD COLUMN drawer_expenses INTEGER NOT NULL DEFAULT 0;

-- Office side: the customer of a kasbon payment (the stall's code), the
-- repayments and the expenses, keyed like every other record.
ALTER TABLE office_payments ADD COLUMN customer TEXT;
ALTER TABLE office_returns ADD COLUMN kasbon_refund INTEGER NOT NULL DEFAULT 0;
CREATE TABLE office_repayments (
    id          TEXT PRIMARY KEY,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    customer    TEXT NOT NULL,
    method      TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    reference   TEXT
);
CREATE INDEX office_repayments_day ON office_repayments (day, stall_code);
CREATE INDEX office_repayments_stall_seq ON office_repayments (stall_code, seq);
CREATE TABLE office_expenses (
    id           TEXT PRIMARY KEY,
    stall_code   TEXT NOT NULL,
    epoch        INTEGER NOT NULL DEFAULT 0,
    seq          INTEGER NOT NULL,
    day          TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    category     TEXT NOT NULL,
    amount       INTEGER NOT NULL,
    note         TEXT,
    from_drawer  INTEGER NOT NULL
);
CREATE INDEX office_expenses_day ON office_expenses (day, stall_code);
CREATE INDEX office_expenses_stall_seq ON office_expenses (stall_code, seq);
ALTER TABLE office_day_closes ADD COLUMN kasbon_repayments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_day_closes ADD COLUMN drawer_expenses INTEGER NOT NULL DEFAULT 0;

-- migration 12
-- The manager's desk at the office: the retribusi rules as set over time
-- (each from a day on; the first also covers the days before it), and the
-- fees paid, each with its own receipt number. Both append-only.
CREATE TABLE office_fee_rules (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    from_day            TEXT NOT NULL,
    percent_hundredths  INTEGER CHECK (percent_hundredths BETWEEN 0 AND 10000),
    daily               INTEGER CHECK (daily >= 0),
    set_at              TEXT NOT NULL,
    CHECK ((percent_hundredths IS NULL) <> (daily IS NULL))
);
CREATE TABLE office_fee_payments (
    id          TEXT PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    stall_code  TEXT NOT NULL,
    day         TEXT NOT NULL,
    paid_at     TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    method      TEXT NOT NULL CHECK (method IN ('cash', 'transfer')),
    reference   TEXT
);
CREATE INDEX office_fee_payments_stall ON office_fee_payments (stall_code, day);
CREATE TRIGGER office_fee_rules_append_only_update BEFORE UPDATE ON office_fee_rules
BEGIN SELECT RAISE(ABORT, 'append-only: a fee rule is never edited'); END;
CREATE TRIGGER office_fee_rules_append_only_delete BEFORE DELETE ON office_fee_rules
BEGIN SELECT RAISE(ABORT, 'append-only: a fee rule is never deleted'); END;
CREATE TRIGGER office_fee_payments_append_only_update BEFORE UPDATE ON office_fee_payments
BEGIN SELECT RAISE(ABORT, 'append-only: a fee payment is never edited'); END;
CREATE TRIGGER office_fee_payments_append_only_delete BEFORE DELETE ON office_fee_payments
BEGIN SELECT RAISE(ABORT, 'append-only: a fee payment is never deleted'); END;
ALTER TABLE office_imports ADD COLUMN file_sha256 TEXT;
-- A re-pin names the first hex digits of the new key, read from the
-- reinstalled stall: only that key is taken.
ALTER TABLE office_repins ADD COLUMN expected_key TEXT;

-- migration 13
-- Labels, scale barcodes, thermal printers: a weighed product's PLU, the
-- number a label scale prints in its barcode (prefix, PLU, grams or price),
-- unique in the stall. In-store EAN-13s live in products.barcode.
ALTER TABLE products ADD COLUMN plu INTEGER CHECK (plu BETWEEN 1 AND 99999);
CREATE UNIQUE INDEX products_plu ON products (plu);

-- migration 14
-- Each product's stock, kept in the same transaction as every ledger row by
-- the trigger below, so Stok's low-stock filter and stock sort walk an index
-- instead of adding up every product's ledger. The ledger stays the truth:
-- the figure is its sum, filled in here from the rows already written and
-- moved only by the trigger (tests recompute it after random movements and
-- after killed sales). A column rather than a table of its own: no join, no
-- row to create with each product, and the low-stock index follows min_stock
-- by itself when a product is edited.
--
-- The search index is rewritten only when a searched column changes, not on
-- every sale line that moves a product's stock.
DROP TRIGGER products_fts_update;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku, barcode ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, sku, barcode)
    VALUES ('delete', old.rowid, old.name, old.sku, old.barcode);
    INSERT INTO products_fts (rowid, name, sku, barcode) VALUES (new.rowid, new.name, new.sku, new.barcode);
END;
ALTER TABLE products ADD COLUMN stock INTEGER NOT NULL DEFAULT 0;
UPDATE products SET stock = ledger.total
FROM (SELECT product_id, SUM(quantity) AS total FROM stock_movements GROUP BY product_id) AS ledger
WHERE ledger.product_id = products.id;
CREATE TRIGGER stock_movements_figure AFTER INSERT ON stock_movements BEGIN
    UPDATE products SET stock = stock + new.quantity WHERE id = new.product_id;
END;
-- Sort by stock, both ways, name breaking ties, read from the index alone.
CREATE INDEX products_stock ON products (stock, name COLLATE NOCASE);
-- Only the products at or below their minimum (Product::is_low), in the
-- table's default order: the filter reads as many entries as it shows.
CREATE INDEX products_low ON products (name COLLATE NOCASE, sku) WHERE stock <= min_stock;

-- migration 15
-- Office side: what the Kantor screens ask of a year of files, kept by
-- triggers as each sequence number arrives, so no screen reads the whole
-- history: the days each stall has records on, each stall's first and last
-- day and how many days it has, the centre's days, and each stall's
-- numbers as runs held (its gaps are what lies between them).
CREATE TABLE office_stall_days (
    stall_code  TEXT NOT NULL,
    day         TEXT NOT NULL,
    PRIMARY KEY (stall_code, day)
) WITHOUT ROWID;
CREATE INDEX office_stall_days_day ON office_stall_days (day, stall_code);
CREATE TABLE office_stall_span (
    stall_code  TEXT PRIMARY KEY,
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL,
    days        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE office_centre_days (
    day  TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE office_seen_runs (
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL,
    first       INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (stall_code, epoch, first)
) WITHOUT ROWID;
CREATE INDEX office_seen_runs_last ON office_seen_runs (stall_code, epoch, last);
-- The stalls list counts each stall's events by kind.
CREATE INDEX office_events_stall_kind ON office_events (stall_code, kind);

-- What the office already holds.
INSERT INTO office_stall_days (stall_code, day) SELECT DISTINCT stall_code, day FROM office_seen;
INSERT INTO office_stall_span (stall_code, first_day, last_day, days)
    SELECT stall_code, MIN(day), MAX(day), COUNT(*) FROM office_stall_days GROUP BY stall_code;
INSERT INTO office_centre_days (day) SELECT DISTINCT day FROM office_seen;
-- Consecutive numbers share seq - row number: each such island is a run.
INSERT INTO office_seen_runs (stall_code, epoch, first, last)
    SELECT stall_code, epoch, MIN(seq), MAX(seq) FROM (
        SELECT stall_code, epoch, seq,
               seq - ROW_NUMBER() OVER (PARTITION BY stall_code, epoch ORDER BY seq) AS island
        FROM office_seen)
    GROUP BY stall_code, epoch, island;

-- A number already held is ignored by the import (INSERT OR IGNORE), so
-- this fires once per number.
CREATE TRIGGER office_seen_summaries AFTER INSERT ON office_seen
BEGIN
    INSERT OR IGNORE INTO office_stall_days (stall_code, day) VALUES (NEW.stall_code, NEW.day);
    INSERT OR IGNORE INTO office_centre_days (day) VALUES (NEW.day);
    -- The run that starts right after this number now starts at it...
    UPDATE office_seen_runs SET first = NEW.seq
     WHERE stall_code = NEW.stall_code AND epoch = NEW.epoch AND first = NEW.seq + 1;
    -- ...or the number is a run of its own.
    INSERT OR IGNORE INTO office_seen_runs (stall_code, epoch, first, last)
    VALUES (NEW.stall_code, NEW.epoch, NEW.seq, NEW.seq);
    -- The run that ends right before it takes it in, with what follows.
    UPDATE office_seen_runs
       SET last = (SELECT r.last FROM office_seen_runs r
                    WHERE r.stall_code = NEW.stall_code AND r.epoch = NEW.epoch AND r.first = NEW.seq)
     WHERE stall_code = NEW.stall_code AND epoch = NEW.epoch AND last = NEW.seq - 1;
    DELETE FROM office_seen_runs
     WHERE stall_code = NEW.stall_code AND epoch = NEW.epoch AND first = NEW.seq
       AND EXISTS (SELECT 1 FROM office_seen_runs r
                    WHERE r.stall_code = NEW.stall_code AND r.epoch = NEW.epoch
                      AND r.last >= NEW.seq AND r.first < NEW.seq);
END;
-- A stall's new day widens its span.
CREATE TRIGGER office_stall_days_span AFTER INSERT ON office_stall_days
BEGIN
    INSERT INTO office_stall_span (stall_code, first_day, last_day, days)
    VALUES (NEW.stall_code, NEW.day, NEW.day, 1)
    ON CONFLICT (stall_code) DO UPDATE SET
        first_day = MIN(first_day, excluded.first_day),
        last_day = MAX(last_day, excluded.last_day),
        days = days + 1;
END;

-- migration 16
-- How many products are low (Product::is_low), kept by triggers, so the Stok
-- table's "N low" count is one row read rather than a walk of every low
-- product: at 100,000 products most may be low. The triggers fire only when
-- a product crosses its minimum, not on every sale line.
CREATE TABLE product_counts (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    low  INTEGER NOT NULL CHECK (low >= 0)
);
INSERT INTO product_counts (id, low)
    VALUES (1, (SELECT COUNT(*) FROM products WHERE stock <= min_stock));
CREATE TRIGGER products_low_insert AFTER INSERT ON products
WHEN new.stock <= new.min_stock BEGIN
    UPDATE product_counts SET low = low + 1;
END;
CREATE TRIGGER products_low_delete AFTER DELETE ON products
WHEN old.stock <= old.min_stock BEGIN
    UPDATE product_counts SET low = low - 1;
END;
CREATE TRIGGER products_low_crossed AFTER UPDATE OF stock, min_stock ON products
WHEN (old.stock <= old.min_stock) <> (new.stock <= new.min_stock) BEGIN
    UPDATE product_counts SET low = low + CASE WHEN new.stock <= new.min_stock THEN 1 ELSE -1 END;
END;
-- The categories in use are read by hopping from one to the next through
-- this index (a handful of lookups), not by reading every product.
CREATE INDEX products_category ON products (category);

-- migration 17
-- UNIQUE (day, number_in_day) already indexes sales by day: the second
-- index only cost every sale one more page written and synced.
DROP INDEX sales_day;

-- migration 18
-- Every id the office holds is keyed per stall (issue 23): a record is
-- (id, stall_code), an export (export_id, stall_code), so one stall's ids
-- never block another stall's honest file. The id leads each key, so "does
-- any other stall hold this id" is one index lookup too. Ids two stalls both
-- sent are kept for each, and listed in office_shared_ids for the desk.
CREATE TABLE office_imports_18 (
    export_id     TEXT NOT NULL,
    stall_code    TEXT NOT NULL REFERENCES office_stalls (code),
    imported_at   TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    seq_from      INTEGER NOT NULL,
    seq_to        INTEGER NOT NULL,
    new_records   INTEGER NOT NULL,
    known_records INTEGER NOT NULL,
    sha256        TEXT,
    file_sha256   TEXT,
    PRIMARY KEY (export_id, stall_code)
);
INSERT INTO office_imports_18 SELECT export_id, stall_code, imported_at, file_name, seq_from, seq_to,
    new_records, known_records, sha256, file_sha256 FROM office_imports;
DROP TABLE office_imports;
ALTER TABLE office_imports_18 RENAME TO office_imports;

CREATE TABLE office_sales_18 (
    id              TEXT NOT NULL,
    stall_code      TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    receipt         TEXT NOT NULL,
    day             TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    subtotal        INTEGER NOT NULL,
    line_discounts  INTEGER NOT NULL,
    sale_discount   INTEGER NOT NULL,
    tax             INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    epoch           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_sales_18 SELECT id, stall_code, seq, receipt, day, created_at, subtotal, line_discounts,
    sale_discount, tax, total, epoch FROM office_sales;

CREATE TABLE office_sale_lines_18 (
    sale_id              TEXT NOT NULL,
    stall_code           TEXT NOT NULL,
    line_no              INTEGER NOT NULL,
    sku                  TEXT NOT NULL,
    name                 TEXT NOT NULL,
    category             TEXT NOT NULL,
    unit                 TEXT NOT NULL,
    unit_price           INTEGER NOT NULL,
    quantity             INTEGER NOT NULL,
    gross                INTEGER NOT NULL,
    line_discount        INTEGER NOT NULL,
    sale_discount_share  INTEGER NOT NULL,
    net                  INTEGER NOT NULL,
    PRIMARY KEY (sale_id, stall_code, line_no)
);
INSERT INTO office_sale_lines_18 SELECT l.sale_id, s.stall_code, l.line_no, l.sku, l.name, l.category, l.unit,
    l.unit_price, l.quantity, l.gross, l.line_discount, l.sale_discount_share, l.net
    FROM office_sale_lines l JOIN office_sales s ON s.id = l.sale_id;

CREATE TABLE office_payments_18 (
    sale_id     TEXT NOT NULL,
    stall_code  TEXT NOT NULL,
    line_no     INTEGER NOT NULL,
    method      TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    tendered    INTEGER NOT NULL,
    reference   TEXT,
    customer    TEXT,
    PRIMARY KEY (sale_id, stall_code, line_no)
);
INSERT INTO office_payments_18 SELECT p.sale_id, s.stall_code, p.line_no, p.method, p.amount, p.tendered,
    p.reference, p.customer FROM office_payments p JOIN office_sales s ON s.id = p.sale_id;
DROP TABLE office_sale_lines;
ALTER TABLE office_sale_lines_18 RENAME TO office_sale_lines;
DROP TABLE office_payments;
ALTER TABLE office_payments_18 RENAME TO office_payments;
DROP TABLE office_sales;
ALTER TABLE office_sales_18 RENAME TO office_sales;
CREATE INDEX office_sales_day ON office_sales (day, stall_code);
CREATE INDEX office_sales_stall_seq ON office_sales (stall_code, seq);
CREATE INDEX office_sales_stall_receipt ON office_sales (stall_code, receipt);

CREATE TABLE office_voids_18 (
    id          TEXT NOT NULL,
    stall_code  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    sale_id     TEXT NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_voids_18 SELECT id, stall_code, seq, sale_id, day, created_at, reason, epoch FROM office_voids;
DROP TABLE office_voids;
ALTER TABLE office_voids_18 RENAME TO office_voids;
CREATE INDEX office_voids_sale ON office_voids (sale_id, stall_code);
CREATE INDEX office_voids_stall_seq ON office_voids (stall_code, seq);

CREATE TABLE office_returns_18 (
    id             TEXT NOT NULL,
    stall_code     TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    sale_id        TEXT NOT NULL,
    day            TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    refund_method  TEXT NOT NULL,
    refund         INTEGER NOT NULL,
    epoch          INTEGER NOT NULL DEFAULT 0,
    kasbon_refund  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_returns_18 SELECT id, stall_code, seq, sale_id, day, created_at, refund_method, refund, epoch,
    kasbon_refund FROM office_returns;
CREATE TABLE office_return_lines_18 (
    return_id   TEXT NOT NULL,
    stall_code  TEXT NOT NULL,
    line_no     INTEGER NOT NULL,
    quantity    INTEGER NOT NULL,
    amount      INTEGER NOT NULL,
    PRIMARY KEY (return_id, stall_code, line_no)
);
INSERT INTO office_return_lines_18 SELECT rl.return_id, r.stall_code, rl.line_no, rl.quantity, rl.amount
    FROM office_return_lines rl JOIN office_returns r ON r.id = rl.return_id;
DROP TABLE office_return_lines;
ALTER TABLE office_return_lines_18 RENAME TO office_return_lines;
DROP TABLE office_returns;
ALTER TABLE office_returns_18 RENAME TO office_returns;
CREATE INDEX office_returns_day ON office_returns (day, stall_code);
CREATE INDEX office_returns_sale ON office_returns (sale_id, stall_code);
CREATE INDEX office_returns_stall_seq ON office_returns (stall_code, seq);

CREATE TABLE office_day_closes_18 (
    id                 TEXT NOT NULL,
    stall_code         TEXT NOT NULL,
    seq                INTEGER NOT NULL,
    day                TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    opening_float      INTEGER NOT NULL,
    cash_in            INTEGER NOT NULL,
    cash_out           INTEGER NOT NULL,
    expected           INTEGER NOT NULL,
    counted            INTEGER NOT NULL,
    difference         INTEGER NOT NULL,
    sales_count        INTEGER NOT NULL,
    net_total          INTEGER NOT NULL,
    epoch              INTEGER NOT NULL DEFAULT 0,
    producer_payouts   INTEGER NOT NULL DEFAULT 0,
    kasbon_repayments  INTEGER NOT NULL DEFAULT 0,
    drawer_expenses    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_day_closes_18 SELECT id, stall_code, seq, day, created_at, opening_float, cash_in, cash_out,
    expected, counted, difference, sales_count, net_total, epoch, producer_payouts, kasbon_repayments,
    drawer_expenses FROM office_day_closes;
DROP TABLE office_day_closes;
ALTER TABLE office_day_closes_18 RENAME TO office_day_closes;
CREATE INDEX office_day_closes_day ON office_day_closes (day, stall_code);
CREATE INDEX office_day_closes_stall_seq ON office_day_closes (stall_code, seq);

CREATE TABLE office_events_18 (
    id          TEXT NOT NULL,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_events_18 SELECT id, stall_code, epoch, seq, day, created_at, kind, detail FROM office_events;
DROP TABLE office_events;
ALTER TABLE office_events_18 RENAME TO office_events;
CREATE INDEX office_events_day ON office_events (day, stall_code);
CREATE INDEX office_events_stall_kind ON office_events (stall_code, kind);

CREATE TABLE office_consigned_lines_18 (
    sale_id     TEXT NOT NULL,
    line_no     INTEGER NOT NULL,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    producer    TEXT NOT NULL,
    basis       TEXT NOT NULL,
    rate        INTEGER NOT NULL,
    owed        INTEGER NOT NULL,
    PRIMARY KEY (sale_id, stall_code, line_no)
);
INSERT INTO office_consigned_lines_18 SELECT sale_id, line_no, stall_code, epoch, producer, basis, rate, owed
    FROM office_consigned_lines;
DROP TABLE office_consigned_lines;
ALTER TABLE office_consigned_lines_18 RENAME TO office_consigned_lines;
CREATE INDEX office_consigned_lines_producer ON office_consigned_lines (stall_code, producer);

CREATE TABLE office_payouts_18 (
    id          TEXT NOT NULL,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    producer    TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    method      TEXT NOT NULL,
    reference   TEXT,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_payouts_18 SELECT id, stall_code, epoch, seq, day, created_at, producer, amount, method,
    reference FROM office_payouts;
DROP TABLE office_payouts;
ALTER TABLE office_payouts_18 RENAME TO office_payouts;
CREATE INDEX office_payouts_stall_seq ON office_payouts (stall_code, seq);
CREATE INDEX office_payouts_producer ON office_payouts (stall_code, producer);

CREATE TABLE office_repayments_18 (
    id          TEXT NOT NULL,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    seq         INTEGER NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    customer    TEXT NOT NULL,
    method      TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    reference   TEXT,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_repayments_18 SELECT id, stall_code, epoch, seq, day, created_at, customer, method, amount,
    reference FROM office_repayments;
DROP TABLE office_repayments;
ALTER TABLE office_repayments_18 RENAME TO office_repayments;
CREATE INDEX office_repayments_day ON office_repayments (day, stall_code);
CREATE INDEX office_repayments_stall_seq ON office_repayments (stall_code, seq);

CREATE TABLE office_expenses_18 (
    id           TEXT NOT NULL,
    stall_code   TEXT NOT NULL,
    epoch        INTEGER NOT NULL DEFAULT 0,
    seq          INTEGER NOT NULL,
    day          TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    category     TEXT NOT NULL,
    amount       INTEGER NOT NULL,
    note         TEXT,
    from_drawer  INTEGER NOT NULL,
    PRIMARY KEY (id, stall_code)
);
INSERT INTO office_expenses_18 SELECT id, stall_code, epoch, seq, day, created_at, category, amount, note,
    from_drawer FROM office_expenses;
DROP TABLE office_expenses;
ALTER TABLE office_expenses_18 RENAME TO office_expenses;
CREATE INDEX office_expenses_day ON office_expenses (day, stall_code);
CREATE INDEX office_expenses_stall_seq ON office_expenses (stall_code, seq);

-- An id two stalls both sent: the later stall's record is admitted for it
-- all the same, and the pair is shown on the desk.
CREATE TABLE office_shared_ids (
    id           TEXT NOT NULL,
    stall_code   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    first_stall  TEXT NOT NULL,
    found_at     TEXT NOT NULL,
    PRIMARY KEY (id, stall_code, kind)
);
CREATE INDEX office_shared_ids_first ON office_shared_ids (first_stall);
CREATE INDEX office_shared_ids_stall ON office_shared_ids (stall_code);

-- A producer's NIB belongs to the stall that sent it first: another stall's
-- producer with the same NIB is kept apart under that stall and flagged,
-- never merged into the first stall's producer.
CREATE TABLE office_nib_owners (
    nib         TEXT PRIMARY KEY,
    stall_code  TEXT NOT NULL,
    first_seen  TEXT NOT NULL
);
INSERT OR IGNORE INTO office_nib_owners (nib, stall_code, first_seen)
    SELECT nib, stall_code, seen_at FROM office_producers WHERE nib IS NOT NULL ORDER BY rowid;

-- migration 19
-- Each record an import adds is checked against the stall's sequence by
-- (stall, seq); events had no such index, so every wrong-PIN event read all
-- of its stall's events and a year of them took hours (issue 23).
CREATE INDEX office_events_stall_seq ON office_events (stall_code, seq);
-- A sale's returns are read in the stall's order: by sale, then seq.
DROP INDEX office_returns_sale;
CREATE INDEX office_returns_sale ON office_returns (sale_id, stall_code, seq);

-- migration 22
-- A manager reopening a closed day leaves a record: book_events takes the
-- kind 'day_reopened'. SQLite cannot widen a CHECK in place, so the table
-- is made anew with its rows, index and append-only triggers (dropping the
-- old table fires no trigger).
CREATE TABLE book_events_new (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('pin_wrong', 'pin_locked', 'clock_accepted', 'day_reopened')),
    detail      TEXT NOT NULL
);
INSERT INTO book_events_new (id, seq, day, created_at, kind, detail)
    SELECT id, seq, day, created_at, kind, detail FROM book_events;
DROP TABLE book_events;
ALTER TABLE book_events_new RENAME TO book_events;
CREATE INDEX book_events_day ON book_events (day);
CREATE TRIGGER book_events_append_only_update BEFORE UPDATE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never edited'); END;
CREATE TRIGGER book_events_append_only_delete BEFORE DELETE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never deleted'); END;

-- migration 23
-- What a manager approves with the PIN beyond the everyday (a drawer
-- expense above the limit, money back for a whole sale, a big discount,
-- prices changed by import) leaves a record: book_events takes the kind
-- 'pin_used'. The table is made anew as in migration 22.
CREATE TABLE book_events_new (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('pin_wrong', 'pin_locked', 'clock_accepted', 'day_reopened', 'pin_used')),
    detail      TEXT NOT NULL
);
INSERT INTO book_events_new (id, seq, day, created_at, kind, detail)
    SELECT id, seq, day, created_at, kind, detail FROM book_events;
DROP TABLE book_events;
ALTER TABLE book_events_new RENAME TO book_events;
CREATE INDEX book_events_day ON book_events (day);
CREATE TRIGGER book_events_append_only_update BEFORE UPDATE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never edited'); END;
CREATE TRIGGER book_events_append_only_delete BEFORE DELETE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never deleted'); END;

-- migration 24
-- Struks carry a keyed check (an HMAC with a key derived from the stall's
-- secret key) from this moment on; the ones printed before keep the old
-- unkeyed check. The stall's file tells the office the key and the moment,
-- and the office keeps every key a stall has sent (a reinstalled stall has a
-- new one) with the moment its keyed struks began.
ALTER TABLE stall ADD COLUMN struk_keyed_since TEXT;
UPDATE stall SET struk_keyed_since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'stall';
CREATE TABLE office_struk_keys (
    stall_code   TEXT NOT NULL REFERENCES office_stalls (code),
    struk_key    BLOB NOT NULL,
    keyed_since  TEXT NOT NULL,
    PRIMARY KEY (stall_code, struk_key)
);

-- migration 25
-- Harga grosir: a product's lower unit prices from a quantity up, kept with
-- the product (domain::price_tier's text, `12000:9000;24000:8500`, the
-- quantities in thousandths) so a product read brings them at no cost.
ALTER TABLE products ADD COLUMN price_tiers TEXT NOT NULL DEFAULT '';

-- migration 26
-- A day close is checked at the office against the drawer's movements of
-- its day, producers' cash payouts among them: found by day, not by reading
-- every payout of the stall.
CREATE INDEX office_payouts_day ON office_payouts (day, stall_code);
-- Locks since the last right PIN: each doubles the one before, up to a day.
ALTER TABLE manager_pin ADD COLUMN locks INTEGER NOT NULL DEFAULT 0;

-- migration 27
-- Every price a product has had is a record that travels to the office: the
-- office checks each sale line's unit price against the price (and harga
-- grosir) of its time. A price record takes no number of the sequence (a
-- product is no sale); it says the last number taken before it. Products
-- already in the book get their price as it stands.
CREATE TABLE price_changes (
    id          TEXT PRIMARY KEY,
    after_seq   INTEGER NOT NULL,
    product_id  TEXT NOT NULL REFERENCES products (id),
    sku         TEXT NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    price       INTEGER NOT NULL,
    tiers       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX price_changes_product ON price_changes (product_id, after_seq);
CREATE INDEX price_changes_after ON price_changes (after_seq);
CREATE INDEX price_changes_sku ON price_changes (sku, after_seq);
CREATE TRIGGER price_changes_append_only_update BEFORE UPDATE ON price_changes
BEGIN SELECT RAISE(ABORT, 'append-only: price records are never edited'); END;
CREATE TRIGGER price_changes_append_only_delete BEFORE DELETE ON price_changes
BEGIN SELECT RAISE(ABORT, 'append-only: price records are never deleted'); END;
INSERT INTO price_changes (id, after_seq, product_id, sku, day, created_at, price, tiers)
    SELECT lower(printf('%s-%s-4%s-8%s-%s', hex(randomblob(4)), hex(randomblob(2)),
                 substr(hex(randomblob(2)), 2), substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
           COALESCE((SELECT last FROM record_sequence WHERE id = 1), 0),
           p.id, p.sku,
           substr(COALESCE((SELECT latest_at FROM record_sequence WHERE id = 1), p.updated_at), 1, 10),
           COALESCE((SELECT latest_at FROM record_sequence WHERE id = 1), p.updated_at),
           p.price, p.price_tiers
    FROM products p
    WHERE EXISTS (SELECT 1 FROM stall WHERE kind = 'stall');

CREATE TABLE office_prices (
    id          TEXT NOT NULL,
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    after_seq   INTEGER NOT NULL,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    sku         TEXT NOT NULL,
    price       INTEGER NOT NULL,
    tiers       TEXT NOT NULL,
    PRIMARY KEY (id, stall_code)
);
CREATE INDEX office_prices_sku ON office_prices (stall_code, epoch, sku, after_seq);

-- Checks that wait for earlier numbers (a sale's prices, a day close's
-- figures), run by the import that closes the gap.
CREATE TABLE office_deferred (
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (stall_code, kind, record_id)
);

-- After a re-pin, the new key's records are of the old key's last day or
-- later: re-signed old sales under a new key would count twice.
ALTER TABLE office_stalls ADD COLUMN epoch_from_day TEXT;

-- migration 28
-- The month's books (SAK EMKM): the registers the statements need beyond
-- sales and stock. They stay in the stall's book (the office does not keep
-- the stall's balance sheet); each is append-only, and a wrong one is
-- cancelled by a record in books_cancels, then written again.
CREATE TABLE books_openings (
    id          TEXT PRIMARY KEY,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    cash        INTEGER NOT NULL CHECK (cash >= 0),
    bank        INTEGER NOT NULL CHECK (bank >= 0),
    inventory   INTEGER NOT NULL CHECK (inventory >= 0),
    equity      INTEGER NOT NULL CHECK (equity >= 0)
);
CREATE TABLE fixed_assets (
    id           TEXT PRIMARY KEY,
    day          TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    name         TEXT NOT NULL,
    cost         INTEGER NOT NULL CHECK (cost > 0),
    life_months  INTEGER NOT NULL CHECK (life_months BETWEEN 1 AND 600),
    paid         TEXT NOT NULL CHECK (paid IN ('drawer', 'bank', 'credit', 'owner'))
);
CREATE TABLE loans (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    lender      TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0)
);
CREATE TABLE loan_payments (
    id          TEXT PRIMARY KEY,
    loan_id     TEXT NOT NULL REFERENCES loans (id),
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    principal   INTEGER NOT NULL CHECK (principal >= 0),
    interest    INTEGER NOT NULL CHECK (interest >= 0),
    CHECK (principal + interest > 0)
);
-- Money between the stall's purses and its owner or suppliers: prive
-- (owner_draw), setoran (cash to the bank), paying a supplier's credit.
CREATE TABLE money_moves (
    id          TEXT PRIMARY KEY,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('owner_draw', 'bank_deposit', 'supplier_paid')),
    purse       TEXT NOT NULL CHECK (purse IN ('cash', 'bank')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    note        TEXT
);
CREATE TABLE books_cancels (
    id          TEXT PRIMARY KEY,
    record_id   TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX loan_payments_loan ON loan_payments (loan_id);
CREATE INDEX money_moves_day ON money_moves (day);
CREATE TRIGGER books_openings_append_only_update BEFORE UPDATE ON books_openings
BEGIN SELECT RAISE(ABORT, 'append-only: opening balances are never edited'); END;
CREATE TRIGGER books_openings_append_only_delete BEFORE DELETE ON books_openings
BEGIN SELECT RAISE(ABORT, 'append-only: opening balances are never deleted'); END;
CREATE TRIGGER fixed_assets_append_only_update BEFORE UPDATE ON fixed_assets
BEGIN SELECT RAISE(ABORT, 'append-only: assets are never edited'); END;
CREATE TRIGGER fixed_assets_append_only_delete BEFORE DELETE ON fixed_assets
BEGIN SELECT RAISE(ABORT, 'append-only: assets are never deleted'); END;
CREATE TRIGGER loans_append_only_update BEFORE UPDATE ON loans
BEGIN SELECT RAISE(ABORT, 'append-only: loans are never edited'); END;
CREATE TRIGGER loans_append_only_delete BEFORE DELETE ON loans
BEGIN SELECT RAISE(ABORT, 'append-only: loans are never deleted'); END;
CREATE TRIGGER loan_payments_append_only_update BEFORE UPDATE ON loan_payments
BEGIN SELECT RAISE(ABORT, 'append-only: loan payments are never edited'); END;
CREATE TRIGGER loan_payments_append_only_delete BEFORE DELETE ON loan_payments
BEGIN SELECT RAISE(ABORT, 'append-only: loan payments are never deleted'); END;
CREATE TRIGGER money_moves_append_only_update BEFORE UPDATE ON money_moves
BEGIN SELECT RAISE(ABORT, 'append-only: money moves are never edited'); END;
CREATE TRIGGER money_moves_append_only_delete BEFORE DELETE ON money_moves
BEGIN SELECT RAISE(ABORT, 'append-only: money moves are never deleted'); END;
CREATE TRIGGER books_cancels_append_only_update BEFORE UPDATE ON books_cancels
BEGIN SELECT RAISE(ABORT, 'append-only: cancels are never edited'); END;
CREATE TRIGGER books_cancels_append_only_delete BEFORE DELETE ON books_cancels
BEGIN SELECT RAISE(ABORT, 'append-only: cancels are never deleted'); END;

-- How goods received were paid: from the drawer's cash, the bank, on the
-- supplier's credit, or by the owner. NULL for rows from before.
ALTER TABLE stock_movements ADD COLUMN paid TEXT CHECK (paid IN ('drawer', 'bank', 'credit', 'owner'));

-- Cash taken out of the drawer for the month's books' registers (goods and
-- assets paid from the drawer, prive, setoran, a supplier paid from it): a
-- term of tutup kasir's expected cash of its own, sent to the office as the
-- stall declares it (the registers stay in the stall's book).
ALTER TABLE day_closes ADD COLUMN books_out INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_day_closes ADD COLUMN books_out INTEGER NOT NULL DEFAULT 0;
-- Tutup kasir reads the day's goods and assets paid from the drawer.
CREATE INDEX stock_movements_drawer ON stock_movements (substr(created_at, 1, 10)) WHERE paid = 'drawer';
CREATE INDEX fixed_assets_drawer ON fixed_assets (substr(created_at, 1, 10)) WHERE paid = 'drawer';

-- migration 29
-- A stall's book restored from a backup leaves a record the office hears
-- of (what it gave up): book_events takes the kind 'restored'. The table is
-- made anew as in migration 22.
CREATE TABLE book_events_new (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    day         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('pin_wrong', 'pin_locked', 'clock_accepted', 'day_reopened', 'pin_used', 'restored')),
    detail      TEXT NOT NULL
);
INSERT INTO book_events_new (id, seq, day, created_at, kind, detail)
    SELECT id, seq, day, created_at, kind, detail FROM book_events;
DROP TABLE book_events;
ALTER TABLE book_events_new RENAME TO book_events;
CREATE INDEX book_events_day ON book_events (day);
CREATE TRIGGER book_events_append_only_update BEFORE UPDATE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never edited'); END;
CREATE TRIGGER book_events_append_only_delete BEFORE DELETE ON book_events
BEGIN SELECT RAISE(ABORT, 'append-only: events are never deleted'); END;

-- The office: the numbers a stall's restore gave up (from its `restored`
-- event). They will never arrive: a check waiting for every number before a
-- record does not wait for these.
CREATE TABLE office_given_up (
    stall_code  TEXT NOT NULL,
    epoch       INTEGER NOT NULL,
    event_id    TEXT NOT NULL,
    first       INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (stall_code, epoch, event_id)
);
