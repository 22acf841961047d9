//! The window. For now a placeholder that names the book it would open; the
//! screens (Kasir, Stok, Laporan, Pengaturan) are their own work.

use std::path::PathBuf;

use iced::widget::{center, column, text};
use iced::{Element, Task};

struct Placeholder {
    data_dir: PathBuf,
}

#[derive(Debug, Clone)]
enum Message {}

/// Opens the window on the book in `data_dir`.
pub fn run(data_dir: PathBuf) -> iced::Result {
    iced::application(
        move || {
            (
                Placeholder {
                    data_dir: data_dir.clone(),
                },
                Task::none(),
            )
        },
        |_: &mut Placeholder, message: Message| -> Task<Message> { match message {} },
        view,
    )
    .title("Sentra")
    .run()
}

fn view(state: &Placeholder) -> Element<'_, Message> {
    center(
        column![
            text("Sentra").size(48),
            text("Kasir untuk toko sentra UMKM Lampung").size(20),
            text(format!("Folder data: {}", state.data_dir.display())).size(14),
        ]
        .spacing(12),
    )
    .into()
}
