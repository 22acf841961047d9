//! A QR code as a PNG image: black modules on white, a quiet zone of four
//! modules, each module `scale` pixels square (for a QRIS shown or sent on).

use qrcode::{Color as Module, QrCode};

use std::io;

/// The QR code of `payload` as PNG bytes.
pub fn qr_png(payload: &str, scale: u32) -> io::Result<Vec<u8>> {
    let code = QrCode::new(payload.as_bytes()).map_err(io::Error::other)?;
    let modules = code.width() as u32;
    let colors = code.to_colors();
    let quiet = 4;
    let side = (modules + 2 * quiet) * scale;
    let mut pixels = vec![255u8; (side * side) as usize];
    for (index, module) in colors.iter().enumerate() {
        if *module != Module::Dark {
            continue;
        }
        let (x, y) = (index as u32 % modules, index as u32 / modules);
        for dy in 0..scale {
            let row = (y + quiet) * scale + dy;
            let start = (row * side + (x + quiet) * scale) as usize;
            pixels[start..start + scale as usize].fill(0);
        }
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(io::Error::other)?;
    writer.write_image_data(&pixels).map_err(io::Error::other)?;
    writer.finish().map_err(io::Error::other)?;
    Ok(bytes)
}
