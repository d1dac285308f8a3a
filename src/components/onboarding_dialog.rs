use std::rc::Rc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

use crate::components::onboarding_flow::OnboardingFlow;

/// The query parameter that opens the dialog on any page: `?onboarding=1`.
pub const OPEN_PARAM: &str = "onboarding";

const HEADING_ID: &str = "onboarding-dialog-heading";

/// Opens the onboarding flow as a dialog over the current page. Provided by
/// `App`; get it with [`use_onboarding`] while a component is set up.
#[derive(Debug, Clone, Copy)]
pub struct Onboarding {
    open: RwSignal<bool>,
}

impl Onboarding {
    pub fn open(&self) {
        self.open.set(true);
    }

    pub fn is_open(&self) -> bool {
        self.open.get()
    }
}

/// Creates the dialog's state and provides it as context.
pub fn provide_onboarding() -> Onboarding {
    let onboarding = Onboarding {
        open: RwSignal::new(false),
    };
    provide_context(onboarding);
    onboarding
}

pub fn use_onboarding() -> Onboarding {
    expect_context::<Onboarding>()
}

/// Opens the onboarding dialog over the current page; the visitor stays on
/// the page when it finishes. Without the dialog's context (outside `App`),
/// goes to `/onboarding` and returns here afterwards.
pub fn open_onboarding() {
    match use_context::<Onboarding>() {
        Some(onboarding) => onboarding.open(),
        None => {
            let location = window().location();
            let here = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            let _ = location.set_href(&format!(
                "/onboarding?next={}",
                crate::api::encode_path_segment(&here)
            ));
        }
    }
}

/// What Tab can reach inside the dialog.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=radio]), \
    input[type=radio]:checked, select:not([disabled]), textarea:not([disabled]), \
    [tabindex]:not([tabindex='-1'])";

/// Keeps Tab and Shift+Tab cycling inside the dialog: a modal `<dialog>`
/// makes the page behind it inert, but Tab would still leave for the
/// browser's own controls.
fn trap_focus(dialog: &web_sys::HtmlDialogElement, event: &ev::KeyboardEvent) {
    let Ok(nodes) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let visible: Vec<web_sys::HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .filter(|el| el.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
        return;
    };
    let active = document().active_element();
    let is = |el: &web_sys::HtmlElement| active.as_ref() == Some(el.unchecked_ref());
    let inside = active
        .as_ref()
        .is_some_and(|a| dialog.contains(Some(a.unchecked_ref())));
    if event.shift_key() && (is(first) || !inside) {
        event.prevent_default();
        let _ = last.focus();
    } else if !event.shift_key() && (is(last) || !inside) {
        event.prevent_default();
        let _ = first.focus();
    }
}

/// The modal `<dialog>` the flow opens in. Esc or the close button closes
/// it; the flow keeps its progress and resumes when opened again.
#[component]
pub fn OnboardingDialog() -> impl IntoView {
    let onboarding = use_onboarding();
    let location = use_location();
    let navigate = use_navigate();
    let dialog = NodeRef::<html::Dialog>::new();

    Effect::new(move |_| {
        if location.query.with(|q| q.get_str(OPEN_PARAM) == Some("1")) {
            onboarding.open.set(true);
        }
    });

    Effect::new(move |_| {
        let open = onboarding.open.get();
        let Some(dialog) = dialog.get() else {
            return;
        };
        if open && !dialog.open() {
            let _ = dialog.show_modal();
            request_animation_frame(|| {
                if let Some(heading) = document().get_element_by_id(HEADING_ID) {
                    let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        } else if !open && dialog.open() {
            dialog.close();
        }
    });

    // Closing also drops `?onboarding=1`, so a reload does not reopen it.
    let close: Rc<dyn Fn()> = Rc::new(move || {
        onboarding.open.set(false);
        let mut query = location.query.get_untracked();
        if query.remove(OPEN_PARAM).is_some() {
            let path = format!(
                "{}{}",
                location.pathname.get_untracked(),
                query.to_query_string()
            );
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    let on_finish = {
        let close = Rc::clone(&close);
        let close = send_wrapper::SendWrapper::new(close);
        Callback::new(move |()| close())
    };
    let on_keydown = {
        let close = Rc::clone(&close);
        move |event: ev::KeyboardEvent| match event.key().as_str() {
            "Escape" if !event.default_prevented() => {
                event.prevent_default();
                close();
            }
            "Tab" => {
                if let Some(dialog) = dialog.get_untracked() {
                    trap_focus(&dialog, &event);
                }
            }
            _ => {}
        }
    };
    let on_close_button = {
        let close = Rc::clone(&close);
        move |_| close()
    };
    // The browser may close it too (a close request); keep the state in step.
    let on_closed = move |_| onboarding.open.set(false);

    view! {
        <dialog
            node_ref=dialog
            class="onboarding-dialog"
            aria-labelledby=HEADING_ID
            on:keydown=on_keydown
            on:close=on_closed
        >
            <div class="onboarding-dialog__top">
                <p class="onboarding-dialog__title">"Your Ascend profile"</p>
                <button
                    type="button"
                    class="onboarding-dialog__close"
                    aria-label="Close, keeping your answers"
                    on:click=on_close_button
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            <Show when=move || onboarding.open.get()>
                <OnboardingFlow heading_id=HEADING_ID on_finish />
            </Show>
        </dialog>
    }
}
