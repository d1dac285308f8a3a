use ascend_types::JobCard as Card;
use leptos::ev;
use leptos::html::Ul;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::api::{self, FetchError};
use crate::components::{JobCard, JobCardSkeleton};

/// How many similar jobs to ask for.
pub const LIMIT: u8 = 12;

/// Skeleton cards: enough to fill the widest row.
const SKELETON_CARDS: usize = 4;

/// Where to scroll a track so that a card becomes fully visible, moving it
/// as little as possible and only to positions where a card starts (the
/// snap points), or `None` when the card is visible already.
///
/// All numbers are in the track's scroll coordinates: `card` is the card's
/// start and end, `view` the scroll position and visible width, `inset` the
/// track's scroll padding, and `starts` every card's start, in order.
pub fn reveal_target(
    card: (f64, f64),
    view: (f64, f64),
    inset: f64,
    starts: &[f64],
) -> Option<f64> {
    let (card_start, card_end) = card;
    let (left, width) = view;
    // Sub-pixel layout can leave a visible card a fraction out.
    const SLACK: f64 = 1.0;
    if card_start - inset < left - SLACK {
        return Some((card_start - inset).max(0.0));
    }
    if card_end + inset > left + width + SLACK {
        let needed = card_end + inset - width;
        let snap = starts
            .iter()
            .map(|start| start - inset)
            .find(|position| *position >= needed - SLACK)
            .unwrap_or(needed);
        return Some(snap.min(card_start - inset));
    }
    None
}

/// "Similar jobs" after the job page's content: a horizontally scrolling,
/// snapping row of [`JobCard`]s, fetched on its own once the job is shown.
#[component]
pub fn SimilarJobs(
    /// The job whose look-alikes to show.
    #[prop(into)]
    slug: String,
) -> impl IntoView {
    let jobs = LocalResource::new(move || {
        let slug = slug.clone();
        async move {
            // The row is below the job: ask once the job is on screen.
            api::after_next_paint().await;
            api::similar(&slug, LIMIT).await
        }
    });
    let retry = Callback::new(move |()| jobs.refetch());

    view! {
        <section class="similar" aria-labelledby="similar-heading">
            <h2 id="similar-heading" class="similar__heading">"Similar jobs"</h2>
            <Suspense fallback=SimilarSkeleton>
                {move || Suspend::new(async move {
                    match jobs.await {
                        Ok(list) if list.jobs.is_empty() => view! { <SimilarEmpty /> }.into_any(),
                        Ok(list) => view! { <Carousel jobs=list.jobs /> }.into_any(),
                        Err(error) => view! { <SimilarError error on_retry=retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The row of cards with its previous and next buttons.
#[component]
fn Carousel(jobs: Vec<Card>) -> impl IntoView {
    let track = NodeRef::<Ul>::new();
    let (can_go_back, set_can_go_back) = signal(false);
    let (can_go_on, set_can_go_on) = signal(false);

    // Scroll positions are read from the element, so the buttons follow
    // swipes, wheels and keyboard scrolling as well as their own clicks.
    let update = move || {
        if let Some(track) = track.get_untracked() {
            let left = f64::from(track.scroll_left());
            let room = f64::from(track.scroll_width() - track.client_width());
            set_can_go_back.set(left > 1.0);
            set_can_go_on.set(left < room - 1.0);
        }
    };
    // A resize observer reports once when the track is laid out, then on
    // every change of its size (window resizes, rotation, zoom).
    Effect::new(move |_| {
        let Some(element) = track.get() else {
            return;
        };
        let on_resize = Closure::<dyn Fn()>::new(update);
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(&element);
        }
        let kept = SendWrapper::new((observer, on_resize));
        on_cleanup(move || {
            let (observer, _on_resize) = kept.take();
            if let Some(observer) = observer {
                observer.disconnect();
            }
        });
    });

    // A page is the visible width; snapping then settles on the first card
    // that was cut off, so it is shown whole.
    let scroll_by_page = move |direction: f64| {
        if let Some(track) = track.get_untracked() {
            let options = web_sys::ScrollToOptions::new();
            options.set_left(direction * f64::from(track.client_width()));
            track.scroll_by_with_scroll_to_options(&options);
        }
    };

    // Browsers scroll a focused link into view, but only the link (the
    // title), which can leave its card cut off at an edge.
    let reveal_focused = move |event: ev::FocusEvent| {
        let Some(card) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".similar__item").ok().flatten())
        else {
            return;
        };
        request_animation_frame(move || {
            let Some(track) = track.get_untracked() else {
                return;
            };
            let origin = track.get_bounding_client_rect().left() - f64::from(track.scroll_left());
            let rect = card.get_bounding_client_rect();
            let starts: Vec<f64> = (0..track.children().length())
                .filter_map(|i| track.children().item(i))
                .map(|item| item.get_bounding_client_rect().left() - origin)
                .collect();
            let inset = scroll_inset(&track);
            if let Some(left) = reveal_target(
                (rect.left() - origin, rect.right() - origin),
                (
                    f64::from(track.scroll_left()),
                    f64::from(track.client_width()),
                ),
                inset,
                &starts,
            ) {
                let options = web_sys::ScrollToOptions::new();
                options.set_left(left);
                track.scroll_to_with_scroll_to_options(&options);
            }
        });
    };

    // Tab from the arrows goes on to the first card in view, not back to
    // the first card of the row, which paging left behind.
    let tab_into_view = move |event: ev::KeyboardEvent| {
        if event.key() != "Tab" || event.shift_key() {
            return;
        }
        let Some(track) = track.get_untracked() else {
            return;
        };
        let left = track.get_bounding_client_rect().left();
        let first_in_view = (0..track.children().length())
            .filter_map(|i| track.children().item(i))
            .find(|item| item.get_bounding_client_rect().left() >= left - 1.0);
        if let Some(link) = first_in_view.and_then(|item| item.query_selector("a").ok().flatten()) {
            event.prevent_default();
            let _ = link.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };

    view! {
        <div class="similar__controls" on:keydown=tab_into_view>
            <button
                type="button"
                class="similar__nav"
                aria-label="Previous jobs"
                aria-controls="similar-track"
                aria-disabled=move || (!can_go_back.get()).to_string()
                hidden=move || !can_go_back.get() && !can_go_on.get()
                on:click=move |_| {
                    if can_go_back.get_untracked() {
                        scroll_by_page(-1.0);
                    }
                }
            >
                <span aria-hidden="true">"‹"</span>
            </button>
            <button
                type="button"
                class="similar__nav"
                aria-label="Next jobs"
                aria-controls="similar-track"
                aria-disabled=move || (!can_go_on.get()).to_string()
                hidden=move || !can_go_back.get() && !can_go_on.get()
                on:click=move |_| {
                    if can_go_on.get_untracked() {
                        scroll_by_page(1.0);
                    }
                }
            >
                <span aria-hidden="true">"›"</span>
            </button>
        </div>
        <ul
            id="similar-track"
            class="similar__track"
            aria-labelledby="similar-heading"
            node_ref=track
            on:scroll=move |_| update()
            on:focusin=reveal_focused
        >
            {jobs
                .into_iter()
                .map(|job| view! { <li class="similar__item"><JobCard job show_match=true /></li> })
                .collect_view()}
        </ul>
    }
}

/// The track's `scroll-padding-left`, in pixels. Read with the browser's
/// `parseFloat` ("16px" → 16): Rust's float parsing would bring its tables
/// (about 10 KB) into the job page's wasm for this one value.
fn scroll_inset(track: &web_sys::Element) -> f64 {
    window()
        .get_computed_style(track)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("scroll-padding-left").ok())
        .map(|value| js_sys::parse_float(&value))
        .filter(|inset| inset.is_finite())
        .unwrap_or(0.0)
}

/// A row of card-shaped placeholders, the same height as the cards.
#[component]
fn SimilarSkeleton() -> impl IntoView {
    view! {
        <div class="similar__track similar__track--skeleton" aria-busy="true">
            <span class="job-card__sr">"Loading similar jobs"</span>
            {(0..SKELETON_CARDS)
                .map(|_| view! { <div class="similar__item"><JobCardSkeleton /></div> })
                .collect_view()}
        </div>
    }
}

/// No similar jobs: said in a line, in the row's space so nothing moves, with
/// a way on to every job rather than a dead end.
#[component]
fn SimilarEmpty() -> impl IntoView {
    view! {
        <div class="similar__message">
            <p>"No similar open jobs right now."</p>
            <a href="/jobs">"Browse all jobs"</a>
        </div>
    }
}

/// The similar jobs did not load: a small note in the row's space, so the
/// job itself stays readable, with a retry.
#[component]
fn SimilarError(error: FetchError, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="similar__message similar__message--error" role="status">
            <p>"Similar jobs did not load. " {error.describe()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Cards 300 wide with 16 between them, an inset of 6, a 700-wide view.
    const STARTS: [f64; 5] = [6.0, 322.0, 638.0, 954.0, 1270.0];

    fn card(i: usize) -> (f64, f64) {
        (STARTS[i], STARTS[i] + 300.0)
    }

    #[test]
    fn a_visible_card_stays_put() {
        assert_eq!(reveal_target(card(0), (0.0, 700.0), 6.0, &STARTS), None);
        assert_eq!(reveal_target(card(1), (0.0, 700.0), 6.0, &STARTS), None);
        assert_eq!(reveal_target(card(2), (316.0, 700.0), 6.0, &STARTS), None);
    }

    #[test]
    fn a_card_cut_off_on_the_right_comes_in_by_the_least_snap() {
        // Card 2 ends at 938; the view must reach 944, so start at 244 or
        // later: the first card start past that is card 1's (316).
        assert_eq!(
            reveal_target(card(2), (0.0, 700.0), 6.0, &STARTS),
            Some(316.0)
        );
        assert_eq!(
            reveal_target(card(4), (0.0, 700.0), 6.0, &STARTS),
            Some(948.0)
        );
    }

    #[test]
    fn a_card_cut_off_on_the_left_comes_to_the_start() {
        assert_eq!(
            reveal_target(card(1), (500.0, 700.0), 6.0, &STARTS),
            Some(316.0)
        );
        assert_eq!(
            reveal_target(card(0), (30.0, 700.0), 6.0, &STARTS),
            Some(0.0)
        );
    }

    #[test]
    fn a_card_wider_than_the_view_shows_its_start() {
        assert_eq!(
            reveal_target(card(2), (0.0, 200.0), 6.0, &STARTS),
            Some(632.0)
        );
    }
}
