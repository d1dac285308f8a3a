//! The job page's head in headless Chromium: the job the server inlined is
//! used once, the server's head tags make way, and `JobMeta` writes the
//! title, canonical URL and JSON-LD.
#![cfg(target_arch = "wasm32")]

use ascend::components::JobMeta;
use ascend_types::{
    CompanyProfile, EmploymentType, JobDetail, SalaryInfo, SalaryPeriod, SalarySource, sample,
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn job(slug: &str, title: &str) -> JobDetail {
    JobDetail {
        slug: slug.into(),
        title: title.into(),
        company: CompanyProfile {
            website: Some("https://cadence.example".into()),
            ..sample::company()
        },
        employment_type: EmploymentType::Contract,
        description_html: "<p>Ends early</script><p>".into(),
        summary: Some("Short and clear.".into()),
        posted_on: "2026-11-20".into(),
        salary: Some(SalaryInfo {
            source: SalarySource::Estimate,
            min: 1,
            max: 3,
            median: 2,
            currency: "EUR".into(),
            period: SalaryPeriod::Year,
            sample_size: Some(9),
        }),
        ..sample::job()
    }
}

fn head_count(selector: &str) -> u32 {
    document()
        .head()
        .unwrap()
        .query_selector_all(selector)
        .unwrap()
        .length()
}

/// Plants a `<meta name=description>` as the server writes it.
fn plant_server_description() {
    let description = document().create_element("meta").unwrap();
    description.set_attribute("name", "description").unwrap();
    description.set_attribute("data-ascend-ssr", "").unwrap();
    document()
        .head()
        .unwrap()
        .append_child(&description)
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_inlined_job_is_used_once_and_the_server_head_kept() {
    let document = document();
    let head = document.head().unwrap();
    let planted = job("inlined-job", "Inlined");
    let script = document.create_element("script").unwrap();
    script.set_id("ascend-job");
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(&serde_json::to_string(&planted).unwrap()));
    head.append_child(&script).unwrap();
    plant_server_description();

    assert_eq!(ascend::api::job("inlined-job").await, Ok(planted));
    assert!(document.get_element_by_id("ascend-job").is_none());
    // The job page's own entry point writes no head: the server's stays.
    assert_eq!(head_count("[data-ascend-ssr]"), 1);
    // Once only: the next call asks the API (which this test server lacks).
    assert!(ascend::api::job("inlined-job").await.is_err());
    ascend::api::inline::remove_server_head();
    assert_eq!(head_count("[data-ascend-ssr]"), 0);
}

#[wasm_bindgen_test]
async fn job_meta_writes_title_canonical_and_json_ld() {
    let host: web_sys::HtmlElement = {
        let el = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&el).unwrap();
        el.unchecked_into()
    };
    plant_server_description();
    let shown = job("meta-job", "Meta Writer");
    let mounted = leptos::mount::mount_to(host, move || {
        provide_meta_context();
        view! { <JobMeta job=shown.clone() /> }
    });

    // The title is set by an effect, which runs on the next tick.
    leptos::task::tick().await;
    assert_eq!(document().title(), "Meta Writer at Cadence");
    let canonical = document()
        .query_selector("head link[rel=canonical]")
        .unwrap()
        .expect("a canonical link");
    let origin = window().location().origin().unwrap();
    assert_eq!(
        canonical.get_attribute("href").unwrap(),
        format!("{origin}/jobs/meta-job")
    );
    // The server's description made way for the app's.
    assert_eq!(head_count("[data-ascend-ssr]"), 0);
    assert_eq!(head_count("meta[name=description]"), 1);
    let description = document()
        .query_selector("head meta[name=description]")
        .unwrap()
        .unwrap();
    assert_eq!(
        description.get_attribute("content").unwrap(),
        "Meta Writer at Cadence, Berlin, Germany, contract. Short and clear."
    );
    let scripts = document()
        .query_selector_all("head script[type='application/ld+json']")
        .unwrap();
    assert_eq!(scripts.length(), 1);
    let text = scripts.get(0).unwrap().text_content().unwrap();
    assert!(!text.contains('<'), "{text}");
    let posting: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(posting["@type"], "JobPosting");
    assert_eq!(posting["title"], "Meta Writer");
    assert_eq!(posting["description"], "<p>Ends early</script><p>");
    assert_eq!(posting["employmentType"], "CONTRACTOR");
    assert!(posting.get("baseSalary").is_none());

    drop(mounted);
    assert_eq!(head_count("script[type='application/ld+json']"), 0);
    assert_eq!(head_count("link[rel=canonical]"), 0);
}
