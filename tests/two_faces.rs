//! The workflows a person can do from the command line and from the window
//! exist once: each is driven here through both faces, on books set up the
//! same way, and what the two leave behind (or say) is compared. The clock
//! is fixed through `SENTRA_NOW` for the program and for this process alike.

mod common;
#[path = "common/window.rs"]
mod window;

use common::{NOW, NOW_TEXT, PIN, cash_sale, cli_stall, new_stall, product, sentra, sentra_ok};
use sentra::domain::unit::Unit;
use sentra::store::Store;
use sentra::ui::{Message, Phase, Tab, pelanggan};
use window::Window;

/// The process's clock is the program's: every test here sets the same.
fn fixed_clock() {
    unsafe { std::env::set_var("SENTRA_NOW", NOW_TEXT) };
}

/// The same customer typed into the window's Pelanggan form.
fn add_in_window(window: &mut Window, code: &str, name: &str, phone: &str, limit: &str) {
    let form = |m| Message::Pelanggan(m);
    window.send(Message::SwitchTab(Tab::Pelanggan));
    window.send(form(pelanggan::Message::OpenNew));
    window.send(form(pelanggan::Message::NewCodeChanged(code.into())));
    window.send(form(pelanggan::Message::NewNameChanged(name.into())));
    window.send(form(pelanggan::Message::NewPhoneChanged(phone.into())));
    window.send(form(pelanggan::Message::NewLimitChanged(limit.into())));
    window.send(form(pelanggan::Message::SaveNew));
}

#[test]
fn adding_a_customer_leaves_the_same_customer_from_either_face() {
    fixed_clock();
    let (by_cli, by_window) = (cli_stall(Some(PIN)), cli_stall(Some(PIN)));
    sentra_ok(
        by_cli.path(),
        &[
            "customer",
            "add",
            "--code",
            "c001",
            "--name",
            "  Bu Sari ",
            "--phone",
            " 0812-3456-7890 ",
        ],
    );
    let mut window = Window::on(Store::open(by_window.path()).unwrap());
    add_in_window(&mut window, "c001", "  Bu Sari ", " 0812-3456-7890 ", "0");
    assert!(window.shows_part("Bu Sari"), "{:?}", window.texts());
    drop(window);

    // Every field but the random id, the time stamps included.
    let read = |dir: &std::path::Path| {
        rusqlite::Connection::open(dir.join("sentra.db"))
            .unwrap()
            .query_row(
                "SELECT code, name, phone, credit_limit, created_at, updated_at FROM customers",
                [],
                |r| {
                    Ok((0..6)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect::<Vec<_>>())
                },
            )
            .unwrap()
    };
    let (cli, gui) = (read(by_cli.path()), read(by_window.path()));
    assert_eq!(cli, gui);
    assert!(cli[1].contains("\"Bu Sari\""), "{cli:?}");
}

#[test]
fn a_customer_refused_is_refused_alike_and_nothing_is_written() {
    fixed_clock();
    let (by_cli, by_window) = (cli_stall(Some(PIN)), cli_stall(Some(PIN)));
    // A credit limit above 0 needs the manager PIN; none is given.
    let (ok, _, stderr) = sentra(
        by_cli.path(),
        &[
            "customer", "add", "--code", "C002", "--name", "Pak Budi", "--limit", "100000",
        ],
    );
    assert!(!ok);
    let mut window = Window::on(Store::open(by_window.path()).unwrap());
    add_in_window(&mut window, "C002", "Pak Budi", "", "100000");
    // The refusal's sentence, as the window says it, is the command line's.
    let said = window
        .texts()
        .into_iter()
        .find(|t| t.contains("Rp100.000"))
        .unwrap_or_else(|| panic!("no refusal on screen: {:?}", window.texts()));
    let sentence = said.trim_end_matches('.').to_lowercase();
    assert!(
        sentence.len() > 30 && stderr.to_lowercase().contains(&sentence),
        "the window said {said:?}; the command line said {stderr}"
    );
    drop(window);
    for dir in [by_cli.path(), by_window.path()] {
        assert!(Store::open(dir).unwrap().customer("C002").is_err());
    }
}

#[test]
fn a_struk_is_verified_to_the_same_sentence_from_either_face() {
    fixed_clock();
    let (_stall_dir, mut stall) = new_stall();
    stall
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    let sale = stall
        .complete_sale(&cash_sale("KRP-01", "2", 20_000), NOW)
        .unwrap();
    let qr = sentra::print::receipt::qr_payload(&sale, &stall.struk_key().unwrap().0);
    let usb = tempfile::tempdir().unwrap();
    sentra::sync::export::export(&mut stall, usb.path(), None, NOW).unwrap();

    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &["init", "office", "--name", "Sentra UMKM Lampung"],
    );
    sentra_ok(office.path(), &["import", usb.path().to_str().unwrap()]);
    let (number, check) = qr.split_once('#').unwrap();
    let last = if check.ends_with('0') { '1' } else { '0' };
    let forged = format!("{number}#{}{last}", &check[..check.len() - 1]);

    // The command line first: the window holds the book while it is open.
    let said: Vec<(String, String)> = [qr.as_str(), forged.as_str()]
        .into_iter()
        .map(|text| {
            let (_, stdout, stderr) = sentra(office.path(), &["verify", text]);
            assert!(!stdout.trim().is_empty(), "{stderr}");
            (text.to_string(), stdout.trim().to_string())
        })
        .collect();
    assert!(
        said[0].1.starts_with("SAH") && said[1].1.starts_with("PALSU"),
        "{said:?}"
    );
    let mut window = Window::on(Store::open(office.path()).unwrap());
    for (text, cli) in said {
        window.send(Message::Kantor(sentra::ui::kantor::Message::Desk(
            sentra::ui::kantor::meja::Message::QrChanged(text),
        )));
        window.send(Message::Kantor(sentra::ui::kantor::Message::Desk(
            sentra::ui::kantor::meja::Message::Verify,
        )));
        assert!(matches!(window.app.phase, Phase::Office(_)));
        assert!(window.shows_text(&cli), "{cli} not in {:?}", window.texts());
    }
}

/// Every file and folder under `from`, copied to `to`.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The one file in `dir` ending in `ending`: its name and bytes.
fn only_file(dir: &std::path::Path, ending: &str) -> (String, Vec<u8>) {
    let found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(ending))
        .collect();
    assert_eq!(found.len(), 1, "{ending} in {}: {found:?}", dir.display());
    let name = found[0].file_name().unwrap().to_string_lossy().into_owned();
    (name, std::fs::read(&found[0]).unwrap())
}

/// An export file's content, less what makes each file its own (its id).
fn content(file: &[u8]) -> serde_json::Value {
    let body = file.splitn(2, |b| *b == b'\n').nth(1).unwrap();
    let mut content: serde_json::Value = serde_json::from_slice(body.trim_ascii_end()).unwrap();
    content.as_object_mut().unwrap().remove("export_id");
    content
}

#[test]
fn a_closed_days_file_is_written_again_the_same_from_either_face() {
    fixed_clock();
    let by_cli = cli_stall(None);
    sentra_ok(
        by_cli.path(),
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000", "--unit",
            "pack",
        ],
    );
    sentra_ok(by_cli.path(), &["day", "open", "--float", "100000"]);
    sentra_ok(
        by_cli.path(),
        &["sale", "--item", "KRP-01=2", "--pay", "cash=20000"],
    );
    // Closed with no folder for the office's file (the stick was out).
    sentra_ok(by_cli.path(), &["day", "close", "--counted-cash", "120000"]);
    let by_window = tempfile::tempdir().unwrap();
    copy_dir(by_cli.path(), by_window.path());
    let (stick_cli, stick_window) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());

    sentra_ok(
        by_cli.path(),
        &[
            "day",
            "close",
            "--counted-cash",
            "120000",
            "--export-dir",
            stick_cli.path().to_str().unwrap(),
        ],
    );
    let mut store = Store::open(by_window.path()).unwrap();
    store
        .set_setting("export_dir", stick_window.path().to_str().unwrap())
        .unwrap();
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(Tab::Laporan));
    // The closed day offers its key on screen.
    assert!(
        window.shows_part("Tulis ekspor lagi"),
        "{:?}",
        window.texts()
    );
    window.press_key(iced::keyboard::key::Named::F11);
    assert!(
        window.shows_part(stick_window.path().to_str().unwrap()),
        "{:?}",
        window.texts()
    );
    drop(window);

    let (cli_name, cli_file) = only_file(stick_cli.path(), ".sentra");
    let (gui_name, gui_file) = only_file(stick_window.path(), ".sentra");
    assert_eq!(cli_name, gui_name);
    assert_eq!(content(&cli_file), content(&gui_file));
    // Nothing more to write: both refuse alike, as the day is closed.
    let (ok, _, stderr) = sentra(
        by_cli.path(),
        &[
            "day",
            "close",
            "--counted-cash",
            "120000",
            "--export-dir",
            stick_cli.path().to_str().unwrap(),
        ],
    );
    assert!(!ok && stderr.contains("sudah ditutup"), "{stderr}");
    let mut window = Window::on(Store::open(by_window.path()).unwrap());
    window.send(Message::SwitchTab(Tab::Laporan));
    window.press_key(iced::keyboard::key::Named::F11);
    assert!(
        window.texts().iter().any(|t| t.contains("sudah ditutup")),
        "{:?}",
        window.texts()
    );
}

#[test]
fn an_imported_files_tanda_terima_is_the_same_from_either_face() {
    fixed_clock();
    let (_stall_dir, mut stall) = new_stall();
    stall
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    stall
        .complete_sale(&cash_sale("KRP-01", "2", 20_000), NOW)
        .unwrap();
    let usb = tempfile::tempdir().unwrap();
    sentra::sync::export::export(&mut stall, usb.path(), None, NOW).unwrap();
    let (by_cli, by_window) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for office in [&by_cli, &by_window] {
        sentra_ok(
            office.path(),
            &["init", "office", "--name", "Sentra UMKM Lampung"],
        );
    }

    let receipts = tempfile::tempdir().unwrap();
    sentra_ok(
        by_cli.path(),
        &[
            "import",
            usb.path().to_str().unwrap(),
            "--receipts",
            receipts.path().to_str().unwrap(),
            "--width",
            "58",
        ],
    );
    let mut window = Window::on(Store::open(by_window.path()).unwrap());
    window.send(Message::Kantor(sentra::ui::kantor::Message::PathChanged(
        usb.path().display().to_string(),
    )));
    window.send(Message::Kantor(sentra::ui::kantor::Message::Import));
    window.click("Tanda terima");
    drop(window);

    let (cli_name, cli_pdf) = only_file(receipts.path(), ".pdf");
    let (gui_name, gui_pdf) = only_file(&by_window.path().join("tanda-terima"), ".pdf");
    assert_eq!(cli_name, gui_name);
    let text = |pdf: &[u8]| pdf_extract::extract_text_from_mem(pdf).unwrap();
    let (cli_text, gui_text) = (text(&cli_pdf), text(&gui_pdf));
    assert!(
        cli_text.contains("ST07") && cli_text.contains("Rp20.000"),
        "{cli_text}"
    );
    assert_eq!(cli_text, gui_text);
}
