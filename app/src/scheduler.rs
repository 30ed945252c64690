//! The executor Leptos runs the citizen app's effects, resources and spawned futures on: like
//! wasm-bindgen-futures' (one FIFO queue drained in a microtask), except while the app starts.
//! Until [`started`] (the app has replaced the static shell, see `mount.rs`), every drain is a task
//! of its own and hands what is left after [`SLICE_MS`] to another: the start (the layout, then the
//! page's view, which Leptos' router builds in a spawned future, then the effects) is several short
//! tasks instead of one long one, so a slow phone can take input and paint in between
//! (Lighthouse's Total Blocking Time counts every task over 50 ms). Nothing of the app is on
//! screen then, so nothing can be seen half-built. Afterwards drains run to the end in a
//! microtask, as Leptos expects (a focus after the next frame finds the view it asked for).

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Context, RawWaker, RawWakerVTable, Waker};
use wasm_bindgen::prelude::*;

/// How long one drain of the queue may run while the app starts before it yields to the browser:
/// well under the 50 ms of a long task on a phone four times slower than a desktop.
const SLICE_MS: f64 = 8.0;

/// Makes this executor Leptos' (before the app mounts; Leptos' own `init_wasm_bindgen` in
/// `mount_to` then finds one set and leaves it).
pub fn init() {
    let _ = Executor::init_local_custom_executor(Slicing);
}

/// The app has replaced the static shell: from now on drains run to the end in a microtask.
pub fn started() {
    STARTING.set(false);
}

struct Slicing;

impl CustomExecutor for Slicing {
    fn spawn(&self, fut: PinnedFuture<()>) {
        // One thread in the browser: a Send future is just a local one.
        Task::spawn(fut);
    }
    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        Task::spawn(fut);
    }
    fn poll_local(&self) {}
}

struct Task {
    future: RefCell<Option<PinnedLocalFuture<()>>>,
    queued: Cell<bool>,
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Rc<Task>>> = const { RefCell::new(VecDeque::new()) };
    /// A drain is scheduled (a microtask or a task) and has not finished.
    static DRAIN_PENDING: Cell<bool> = const { Cell::new(false) };
    /// The app is still starting: drains are tasks, and sliced.
    static STARTING: Cell<bool> = const { Cell::new(true) };
    static DRAIN: Closure<dyn FnMut()> = Closure::new(drain);
    /// Posting to its second port runs a drain in a task of its own: unlike a zero timeout, not
    /// clamped to 4 ms when nested, nor throttled to once a second in a background tab.
    static NEXT_TASK: Option<web_sys::MessageChannel> = web_sys::MessageChannel::new().ok().inspect(|c| {
        DRAIN.with(|d| c.port1().set_onmessage(Some(d.as_ref().unchecked_ref())));
    });
}

impl Task {
    fn spawn(future: PinnedLocalFuture<()>) {
        let task = Rc::new(Task { future: RefCell::new(Some(future)), queued: Cell::new(false) });
        task.wake();
    }

    fn wake(self: &Rc<Self>) {
        if self.queued.replace(true) {
            return;
        }
        QUEUE.with(|q| q.borrow_mut().push_back(self.clone()));
        if !DRAIN_PENDING.replace(true) {
            schedule_drain();
        }
    }

    fn poll(self: &Rc<Self>) {
        self.queued.set(false);
        // Taken out while polled: a future that wakes itself while it runs is queued again, not
        // polled re-entrantly.
        let Some(mut future) = self.future.borrow_mut().take() else { return };
        let waker = waker(self.clone());
        if future.as_mut().poll(&mut Context::from_waker(&waker)).is_pending() {
            *self.future.borrow_mut() = Some(future);
        }
    }
}

fn schedule_drain() {
    let posted = STARTING.get() && NEXT_TASK.with(|c| c.as_ref().is_some_and(|c| c.port2().post_message(&JsValue::UNDEFINED).is_ok()));
    if !posted {
        DRAIN.with(|d| leptos::prelude::window().queue_microtask(d.as_ref().unchecked_ref()));
    }
}

fn drain() {
    let started = js_sys::Date::now();
    loop {
        let Some(task) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
            DRAIN_PENDING.set(false);
            return;
        };
        task.poll();
        if STARTING.get() && js_sys::Date::now() - started >= SLICE_MS && QUEUE.with(|q| !q.borrow().is_empty()) {
            // The rest in a new task (still pending, so wakes only queue).
            schedule_drain();
            return;
        }
    }
}

// A waker over an `Rc<Task>`: the browser runs this app on one thread, so the `Send + Sync` a
// `Waker` promises is never exercised (wasm-bindgen-futures' executor does the same).
fn waker(task: Rc<Task>) -> Waker {
    unsafe { Waker::from_raw(raw(task)) }
}

fn raw(task: Rc<Task>) -> RawWaker {
    RawWaker::new(Rc::into_raw(task).cast(), &VTABLE)
}

const VTABLE: RawWakerVTable = RawWakerVTable::new(
    |p| unsafe {
        Rc::increment_strong_count(p.cast::<Task>());
        raw(Rc::from_raw(p.cast::<Task>()))
    },
    |p| unsafe { Rc::from_raw(p.cast::<Task>()).wake() },
    |p| unsafe { std::mem::ManuallyDrop::new(Rc::from_raw(p.cast::<Task>())).wake() },
    |p| unsafe { drop(Rc::from_raw(p.cast::<Task>())) },
);
