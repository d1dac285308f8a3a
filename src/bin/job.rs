//! The job page's own entry point (trunk target `job.html`): see
//! `ascend::job_app`.

fn main() {
    console_error_panic_hook::set_once();
    ascend::job_app::start();
}
