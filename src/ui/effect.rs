//! What an `update` asks for besides changing state: work on the book (run on
//! a worker thread, never on the UI thread) and moving the keyboard focus.
//!
//! Screens return an [`Effect`] of their own message type; the root maps it
//! up and turns it into an iced `Task`. Tests run the same jobs synchronously.

use std::sync::{Arc, Mutex};

use iced::Task;
use iced::futures::channel::oneshot;

use crate::store::Store;

/// The open book, shared between the UI and its worker threads. Jobs take
/// turns on it; the UI thread itself never waits for it.
#[derive(Clone)]
pub struct Book(Arc<Mutex<Store>>);

impl std::fmt::Debug for Book {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Book")
    }
}

impl Book {
    pub fn new(store: Store) -> Book {
        Book(Arc::new(Mutex::new(store)))
    }

    /// Runs `job` here and now: for worker threads and tests.
    pub fn run_now<M>(&self, job: Job<M>) -> M {
        // A job that panicked poisons the lock; the book itself is still
        // consistent (every write is one transaction), so carry on.
        let mut store = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (job.0)(&mut store)
    }

    /// Runs `job` on a worker thread; the task yields its message.
    pub fn run<M: Send + 'static>(&self, job: Job<M>, failed: fn(String) -> M) -> Task<M> {
        let (sender, receiver) = oneshot::channel();
        let book = self.clone();
        std::thread::spawn(move || {
            let _ = sender.send(book.run_now(job));
        });
        Task::perform(receiver, move |result| {
            result
                .unwrap_or_else(|_| failed("pekerjaan di latar belakang berhenti mendadak".into()))
        })
    }
}

/// Work on the book that ends in a message.
pub struct Job<M>(Box<dyn FnOnce(&mut Store) -> M + Send>);

impl<M: 'static> Job<M> {
    pub fn new(work: impl FnOnce(&mut Store) -> M + Send + 'static) -> Job<M> {
        Job(Box::new(work))
    }

    pub fn map<N: 'static>(self, f: impl FnOnce(M) -> N + Send + 'static) -> Job<N> {
        Job(Box::new(move |store| f((self.0)(store))))
    }
}

/// Runs `work` at the time of day (`SENTRA_NOW` or the clock), with any
/// refusal turned into the sentence a person reads: the shape of almost
/// every job that writes to the book.
pub fn at_now<T, E: std::fmt::Display>(
    work: impl FnOnce(time::OffsetDateTime) -> Result<T, E>,
) -> Result<T, String> {
    let now = crate::clock::now().map_err(|e| e.to_string())?;
    work(now).map_err(|e| e.to_string())
}

/// What an update asks the runtime to do.
pub enum Effect<M> {
    None,
    Job(Job<M>),
    /// Put the keyboard focus in the text field with this id.
    Focus(&'static str),
    Batch(Vec<Effect<M>>),
}

impl<M: 'static> Effect<M> {
    /// Work on the book.
    pub fn job(work: impl FnOnce(&mut Store) -> M + Send + 'static) -> Effect<M> {
        Effect::Job(Job::new(work))
    }

    pub fn map<N: 'static>(self, f: fn(M) -> N) -> Effect<N> {
        match self {
            Effect::None => Effect::None,
            Effect::Job(job) => Effect::Job(job.map(f)),
            Effect::Focus(id) => Effect::Focus(id),
            Effect::Batch(effects) => {
                Effect::Batch(effects.into_iter().map(|e| e.map(f)).collect())
            }
        }
    }

    pub fn and(self, other: Effect<M>) -> Effect<M> {
        match (self, other) {
            (Effect::None, other) | (other, Effect::None) => other,
            (Effect::Batch(mut effects), other) => {
                effects.push(other);
                Effect::Batch(effects)
            }
            (first, second) => Effect::Batch(vec![first, second]),
        }
    }

    /// Flattens into jobs and focus requests, in order.
    pub fn into_parts(self) -> (Vec<Job<M>>, Vec<&'static str>) {
        let mut jobs = Vec::new();
        let mut focus = Vec::new();
        let mut stack = vec![self];
        while let Some(effect) = stack.pop() {
            match effect {
                Effect::None => {}
                Effect::Job(job) => jobs.push(job),
                Effect::Focus(id) => focus.push(id),
                Effect::Batch(effects) => stack.extend(effects.into_iter().rev()),
            }
        }
        (jobs, focus)
    }
}
