use leptos::prelude::*;

pub use ascend_types::avatar::{initials, palette_index};

/// A logo or photo, or the name's initials on a colour when there is none.
/// The picture is decorative: the name is always written beside it.
#[component]
pub fn Avatar(
    name: String,
    #[prop(optional_no_strip)] image_url: Option<String>,
    /// `sm` (2rem), `md` (3rem) or `lg` (4rem).
    #[prop(default = "md")]
    size: &'static str,
    /// Round for people, rounded squares for companies.
    #[prop(optional)]
    round: bool,
) -> impl IntoView {
    let class = format!(
        "avatar avatar--{size}{} avatar--p{}",
        if round { " avatar--round" } else { "" },
        palette_index(&name)
    );
    match image_url {
        Some(src) => {
            view! { <img class=class src=src alt="" loading="lazy" decoding="async" /> }.into_any()
        }
        None => view! { <span class=class aria-hidden="true">{initials(&name)}</span> }.into_any(),
    }
}
