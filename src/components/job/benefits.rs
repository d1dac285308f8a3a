use ascend_types::BenefitGroup;
use leptos::prelude::*;

/// A heading for a kind of benefit ("time_off" → "Time off").
pub fn benefit_kind_label(kind: &str) -> String {
    match kind {
        "health" => "Health".into(),
        "leave" => "Leave".into(),
        "money" => "Pay and equity".into(),
        "time_off" => "Time off".into(),
        "learning" => "Learning".into(),
        "wellbeing" => "Wellbeing".into(),
        "remote" => "Remote work".into(),
        other => {
            let words = other.replace(['_', '-'], " ");
            let mut chars = words.trim().chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => "Other".into(),
            }
        }
    }
}

/// The groups as they show when folded: every group in order, keeping
/// items until `limit` are shown; groups left without items are dropped.
fn folded(groups: &[BenefitGroup], limit: usize) -> Vec<BenefitGroup> {
    let mut left = limit;
    groups
        .iter()
        .filter_map(|group| {
            let take = group.items.len().min(left);
            left -= take;
            (take > 0).then(|| BenefitGroup {
                kind: group.kind.clone(),
                items: group.items[..take].to_vec(),
            })
        })
        .collect()
}

/// Benefits and perks under a heading per kind. With `limit`, only that
/// many items show until the reader asks for all of them.
#[component]
pub fn BenefitGroups(
    groups: Vec<BenefitGroup>,
    /// How many items show before "Show all N"; every item when absent.
    #[prop(optional)]
    limit: Option<usize>,
    /// The level of each kind's heading (3 for `h3`, 4 for `h4`).
    #[prop(default = 4)]
    heading_level: u8,
    /// Unique on the page: names the list for the disclosure button.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let total: usize = groups.iter().map(|g| g.items.len()).sum();
    let foldable = limit.is_some_and(|limit| total > limit);
    let (expanded, set_expanded) = signal(false);
    let groups = StoredValue::new(groups);
    let shown = move || {
        groups.with_value(|groups| match limit {
            Some(limit) if !expanded.get() => folded(groups, limit),
            _ => groups.clone(),
        })
    };
    let list_id = id.clone();
    view! {
        <div class="benefits" id=id>
            {move || {
                shown()
                    .into_iter()
                    .map(|group| view! {
                        <div class="benefits__group">
                            {heading(heading_level, benefit_kind_label(&group.kind))}
                            <ul class="benefits__items">
                                {group.items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                            </ul>
                        </div>
                    })
                    .collect_view()
            }}
        </div>
        {foldable.then(|| view! {
            <button
                type="button"
                class="link-button benefits__toggle"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=list_id.clone()
                on:click=move |_| set_expanded.update(|open| *open = !*open)
            >
                {move || if expanded.get() { "Show fewer".to_owned() } else { format!("Show all {total}") }}
            </button>
        })}
    }
}

fn heading(level: u8, text: String) -> AnyView {
    match level {
        2 => view! { <h2 class="benefits__kind">{text}</h2> }.into_any(),
        3 => view! { <h3 class="benefits__kind">{text}</h3> }.into_any(),
        _ => view! { <h4 class="benefits__kind">{text}</h4> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(kind: &str, items: &[&str]) -> BenefitGroup {
        BenefitGroup {
            kind: kind.into(),
            items: items.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn kinds_read_as_headings() {
        assert_eq!(benefit_kind_label("time_off"), "Time off");
        assert_eq!(benefit_kind_label("money"), "Pay and equity");
        assert_eq!(benefit_kind_label("family_care"), "Family care");
        assert_eq!(benefit_kind_label(""), "Other");
    }

    #[test]
    fn folding_keeps_the_first_items_in_order() {
        let groups = vec![
            group("health", &["a", "b", "c"]),
            group("leave", &["d", "e"]),
            group("money", &["f"]),
        ];
        let four = folded(&groups, 4);
        assert_eq!(
            four,
            vec![group("health", &["a", "b", "c"]), group("leave", &["d"])]
        );
        assert_eq!(folded(&groups, 2), vec![group("health", &["a", "b"])]);
        assert_eq!(folded(&groups, 10), groups);
    }
}
