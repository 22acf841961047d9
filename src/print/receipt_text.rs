//! The *struk* as plain text, as wide as the thermal paper's standard font:
//! 32 characters on 58 mm, 48 on 80 mm.

use crate::money::Rupiah;
use crate::store::{CompletedSale, Identity};

/// The receipt as lines of at most 32 (58 mm) or 48 (80 mm) characters.
pub fn render(identity: &Identity, sale: &CompletedSale, paper_mm: u16) -> String {
    let width = if paper_mm >= 80 { 48 } else { 32 };
    let rule = "-".repeat(width);
    let mut lines = vec![centre(&identity.name, width)];
    if let Some(regency) = identity.regency {
        lines.push(centre(regency.name, width));
    }
    lines.push(rule.clone());
    lines.push(sale.receipt.clone());
    lines.push(
        sale.created_at
            .get(..16)
            .unwrap_or(&sale.created_at)
            .replace('T', " "),
    );
    if sale.voided {
        lines.push(centre("*** DIBATALKAN ***", width));
    }
    lines.push(rule.clone());
    for line in &sale.lines {
        lines.extend(wrap(&line.name, width));
        let detail = format!("  {} x {}", line.quantity, line.unit_price);
        lines.push(both(&detail, &line.gross.to_string(), width));
        if line.line_discount.is_positive() {
            lines.push(both("  diskon", &format!("-{}", line.line_discount), width));
        }
    }
    lines.push(rule.clone());
    let mut amount =
        |label: &str, value: Rupiah| lines.push(both(label, &value.to_string(), width));
    amount("Subtotal", sale.subtotal);
    if sale.line_discounts.is_positive() || sale.sale_discount.is_positive() {
        amount(
            "Diskon",
            Rupiah::new(-(sale.line_discounts.value() + sale.sale_discount.value())),
        );
    }
    if sale.tax.is_positive() {
        amount("PPN", sale.tax);
    }
    amount("TOTAL", sale.total);
    for payment in &sale.payments {
        amount(payment.method.label(), payment.tendered);
    }
    amount("Kembalian", sale.change);
    lines.push(rule);
    lines.push(centre("Terima kasih", width));
    lines.join("\n")
}

fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(count)))
}

fn centre(text: &str, width: usize) -> String {
    let count = text.chars().count().min(width);
    let text: String = text.chars().take(width).collect();
    format!("{}{text}", " ".repeat((width - count) / 2))
}

fn both(left: &str, right: &str, width: usize) -> String {
    let room = width.saturating_sub(right.chars().count() + 1);
    let left: String = left.chars().take(room).collect();
    format!("{}{right}", pad(&left, room + 1))
}

/// Long product names wrap at word boundaries, never run off the paper.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > width {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        if word.is_empty() {
            continue;
        }
        let needed = if current.is_empty() {
            word.chars().count()
        } else {
            current.chars().count() + 1 + word.chars().count()
        };
        if needed > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_within_the_paper() {
        let lines = wrap(
            "Kain Tapis Motif Jung Sarat Benang Emas Asli Lampung Barat",
            32,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 32));
        assert_eq!(
            lines.join(" "),
            "Kain Tapis Motif Jung Sarat Benang Emas Asli Lampung Barat"
        );
        assert!(
            wrap(&"x".repeat(70), 32)
                .iter()
                .all(|l| l.chars().count() <= 32)
        );
    }

    #[test]
    fn amounts_line_up_right() {
        assert_eq!(both("TOTAL", "Rp55.000", 32).chars().count(), 32);
    }
}
