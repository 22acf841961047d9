//! Puts the icon into the Windows executable (Explorer, the Start menu and
//! the task bar read it from there). Only for Windows targets; Linux builds
//! do nothing here. The resource is compiled with mingw's windres, as the
//! Windows build itself is made with mingw (packaging/build-windows).

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=assets/icon/sentra.ico");
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let icon = manifest.join("assets/icon/sentra.ico");
    let script = out.join("sentra.rc");
    // windres reads forward slashes on every host.
    let icon = icon.to_string_lossy().replace('\\', "/");
    std::fs::write(&script, format!("1 ICON \"{icon}\"\n")).expect("write sentra.rc");
    let object = out.join("sentra-icon.o");
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let status = Command::new(&windres)
        .args(["-O", "coff", "-i"])
        .arg(&script)
        .arg("-o")
        .arg(&object)
        .status()
        .unwrap_or_else(|e| panic!("{windres} (mingw-w64) is needed for the Windows icon: {e}"));
    assert!(status.success(), "{windres} failed on {}", script.display());
    println!("cargo:rustc-link-arg-bins={}", object.display());
}
