//! A widget's settings: what the partner wrote in the placeholder's
//! `data-*` attributes, which `embed.js` passes on as the widget's query
//! string. Read and checked here, as plain functions tested natively; the
//! docs page's snippet builder writes them with the same code.

/// The longest search text, as `GET /api/jobs` takes it.
pub const MAX_Q_CHARS: usize = 200;
/// The longest place text.
pub const MAX_LOCATION_CHARS: usize = 100;
/// The most jobs a list widget shows.
pub const MAX_LIMIT: u8 = 20;
/// How many jobs a list shows without `data-limit`.
pub const DEFAULT_LIMIT: u8 = 5;

/// What the widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `data-ascend-jobs`: open jobs matching the filters.
    List(ListFilters),
    /// `data-ascend-job="slug"`: one job, with its salary and an Apply link.
    Job(String),
}

/// The filters of a list widget, each as `GET /api/jobs` names it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListFilters {
    pub company: Option<String>,
    pub q: Option<String>,
    pub location: Option<String>,
    pub remote: Option<bool>,
    pub limit: u8,
}

/// The widget's colours: the partner's choice, or the reader's system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    pub fn parse(value: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == value)
    }
}

/// The interface languages the widget has. An unknown `data-lang` falls
/// back to English rather than failing: the widget still works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 1] = [Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// `en`, `en-GB`, `EN`: English; anything we do not have: English too.
    pub fn parse(value: &str) -> Lang {
        let primary = value.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(primary))
            .unwrap_or_default()
    }
}

/// Everything a widget needs, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub kind: Kind,
    pub theme: Theme,
    /// A colour in `#rrggbb` form, lower case; see [`parse_accent`].
    pub accent: Option<String>,
    pub lang: Lang,
}

/// A setting the widget cannot use, named as the partner wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    /// The placeholder attribute at fault, such as `data-limit`.
    pub attribute: &'static str,
    pub message: String,
}

impl SettingError {
    fn new(attribute: &'static str, message: impl Into<String>) -> Self {
        SettingError {
            attribute,
            message: message.into(),
        }
    }
}

/// A company or job slug: lower-case letters, digits and hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 120
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `#rgb` or `#rrggbb` (any case) as `#rrggbb`; nothing else, so that the
/// value can never carry anything but a colour into the widget's styles.
pub fn parse_accent(text: &str) -> Option<String> {
    let hex = text.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// The colour text on the accent needs: black or white, whichever
/// contrasts more (WCAG relative luminance).
pub fn accent_text(accent: &str) -> &'static str {
    let channel = |i: usize| {
        let value = u8::from_str_radix(accent.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
        let c = f64::from(value) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05.
    if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 {
        "#ffffff"
    } else {
        "#000000"
    }
}

fn text_setting(
    value: Option<&str>,
    attribute: &'static str,
    max: usize,
) -> Result<Option<String>, SettingError> {
    match value {
        Some(text) if text.chars().count() > max => Err(SettingError::new(
            attribute,
            format!("{attribute} must be at most {max} characters."),
        )),
        other => Ok(other.map(str::to_owned)),
    }
}

impl Settings {
    /// Reads the widget's query string, decoded into (name, value) pairs;
    /// a blank value counts as absent. The error names the attribute.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Settings, SettingError> {
        let pairs: Vec<(&str, &str)> = pairs
            .into_iter()
            .map(|(k, v)| (k, v.trim()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let get = |name: &str| pairs.iter().rev().find(|(k, _)| *k == name).map(|p| p.1);
        let kind = match get("job") {
            Some(slug) if is_slug(slug) => Kind::Job(slug.to_owned()),
            Some(_) => {
                return Err(SettingError::new(
                    "data-ascend-job",
                    "data-ascend-job must be a job's slug, as in its address on Ascend.",
                ));
            }
            None => Kind::List(ListFilters {
                company: match get("company") {
                    Some(slug) if is_slug(slug) => Some(slug.to_owned()),
                    Some(_) => {
                        return Err(SettingError::new(
                            "data-company",
                            "data-company must be a company's slug (lower-case letters, digits and hyphens).",
                        ));
                    }
                    None => None,
                },
                q: text_setting(get("q"), "data-q", MAX_Q_CHARS)?,
                location: text_setting(get("location"), "data-location", MAX_LOCATION_CHARS)?,
                remote: match get("remote") {
                    Some("true") => Some(true),
                    Some("false") => Some(false),
                    Some(_) => {
                        return Err(SettingError::new(
                            "data-remote",
                            "data-remote must be true or false.",
                        ));
                    }
                    None => None,
                },
                limit: match get("limit") {
                    None => DEFAULT_LIMIT,
                    Some(text) => text
                        .parse::<u8>()
                        .ok()
                        .filter(|n| (1..=MAX_LIMIT).contains(n))
                        .ok_or_else(|| {
                            SettingError::new(
                                "data-limit",
                                format!("data-limit must be a whole number from 1 to {MAX_LIMIT}."),
                            )
                        })?,
                },
            }),
        };
        let theme = match get("theme") {
            None => Theme::Auto,
            Some(text) => Theme::parse(text).ok_or_else(|| {
                SettingError::new("data-theme", "data-theme must be light, dark or auto.")
            })?,
        };
        let accent = match get("accent") {
            None => None,
            Some(text) => Some(parse_accent(text).ok_or_else(|| {
                SettingError::new(
                    "data-accent",
                    "data-accent must be a hex colour such as #1f4fd6.",
                )
            })?),
        };
        Ok(Settings {
            kind,
            theme,
            accent,
            lang: get("lang").map(Lang::parse).unwrap_or_default(),
        })
    }

    /// A name for the widget's landmark that tells widgets apart: "Open
    /// jobs from Ascend at cadence, remote", "Job from Ascend: backend
    /// engineer cadence".
    pub fn landmark_label(&self) -> String {
        match &self.kind {
            Kind::Job(slug) => format!("Job from Ascend: {}", slug.replace('-', " ")),
            Kind::List(filters) => {
                let mut label = String::from("Open jobs from Ascend");
                if let Some(company) = &filters.company {
                    label.push_str(&format!(" at {company}"));
                }
                if let Some(q) = &filters.q {
                    label.push_str(&format!(" matching {q}"));
                }
                if let Some(location) = &filters.location {
                    label.push_str(&format!(" in {location}"));
                }
                match filters.remote {
                    Some(true) => label.push_str(", remote"),
                    Some(false) => label.push_str(", not remote"),
                    None => {}
                }
                label
            }
        }
    }

    /// The API request that answers this widget, relative to Ascend's origin.
    pub fn api_path(&self) -> String {
        match &self.kind {
            Kind::Job(slug) => format!("/api/jobs/{slug}"),
            Kind::List(filters) => {
                let mut query = vec![("sort", "newest".to_owned())];
                if let Some(company) = &filters.company {
                    query.push(("company", company.clone()));
                }
                if let Some(q) = &filters.q {
                    query.push(("q", q.clone()));
                }
                if let Some(location) = &filters.location {
                    query.push(("location", location.clone()));
                }
                if let Some(remote) = filters.remote {
                    query.push(("remote", remote.to_string()));
                }
                query.push(("limit", filters.limit.to_string()));
                format!("/api/jobs?{}", encode_query(&query))
            }
        }
    }

    /// The widget's own query string (without `?`), as `embed.js` writes
    /// it: only what differs from the defaults.
    pub fn widget_query(&self) -> String {
        let mut query: Vec<(&str, String)> = Vec::new();
        match &self.kind {
            Kind::Job(slug) => query.push(("job", slug.clone())),
            Kind::List(filters) => {
                for (name, value) in [
                    ("company", &filters.company),
                    ("q", &filters.q),
                    ("location", &filters.location),
                ] {
                    if let Some(value) = value {
                        query.push((name, value.clone()));
                    }
                }
                if let Some(remote) = filters.remote {
                    query.push(("remote", remote.to_string()));
                }
                if filters.limit != DEFAULT_LIMIT {
                    query.push(("limit", filters.limit.to_string()));
                }
            }
        }
        if self.theme != Theme::Auto {
            query.push(("theme", self.theme.as_str().to_owned()));
        }
        if let Some(accent) = &self.accent {
            query.push(("accent", accent.clone()));
        }
        if self.lang != Lang::En {
            query.push(("lang", self.lang.as_str().to_owned()));
        }
        encode_query(&query)
    }

    /// The placeholder a partner pastes for these settings.
    pub fn snippet_placeholder(&self) -> String {
        let mut attributes: Vec<(String, String)> = Vec::new();
        match &self.kind {
            Kind::Job(slug) => attributes.push(("data-ascend-job".into(), slug.clone())),
            Kind::List(filters) => {
                attributes.push(("data-ascend-jobs".into(), String::new()));
                for (name, value) in [
                    ("data-company", &filters.company),
                    ("data-q", &filters.q),
                    ("data-location", &filters.location),
                ] {
                    if let Some(value) = value {
                        attributes.push((name.into(), value.clone()));
                    }
                }
                if let Some(remote) = filters.remote {
                    attributes.push(("data-remote".into(), remote.to_string()));
                }
                attributes.push(("data-limit".into(), filters.limit.to_string()));
            }
        }
        attributes.push(("data-theme".into(), self.theme.as_str().into()));
        if let Some(accent) = &self.accent {
            attributes.push(("data-accent".into(), accent.clone()));
        }
        attributes.push(("data-lang".into(), self.lang.as_str().into()));
        let mut html = String::from("<div");
        for (name, value) in attributes {
            html.push(' ');
            html.push_str(&name);
            if !value.is_empty() || name != "data-ascend-jobs" {
                html.push_str("=\"");
                html.push_str(&escape_attribute(&value));
                html.push('"');
            }
        }
        html.push_str("></div>");
        html
    }
}

/// Text safe inside a double-quoted HTML attribute.
pub fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `application/x-www-form-urlencoded`, as `URLSearchParams` writes it.
pub fn encode_query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", encode_component(name), encode_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<Settings, SettingError> {
        Settings::parse(pairs.iter().copied())
    }

    fn attribute(pairs: &[(&str, &str)]) -> &'static str {
        parse(pairs).unwrap_err().attribute
    }

    #[test]
    fn a_bare_list_has_the_defaults() {
        let settings = parse(&[]).unwrap();
        assert_eq!(
            settings,
            Settings {
                kind: Kind::List(ListFilters {
                    limit: DEFAULT_LIMIT,
                    ..Default::default()
                }),
                theme: Theme::Auto,
                accent: None,
                lang: Lang::En,
            }
        );
        assert_eq!(settings.api_path(), "/api/jobs?sort=newest&limit=5");
        assert_eq!(settings.widget_query(), "");
    }

    #[test]
    fn list_filters_go_to_the_api() {
        let settings = parse(&[
            ("company", "cadence"),
            ("q", "rust & go"),
            ("location", " Berlin "),
            ("remote", "true"),
            ("limit", "20"),
            ("theme", "dark"),
            ("accent", "#0A7"),
            ("lang", "en-GB"),
        ])
        .unwrap();
        assert_eq!(
            settings.api_path(),
            "/api/jobs?sort=newest&company=cadence&q=rust+%26+go&location=Berlin&remote=true&limit=20"
        );
        assert_eq!(settings.accent.as_deref(), Some("#00aa77"));
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(
            settings.widget_query(),
            "company=cadence&q=rust+%26+go&location=Berlin&remote=true&limit=20&theme=dark&accent=%2300aa77"
        );
    }

    #[test]
    fn landmarks_tell_widgets_apart() {
        let list = parse(&[("company", "cadence"), ("remote", "true")]).unwrap();
        assert_eq!(
            list.landmark_label(),
            "Open jobs from Ascend at cadence, remote"
        );
        let job = parse(&[("job", "data-engineer-cadence")]).unwrap();
        assert_eq!(
            job.landmark_label(),
            "Job from Ascend: data engineer cadence"
        );
        assert_eq!(
            parse(&[]).unwrap().landmark_label(),
            "Open jobs from Ascend"
        );
    }

    #[test]
    fn a_job_widget_asks_for_its_job() {
        let settings = parse(&[("job", "backend-engineer-cadence"), ("company", "x")]).unwrap();
        assert_eq!(settings.kind, Kind::Job("backend-engineer-cadence".into()));
        assert_eq!(settings.api_path(), "/api/jobs/backend-engineer-cadence");
        assert_eq!(settings.widget_query(), "job=backend-engineer-cadence");
    }

    #[test]
    fn bad_settings_name_their_attribute() {
        assert_eq!(attribute(&[("limit", "0")]), "data-limit");
        assert_eq!(attribute(&[("limit", "21")]), "data-limit");
        assert_eq!(attribute(&[("limit", "five")]), "data-limit");
        assert_eq!(attribute(&[("remote", "yes")]), "data-remote");
        assert_eq!(attribute(&[("theme", "blue")]), "data-theme");
        assert_eq!(attribute(&[("company", "Acme Inc")]), "data-company");
        assert_eq!(attribute(&[("job", "../../api")]), "data-ascend-job");
        assert_eq!(attribute(&[("q", &"x".repeat(201))]), "data-q");
        assert_eq!(
            attribute(&[("location", &"x".repeat(101))]),
            "data-location"
        );
        let error = parse(&[("limit", "50")]).unwrap_err();
        assert!(error.message.contains("1 to 20"), "{}", error.message);
    }

    #[test]
    fn accents_are_hex_colours_only() {
        assert_eq!(parse_accent("#1F4FD6").as_deref(), Some("#1f4fd6"));
        assert_eq!(parse_accent("#abc").as_deref(), Some("#aabbcc"));
        for bad in [
            "red",
            "1f4fd6",
            "#12345",
            "#1f4fd6;background:url(x)",
            "#ggg",
            "expression(alert(1))",
            "#1f4fd6 !important",
        ] {
            assert_eq!(parse_accent(bad), None, "{bad}");
            assert_eq!(attribute(&[("accent", bad)]), "data-accent", "{bad}");
        }
    }

    #[test]
    fn accent_text_contrasts() {
        assert_eq!(accent_text("#1f4fd6"), "#ffffff");
        assert_eq!(accent_text("#ffd000"), "#000000");
        assert_eq!(accent_text("#000000"), "#ffffff");
        assert_eq!(accent_text("#ffffff"), "#000000");
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(Lang::parse("en"), Lang::En);
        assert_eq!(Lang::parse("EN-us"), Lang::En);
        assert_eq!(Lang::parse("xx"), Lang::En);
        assert_eq!(parse(&[("lang", "klingon")]).unwrap().lang, Lang::En);
    }

    #[test]
    fn snippets_escape_what_the_partner_typed() {
        let settings = parse(&[("company", "cadence"), ("q", "\"><script>")]).unwrap();
        assert_eq!(
            settings.snippet_placeholder(),
            "<div data-ascend-jobs data-company=\"cadence\" data-q=\"&quot;&gt;&lt;script&gt;\" \
             data-limit=\"5\" data-theme=\"auto\" data-lang=\"en\"></div>"
        );
        let job = parse(&[("job", "a-b"), ("accent", "#fff")]).unwrap();
        assert_eq!(
            job.snippet_placeholder(),
            "<div data-ascend-job=\"a-b\" data-theme=\"auto\" data-accent=\"#ffffff\" data-lang=\"en\"></div>"
        );
    }
}
