use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::api;
use crate::onboarding::{add_chip, matching_candidates, suggest_prefix};
use ascend_types::Suggestions;

/// Which list of `GET /api/suggest` a chip input offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestKind {
    Titles,
    Skills,
    Locations,
}

impl SuggestKind {
    fn pick(self, suggestions: Suggestions) -> Vec<String> {
        match self {
            SuggestKind::Titles => suggestions.titles,
            SuggestKind::Skills => suggestions.skills,
            SuggestKind::Locations => suggestions.locations,
        }
    }
}

/// How many suggestions the list shows at once.
const SHOWN: usize = 8;

/// A list of short values edited as chips: type and press Enter or a comma
/// to add, Backspace in the empty field or a chip's button to remove. While
/// typing, suggestions appear in a listbox that the arrow keys move through
/// (`aria-activedescendant`); only the first two letters typed are sent to
/// the server, and the rest is matched here.
#[component]
pub fn ChipInput(
    /// The input's id; the hint, error and listbox ids derive from it.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into)] chips: Signal<Vec<String>>,
    /// Called with the whole new list after each change.
    set_chips: Callback<Vec<String>>,
    /// Where to fetch suggestions from, if anywhere.
    #[prop(optional)]
    suggest: Option<SuggestKind>,
    /// Suggestions known without asking the server.
    #[prop(optional)]
    options: Vec<String>,
    /// The validation message, shown beside the field.
    #[prop(into, optional)]
    error: MaybeProp<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let listbox_id = format!("{id}-listbox");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-option-{i}")
    };

    let text = RwSignal::new(String::new());
    let focused = RwSignal::new(false);
    let dismissed = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let announcement = RwSignal::new(String::new());
    let input = NodeRef::<html::Input>::new();

    let prefix = Memo::new(move |_| text.with(|t| suggest_prefix(t)));
    let fetched = LocalResource::new(move || {
        let prefix = prefix.get();
        async move {
            match (suggest, prefix) {
                (Some(kind), Some(prefix)) => api::suggest(&prefix)
                    .await
                    .map(|s| kind.pick(s))
                    .unwrap_or_default(),
                _ => Vec::new(),
            }
        }
    });
    let options = StoredValue::new(options);
    let candidates = Memo::new(move |_| {
        let mut all = options.get_value();
        if let Some(more) = fetched.get() {
            all.extend(more);
        }
        text.with(|t| chips.with(|c| matching_candidates(&all, t, c, SHOWN)))
    });
    let open = move || focused.get() && !dismissed.get() && !candidates.with(Vec::is_empty);

    let add = move |value: String| {
        let mut next = chips.get_untracked();
        if add_chip(&mut next, &value) {
            let added = next.last().cloned().unwrap_or_default();
            set_chips.run(next);
            announcement.set(format!("Added {added}."));
        }
    };
    let remove = move |index: usize| {
        let mut next = chips.get_untracked();
        if index < next.len() {
            let removed = next.remove(index);
            set_chips.run(next);
            announcement.set(format!("Removed {removed}."));
        }
    };
    let commit_text = move || {
        let typed = text.get_untracked();
        if !typed.trim().is_empty() {
            add(typed);
        }
        text.set(String::new());
        active.set(None);
    };

    let on_keydown = move |event: ev::KeyboardEvent| match event.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") => {
            let count = candidates.with_untracked(Vec::len);
            if count == 0 {
                return;
            }
            event.prevent_default();
            dismissed.set(false);
            let down = key == "ArrowDown";
            active.update(|a| {
                *a = Some(match (*a, down) {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(i), true) => (i + 1) % count,
                    (Some(i), false) => (i + count - 1) % count,
                })
            });
        }
        "Enter" => {
            let chosen = active
                .get_untracked()
                .filter(|_| !dismissed.get_untracked())
                .and_then(|i| candidates.with_untracked(|c| c.get(i).cloned()));
            if let Some(value) = chosen {
                event.prevent_default();
                add(value);
                text.set(String::new());
                active.set(None);
            } else if !text.with_untracked(|t| t.trim().is_empty()) {
                event.prevent_default();
                commit_text();
            }
            // An empty field lets Enter submit the form (Next).
        }
        "," => {
            event.prevent_default();
            commit_text();
        }
        "Backspace"
            if text.with_untracked(String::is_empty) && !chips.with_untracked(Vec::is_empty) =>
        {
            event.prevent_default();
            remove(chips.with_untracked(Vec::len) - 1);
        }
        // Close the list only, not the dialog around it.
        "Escape" if open() => {
            event.prevent_default();
            event.stop_propagation();
            dismissed.set(true);
            active.set(None);
        }
        _ => {}
    };

    let on_input = move |event: ev::Event| {
        let value = event_target_value(&event);
        // A pasted "Rust, Go, SQL" becomes three chips.
        let mut parts: Vec<&str> = value.split(',').collect();
        let rest = parts.pop().unwrap_or_default().trim_start().to_owned();
        if !parts.is_empty() {
            for part in parts {
                add(part.to_owned());
            }
            // The field shows only what follows the last comma, at once.
            event_target::<web_sys::HtmlInputElement>(&event).set_value(&rest);
        }
        text.set(rest);
        dismissed.set(false);
        active.set(None);
    };

    let focus_input = move || {
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };

    let described_by = {
        let hint_id = hint.as_ref().map(|_| hint_id.clone());
        let error_id = error_id.clone();
        move || {
            let ids: Vec<String> = hint_id
                .iter()
                .cloned()
                .chain(error.get().map(|_| error_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || {
            if open() {
                active.get().map(&option_id)
            } else {
                None
            }
        }
    };

    let chip_list_label = format!("{label}, added");
    let listbox_label = format!("Suggested {}", label.to_lowercase());
    view! {
        <div class="chip-input" class:chip-input--invalid=move || error.get().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            <div class="chip-input__box" on:click=move |_| focus_input()>
                <ul class="chip-input__chips" aria-label=chip_list_label>
                    {move || {
                        chips
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, chip)| {
                                let remove_label = format!("Remove {chip}");
                                view! {
                                    <li class="chip">
                                        <span class="chip__text">{chip}</span>
                                        <button
                                            type="button"
                                            class="chip__remove"
                                            aria-label=remove_label
                                            on:click=move |event| {
                                                event.stop_propagation();
                                                remove(index);
                                                focus_input();
                                            }
                                        >
                                            <span aria-hidden="true">"×"</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <input
                    node_ref=input
                    id=id.clone()
                    class="chip-input__field"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls=listbox_id.clone()
                    aria-expanded=move || if open() { "true" } else { "false" }
                    aria-activedescendant=active_descendant
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=described_by
                    prop:value=move || text.get()
                    on:input=on_input
                    on:keydown=on_keydown
                    on:focus=move |_| focused.set(true)
                    on:blur=move |_| {
                        focused.set(false);
                        commit_text();
                    }
                />
            </div>
            <ul
                class="chip-input__listbox"
                id=listbox_id
                role="listbox"
                aria-label=listbox_label
                hidden=move || !open()
            >
                {move || {
                    candidates
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, candidate)| {
                            let chosen = candidate.clone();
                            view! {
                                <li
                                    id=option_id(index)
                                    role="option"
                                    class="chip-input__option"
                                    aria-selected=move || (active.get() == Some(index)).to_string()
                                    on:mousedown=|event| event.prevent_default()
                                    on:click=move |_| {
                                        add(chosen.clone());
                                        text.set(String::new());
                                        active.set(None);
                                    }
                                >
                                    {candidate}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || error.get().map(|message| view! {
                <p class="field__error" id=error_id.clone()>{message}</p>
            })}
            <span class="visually-hidden" aria-live="polite">{move || announcement.get()}</span>
        </div>
    }
}
