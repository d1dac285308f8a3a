use leptos::prelude::*;

/// What only this device can draw (its stored profile, its saved jobs, an
/// onboarding flow under way): the server and the hydrating render both draw
/// `fallback`, which holds the place; the children replace it once the page
/// is in the browser.
#[component]
pub fn ClientOnly(
    /// Drawn until the children are: a skeleton of the same size.
    #[prop(into, optional)]
    fallback: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    view! {
        <Show when=move || mounted.get() fallback=move || fallback.run()>
            {children()}
        </Show>
    }
}
