//! The whole app's entry point (trunk target `index.html`): adopts the page
//! the server drew.

fn main() {
    console_error_panic_hook::set_once();
    ascend::hydrate();
}
