//! Components mounted in headless Chromium, checked through their DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ascend::components::job::{
    CompanyRatings, JobDescription, JobPager, NewsletterBox, QaAccordion, SalaryWidget, SaveButton,
    WhatYouShouldKnow, sanitize_description,
};
use ascend::components::{ChipInput, ErrorView, JobCard, JobListItem, OnboardingFlow, PostedDate};
use ascend::onboarding::{DRAFT_KEY, SavedFlow, Step};
use ascend::page_data::{PageData, provide_page_data};
use ascend::profile_data::Profile;
use ascend::state::profile::provide_profile_store;
use ascend_types::wire::{PROFILE_KEY, SAVED_JOBS_KEY as STORAGE_KEY};
use ascend_types::{
    Ceo, CompanyRef, EmploymentType, JobSummary, Pager, QuestionAnswer, Ratings, SalaryInfo,
    SalaryPeriod, SalarySource, WorkModel,
};
use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

#[wasm_bindgen_test]
fn retry_button_calls_back_each_click() {
    let clicks = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&clicks);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        let counter = Arc::clone(&counter);
        view! {
            <ErrorView
                message="The server took too long to answer."
                on_retry=Callback::new(move |()| {
                    counter.fetch_add(1, Ordering::SeqCst);
                })
            />
        }
    });

    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert region");
    assert!(
        alert
            .text_content()
            .unwrap()
            .contains("The server took too long to answer.")
    );
    let button: web_sys::HtmlElement = el
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Retry");
    button.click();
    button.click();
    assert_eq!(clicks.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
fn job_list_item_links_to_the_job() {
    let job = JobSummary {
        slug: "data-engineer-cadence".into(),
        title: "Data Engineer".into(),
        company: CompanyRef {
            slug: "cadence".into(),
            name: "Cadence".into(),
        },
        location: "Stockholm, Sweden".into(),
        work_model: WorkModel::Hybrid,
        employment_type: EmploymentType::PartTime,
        posted_on: "2026-01-05".into(),
        facts: Default::default(),
    };
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! { <Router><ul><JobListItem job=job.clone() /></ul></Router> }
    });

    let link = el.query_selector("h2 a").unwrap().expect("a title link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/jobs/data-engineer-cadence")
    );
    assert_eq!(link.text_content().as_deref(), Some("Data Engineer"));
    let text = el.text_content().unwrap();
    for expected in ["Cadence", "Stockholm, Sweden", "Hybrid", "Part-time"] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
    let time = el.query_selector("time").unwrap().expect("a time element");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-01-05")
    );
    assert_eq!(
        time.get_attribute("title").as_deref(),
        Some("5 January 2026")
    );
}

/// Today in the reader's time zone, read here from the browser's calendar
/// fields, apart from the app's own clock.
fn readers_day() -> i64 {
    let now = js_sys::Date::new_0();
    ascend_types::date::days_from_civil(
        i64::from(now.get_full_year()),
        now.get_month() + 1,
        now.get_date(),
    )
}

#[wasm_bindgen_test]
async fn posted_date_counts_from_the_servers_day_then_the_readers() {
    // Drawn on a day the server gave (as when the page hydrates), it says
    // what the server said; then it recounts on the reader's own day.
    let posted = ascend_types::date::days_from_civil(2026, 11, 16);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        provide_page_data(PageData {
            today: posted + 9,
            ..PageData::default()
        });
        view! { <PostedDate posted_on="2026-11-16" /> }
    });
    assert_eq!(el.text_content().as_deref(), Some("Posted 9 days ago"));
    tick().await;
    let days = readers_day() - posted;
    assert!(days > 9, "the test's own date is after the posting");
    assert_eq!(el.text_content(), Some(format!("Posted {days} days ago")));
}

fn click(el: &web_sys::Element, selector: &str) {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn text(el: &web_sys::Element, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn questions() -> Vec<QuestionAnswer> {
    vec![
        QuestionAnswer {
            question: "Is the role remote?".into(),
            answer: "Yes, anywhere in EMEA.".into(),
        },
        QuestionAnswer {
            question: "How long is the process?".into(),
            answer: "About three weeks.".into(),
        },
    ]
}

/// Stores a profile on this device, or removes it.
fn store_profile(present: bool) {
    if present {
        let profile = Profile::new("2026-11-01".into());
        storage().set_item(PROFILE_KEY, &profile.encode()).unwrap();
    } else {
        storage().remove_item(PROFILE_KEY).unwrap();
    }
}

/// What another tab's change of `key` looks like to this one.
fn announce_storage_change(key: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
}

async fn mount_accordion(profile: bool) -> web_sys::HtmlElement {
    store_profile(profile);
    let el = host();
    leptos::mount::mount_to(el.clone(), move || {
        provide_profile_store();
        view! {
            <QaAccordion heading="Frequently asked questions" id="faqs" items=questions() return_to="/jobs/a-job" />
        }
    })
    .forget();
    // The profile is read once the component is in the page.
    tick().await;
    el
}

#[wasm_bindgen_test]
async fn accordion_buttons_toggle_their_regions() {
    let el = mount_accordion(true).await;
    let button = el
        .query_selector("h3 > button#faqs-0-question")
        .unwrap()
        .expect("a button in a heading");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        button.get_attribute("aria-controls").as_deref(),
        Some("faqs-0-answer")
    );
    let panel = el
        .query_selector("#faqs-0-answer")
        .unwrap()
        .expect("the panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        panel.get_attribute("aria-labelledby").as_deref(),
        Some("faqs-0-question")
    );
    assert!(panel.has_attribute("hidden"));

    click(&el, "#faqs-0-question");
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!panel.has_attribute("hidden"));
    assert_eq!(text(&el, "#faqs-0-answer"), "Yes, anywhere in EMEA.");
    // The other item stays closed.
    assert!(
        el.query_selector("#faqs-1-answer")
            .unwrap()
            .unwrap()
            .has_attribute("hidden")
    );

    click(&el, "#faqs-0-question");
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(panel.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn answers_are_gated_until_there_is_a_profile() {
    let el = mount_accordion(false).await;
    click(&el, "#faqs-1-question");
    tick().await;
    let panel = text(&el, "#faqs-1-answer");
    assert!(
        panel.contains("Join Ascend to see the full answer"),
        "{panel}"
    );
    let all = el.inner_html();
    assert!(
        !all.contains("three weeks"),
        "an answer leaked into the page: {all}"
    );
    assert!(
        !all.contains("anywhere in EMEA"),
        "an answer leaked into the page: {all}"
    );
    let join = el
        .query_selector("#faqs-1-answer a")
        .unwrap()
        .expect("a join link");
    assert_eq!(
        join.get_attribute("href").as_deref(),
        Some("/onboarding?next=/jobs/a-job")
    );

    // A profile arriving from another tab opens the gate in place.
    store_profile(true);
    announce_storage_change(PROFILE_KEY);
    tick().await;
    assert_eq!(text(&el, "#faqs-1-answer"), "About three weeks.");
    assert!(el.query_selector("#faqs-1-answer a").unwrap().is_none());
    store_profile(false);
}

#[wasm_bindgen_test]
fn an_empty_accordion_is_left_out() {
    let el = host();
    leptos::mount::mount_to(el.clone(), move || {
        view! { <QaAccordion heading="Frequently asked questions" id="faqs" items=vec![] return_to="/jobs/a-job" /> }
    })
    .forget();
    assert!(el.query_selector("section").unwrap().is_none());
    assert_eq!(el.text_content().unwrap_or_default(), "");
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[wasm_bindgen_test]
async fn the_salary_switch_converts_the_figures() {
    let salary = SalaryInfo {
        source: SalarySource::Estimate,
        min: 62_400,
        max: 124_800,
        median: 104_000,
        currency: "USD".into(),
        period: SalaryPeriod::Year,
        sample_size: Some(23),
    };
    let el = host();
    leptos::mount::mount_to(el.clone(), move || {
        view! { <SalaryWidget company_name="Cadence" salary=Some(salary.clone()) /> }
    })
    .forget();
    assert_eq!(
        text(&el, ".salary__source"),
        "Ascend estimate from 23 similar jobs"
    );
    for period in ["year", "month", "hour"] {
        let radio = el
            .query_selector(&format!(
                "input[type=radio][name=salary-period][value={period}]"
            ))
            .unwrap();
        assert!(radio.is_some(), "no {period} option");
    }
    let year = el.query_selector("#salary-period-year").unwrap().unwrap();
    assert!(year.matches(":checked").unwrap());
    assert!(text(&el, ".salary__headline").ends_with("/ year"));
    assert_eq!(digits(&text(&el, ".salary__amount")), "104000");
    assert_eq!(digits(&text(&el, ".salary__min")), "62400");
    assert_eq!(digits(&text(&el, ".salary__max")), "124800");

    click(&el, "label[for=salary-period-hour]");
    tick().await;
    assert!(text(&el, ".salary__headline").ends_with("/ hour"));
    // 104,000 a year over 2,080 hours, with cents.
    assert_eq!(digits(&text(&el, ".salary__amount")), "5000");
    assert_eq!(digits(&text(&el, ".salary__min")), "3000");
    assert_eq!(digits(&text(&el, ".salary__max")), "6000");
    assert!(!year.matches(":checked").unwrap());

    click(&el, "label[for=salary-period-month]");
    tick().await;
    assert!(text(&el, ".salary__headline").ends_with("/ month"));
    assert_eq!(digits(&text(&el, ".salary__amount")), "8667");
    assert_eq!(digits(&text(&el, ".salary__min")), "5200");

    // The median is two thirds of the way from min to max (50 between 30
    // and 60 an hour), whatever the period.
    // The marker's place is a fill class (the page's policy allows no
    // inline style): 67, two thirds rounded to a whole percent.
    let class = el
        .query_selector(".salary__marker")
        .unwrap()
        .unwrap()
        .class_name();
    let percent: f64 = class
        .split_whitespace()
        .find_map(|c| c.strip_prefix("fill-"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no position in {class:?}"));
    assert!((percent - 200.0 / 3.0).abs() <= 0.5, "marker at {percent}%");
}

#[wasm_bindgen_test]
fn no_salary_says_why() {
    let el = host();
    leptos::mount::mount_to(el.clone(), move || {
        view! { <SalaryWidget company_name="Northwind Robotics" salary=None /> }
    })
    .forget();
    let shown = el.text_content().unwrap_or_default();
    assert!(shown.contains("No salary to show"), "{shown}");
    assert!(
        shown.contains("Northwind Robotics has not published a salary"),
        "{shown}"
    );
    assert!(el.query_selector("input[type=radio]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn ratings_speak_one_sentence_each() {
    let ratings = Ratings {
        overall: Some(4.0),
        review_count: 48,
        diversity_inclusion: None,
        diversity_inclusion_count: 3,
        ceo_approval_percent: Some(82),
    };
    let ceo = Ceo {
        name: "Ingrid Halvorsen".into(),
        photo_url: None,
    };
    let el = host();
    leptos::mount::mount_to(el.clone(), move || {
        view! { <CompanyRatings company_name="Cadence" ratings=ratings.clone() ceo=Some(ceo.clone()) /> }
    })
    .forget();
    assert_eq!(
        text(&el, ".visually-hidden"),
        "Rated 4.0 out of 5 from 48 reviews"
    );
    let stars = el.query_selector(".stars").unwrap().unwrap();
    assert_eq!(stars.get_attribute("aria-hidden").as_deref(), Some("true"));
    let fill = |n: usize| {
        el.query_selector(&format!(".star:nth-child({n})"))
            .unwrap()
            .unwrap()
            .class_name()
    };
    assert_eq!(fill(4), "star fill-100");
    assert_eq!(fill(5), "star fill-0");
    let shown = el.text_content().unwrap_or_default();
    assert!(shown.contains("No rating"), "{shown}");
    assert!(
        shown.contains("Only 3 reviewers rated diversity and inclusion"),
        "{shown}"
    );
    assert!(shown.contains("Ingrid Halvorsen"), "{shown}");
    assert!(
        shown.contains("82% of reviewers approve of the CEO"),
        "{shown}"
    );
    assert_eq!(text(&el, ".avatar--round"), "IH");
}

fn job_card(
    work_model: WorkModel,
    location: &str,
    values: &[&str],
    perks: &[&str],
) -> ascend_types::JobCard {
    ascend_types::JobCard {
        slug: "platform-engineer-northwind".into(),
        title: "Platform Engineer".into(),
        company: CompanyRef {
            slug: "northwind".into(),
            name: "Northwind Robotics".into(),
        },
        company_logo_url: None,
        location: location.into(),
        work_model,
        employment_type: EmploymentType::FullTime,
        posted_on: "2026-01-05".into(),
        culture_values: values.iter().map(|v| (*v).to_owned()).collect(),
        perks: perks.iter().map(|p| (*p).to_owned()).collect(),
        facts: Default::default(),
    }
}

fn mount_card(job: ascend_types::JobCard) -> web_sys::HtmlElement {
    let el = host();
    let mounted = leptos::mount::mount_to(el.clone(), move || {
        // No router around it, as in the embeddable widget.
        view! { <JobCard job=job.clone() /> }
    });
    mounted.forget();
    el
}

fn texts(el: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = el.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn job_card_shows_three_tags_then_counts_the_rest() {
    let el = mount_card(job_card(
        WorkModel::Hybrid,
        "Berlin, Germany",
        &["Candid", "Curious", "Kind"],
        &["Snacks", "Dental insurance", "Gym", "Pension", "Bike lease"],
    ));

    let list = el
        .query_selector("ul[aria-label='Culture and perks']")
        .unwrap()
        .expect("a labelled tag list");
    assert_eq!(list.children().length(), 4, "three tags and the count");
    assert_eq!(
        texts(&el, ".job-card__tag:not(.job-card__tag--more)"),
        ["Candid", "Curious", "Snacks"]
    );
    let more = el
        .query_selector(".job-card__tag--more")
        .unwrap()
        .expect("a +N chip");
    // Seen as "+5", heard as "and 5 more".
    let seen = more.query_selector("[aria-hidden=true]").unwrap().unwrap();
    assert_eq!(seen.text_content().as_deref(), Some("+5"));
    assert_eq!(
        texts(&el, ".job-card__tag--more .job-card__sr"),
        ["and 5 more"]
    );
    assert!(
        el.text_content()
            .unwrap()
            .contains("Hybrid · Berlin, Germany")
    );
}

#[wasm_bindgen_test]
fn job_card_for_a_remote_job_says_remote_with_the_region() {
    let el = mount_card(job_card(WorkModel::Remote, "EMEA", &["Kind"], &["Snacks"]));

    assert_eq!(texts(&el, ".job-card__place"), ["Remote · EMEA"]);
    assert_eq!(texts(&el, ".job-card__tag"), ["Kind", "Snacks"]);
    assert!(
        el.query_selector(".job-card__tag--more").unwrap().is_none(),
        "no count when every tag is shown"
    );

    let el = mount_card(job_card(WorkModel::Remote, "Remote in EMEA", &[], &[]));
    assert_eq!(texts(&el, ".job-card__place"), ["Remote in EMEA"]);
    assert!(
        el.query_selector("ul").unwrap().is_none(),
        "no empty tag list"
    );
}

#[wasm_bindgen_test]
fn job_card_is_one_link_named_by_its_title() {
    let el = mount_card(job_card(
        WorkModel::OnSite,
        "Lisbon, Portugal",
        &[],
        &["Snacks"],
    ));

    let links = el.query_selector_all("a, button").unwrap();
    assert_eq!(links.length(), 1, "one interactive element per card");
    let link = el.query_selector("h3 a").unwrap().expect("the title links");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/jobs/platform-engineer-northwind")
    );
    assert_eq!(link.text_content().as_deref(), Some("Platform Engineer"));
    let text = el.text_content().unwrap();
    for expected in ["Northwind Robotics", "Lisbon, Portugal"] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
    let logo = el.query_selector(".avatar").unwrap().expect("a logo");
    assert_eq!(logo.text_content().as_deref(), Some("NR"));
    let time = el.query_selector("time").unwrap().expect("a posted date");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-01-05")
    );
}

#[wasm_bindgen_test]
fn description_allowlist_drops_scripts_handlers_and_bad_links() {
    let html = concat!(
        r#"<p onclick="steal()" class="x">Hello <script>alert(1)</script>"#,
        r#"<img src="x" onerror="alert(2)">world</p>"#,
        r#"<a href="javascript:alert(3)">bad link</a> "#,
        r#"<a href=" JAVASCRIPT:alert(4)" title="t">worse</a> "#,
        r#"<a href="https://cadence.example/jobs" style="color:red" onmouseover="x()">good link</a> "#,
        r#"<a href="mailto:jobs@cadence.example">mail</a>"#,
        r#"<a href="/relative">relative</a>"#,
    );
    assert_eq!(
        sanitize_description(html),
        concat!(
            "<p>Hello world</p>bad link worse ",
            r#"<a href="https://cadence.example/jobs" rel="nofollow noopener noreferrer" target="_blank">good link</a> "#,
            r#"<a href="mailto:jobs@cadence.example" rel="nofollow noopener noreferrer" target="_blank">mail</a>"#,
            "relative",
        )
    );
}

#[wasm_bindgen_test]
fn description_allowlist_keeps_the_text_of_unknown_elements() {
    let html = concat!(
        "<h1>Top</h1><div><section><span>Kept <u>in <blink>full</blink></u></span></section></div>",
        "<h3 id=\"x\">What you will do</h3><ul><li><b>Build</b> <i>things</i></li></ul>",
        "<style>p{color:red}</style><iframe src=\"https://evil.example\">frame text</iframe>",
        "<svg><a href=\"https://svg.example\">svg link</a></svg><!-- note -->",
        "<table><tr><td>cell</td></tr></table><p>end<br>line</p><h5>small</h5>",
    );
    assert_eq!(
        sanitize_description(html),
        concat!(
            "<h2>Top</h2>Kept in full  <h3>What you will do</h3>",
            "<ul><li><b>Build</b> <i>things</i></li></ul>",
            "cell   <p>end<br>line</p>small",
        )
    );
}

#[wasm_bindgen_test]
fn description_allowlist_escapes_text_that_looks_like_markup() {
    let cleaned = sanitize_description("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>");
    assert_eq!(
        cleaned,
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
    );
    let el = host();
    el.set_inner_html(&cleaned);
    assert!(el.query_selector("script").unwrap().is_none());
}

#[wasm_bindgen_test]
fn description_renders_its_sections_under_a_heading() {
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! {
            <JobDescription html="<p>Intro</p><h3>Who you are</h3><ul><li>Curious</li></ul><script>window.hacked = 1</script>" />
        }
    });
    let section = el.query_selector("section").unwrap().expect("a section");
    assert_eq!(
        section.get_attribute("aria-labelledby").as_deref(),
        Some("job-description-heading")
    );
    let heading = el
        .query_selector("#job-description-heading")
        .unwrap()
        .unwrap();
    assert_eq!(heading.text_content().as_deref(), Some("About the job"));
    let h3 = el
        .query_selector("h3")
        .unwrap()
        .expect("the section heading");
    assert_eq!(h3.text_content().as_deref(), Some("Who you are"));
    assert!(el.query_selector("script").unwrap().is_none());
}

#[wasm_bindgen_test]
fn what_you_should_know_shows_only_with_a_summary() {
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! {
            <WhatYouShouldKnow summary=Some("A remote backend role.".to_owned()) />
            <WhatYouShouldKnow summary=None />
            <WhatYouShouldKnow summary=Some("  ".to_owned()) />
        }
    });
    assert_eq!(el.query_selector_all("section").unwrap().length(), 1);
    let text = el.text_content().unwrap();
    assert!(text.contains("What you should know"), "{text}");
    assert!(text.contains("A remote backend role."), "{text}");
}

#[wasm_bindgen_test]
fn pager_links_the_ends_that_exist_and_disables_the_others() {
    let first = Pager {
        position: 1,
        total: 2,
        previous: None,
        next: Some("data-engineer-cadence".into()),
    };
    let only = Pager {
        position: 1,
        total: 1,
        previous: None,
        next: None,
    };
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Router>
                <JobPager pager=first.clone() company="Cadence" />
                <JobPager pager=only.clone() company="Lumen Bank" />
            </Router>
        }
    });
    assert_eq!(el.query_selector_all("nav").unwrap().length(), 1);
    let nav = el.query_selector("nav").unwrap().unwrap();
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Jobs at Cadence")
    );
    assert!(
        nav.text_content()
            .unwrap()
            .contains("Job 1 of 2 at Cadence")
    );
    let links = nav.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let next: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        next.get_attribute("href").as_deref(),
        Some("/jobs/data-engineer-cadence")
    );
    assert!(next.text_content().unwrap().contains("Next job"));
    let disabled = nav
        .query_selector("[aria-disabled=true]")
        .unwrap()
        .expect("a disabled previous");
    assert!(disabled.text_content().unwrap().contains("Previous job"));
    assert!(disabled.get_attribute("href").is_none());
}

fn saved_job(slug: &str) -> JobSummary {
    JobSummary {
        slug: slug.into(),
        title: "Backend Engineer".into(),
        company: CompanyRef {
            slug: "cadence".into(),
            name: "Cadence".into(),
        },
        location: "Remote in EMEA".into(),
        work_model: WorkModel::Remote,
        employment_type: EmploymentType::FullTime,
        posted_on: "2026-11-16".into(),
        facts: Default::default(),
    }
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn stored() -> Option<String> {
    storage().get_item(STORAGE_KEY).unwrap()
}

fn save_button(el: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    el.query_selector("button[aria-pressed]")
        .unwrap()
        .expect("a toggle button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn save_toggles_and_keeps_the_job_in_local_storage() {
    storage().remove_item(STORAGE_KEY).unwrap();
    let messages = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let log = Arc::clone(&messages);
    let el = host();
    let job = saved_job("save-toggle-job");
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        let log = Arc::clone(&log);
        view! {
            <SaveButton
                job=job.clone()
                on_status=Callback::new(move |message: String| log.lock().unwrap().push(message))
            />
        }
    });
    let button = save_button(&el);
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(button.text_content().as_deref(), Some("Save"));

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let raw = stored().expect("the saved list is stored");
    let jobs: Vec<JobSummary> = serde_json::from_str(&raw).unwrap();
    assert_eq!(jobs, vec![saved_job("save-toggle-job")]);

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(stored(), None);
    let messages = messages.lock().unwrap();
    assert_eq!(messages.len(), 2);
    assert!(messages[0].starts_with("Saved"), "{messages:?}");
    assert!(messages[1].starts_with("Removed"), "{messages:?}");
}

#[wasm_bindgen_test]
async fn a_saved_job_is_pressed_when_mounted_again() {
    let raw = serde_json::to_string(&vec![saved_job("kept-job")]).unwrap();
    storage().set_item(STORAGE_KEY, &raw).unwrap();
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <SaveButton job=saved_job("kept-job") /> }
    });
    tick().await;
    assert_eq!(
        save_button(&el).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    storage().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn a_corrupt_stored_value_is_dropped_not_a_crash() {
    storage().set_item(STORAGE_KEY, "{\"oops\": [1, 2").unwrap();
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <SaveButton job=saved_job("after-corruption") /> }
    });
    tick().await;
    tick().await;
    let button = save_button(&el);
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(stored(), None, "the corrupt value is gone");

    button.click();
    tick().await;
    let jobs: Vec<JobSummary> = serde_json::from_str(&stored().unwrap()).unwrap();
    assert_eq!(jobs[0].slug, "after-corruption");
    storage().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn saving_in_another_tab_presses_the_button_here() {
    storage().remove_item(STORAGE_KEY).unwrap();
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <SaveButton job=saved_job("other-tab-job") /> }
    });
    tick().await;
    let button = save_button(&el);
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );

    // What another tab does: write the list, and this tab hears of it.
    let raw = serde_json::to_string(&vec![saved_job("other-tab-job")]).unwrap();
    storage().set_item(STORAGE_KEY, &raw).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(STORAGE_KEY));
    init.set_new_value(Some(&raw));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    // And another tab clearing all of storage (key null) unpresses it.
    storage().remove_item(STORAGE_KEY).unwrap();
    let cleared = web_sys::StorageEvent::new("storage").unwrap();
    window().dispatch_event(&cleared).unwrap();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}

/// Waits for the app's reactive updates and any answer from the network.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn mount_newsletter() -> web_sys::HtmlElement {
    let el = host();
    leptos::mount::mount_to(el.clone(), || {
        view! { <Router><NewsletterBox topics=vec!["engineering".to_owned()] /></Router> }
    })
    .forget();
    el
}

fn email_input(el: &web_sys::HtmlElement) -> web_sys::HtmlInputElement {
    el.query_selector("input[type=email]")
        .unwrap()
        .expect("an email field")
        .unchecked_into()
}

fn submit_button(el: &web_sys::HtmlElement) -> web_sys::HtmlButtonElement {
    el.query_selector("button[type=submit]")
        .unwrap()
        .expect("a submit button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn newsletter_says_what_is_wrong_beside_the_field() {
    let el = mount_newsletter();
    let input = email_input(&el);
    let label = el
        .query_selector("label[for=newsletter-email]")
        .unwrap()
        .expect("a label for the field");
    assert_eq!(label.text_content().as_deref(), Some("Email address"));
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);

    // Empty, then without an @, then a domain without a real top level.
    for (typed, expected) in [
        ("", "Enter your email address."),
        (
            "ada.example.com",
            "An email address needs an @, as in name@example.com.",
        ),
        (
            "ada@example.c0m",
            "That does not look like an email address.",
        ),
    ] {
        type_into(&input, typed);
        submit_button(&el).click();
        settle(0).await;
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{typed}"
        );
        let described = input
            .get_attribute("aria-describedby")
            .expect("describedby");
        let message = el
            .query_selector(&format!("#{described}"))
            .unwrap()
            .expect("the element the field points to");
        assert_eq!(message.text_content().as_deref(), Some(expected), "{typed}");
        assert_eq!(
            document().active_element().map(|e| e.id()).as_deref(),
            Some("newsletter-email"),
            "focus goes back to the field"
        );
    }

    // Fixing the address clears the message as the person types.
    type_into(&input, "ada@example.com");
    settle(0).await;
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);
    assert_eq!(
        el.query_selector("#newsletter-email-error")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("")
    );
}

#[wasm_bindgen_test]
async fn newsletter_shows_sending_then_an_alert_when_the_request_fails() {
    let el = mount_newsletter();
    let input = email_input(&el);
    type_into(&input, "ada@example.com");
    let button = submit_button(&el);
    button.click();
    // A microtask later the form says it is sending and cannot be sent
    // twice; no answer from the network can have arrived yet.
    leptos::task::tick().await;
    // aria-disabled, not disabled: a disabled button would drop the focus
    // of the person who just pressed it.
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(!button.disabled());
    assert_eq!(button.text_content().as_deref(), Some("Signing you up…"));
    assert_eq!(
        el.query_selector("[role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Sending…")
    );
    // The test runner's server has no API, so the request fails.
    for _ in 0..100 {
        if el.query_selector("[role=alert]").unwrap().is_some() {
            break;
        }
        settle(50).await;
    }
    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert once the request fails");
    assert!(
        alert
            .text_content()
            .unwrap()
            .starts_with("We could not sign you up.")
    );
    assert!(!button.disabled());
    assert_eq!(button.text_content().as_deref(), Some("Subscribe"));
    // The address itself was fine, so the field is not marked.
    assert_eq!(input.get_attribute("aria-invalid"), None);
}

fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} missing"))
        .unchecked_into()
}

fn press(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn type_text(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn all_text(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn chip_input_adds_and_removes_chips_by_keyboard() {
    let chips = RwSignal::new(vec!["Rust".to_owned()]);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ChipInput
                id="skills"
                label="Skills"
                chips=chips
                set_chips=Callback::new(move |next| chips.set(next))
                options=vec!["Kafka".into(), "Kotlin".into(), "Kubernetes".into()]
            />
        }
    });
    let input: web_sys::HtmlInputElement = find(&el, "#skills");
    input.focus().unwrap();

    type_text(&input, "Go");
    press(&input, "Enter");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Rust", "Go"]);
    assert_eq!(input.value(), "");

    type_text(&input, "SQL");
    press(&input, ",");
    type_text(&input, "rust");
    press(&input, "Enter");
    tick().await;
    assert_eq!(
        chips.get_untracked(),
        ["Rust", "Go", "SQL"],
        "a duplicate is not added"
    );

    // A pasted list becomes several chips; the text after the last comma stays.
    type_text(&input, "Docker, Helm, Ter");
    tick().await;
    assert_eq!(
        chips.get_untracked(),
        ["Rust", "Go", "SQL", "Docker", "Helm"]
    );
    assert_eq!(input.value(), "Ter");
    type_text(&input, "");
    press(&input, "Backspace");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Rust", "Go", "SQL", "Docker"]);
    assert_eq!(
        all_text(&el, ".chip__text"),
        ["Rust", "Go", "SQL", "Docker"],
        "the chips shown follow the list"
    );

    // Each chip's button removes it and hands focus back to the field.
    let remove: web_sys::HtmlElement = find(&el, "button[aria-label='Remove Go']");
    remove.click();
    tick().await;
    assert_eq!(chips.get_untracked(), ["Rust", "SQL", "Docker"]);
    assert_eq!(document().active_element().unwrap().id(), "skills");
}

#[wasm_bindgen_test]
async fn chip_input_suggestions_are_a_listbox_driven_by_the_arrows() {
    let chips = RwSignal::new(Vec::<String>::new());
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ChipInput
                id="tools"
                label="Tools"
                chips=chips
                set_chips=Callback::new(move |next| chips.set(next))
                options=vec!["Kafka".into(), "Kotlin".into(), "Jenkins".into()]
            />
        }
    });
    let input: web_sys::HtmlInputElement = find(&el, "#tools");
    let listbox: web_sys::HtmlElement = find(&el, "[role=listbox]");
    input.focus().unwrap();
    type_text(&input, "k");
    tick().await;
    assert!(!listbox.hidden());
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        all_text(&el, "[role=option]"),
        ["Kafka", "Kotlin", "Jenkins"]
    );

    press(&input, "ArrowDown");
    press(&input, "ArrowDown");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("tools-option-1")
    );
    let selected: web_sys::Element = find(&el, "#tools-option-1");
    assert_eq!(
        selected.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    press(&input, "ArrowUp");
    press(&input, "ArrowUp");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("tools-option-2"),
        "ArrowUp wraps around"
    );
    press(&input, "ArrowDown");
    press(&input, "ArrowDown");
    press(&input, "Enter");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Kotlin"]);

    type_text(&input, "ka");
    tick().await;
    assert_eq!(all_text(&el, "[role=option]"), ["Kafka"]);
    press(&input, "Escape");
    tick().await;
    assert!(listbox.hidden());
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(input.get_attribute("aria-activedescendant"), None);
    // With the list closed, Enter adds what was typed.
    press(&input, "Enter");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Kotlin", "ka"]);
}

#[wasm_bindgen_test]
async fn the_flow_checks_each_step_before_moving_on() {
    storage().remove_item(DRAFT_KEY).unwrap();
    storage().remove_item(PROFILE_KEY).unwrap();
    let finished = RwSignal::new(false);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        provide_profile_store();
        view! { <OnboardingFlow heading_id="flow-heading" on_finish=Callback::new(move |()| finished.set(true)) /> }
    });
    let progress: web_sys::Element = find(&el, "[role=progressbar]");
    let heading: web_sys::Element = find(&el, "#flow-heading");
    let next = || find::<web_sys::HtmlElement>(&el, "button[type=submit]");
    let button = |label: &str| {
        let buttons = el.query_selector_all("button").unwrap();
        (0..buttons.length())
            .map(|i| {
                buttons
                    .item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlElement>()
            })
            .find(|b| b.text_content().as_deref() == Some(label))
    };
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("1")
    );
    assert!(button("Back").is_none() && button("Skip").is_none());

    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("2")
    );
    assert_eq!(
        heading.text_content().as_deref(),
        Some(Step::Roles.heading())
    );
    assert!(button("Skip").is_none(), "roles are required");

    // Next without a role: the message sits by the field, which is marked invalid.
    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("2")
    );
    let roles: web_sys::HtmlInputElement = find(&el, "#onboarding-roles");
    assert_eq!(roles.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error: web_sys::Element = find(&el, "#onboarding-roles-error");
    assert!(
        error
            .text_content()
            .unwrap()
            .contains("Add at least one role")
    );
    assert!(
        roles
            .get_attribute("aria-describedby")
            .unwrap()
            .contains("onboarding-roles-error")
    );
    type_text(&roles, "Analyst");
    press(&roles, "Enter");
    tick().await;
    assert_eq!(
        roles.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(
        el.query_selector("#onboarding-roles-error")
            .unwrap()
            .is_none()
    );
    next().click();
    tick().await;

    // Skills are optional: Skip moves on; the place is saved for a reload.
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("3")
    );
    button("Skip").expect("a Skip button").click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("4")
    );
    let saved =
        SavedFlow::decode(storage().get_item(DRAFT_KEY).unwrap().as_deref()).expect("a saved flow");
    assert_eq!(saved.step, Step::Level);
    assert_eq!(saved.draft.roles, ["Analyst"]);

    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("4")
    );
    assert!(
        el.query_selector("#onboarding-level-error")
            .unwrap()
            .is_some()
    );
    find::<web_sys::HtmlElement>(&el, "input[value=mid]").click();
    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("5")
    );

    // Back returns without checking, and keeps the answer.
    button("Back").unwrap().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("4")
    );
    assert!(find::<web_sys::HtmlInputElement>(&el, "input[value=mid]").checked());
    next().click();
    tick().await;

    for _ in 5..=7 {
        button("Skip").unwrap().click();
        tick().await;
    }
    assert!(finished.get_untracked());
    assert_eq!(
        storage().get_item(DRAFT_KEY).unwrap(),
        None,
        "the draft is removed when finished"
    );
    let stored = storage()
        .get_item(PROFILE_KEY)
        .unwrap()
        .expect("a stored profile");
    assert!(stored.contains("\"roles\":[\"Analyst\"]"), "{stored}");
    assert!(stored.contains("\"seniority\":\"mid\""), "{stored}");
    storage().remove_item(PROFILE_KEY).unwrap();
}

/// A property of a DOM object, as text (a select's `value`).
fn property(target: &web_sys::Element, name: &str) -> String {
    js_sys::Reflect::get(target, &name.into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_salary_field_says_what_it_read_and_refuses_nonsense() {
    use ascend::components::SalaryField;
    use ascend::onboarding::Draft;

    let draft = RwSignal::new(Draft::default());
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        // As after Next: the step's messages show at once.
        let errors = Signal::derive(move || draft.with(|d| Step::Salary.validate(d)));
        view! { <SalaryField draft errors ids="pay" /> }
    });
    let input: web_sys::HtmlInputElement = find(&el, "#pay-salary-amount");
    let described = || input.get_attribute("aria-describedby").unwrap_or_default();
    let read_as = || {
        el.query_selector("#pay-salary-amount-read")
            .unwrap()
            .and_then(|p| p.text_content())
    };

    // German thousands: 75,000 a year, not 75; said beside the field.
    type_text(&input, "75.000");
    tick().await;
    assert_eq!(read_as().as_deref(), Some("Read as 75,000 EUR a year."));
    assert_eq!(described(), "pay-salary-amount-read pay-salary-amount-hint");
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(
        draft.get_untracked().salary_reading().unwrap().amount,
        75_000.0
    );

    type_text(&input, "75.5k");
    tick().await;
    assert_eq!(read_as().as_deref(), Some("Read as 75,500 EUR a year."));

    // A currency typed with the amount is chosen beside it.
    type_text(&input, "$75,000");
    tick().await;
    assert_eq!(read_as().as_deref(), Some("Read as 75,000 USD a year."));
    let currency: web_sys::Element = find(&el, "#pay-salary-currency");
    assert_eq!(property(&currency, "value"), "USD");
    let period: web_sys::Element = find(&el, "#pay-salary-period");
    type_text(&input, "€40/h");
    tick().await;
    assert_eq!(read_as().as_deref(), Some("Read as 40 EUR an hour."));
    assert_eq!(property(&currency, "value"), "EUR");
    assert_eq!(property(&period, "value"), "hour");

    // Nonsense: no reading, a message naming the field, read out with it.
    type_text(&input, "lots");
    tick().await;
    assert_eq!(read_as(), None);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error: web_sys::Element = find(&el, "#pay-salary-amount-error");
    assert!(
        error
            .text_content()
            .unwrap()
            .contains("amount before tax in figures"),
        "{:?}",
        error.text_content()
    );
    assert_eq!(
        described(),
        "pay-salary-amount-hint pay-salary-amount-error"
    );
}

/// Goes to the page it is on with `state`, as the onboarding page does
/// when it finishes.
#[component]
fn ArriveWithState(state: &'static str) -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    let here = window().location().pathname().unwrap();
    navigate(
        &here,
        leptos_router::NavigateOptions {
            state: leptos_router::location::State::new(Some(state.into())),
            ..Default::default()
        },
    );
}

async fn mount_profile_page(state: &'static str) -> web_sys::HtmlElement {
    store_profile(true);
    let el = host();
    leptos::mount::mount_to(el.clone(), move || {
        leptos_meta::provide_meta_context();
        provide_profile_store();
        view! {
            <Router>
                <ArriveWithState state />
                <ascend::pages::ProfilePage />
            </Router>
        }
    })
    .forget();
    // The store is read, then the message is set a frame later.
    settle(100).await;
    el
}

#[wasm_bindgen_test]
async fn finishing_onboarding_lands_on_a_profile_that_says_what_happens_next() {
    use ascend::profile::{FINISHED_MESSAGE, FINISHED_STATE};

    let el = mount_profile_page(FINISHED_STATE).await;
    let status: web_sys::Element = find(&el, "[role=status]");
    assert_eq!(
        status
            .query_selector(".profile-saved__text")
            .unwrap()
            .and_then(|p| p.text_content()),
        Some(FINISHED_MESSAGE.to_owned())
    );
    assert!(FINISHED_MESSAGE.contains("saved on this device"));
    let link: web_sys::Element = find(&status, "a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/jobs"));
    assert_eq!(link.text_content().as_deref(), Some("Browse jobs"));
    el.remove();

    // Coming any other way, the page says nothing of it, but the region
    // the deletion is announced in is there.
    let el = mount_profile_page("another-state").await;
    let status: web_sys::Element = find(&el, "[role=status]");
    assert_eq!(status.text_content().as_deref(), Some(""));
    assert!(
        el.query_selector("section").unwrap().is_some(),
        "the profile is shown"
    );
    el.remove();
    store_profile(false);
}

#[wasm_bindgen_test]
async fn down_and_enter_after_a_role_picks_the_likeliest_title_not_the_internship() {
    let chips = RwSignal::new(Vec::<String>::new());
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ChipInput
                id="wanted-roles"
                label="Roles you want"
                chips=chips
                set_chips=Callback::new(move |next| chips.set(next))
                // Most common first, as `GET /api/suggest` answers.
                options=vec![
                    "Backend Engineering Intern".into(),
                    "Senior Backend Engineer".into(),
                    "Backend Engineer".into(),
                    "Junior Backend Developer".into(),
                ]
            />
        }
    });
    let input: web_sys::HtmlInputElement = find(&el, "#wanted-roles");
    input.focus().unwrap();
    type_text(&input, "Backend");
    tick().await;
    assert_eq!(
        all_text(&el, "[role=option]"),
        [
            "Backend Engineer",
            "Senior Backend Engineer",
            "Backend Engineering Intern",
            "Junior Backend Developer",
        ]
    );
    press(&input, "ArrowDown");
    press(&input, "Enter");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Backend Engineer"]);

    // Asked for, the internship comes first.
    type_text(&input, "intern");
    tick().await;
    assert_eq!(
        all_text(&el, "[role=option]"),
        ["Backend Engineering Intern"]
    );
}
