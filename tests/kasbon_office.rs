//! Kasbon, repayments and expenses at the office: they travel in the export,
//! the centre's day and the province's CSV show them, and a stall that
//! forges them — signing with its own key — is refused with the rule named
//! and the office left as it was.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use sentra::domain::expense::ExpenseCategory;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::money::Quantity;
use sentra::office::import::import_file;
use sentra::store::{Credit, NewCustomer, NewExpense, ReturnItem, SaleItem, SaleRequest, Store};
use sentra::sync::format::ExportContent;
use time::Duration;

fn tender(method: PaymentMethod, amount: i64) -> Tender {
    Tender {
        method,
        amount: rp(amount),
        reference: None,
    }
}

fn sale(code: &str, quantity: i64, tenders: Vec<Tender>) -> SaleRequest {
    SaleRequest {
        items: vec![SaleItem {
            code: code.into(),
            quantity: Quantity::from_milli(quantity * 1_000),
            discount: None,
        }],
        discount: None,
        tenders,
    }
}

/// A stall's day with kasbon (part cash), a return to the kasbon, a cash
/// repayment and two expenses, closed and exported.
fn stall_day(out: &Path) -> (tempfile::TempDir, Store, PathBuf) {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 20_000, Unit::Pack), NOW)
        .unwrap();
    store
        .add_customer(
            &NewCustomer {
                code: "C001".into(),
                name: "Bu Siti".into(),
                phone: None,
                limit: rp(500_000),
            },
            Some(PIN),
            NOW,
        )
        .unwrap();
    let credit = Credit {
        customer: "C001".into(),
        pin: None,
    };
    let at = |m: i64| NOW + Duration::minutes(m);
    let kasbon = store
        .complete_sale_on(
            &sale(
                "KRP-01",
                5,
                vec![
                    tender(PaymentMethod::Kasbon, 70_000),
                    tender(PaymentMethod::Cash, 30_000),
                ],
            ),
            Some(&credit),
            at(1),
        )
        .unwrap();
    store
        .complete_sale(
            &sale("KRP-01", 1, vec![tender(PaymentMethod::Cash, 20_000)]),
            at(2),
        )
        .unwrap();
    store
        .return_items_with(
            &kasbon.receipt,
            &[ReturnItem {
                sku: "KRP-01".into(),
                quantity: Quantity::ONE,
            }],
            &[tender(PaymentMethod::Kasbon, 20_000)],
            Some(PIN),
            at(3),
        )
        .unwrap();
    store
        .pay_kasbon("C001", rp(30_000), PaymentMethod::Cash, None, at(4))
        .unwrap();
    for (category, amount, from_drawer) in [
        (ExpenseCategory::Packaging, 15_000, true),
        (ExpenseCategory::Electricity, 120_000, false),
    ] {
        store
            .add_expense(
                &NewExpense {
                    category,
                    amount: rp(amount),
                    note: Some("plastik & token".into()),
                    from_drawer,
                },
                Some(PIN),
                at(5),
            )
            .unwrap();
    }
    // Cash: 30.000 + 20.000 of sales, 30.000 repaid, 15.000 spent.
    let close = store.close_day(rp(65_000), at(600)).unwrap();
    assert_eq!(close.cash.expected, rp(65_000));
    let summary = sentra::sync::export::export(&mut store, out, None, at(601)).unwrap();
    (dir, store, summary.path)
}

fn new_office() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .init_office("Sentra UMKM Lampung", Some(PIN), NOW)
        .unwrap();
    (dir, store)
}

#[test]
fn kasbon_repayments_and_expenses_reach_the_centre_report_and_the_csv() {
    let usb = tempfile::tempdir().unwrap();
    let (_stall_dir, stall, file) = stall_day(usb.path());
    let (office_dir, mut office) = new_office();
    let stats = import_file(&mut office, &file, NOW).unwrap();
    // Two sales, a return, a repayment, two expenses, a day close, and the
    // manager's PIN that gave Bu Siti her credit.
    assert_eq!(stats.new_records, 8);
    let day = stall.business_day(NOW);
    let report = stall.day_report(day).unwrap();
    let centre = sentra::office::centre::centre_day(&office, day).unwrap();
    let totals = &centre.stalls[0].totals;
    assert_eq!(totals.kasbon, rp(70_000));
    assert_eq!(totals.cash, rp(50_000));
    assert_eq!(totals.repayments, rp(30_000));
    assert_eq!(totals.expenses, rp(135_000));
    assert_eq!(totals.returns, rp(20_000));
    assert_eq!(totals.takings, report.takings);
    assert!(
        centre
            .payments
            .iter()
            .any(|p| p.key == "kasbon" && p.net == rp(70_000))
    );

    let csv_path = office_dir.path().join("provinsi.csv");
    sentra::office::centre::write_centre_csv(&centre, &csv_path).unwrap();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row: Vec<String> = reader
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(cell("kasbon"), "70000");
    assert_eq!(cell("repayments"), "30000");
    assert_eq!(cell("expenses"), "135000");
    assert_eq!(cell("returns"), "20000");
    assert_eq!(cell("reported"), "yes");

    // The same file again adds nothing.
    let again = import_file(&mut office, &file, NOW).unwrap();
    assert_eq!(again.new_records, 0);
}

/// Every row of the office's book, to show a refusal changed nothing.
fn office_rows(dir: &Path) -> String {
    snapshot(dir)
}

#[test]
fn forged_kasbon_repayments_and_expenses_are_refused_and_change_nothing() {
    let usb = tempfile::tempdir().unwrap();
    let (_stall_dir, stall, file) = stall_day(usb.path());
    let key = stall.signing_key().unwrap();
    let (honest, _, _) = sentra::sync::file::open(&std::fs::read(&file).unwrap()).unwrap();
    type Forgery = (&'static str, fn(&mut ExportContent), &'static str);
    let forgeries: [Forgery; 12] = [
        (
            "kasbon without its customer",
            |c| c.sales[0].payments[0].customer = None,
            "pembayaran kasbon tanpa pelanggan",
        ),
        (
            "a customer on a cash payment",
            |c| c.sales[1].payments[0].customer = Some("C001".into()),
            "hanya kasbon yang atas nama pelanggan",
        ),
        (
            "a customer code that is not one",
            |c| c.sales[0].payments[0].customer = Some("bu siti".into()),
            "kode pelanggan",
        ),
        (
            "a repayment by card",
            |c| c.repayments[0].method = "card".into(),
            "bayar kasbon dengan \"card\"",
        ),
        (
            "a repayment of nothing",
            |c| c.repayments[0].amount = 0,
            "bayar kasbon harus lebih dari nol",
        ),
        (
            "an unknown expense category",
            |c| c.expenses[0].category = "rokok".into(),
            "kategori pengeluaran \"rokok\"",
        ),
        (
            "an expense past the bound",
            |c| c.expenses[1].amount = 10_000_000_001,
            "Rp10.000.000.000",
        ),
        (
            "kasbon back on a sale paid without kasbon",
            |c| {
                c.sales[0].payments.retain(|p| p.method == "cash");
                c.sales[0].payments[0].amount = 100_000;
                c.sales[0].payments[0].tendered = 100_000;
            },
            "nota yang tidak dibayar dengan kasbon",
        ),
        (
            "more back to kasbon than the sale's kasbon",
            |c| {
                c.sales[0].payments[0].amount = 10_000;
                c.sales[0].payments[0].tendered = 10_000;
                c.sales[0].payments[1].amount = 90_000;
                c.sales[0].payments[1].tendered = 90_000;
            },
            "melebihi kasbon nota yang tersisa (Rp10.000)",
        ),
        (
            "kasbon back on a return past the goods' worth",
            |c| c.returns[0].refund = 1,
            "melebihi nilai barang",
        ),
        (
            "a day close whose repayments do not add up",
            |c| c.day_closes[0].kasbon_repayments += 5_000,
            "bayar kasbon tunai",
        ),
        (
            "a repayment under a sale's number",
            |c| c.repayments[0].seq = c.sales[0].seq,
            "nomor urut",
        ),
    ];
    let out = tempfile::tempdir().unwrap();
    for (n, (what, forge, says)) in forgeries.iter().enumerate() {
        let (office_dir, mut office) = new_office();
        let before = office_rows(office_dir.path());
        let mut content = honest.clone();
        forge(&mut content);
        let path = out.path().join(format!("forged-{n}.sentra"));
        std::fs::write(&path, sentra::sync::file::seal(&content, &key)).unwrap();
        let refused = import_file(&mut office, &path, NOW).expect_err(what);
        let message = refused.to_string();
        assert!(message.contains(says), "{what}: {message}");
        assert_eq!(
            office_rows(office_dir.path()),
            before,
            "{what} changed the office"
        );
        // The honest file is still taken.
        import_file(&mut office, &file, NOW).unwrap();
    }

    // A repayment already held, sent again with other content, is a conflict.
    let (_office_dir, mut office) = new_office();
    import_file(&mut office, &file, NOW).unwrap();
    let mut edited = honest.clone();
    edited.export_id = uuid::Uuid::now_v7().to_string();
    edited.repayments[0].amount += 1;
    let path = out.path().join("edited.sentra");
    std::fs::write(&path, sentra::sync::file::seal(&edited, &key)).unwrap();
    let refused = import_file(&mut office, &path, NOW)
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("BENTROK") && refused.contains("bayar kasbon C001"),
        "{refused}"
    );
}

/// Issue 23, item 6: kasbon given back on a return leaves the retribusi's
/// takings as a cash refund does, and the tanda terima's fee due is what is
/// left after the payments the stall has made.
#[test]
fn retribusi_counts_kasbon_refunds_and_the_tanda_terima_counts_payments() {
    let out = tempfile::tempdir().unwrap();
    let (_stall_dir, stall, file) = stall_day(out.path());
    let (_dir, mut office) = new_office();
    sentra::office::fees::set_rule(
        &mut office,
        sentra::domain::fee::FeeRule::Percent(1_000),
        NOW,
    )
    .unwrap();
    let imported = import_file(&mut office, &file, NOW + Duration::hours(12)).unwrap();
    let (code, day) = (imported.stall.clone(), imported.days[0].clone());
    drop(stall);
    let owed = sentra::office::fees::owed(&office, &day, &day).unwrap();
    // Sales 100.000 + 20.000, less the 20.000 given back to the kasbon.
    assert_eq!(owed[0].takings, rp(100_000));
    assert_eq!(owed[0].fee, rp(10_000));

    let later = NOW + Duration::hours(13);
    let authority = sentra::office::fees::PayAuthority {
        pin: PIN,
        again: false,
    };
    let note = sentra::office::desk::for_day(&office, &code, &day, later).unwrap();
    assert_eq!(note.fee_due, rp(10_000));
    sentra::office::fees::pay(
        &mut office,
        &code,
        rp(4_000),
        PaymentMethod::Cash,
        None,
        authority,
        later,
    )
    .unwrap();
    let note = sentra::office::desk::for_day(&office, &code, &day, later).unwrap();
    assert_eq!(note.fee_paid, rp(4_000));
    assert_eq!(note.fee_due, rp(6_000));
    sentra::office::fees::pay(
        &mut office,
        &code,
        rp(9_000),
        PaymentMethod::Cash,
        None,
        authority,
        later,
    )
    .unwrap();
    let note = sentra::office::desk::for_day(&office, &code, &day, later).unwrap();
    assert_eq!(note.fee_due, rp(0), "paid ahead owes nothing");
}

/// Issue 23, item 5: a fee payment at the office asks the manager PIN (a
/// wrong one records nothing), and the same payment entered twice the same
/// day is asked again rather than counted twice.
#[test]
fn a_fee_payment_asks_the_pin_and_catches_the_same_payment_twice() {
    let out = tempfile::tempdir().unwrap();
    let (_stall_dir, _stall, file) = stall_day(out.path());
    let (_dir, mut office) = new_office();
    let imported = import_file(&mut office, &file, NOW + Duration::hours(12)).unwrap();
    let code = imported.stall;
    let later = NOW + Duration::hours(13);
    let pay = |office: &mut Store, pin: &str, again: bool| {
        sentra::office::fees::pay(
            office,
            &code,
            rp(10_000_000_000),
            PaymentMethod::Cash,
            None,
            sentra::office::fees::PayAuthority { pin, again },
            later,
        )
    };
    let paid = |office: &Store| -> i64 {
        office
            .connection()
            .query_row("SELECT COUNT(*) FROM office_fee_payments", [], |r| r.get(0))
            .unwrap()
    };
    let wrong = if PIN == "0000" { "1111" } else { "0000" };
    let refused = pay(&mut office, wrong, false).unwrap_err();
    assert!(refused.to_string().contains("PIN"), "{refused}");
    assert_eq!(paid(&office), 0);
    pay(&mut office, PIN, false).unwrap();
    let twice = pay(&mut office, PIN, false).unwrap_err();
    assert!(twice.to_string().contains("--again"), "{twice}");
    assert_eq!(paid(&office), 1);
    pay(&mut office, PIN, true).unwrap();
    assert_eq!(paid(&office), 2);
}

/// Issue 23, item 8: `verify` on a kasbon sale that was returned to the
/// kasbon says how much went back, not Rp0.
#[test]
fn verify_counts_kasbon_given_back() {
    let out = tempfile::tempdir().unwrap();
    let (_stall_dir, stall, file) = stall_day(out.path());
    let (_dir, mut office) = new_office();
    import_file(&mut office, &file, NOW + Duration::hours(12)).unwrap();
    let conn = stall.connection();
    let (receipt, total, created_at): (String, i64, String) = conn
        .query_row(
            "SELECT receipt, total, created_at FROM sales WHERE id = (SELECT sale_id FROM returns)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let (key, _) = stall.struk_key().unwrap();
    let check = sentra::domain::struk_check::keyed_check(&key, &receipt, total, &created_at);
    let verdict = sentra::office::verify::verify(&office, &format!("{receipt}#{check}")).unwrap();
    assert_eq!(verdict.status, sentra::office::verify::Status::Returned);
    assert_eq!(verdict.refunded, Some(rp(20_000)));
}
