//! What an `update` asks for besides changing state: work on the book (run on
//! one worker thread, in order, never on the UI thread) and moving the
//! keyboard focus.
//!
//! Screens return an [`Action`] of their own message type; the root maps it
//! up and turns it into an iced `Task`. Tests run the same jobs synchronously.

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

use iced::Task;
use iced::futures::channel::mpsc;

use super::refusal::{Refusal, WindowError};
use crate::store::Store;

/// The open book, shared between the UI and its worker thread. Jobs take
/// turns on it in the order they were asked for; the UI thread itself never
/// waits for it.
#[derive(Clone)]
pub struct Book {
    store: Arc<Mutex<Store>>,
    worker: Arc<OnceLock<Worker>>,
}

impl std::fmt::Debug for Book {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Book")
    }
}

/// A job waiting for the worker, with where its messages go.
struct Queued {
    job: Box<dyn FnOnce(&mut Store) + Send>,
    /// Jobs with the same key replace each other while they wait.
    supersede: Option<&'static str>,
}

/// The one thread that runs the book's jobs, and its queue.
struct Worker {
    queue: Arc<(Mutex<VecDeque<Queued>>, Condvar)>,
}

impl Worker {
    fn start(store: Arc<Mutex<Store>>) -> Worker {
        let queue: Arc<(Mutex<VecDeque<Queued>>, Condvar)> = Arc::default();
        let shared = queue.clone();
        std::thread::Builder::new()
            .name("sentra-book".into())
            .spawn(move || {
                loop {
                    let next = {
                        let (lock, ready) = &*shared;
                        let mut waiting = lock.lock().unwrap_or_else(|p| p.into_inner());
                        loop {
                            if let Some(next) = waiting.pop_front() {
                                break next;
                            }
                            waiting = ready.wait(waiting).unwrap_or_else(|p| p.into_inner());
                        }
                    };
                    let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
                    (next.job)(&mut store);
                }
            })
            .expect("the book's worker thread starts");
        Worker { queue }
    }

    fn push(&self, queued: Queued) {
        let (lock, ready) = &*self.queue;
        let mut waiting = lock.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(key) = queued.supersede {
            // An older search not started yet answers a question nobody asks
            // any more: drop it (its task ends with no message).
            waiting.retain(|q| q.supersede != Some(key));
        }
        waiting.push_back(queued);
        ready.notify_one();
    }
}

impl Book {
    pub fn new(store: Store) -> Book {
        Book {
            store: Arc::new(Mutex::new(store)),
            worker: Arc::default(),
        }
    }

    /// Works on the store here and now (tests; reading after set-up).
    pub fn with<T>(&self, work: impl FnOnce(&mut Store) -> T) -> T {
        // A job that panicked poisons the lock; the book itself is still
        // consistent (every write is one transaction), so carry on.
        let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        work(&mut store)
    }

    /// Runs `job` here and now, returning the messages it sends: for tests.
    /// A job that panics answers with its failure message, as on the worker.
    pub fn run_now<M: 'static>(&self, job: Job<M>) -> Vec<M> {
        let mut sent = Vec::new();
        self.with(|store| job.run(store, &mut |m| sent.push(m)));
        sent
    }

    /// Queues `job` for the worker thread; the task yields its messages.
    pub fn run<M: Send + 'static>(&self, job: Job<M>) -> Task<M> {
        let (sender, receiver) = mpsc::unbounded();
        let supersede = job.supersede;
        let worker = self
            .worker
            .get_or_init(|| Worker::start(self.store.clone()));
        worker.push(Queued {
            job: Box::new(move |store| {
                job.run(store, &mut |m| {
                    let _ = sender.unbounded_send(m);
                })
            }),
            supersede,
        });
        Task::stream(receiver)
    }
}

type Work<M> = Box<dyn FnOnce(&mut Store, &mut dyn FnMut(M)) + Send>;
type Failed<M> = Box<dyn FnOnce(Refusal) -> M + Send>;

/// Work on the book that answers with messages (usually one; an import sends
/// one per file), and says what to answer if it dies on the way.
pub struct Job<M> {
    work: Work<M>,
    failed: Option<Failed<M>>,
    supersede: Option<&'static str>,
}

impl<M: 'static> Job<M> {
    /// Work that ends in one message.
    pub fn new(work: impl FnOnce(&mut Store) -> M + Send + 'static) -> Job<M> {
        Job {
            work: Box::new(move |store, send| send(work(store))),
            failed: None,
            supersede: None,
        }
    }

    /// Work that sends its messages as it goes.
    pub fn streaming(work: impl FnOnce(&mut Store, &mut dyn FnMut(M)) + Send + 'static) -> Job<M> {
        Job {
            work: Box::new(work),
            failed: None,
            supersede: None,
        }
    }

    /// Runs the work; if it panics, answers with the failure message.
    fn run(self, store: &mut Store, send: &mut dyn FnMut(M)) {
        let Job { work, failed, .. } = self;
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| work(store, send)));
        if let Err(panic) = outcome {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            if let Some(failed) = failed {
                send(failed(WindowError::JobDied(detail).into()));
            }
        }
    }

    /// The message the job's screen gets if the job dies instead of
    /// answering: the worker was lost, or the work panicked.
    pub fn fail(self, why: Refusal) -> Option<M> {
        self.failed.map(|failed| failed(why))
    }

    pub fn map<N: 'static>(self, f: impl Fn(M) -> N + Clone + Send + 'static) -> Job<N> {
        let Job {
            work,
            failed,
            supersede,
        } = self;
        let g = f.clone();
        Job {
            work: Box::new(move |store, send| work(store, &mut |m| send(f(m)))),
            failed: failed.map(|failed| Box::new(move |why| g(failed(why))) as Failed<N>),
            supersede,
        }
    }

    /// Answers `failed` if the job dies: for work whose answer carries
    /// more than the refusal (a scan's place in the order of scans).
    pub fn failing_with(mut self, failed: impl FnOnce(Refusal) -> M + Send + 'static) -> Job<M> {
        self.failed = Some(Box::new(failed));
        self
    }

    /// Says which message to answer if the job dies, unless it says already.
    pub fn or_failed(mut self, failed: fn(Refusal) -> M) -> Job<M> {
        if self.failed.is_none() {
            self.failed = Some(Box::new(failed));
        }
        self
    }

    /// A newer job with the same key drops this one if it has not started.
    pub fn superseding(mut self, key: &'static str) -> Job<M> {
        self.supersede = Some(key);
        self
    }
}

/// Runs `work` at the time of day (`SENTRA_NOW` or the clock), with any
/// refusal kept as a [`Refusal`]: the shape of almost every job that writes
/// to the book.
pub fn at_now<T, E: Into<Refusal>>(
    work: impl FnOnce(time::OffsetDateTime) -> Result<T, E>,
) -> Result<T, Refusal> {
    let now = crate::clock::now().map_err(Refusal::from)?;
    work(now).map_err(Into::into)
}

/// What a screen asks of the root, which owns what no screen may touch:
/// the phase (first run, stall, office), the language, the other screens.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Set-up wrote what it could: read the book back and show its screens
    /// (a refusal after the identity was written is told there).
    SetUpFinished,
    /// A restore replaced the book: identity, settings and every screen
    /// come from the new one.
    Restored,
    /// Settings were saved: the language and the screens that read them
    /// follow.
    SettingsApplied(Box<crate::store::Settings>),
}

/// What an update asks for: nothing, work on the book (`Run`), a move of
/// the keyboard, or an [`Intent`] the root obeys.
pub enum Action<M> {
    None,
    Run(Job<M>),
    Intent(Intent),
    /// Put the keyboard focus in the text field with this id.
    Focus(&'static str),
    /// Move the focus to the next field (Tab) or the previous (Shift+Tab).
    FocusNext,
    FocusPrevious,
    /// Scroll the list with this id until its row `row` of `of` shows: a
    /// row the keyboard highlights is never left off screen.
    Reveal {
        list: &'static str,
        row: usize,
        of: usize,
    },
    /// Scroll the view with this id by keys (PgUp/PgDn, ↑/↓, Home/End).
    Scroll {
        view: &'static str,
        by: Scroll,
    },
    Batch(Vec<Action<M>>),
}

/// How far a key scrolls a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scroll {
    /// Down (positive) or up by this many pixels.
    By(f32),
    Top,
    Bottom,
}

impl Scroll {
    /// A line (an arrow key) and a page (PgUp/PgDn), in pixels: a page
    /// keeps a line of what was shown, so the eye finds its place.
    pub const LINE: f32 = 40.0;
    pub const PAGE: f32 = 480.0;

    /// The scroll a key asks for, if it is a scrolling key.
    pub fn for_key(key: &iced::keyboard::key::Named) -> Option<Scroll> {
        use iced::keyboard::key::Named;
        Some(match key {
            Named::ArrowDown => Scroll::By(Scroll::LINE),
            Named::ArrowUp => Scroll::By(-Scroll::LINE),
            Named::PageDown => Scroll::By(Scroll::PAGE),
            Named::PageUp => Scroll::By(-Scroll::PAGE),
            Named::Home => Scroll::Top,
            Named::End => Scroll::Bottom,
            _ => return None,
        })
    }
}

/// A request about what the keyboard is on (a field's focus, a list's
/// highlighted row brought into view), once an effect is taken apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Focus {
    On(&'static str),
    Next,
    Previous,
    Reveal {
        list: &'static str,
        row: usize,
        of: usize,
    },
    Scroll {
        view: &'static str,
        by: Scroll,
    },
}

impl<M: 'static> Action<M> {
    /// Work on the book.
    pub fn job(work: impl FnOnce(&mut Store) -> M + Send + 'static) -> Action<M> {
        Action::Run(Job::new(work))
    }

    /// A search: a newer one drops an older one that has not started.
    pub fn search(
        key: &'static str,
        work: impl FnOnce(&mut Store) -> M + Send + 'static,
    ) -> Action<M> {
        Action::Run(Job::new(work).superseding(key))
    }

    pub fn map<N: 'static>(self, f: fn(M) -> N) -> Action<N> {
        match self {
            Action::None => Action::None,
            Action::Run(job) => Action::Run(job.map(f)),
            Action::Focus(id) => Action::Focus(id),
            Action::FocusNext => Action::FocusNext,
            Action::FocusPrevious => Action::FocusPrevious,
            Action::Reveal { list, row, of } => Action::Reveal { list, row, of },
            Action::Scroll { view, by } => Action::Scroll { view, by },
            Action::Intent(intent) => Action::Intent(intent),
            Action::Batch(effects) => {
                Action::Batch(effects.into_iter().map(|e| e.map(f)).collect())
            }
        }
    }

    /// Routes the failure of every job in here that has no route yet.
    pub fn or_failed(self, failed: fn(Refusal) -> M) -> Action<M> {
        match self {
            Action::Run(job) => Action::Run(job.or_failed(failed)),
            Action::Batch(effects) => {
                Action::Batch(effects.into_iter().map(|e| e.or_failed(failed)).collect())
            }
            other => other,
        }
    }

    pub fn and(self, other: Action<M>) -> Action<M> {
        match (self, other) {
            (Action::None, other) | (other, Action::None) => other,
            (Action::Batch(mut effects), other) => {
                effects.push(other);
                Action::Batch(effects)
            }
            (first, second) => Action::Batch(vec![first, second]),
        }
    }

    /// Takes out the intents, in order, leaving the rest to run.
    pub fn take_intents(self) -> (Action<M>, Vec<Intent>) {
        match self {
            Action::Intent(intent) => (Action::None, vec![intent]),
            Action::Batch(actions) => {
                let mut intents = Vec::new();
                let mut rest = Action::None;
                for action in actions {
                    let (left, mut taken) = action.take_intents();
                    intents.append(&mut taken);
                    rest = rest.and(left);
                }
                (rest, intents)
            }
            other => (other, Vec::new()),
        }
    }

    /// Flattens into jobs and focus requests, in order. Intents are the
    /// root's to obey before (`App::obey`); one left here asks nothing
    /// of the runtime.
    pub fn into_parts(self) -> (Vec<Job<M>>, Vec<Focus>) {
        let mut jobs = Vec::new();
        let mut focus = Vec::new();
        let mut stack = vec![self];
        while let Some(effect) = stack.pop() {
            match effect {
                Action::None | Action::Intent(_) => {}
                Action::Run(job) => jobs.push(job),
                Action::Focus(id) => focus.push(Focus::On(id)),
                Action::FocusNext => focus.push(Focus::Next),
                Action::FocusPrevious => focus.push(Focus::Previous),
                Action::Reveal { list, row, of } => focus.push(Focus::Reveal { list, row, of }),
                Action::Scroll { view, by } => focus.push(Focus::Scroll { view, by }),
                Action::Batch(effects) => stack.extend(effects.into_iter().rev()),
            }
        }
        (jobs, focus)
    }
}
