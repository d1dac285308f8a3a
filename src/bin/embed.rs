//! The embeddable job widget's own entry point (trunk target `embed.html`):
//! no router and no head manager, so its wasm stays small.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ascend::embed::widget::EmbedApp);
    ascend::page_data::mark_app_ready();
}
