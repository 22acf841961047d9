//! What a screen asks of the root, and the root doing it: each `Intent` a
//! screen's `update` returns (no side channel the root peeks at) changes
//! what the window shows. Driven through the real views and `update`.

mod common;
#[path = "common/window.rs"]
mod window;

use common::{NOW, PIN, new_stall};
use iced::keyboard::key::Named;
use sentra::domain::tax::TaxMode;
use sentra::store::Store;
use sentra::ui::i18n::Lang;
use sentra::ui::pengaturan::{self, Setting};
use sentra::ui::{Intent, Message, Phase, Tab, first_run, kantor};
use window::Window;

fn intents<M: 'static>(action: sentra::ui::Action<M>) -> Vec<Intent> {
    action.take_intents().1
}

#[test]
fn set_up_finished_opens_the_stall_it_set_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut window = Window::on(Store::open(dir.path()).unwrap());
    assert!(matches!(window.app.phase, Phase::FirstRun(_)));
    // The screen itself only says it is finished.
    let mut alone = first_run::FirstRun::default();
    assert_eq!(
        intents(alone.update(first_run::Message::Finished(Ok(())))),
        vec![Intent::SetUpFinished]
    );

    window.type_keys("ST09");
    window.press_key(Named::Tab);
    window.type_keys("Kopi Bu Ani");
    window.press_key(Named::Tab);
    window.press_key(Named::Tab);
    window.type_keys("1802");
    window.press_key(Named::F7);
    window.press_key(Named::Tab);
    window.type_keys(PIN);
    // No demo: set-up is quick.
    if let Phase::FirstRun(run) = &mut window.app.phase {
        run.demo = false;
    }
    window.press_key(Named::Enter);

    // The root read the book back and opened the stall's screens.
    let Phase::Stall(shell) = &window.app.phase else {
        panic!("still {:?}", std::mem::discriminant(&window.app.phase));
    };
    assert_eq!(shell.identity.code.as_deref(), Some("ST09"));
    assert!(window.shows_part("Kopi Bu Ani"), "{:?}", window.texts());
}

#[test]
fn settings_applied_changes_the_language_and_the_till() {
    let (_dir, store) = new_stall();
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(Tab::Pengaturan));
    assert_eq!(window.app.lang, Lang::Id);
    assert!(window.shows_text("Pengaturan"), "{:?}", window.texts());

    window.send(Message::Pengaturan(pengaturan::Message::Set(
        Setting::Language(Lang::En),
    )));
    assert_eq!(window.app.lang, Lang::En);
    assert!(window.shows_text("Settings"), "{:?}", window.texts());

    // A tax mode saved reaches the till, which adds PPN with it.
    window.send(Message::Pengaturan(pengaturan::Message::Set(
        Setting::TaxMode(TaxMode::Exclusive),
    )));
    let Phase::Stall(shell) = &window.app.phase else {
        panic!("the stall's screens");
    };
    assert_eq!(shell.kasir.tax.mode, TaxMode::Exclusive);
}

#[test]
fn the_office_language_saved_changes_the_whole_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.init_office("Kantor Sentra", Some(PIN), NOW).unwrap();
    let mut window = Window::on(store);
    assert!(matches!(window.app.phase, Phase::Office(_)));
    assert_eq!(window.app.lang, Lang::Id);
    window.send(Message::Kantor(kantor::Message::SetLanguage(Lang::En)));
    assert_eq!(window.app.lang, Lang::En);
}

#[test]
fn restored_reloads_every_screen_from_the_other_book() {
    let (dir, store) = new_stall();
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(Tab::Pengaturan));
    window.send(Message::Pengaturan(pengaturan::Message::BackupNow));
    let backup = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .next()
        .expect("a backup written")
        .unwrap()
        .path();

    // After the backup, the tax mode changes; the restore brings none back.
    window.send(Message::Pengaturan(pengaturan::Message::Set(
        Setting::TaxMode(TaxMode::Exclusive),
    )));
    window.send(Message::Pengaturan(
        pengaturan::Message::RestorePathChanged(backup.display().to_string()),
    ));
    window.send(Message::Pengaturan(pengaturan::Message::RestorePinChanged(
        PIN.into(),
    )));
    window.send(Message::Pengaturan(pengaturan::Message::AcceptLossToggled(
        true,
    )));
    window.send(Message::Pengaturan(pengaturan::Message::Restore));

    let Phase::Stall(shell) = &window.app.phase else {
        panic!("the stall's screens");
    };
    assert!(shell.pengaturan.notice.is_some(), "the restore is told");
    assert_eq!(shell.pengaturan.settings.tax.mode, TaxMode::None);
    assert_eq!(shell.kasir.tax.mode, TaxMode::None);
    assert_eq!(shell.tab, Tab::Pengaturan);
}
