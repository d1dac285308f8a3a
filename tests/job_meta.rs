//! What the server sends with a page, read in headless Chromium: the data it
//! drew the page with (used once), and `JobMeta`, which writes the job
//! page's title, canonical URL and JSON-LD when the app draws a job.
#![cfg(target_arch = "wasm32")]

use ascend::components::JobMeta;
use ascend::page_data::{self, Found, PageData, PageStore, provide_page_data};
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

#[wasm_bindgen_test]
fn the_pages_data_is_read_and_each_part_used_once() {
    let planted = job("drawn-job", "Drawn");
    let data = PageData {
        today: 20_000,
        origin: Some("https://ascend.example".into()),
        path: "/jobs/drawn-job".into(),
        job: Some(("drawn-job".into(), Found::Found(planted.clone()))),
        incomplete: vec![0, 3],
        ..PageData::default()
    };
    let script = document().create_element("script").unwrap();
    script.set_id(ascend_types::wire::PAGE_DATA_ID);
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(&serde_json::to_string(&data).unwrap()));
    document().body().unwrap().append_child(&script).unwrap();

    let read = page_data::from_document::<PageData>();
    assert_eq!(read, data);
    // The job page's entry point reads its parts alone, alike.
    assert_eq!(page_data::from_document::<page_data::JobPageData>(), data);
    let store = PageStore::new(read);
    assert_eq!(store.take_job("another-job"), None);
    assert_eq!(store.take_job("drawn-job"), Some(Found::Found(planted)));
    assert_eq!(store.take_job("drawn-job"), None, "a second visit fetches");

    // Hydration reads which Suspense boundaries the server drew as fallbacks.
    page_data::set_hydration_globals(&data);
    let incomplete = js_sys::Reflect::get(&window(), &"__INCOMPLETE_CHUNKS".into()).unwrap();
    let incomplete: js_sys::Array = incomplete.unchecked_into();
    let ids: Vec<f64> = incomplete.iter().filter_map(|id| id.as_f64()).collect();
    assert_eq!(ids, [0.0, 3.0]);
    script.remove();
}

#[wasm_bindgen_test]
async fn job_meta_writes_title_canonical_and_json_ld() {
    let host: web_sys::HtmlElement = {
        let el = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&el).unwrap();
        el.unchecked_into()
    };
    let shown = job("meta-job", "Meta Writer");
    let mounted = leptos::mount::mount_to(host, move || {
        provide_meta_context();
        provide_page_data(PageData {
            origin: Some("https://ascend.example".into()),
            ..PageData::default()
        });
        view! { <JobMeta job=shown.clone() /> }
    });

    // The title is set by an effect, which runs on the next tick.
    leptos::task::tick().await;
    assert_eq!(document().title(), "Meta Writer at Cadence");
    let canonical = document()
        .query_selector("head link[rel=canonical]")
        .unwrap()
        .expect("a canonical link");
    assert_eq!(
        canonical.get_attribute("href").unwrap(),
        "https://ascend.example/jobs/meta-job"
    );
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
