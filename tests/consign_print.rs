//! Titip jual's paper, read back with tools nobody here wrote (pdf-extract,
//! poppler): the handover note and the statement are A4, carry what a
//! producer and a vendor look for, and have two signature lines, each with
//! who signs under it; the office's producers report adds up.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for these tests (.ci/run installs it): {e}"));
    assert!(
        output.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Width and height of the first page, in points, and the page count.
fn page_size(pdf: &Path) -> (f32, f32, usize) {
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .expect("page size");
    let numbers: Vec<f32> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (numbers[0], numbers[1], pages)
}

/// Each word on the last page with its box (xMin, yMin, xMax), from poppler.
fn words(pdf: &Path) -> Vec<(String, f32, f32, f32)> {
    let (_, _, pages) = page_size(pdf);
    let last = pages.to_string();
    let html = run(
        "pdftotext",
        &[
            "-bbox",
            "-f",
            &last,
            "-l",
            &last,
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let start = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            let word = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            (word.to_string(), attr("xMin"), attr("yMin"), attr("xMax"))
        })
        .collect()
}

/// Horizontal rules drawn on the last page, found in its picture at 100 dpi:
/// (y, x from, x to) in points for each dark run longer than `min_pt`.
fn rules(pdf: &Path, dir: &Path, min_pt: f32) -> Vec<(f32, f32, f32)> {
    let (_, _, pages) = page_size(pdf);
    let stem = dir.join("page");
    let last = pages.to_string();
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "100",
            "-f",
            &last,
            "-l",
            &last,
            "-singlefile",
            pdf.to_str().unwrap(),
            stem.to_str().unwrap(),
        ],
    );
    let image = image::open(dir.join("page.png")).unwrap().to_luma8();
    let scale = 72.0 / 100.0;
    let mut found = Vec::new();
    for y in 0..image.height() {
        let mut start = None;
        for x in 0..=image.width() {
            let dark = x < image.width() && image.get_pixel(x, y).0[0] < 128;
            match (dark, start) {
                (true, None) => start = Some(x),
                (false, Some(from)) => {
                    if (x - from) as f32 * scale >= min_pt {
                        found.push((y as f32 * scale, from as f32 * scale, x as f32 * scale));
                    }
                    start = None;
                }
                _ => {}
            }
        }
    }
    found
}

/// Two signature lines side by side, each with its words under it.
fn assert_two_signature_lines(pdf: &Path, dir: &Path, left: &[&str], right: &[&str]) {
    let words = words(pdf);
    let find = |text: &str| {
        words
            .iter()
            .rev()
            .find(|w| w.0 == text)
            .unwrap_or_else(|| panic!("{text:?} not on the last page"))
            .clone()
    };
    let (_, lx, ly, _) = find(left[0]);
    let (_, rx, ry, _) = find(right[0]);
    assert!((ly - ry).abs() < 1.0, "the two signatures share a line");
    assert!(
        lx < 297.0 / 2.0 && rx > 297.0,
        "one on each half: {lx} {rx}"
    );
    for word in left.iter().chain(right) {
        find(word);
    }
    // Short rules (shorter than the page's section rules) just above the
    // two labels: the lines to sign on.
    let signature_rules: Vec<_> = rules(pdf, dir, 150.0)
        .into_iter()
        .filter(|(y, from, to)| *y < ly && ly - *y < 12.0 && to - from < 300.0)
        .collect();
    assert!(
        signature_rules
            .iter()
            .any(|(_, from, to)| *from < lx + 2.0 && *to > lx + 100.0),
        "a line to sign on above {:?}: {signature_rules:?}",
        left[0]
    );
    assert!(
        signature_rules
            .iter()
            .any(|(_, from, to)| *from < rx + 2.0 && *to > rx + 100.0),
        "a line to sign on above {:?}: {signature_rules:?}",
        right[0]
    );
}

fn text(pdf: &Path) -> String {
    pdf_extract::extract_text(pdf).unwrap()
}

#[test]
fn the_handover_note_and_the_statement_read_back_with_their_signature_lines() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    let paper = tempfile::tempdir().unwrap();
    sentra_ok(
        d,
        &[
            "producer",
            "add",
            "--code",
            "P001",
            "--name",
            "Ibu Sari Rahayu",
            "--regency",
            "1806",
            "--nib",
            "1234567890123",
            "--phone",
            "0812-1111-2222",
            "--bank",
            "BRI 1234 a.n. Sari",
        ],
    );
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KRP-LU",
            "--name",
            "Keripik Pisang Lampung Utara 200 g",
            "--price",
            "12000",
            "--unit",
            "pack",
            "--producer",
            "P001",
            "--consign-price",
            "9000",
        ],
    );
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KPI-LB",
            "--name",
            "Kopi Robusta Liwa",
            "--price",
            "150000",
            "--unit",
            "kg",
            "--producer",
            "P001",
            "--commission",
            "20%",
        ],
    );
    let note = paper.path().join("terima.pdf");
    sentra_ok(
        d,
        &[
            "consign",
            "receive",
            "P001",
            "--item",
            "KRP-LU=24",
            "--item",
            "KPI-LB=2,5",
            "--note",
            "dari Kotabumi, kemasan baru",
            "--pdf",
            note.to_str().unwrap(),
        ],
    );
    let (width, height, pages) = page_size(&note);
    assert!(
        (width - 595.3).abs() < 1.0 && (height - 841.9).abs() < 1.0,
        "A4: {width}×{height}"
    );
    assert_eq!(pages, 1);
    let read = text(&note);
    for expected in [
        "Berita Acara Serah Terima Barang Titipan",
        "ST07-TT-20261127-01",
        "Terima titipan",
        "Ibu Sari Rahayu (P001)",
        "Lampung Utara",
        "1234567890123",
        "Keripik Pisang Lampung Utara 200 g",
        "2,5",
        "dari Kotabumi, kemasan baru",
    ] {
        assert!(
            read.contains(expected),
            "{expected:?} missing from:\n{read}"
        );
    }
    let sign_dir = tempfile::tempdir().unwrap();
    assert_two_signature_lines(
        &note,
        sign_dir.path(),
        &["menyerahkan", "Sari", "Rahayu"],
        &["menerima", "Tapis", "Indah"],
    );

    // The hand-back note: the stall hands over, the producer receives.
    let back = paper.path().join("kembali.pdf");
    sentra_ok(
        d,
        &[
            "consign",
            "return",
            "P001",
            "--item",
            "KRP-LU=4",
            "--pdf",
            back.to_str().unwrap(),
        ],
    );
    let read = text(&back);
    assert!(
        read.contains("ST07-TT-20261127-02") && read.contains("Retur ke penitip"),
        "{read}"
    );
    let sign_dir = tempfile::tempdir().unwrap();
    assert_two_signature_lines(
        &back,
        sign_dir.path(),
        &["menyerahkan", "Tapis", "Indah"],
        &["menerima", "Sari", "Rahayu"],
    );

    // A statement after a sale and a payout.
    sentra_ok(
        d,
        &[
            "sale",
            "--item",
            "KRP-LU=3",
            "--item",
            "KPI-LB=0,5",
            "--pay",
            "cash=111000",
        ],
    );
    let kuitansi = paper.path().join("kuitansi.pdf");
    sentra_ok(
        d,
        &[
            "consign",
            "pay",
            "P001",
            "--amount",
            "20000",
            "--method",
            "cash",
            "--pin",
            PIN,
            "--pdf",
            kuitansi.to_str().unwrap(),
        ],
    );
    // On the stall's struk roll (58 mm), signed by the penitip.
    let (width, _, pages) = page_size(&kuitansi);
    assert!(
        (width - 58.0 * 72.0 / 25.4).abs() < 1.0 && pages == 1,
        "{width}"
    );
    let read = text(&kuitansi)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "KUITANSI BAYAR PENITIP",
        "P001 Ibu Sari Rahayu",
        "Rp20.000",
        "dua puluh ribu rupiah",
        "Tunai / Cash",
        "Penitip / Producer",
    ] {
        assert!(read.contains(expected), "{expected}: {read}");
    }
    let statement = paper.path().join("laporan.pdf");
    sentra_ok(
        d,
        &[
            "consign",
            "statement",
            "P001",
            "--pdf",
            statement.to_str().unwrap(),
        ],
    );
    let (width, height, _) = page_size(&statement);
    assert!((width - 595.3).abs() < 1.0 && (height - 841.9).abs() < 1.0);
    let read = text(&statement);
    for expected in [
        "Laporan Titip Jual",
        "Ibu Sari Rahayu (P001)",
        "BRI 1234 a.n. Sari",
        "KRP-LU",
        "Rp36.000",
        "Rp27.000",
        "Rp60.000",
        "Rp87.000",
        "Rp20.000",
        "Rp67.000",
        "ST07-TT-20261127-01",
        "ST07-TT-20261127-02",
    ] {
        assert!(
            read.contains(expected),
            "{expected:?} missing from:\n{read}"
        );
    }
    let sign_dir = tempfile::tempdir().unwrap();
    assert_two_signature_lines(
        &statement,
        sign_dir.path(),
        &["Penitip", "Sari"],
        &["Toko", "Indah"],
    );
    // Nothing runs past the right margin.
    for (word, _, _, right) in words(&statement) {
        assert!(
            right <= 595.3 - 18.0 * 72.0 / 25.4 + 1.0,
            "{word:?} ends at {right}"
        );
    }
    // A PDF onto the book is refused before anything is recorded.
    let before = snapshot(d);
    let book = d.join("sentra.db");
    let (ok, _, stderr) = sentra(
        d,
        &[
            "consign",
            "receive",
            "P001",
            "--item",
            "KRP-LU=1",
            "--pdf",
            book.to_str().unwrap(),
        ],
    );
    assert!(!ok, "{stderr}");
    assert_eq!(before, snapshot(d));
}

#[test]
fn a_long_statement_runs_over_pages_and_keeps_its_signatures_on_the_last() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "producer",
            "add",
            "--code",
            "P001",
            "--name",
            "Koperasi Tapis",
            "--regency",
            "1802",
        ],
    );
    let mut receive = vec!["consign".to_string(), "receive".into(), "P001".into()];
    for n in 0..45 {
        let sku = format!("TPS-{n:02}");
        sentra_ok(
            d,
            &[
                "product",
                "add",
                "--sku",
                &sku,
                "--name",
                &format!("Kain Tapis Motif Pucuk Rebung Benang Emas {n:02}"),
                "--price",
                "950000",
                "--producer",
                "P001",
                "--consign-price",
                "800000",
            ],
        );
        receive.push("--item".into());
        receive.push(format!("{sku}=2"));
    }
    let receive: Vec<&str> = receive.iter().map(String::as_str).collect();
    sentra_ok(d, &receive);
    let pdf = d.join("..").join(format!(
        "{}-statement.pdf",
        d.file_name().unwrap().to_str().unwrap()
    ));
    sentra_ok(
        d,
        &[
            "consign",
            "statement",
            "P001",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    let (_, _, pages) = page_size(&pdf);
    assert!(pages >= 2, "{pages} pages");
    let read = text(&pdf);
    for n in 0..45 {
        assert!(read.contains(&format!("TPS-{n:02}")), "TPS-{n:02} missing");
    }
    assert!(
        read.contains("(lanjutan)"),
        "the next page says it continues"
    );
    let sign_dir = tempfile::tempdir().unwrap();
    assert_two_signature_lines(
        &pdf,
        sign_dir.path(),
        &["Penitip", "Koperasi"],
        &["Toko", "Indah"],
    );
    std::fs::remove_file(&pdf).unwrap();
}
