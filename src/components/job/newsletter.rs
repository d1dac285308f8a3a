use ascend_types::email::normalize_email;
use ascend_types::{CreateSubscription, SubscriptionAccepted};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, FetchError};

/// Where a sign-up stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    Idle,
    Sending,
    Subscribed(SubscriptionAccepted),
    /// Failed for a reason that is not the address: said in an alert.
    Failed(String),
}

/// A newsletter topic from a free-text name ("Data & AI" → "data-ai"):
/// lower-case letters, digits and single hyphens, as the server accepts.
pub fn topic_for(name: &str) -> Option<String> {
    let mut topic = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            topic.push(c);
        } else if !topic.is_empty() && !topic.ends_with('-') {
            topic.push('-');
        }
    }
    let topic = topic.trim_end_matches('-');
    (!topic.is_empty() && topic.len() <= 40).then(|| topic.to_owned())
}

/// What the server's answer means for the form: a message for the email
/// field (shown beside it) and the new state.
pub fn submission_outcome(
    result: Result<SubscriptionAccepted, FetchError>,
) -> (Option<String>, Submission) {
    match result {
        Ok(accepted) => (None, Submission::Subscribed(accepted)),
        Err(error) => match error.field_message("email") {
            Some(message) => (Some(message), Submission::Idle),
            None => (None, Submission::Failed(error.describe())),
        },
    }
}

fn topic_words(topics: &[String]) -> String {
    match topics {
        [] => "new jobs".into(),
        [one] => format!("new {} jobs", one.replace('-', " ")),
        [first, second] => format!(
            "new {} and {} jobs",
            first.replace('-', " "),
            second.replace('-', " ")
        ),
        _ => "new jobs on your topics".into(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Sign-up for the weekly email of new jobs: the address is checked here
/// with the server's own rule, then sent to `POST /api/subscriptions`.
#[component]
pub fn NewsletterBox(
    /// Topics offered, each a checkbox that starts ticked ("engineering").
    #[prop(optional)]
    topics: Vec<String>,
) -> impl IntoView {
    let (email, set_email) = signal(String::new());
    let (field_error, set_field_error) = signal(None::<String>);
    let (state, set_state) = signal(Submission::Idle);
    let chosen = RwSignal::new(topics.clone());
    let input = NodeRef::<leptos::html::Input>::new();
    let sending = move || state.with(|s| *s == Submission::Sending);

    let focus_field = move || {
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if sending() {
            return;
        }
        match normalize_email(&email.get_untracked()) {
            Err(message) => {
                set_field_error.set(Some(message));
                set_state.set(Submission::Idle);
                focus_field();
            }
            Ok(address) => {
                set_field_error.set(None);
                set_state.set(Submission::Sending);
                let request = CreateSubscription {
                    email: address,
                    topics: chosen.get_untracked(),
                };
                spawn_local(async move {
                    let (message, next) = submission_outcome(api::subscribe(&request).await);
                    let field_failed = message.is_some();
                    if set_field_error.try_set(message).is_none() {
                        set_state.try_set(next);
                        if field_failed {
                            focus_field();
                        }
                    }
                });
            }
        }
    };

    let on_input = move |event: leptos::ev::Event| {
        set_email.set(event_target_value(&event));
        // Once a message shows, it follows the typing so it clears as soon
        // as the address is fixed.
        if field_error.with_untracked(Option::is_some) {
            set_field_error.set(normalize_email(&email.get_untracked()).err());
        }
        if matches!(
            state.get_untracked(),
            Submission::Failed(_) | Submission::Subscribed(_)
        ) {
            set_state.set(Submission::Idle);
        }
    };

    let topic_boxes = (!topics.is_empty()).then(|| {
        view! {
            <fieldset class="newsletter__topics">
                <legend>"Send me"</legend>
                {topics
                    .into_iter()
                    .map(|topic| {
                        let id = format!("newsletter-topic-{topic}");
                        let label = capitalized(&topic_words(std::slice::from_ref(&topic)));
                        let value = topic.clone();
                        let checked = {
                            let topic = topic.clone();
                            move || chosen.with(|c| c.contains(&topic))
                        };
                        view! {
                            <div class="newsletter__topic">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=checked
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        chosen.update(|c| {
                                            c.retain(|t| t != &value);
                                            if on {
                                                c.push(value.clone());
                                            }
                                        });
                                    }
                                />
                                <label for=id>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
    });

    view! {
        <section class="newsletter" aria-labelledby="newsletter-heading">
            <h2 id="newsletter-heading" class="newsletter__heading">"New jobs, once a week"</h2>
            <p class="newsletter__intro">
                "One email with the week's new jobs. We keep only your address and topics. "
                <a href="/privacy">"How we handle it"</a>
            </p>
            <form class="newsletter__form" novalidate on:submit=on_submit>
                <label class="newsletter__label" for="newsletter-email">"Email address"</label>
                <input
                    node_ref=input
                    id="newsletter-email"
                    class="newsletter__input"
                    type="email"
                    name="email"
                    autocomplete="email"
                    inputmode="email"
                    spellcheck="false"
                    prop:value=email
                    on:input=on_input
                    aria-invalid=move || field_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || field_error.with(Option::is_some).then_some("newsletter-email-error")
                />
                <p id="newsletter-email-error" class="newsletter__error">{move || field_error.get()}</p>
                {topic_boxes}
                // Not `disabled` while sending: a disabled button drops the
                // focus of whoever pressed it to the page's start.
                <button
                    type="submit"
                    class="button button--primary newsletter__submit"
                    aria-disabled=move || sending().then_some("true")
                >
                    {move || if sending() { "Signing you up…" } else { "Subscribe" }}
                </button>
            </form>
            <p
                class="newsletter__status"
                class:newsletter__status--shown=move || state.with(|s| matches!(s, Submission::Subscribed(_)))
                role="status"
            >
                {move || match state.get() {
                    Submission::Subscribed(accepted) => format!(
                        "You are subscribed: {} will get {}.",
                        accepted.email,
                        topic_words(&accepted.topics)
                    ),
                    Submission::Sending => "Sending…".to_owned(),
                    _ => String::new(),
                }}
            </p>
            {move || match state.get() {
                Submission::Failed(message) => Some(view! {
                    <p class="newsletter__failure" role="alert">
                        "We could not sign you up. " {message}
                    </p>
                }),
                _ => None,
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ascend_types::FieldError;

    #[test]
    fn topics_from_names() {
        assert_eq!(topic_for("Engineering").as_deref(), Some("engineering"));
        assert_eq!(topic_for(" Data & AI ").as_deref(), Some("data-ai"));
        assert_eq!(topic_for("R&D—Labs!").as_deref(), Some("r-d-labs"));
        assert_eq!(topic_for("  & "), None);
        assert_eq!(topic_for(&"x".repeat(41)), None);
    }

    #[test]
    fn the_servers_answer_lands_where_people_look() {
        let accepted = SubscriptionAccepted {
            email: "ada@example.com".into(),
            topics: vec!["remote".into()],
        };
        assert_eq!(
            submission_outcome(Ok(accepted.clone())),
            (None, Submission::Subscribed(accepted))
        );
        let invalid = FetchError::Invalid {
            fields: vec![FieldError {
                field: "email".into(),
                message: "That does not look like an email address.".into(),
            }],
        };
        assert_eq!(
            submission_outcome(Err(invalid)),
            (
                Some("That does not look like an email address.".into()),
                Submission::Idle
            )
        );
        let limited = FetchError::Server {
            status: 429,
            message: "Too many requests. Try again in 30 seconds.".into(),
        };
        assert_eq!(
            submission_outcome(Err(limited)),
            (
                None,
                Submission::Failed("Too many requests. Try again in 30 seconds.".into())
            )
        );
    }

    #[test]
    fn topics_in_words() {
        assert_eq!(topic_words(&[]), "new jobs");
        assert_eq!(topic_words(&["data-ai".into()]), "new data ai jobs");
        assert_eq!(
            topic_words(&["engineering".into(), "remote".into()]),
            "new engineering and remote jobs"
        );
    }
}
