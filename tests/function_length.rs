//! Short functions, one idea each: counts the lines of every function in
//! `src/` outside test modules and the translation tables (`ui/i18n.rs`,
//! `ui/refusal.rs`: one arm per sentence), and fails when more run long than
//! the ceilings below: none over 120 lines, and few over 80 (a ceiling
//! below the goal of 15, that only comes down).

use std::path::{Path, PathBuf};

/// Functions over 80 lines allowed now (the goal was 15).
const MAX_OVER_80: usize = 9;

/// The translation tables: a match arm per sentence, long by nature.
const TABLES: [&str; 2] = ["src/ui/i18n.rs", "src/ui/refusal.rs"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The name of the function a line starts, if it starts one.
fn starts_fn(line: &str) -> Option<(usize, String)> {
    let indent = line.len() - line.trim_start().len();
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let name = rest.strip_prefix("fn ")?;
    let name: String = name
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some((indent, name))
}

/// (lines, file, function) of every function with a body, up to the first
/// test module of each file.
fn functions(root: &Path) -> Vec<(usize, String, String)> {
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let name = file.strip_prefix(root).unwrap().display().to_string();
        // The translation tables, and test modules kept in their own file.
        if TABLES.contains(&name.as_str()) || name.ends_with("/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let end = lines
            .iter()
            .position(|l| l.trim() == "#[cfg(test)]")
            .unwrap_or(lines.len());
        for (at, line) in lines[..end].iter().enumerate() {
            let Some((indent, function)) = starts_fn(line) else {
                continue;
            };
            let Some(open) = (at..end).find(|&i| lines[i].contains('{') || lines[i].ends_with(';'))
            else {
                continue;
            };
            let balance = |l: &str| l.matches('{').count() as i64 - l.matches('}').count() as i64;
            if !lines[open].contains('{') || balance(lines[open]) <= 0 {
                // A declaration, or a body on one line.
                continue;
            }
            let close = format!("{}}}", " ".repeat(indent));
            if let Some(last) = (open + 1..end).find(|&i| lines[i].starts_with(&close)) {
                found.push((last - at + 1, name.clone(), function));
            }
        }
    }
    found.sort_by(|a, b| b.cmp(a));
    found
}

#[test]
fn no_more_long_functions_than_the_ceilings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let all = functions(root);
    assert!(
        all.len() > 500,
        "the walk found the functions: {}",
        all.len()
    );
    let over = |limit: usize| all.iter().filter(|(n, ..)| *n > limit).collect::<Vec<_>>();
    let (over_120, over_80) = (over(120), over(80));
    let list = over_80
        .iter()
        .map(|(n, file, f)| format!("{n:4}  {file}  {f}"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        over_120.is_empty() && over_80.len() <= MAX_OVER_80,
        "{} functions over 120 lines (none allowed) and {} over 80 (at most {MAX_OVER_80}); cut the new one into named steps:\n{list}",
        over_120.len(),
        over_80.len()
    );
}

#[test]
fn a_long_function_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("src")).unwrap();
    let body = "    let x = 1;\n".repeat(130);
    std::fs::write(
        dir.path().join("src/long.rs"),
        format!("pub fn long() {{\n{body}}}\n\nfn short() {{}}\n"),
    )
    .unwrap();
    let found = functions(dir.path());
    assert_eq!(found[0], (132, "src/long.rs".into(), "long".into()));
}
