//! The job page's own entry point (trunk target `job.html`): see
//! `ascend::job_app`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ascend::job_app::JobApp);
}
