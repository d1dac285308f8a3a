//! Adopting the server's page in parts, so that no single task keeps the
//! browser busy for long.
//!
//! Hydrating a whole job page was one task of about 60 ms on a fast
//! machine (four times that on a mid-range phone): every click and key
//! waited for it. Parts of a page that the first screen rarely shows
//! (ratings, salary, FAQs, the sidebar; a company's jobs) are wrapped in
//! [`Deferred`]: the first pass adopts everything else, and each deferred
//! part is then adopted in a task of its own, in page order. The nodes are
//! the server's throughout; only the moment the app takes each part over
//! changes. `<html data-app-ready>` is set once every part is adopted.
//!
//! Drawn in the browser (a client-side visit), a deferred part is drawn at
//! once with the rest.
//!
//! Until the last part is adopted, every part must draw what the server
//! drew: what only the device knows (the stored profile and saved jobs,
//! the reader's own day) is read once [`adopted`] says so.

use leptos::prelude::*;

/// The element a deferred part's children sit in: it draws no box of its
/// own (`display: contents`), so the page lays out as without it.
const CLASS: &str = "deferred";

/// A part of the page that hydration adopts after the rest, in a task of
/// its own. Keep Suspense boundaries out of deferred parts: adopted late,
/// the similar jobs' boundary took the server's fallback for its children
/// and hydration failed.
#[component]
pub fn Deferred(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if browser::hydrating() {
        let node = NodeRef::<leptos::html::Div>::new();
        browser::defer(node, children);
        return view! { <div class=CLASS node_ref=node></div> }.into_any();
    }
    view! { <div class=CLASS>{children()}</div> }.into_any()
}

/// Whether the page is the app's, every part adopted (tracked): always in
/// a page the browser draws itself, never on the server, and in a page
/// the server drew once hydration has ended. What a page draws from the
/// device waits for it.
pub fn adopted() -> bool {
    #[cfg(feature = "hydrate")]
    return browser::ADOPTED.with(|adopted| adopted.get());
    #[cfg(not(feature = "hydrate"))]
    return !cfg!(feature = "ssr");
}

/// [`adopted`], untracked: for what a component decides once, when it is
/// drawn (`crate::page_data::drawn_by_server`).
pub fn adopted_untracked() -> bool {
    #[cfg(feature = "hydrate")]
    return browser::ADOPTED.with(|adopted| adopted.get_untracked());
    #[cfg(not(feature = "hydrate"))]
    return !cfg!(feature = "ssr");
}

#[cfg(feature = "hydrate")]
pub use browser::hydrate_body;

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;
    use std::rc::Rc;
    use std::sync::Arc;
    use std::time::Duration;

    use hydration_context::SharedContext;
    use leptos::prelude::*;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{Position, PositionState, RenderHtml};
    use wasm_bindgen::JsCast;

    type Part = Box<dyn FnOnce()>;

    thread_local! {
        /// Whether a pass of hydration is running now.
        static HYDRATING: Cell<bool> = const { Cell::new(false) };
        /// The deferred parts not adopted yet, in page order.
        static PARTS: RefCell<VecDeque<Part>> = const { RefCell::new(VecDeque::new()) };
        /// See [`super::adopted`]. Counted, not owned: an arena signal
        /// would belong to the component that first read it, and go with it.
        pub static ADOPTED: ArcRwSignal<bool> = ArcRwSignal::new(true);
    }

    pub fn hydrating() -> bool {
        HYDRATING.get()
    }

    /// Runs `pass` as a pass of hydration.
    fn as_hydration<T>(pass: impl FnOnce() -> T) -> T {
        HYDRATING.set(true);
        let result = pass();
        HYDRATING.set(false);
        result
    }

    /// Queues the children of `node` (drawn by the server) to be adopted
    /// after the pass that found them, in their component's owner, so
    /// that they read the same context.
    pub fn defer(node: NodeRef<leptos::html::Div>, children: Children) {
        let Some(owner) = Owner::current() else {
            return;
        };
        PARTS.with_borrow_mut(|parts| {
            parts.push_back(Box::new(move || {
                // A part whose page was left before its turn is gone.
                let Some(element) = node.try_get_untracked().flatten() else {
                    return;
                };
                owner.with(|| {
                    let state = children().into_view().hydrate::<true>(
                        &Cursor::new(element.unchecked_into()),
                        &PositionState::new(Position::FirstChild),
                    );
                    // The part lives as long as its component does.
                    StoredValue::new_local(state);
                });
            }))
        });
    }

    /// Adopts the body as `app` draws it, then each deferred part in a task
    /// of its own; then ends Leptos's hydration and ours (what is drawn
    /// later is drawn by the browser, `crate::page_data::drawn_by_server`)
    /// and marks the document as the app's.
    pub fn hydrate_body<F, N>(app: F)
    where
        F: FnOnce() -> N + 'static,
        N: IntoView,
    {
        ADOPTED.with(|adopted| adopted.set(false));
        let context = Rc::new(RefCell::new(None));
        let handle = {
            let context = Rc::clone(&context);
            as_hydration(move || {
                leptos::mount::hydrate_from(
                    document().body().expect("a page has a body"),
                    move || {
                        *context.borrow_mut() = Owner::current_shared_context();
                        app()
                    },
                )
            })
        };
        handle.forget();
        let context = context.borrow_mut().take();
        set_timeout(move || adopt_next(context), Duration::ZERO);
    }

    fn adopt_next(context: Option<Arc<dyn SharedContext + Send + Sync>>) {
        match PARTS.with_borrow_mut(VecDeque::pop_front) {
            Some(part) => {
                as_hydration(part);
                set_timeout(move || adopt_next(context), Duration::ZERO);
            }
            None => {
                if let Some(context) = context {
                    context.hydration_complete();
                }
                ADOPTED.with(|adopted| adopted.set(true));
                crate::page_data::mark_app_ready();
            }
        }
    }
}
