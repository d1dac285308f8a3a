//! What goes into the database: companies, their reviews and their jobs, as
//! the demo data, the generator and the importers produce them. Storing them
//! is `store`'s business; these types hold no database handles.

use ascend_types::{BenefitGroup, EmploymentType, QuestionAnswer, Salary, Seniority, WorkModel};

/// A company to create, or to update when its slug exists.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewCompany {
    pub slug: String,
    pub name: String,
    pub logo_url: Option<String>,
    pub website: Option<String>,
    pub about: String,
    pub founded_year: Option<i32>,
    pub headquarters: Option<String>,
    pub sector: Option<String>,
    /// A band such as "1001-5000".
    pub team_size: Option<String>,
    /// "Seed", "Series B", "Public", ...
    pub funding_stage: Option<String>,
    pub badges: Vec<String>,
    pub culture_values: Vec<String>,
    pub benefits: Vec<BenefitGroup>,
    pub ceo_name: Option<String>,
    pub ceo_photo_url: Option<String>,
    pub reviews: Vec<NewReview>,
}

/// A company as its row holds it (lists as JSON text): what the store
/// writes and what the domain reads.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CompanyRow {
    /// 0 for a company not stored yet.
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub logo_url: Option<String>,
    pub website: Option<String>,
    pub about: String,
    pub founded_year: Option<i32>,
    pub headquarters: Option<String>,
    pub sector: Option<String>,
    pub team_size: Option<String>,
    pub funding_stage: Option<String>,
    pub badges: String,
    pub culture_values: String,
    pub benefits: String,
    pub ceo_name: Option<String>,
    pub ceo_photo_url: Option<String>,
}

/// One employee review of a company.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReview {
    /// 1 to 5.
    pub stars: u8,
    /// Diversity and inclusion, 1 to 5, when the reviewer rated it.
    pub dei_stars: Option<u8>,
    pub approves_ceo: Option<bool>,
    /// `YYYY-MM-DD`.
    pub reviewed_on: String,
}

/// A job to create, or to update when its (`source`, `source_id`) exists.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJob {
    /// Where the job came from: `demo`, `generated`, `greenhouse`, `lever`, `jsonld`.
    pub source: String,
    /// The job's id at its source; with `source`, what makes an import idempotent.
    pub source_id: String,
    /// Derived from title and company when `None`.
    pub slug: Option<String>,
    pub company_slug: String,
    pub title: String,
    pub department: Option<String>,
    pub seniority: Option<Seniority>,
    pub employment_type: EmploymentType,
    pub work_model: WorkModel,
    /// Where the job is, most important first ("Stockholm, Sweden").
    pub locations: Vec<String>,
    /// For remote jobs: the regions applicants may live in ("EMEA").
    pub remote_regions: Vec<String>,
    /// HTML as received; sanitized before it is stored.
    pub description_html: String,
    pub skills: Vec<String>,
    /// "What you should know": one sentence.
    pub summary: Option<String>,
    /// `YYYY-MM-DD`.
    pub posted_on: String,
    /// `YYYY-MM-DD`, the last day the job is open.
    pub valid_through: Option<String>,
    pub apply_url: Option<String>,
    pub salary: Option<Salary>,
    pub faqs: Vec<QuestionAnswer>,
    pub interview_questions: Vec<QuestionAnswer>,
}

/// Lower-case ASCII words joined by hyphens: "Backend Engineer, Personalization"
/// becomes "backend-engineer-personalization". Letters with accents lose them
/// where a plain equivalent is obvious; anything else separates words.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for ch in text.chars().flat_map(fold_accent) {
        if ch.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(ch.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    slug.truncate(slug.trim_end_matches('-').len());
    if slug.len() > 80 {
        let cut = slug[..80].rfind('-').unwrap_or(80);
        slug.truncate(cut);
    }
    slug
}

/// FNV-1a, 64 bits: a hash that, unlike std's, stays the same across
/// releases, for change detection, slug suffixes and ids of records without one.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn fold_accent(ch: char) -> impl Iterator<Item = char> {
    let folded: &str = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        _ => "",
    };
    let mut buffer = [0u8; 4];
    let own = if folded.is_empty() {
        ch.encode_utf8(&mut buffer).to_owned()
    } else {
        folded.to_owned()
    };
    own.chars().collect::<Vec<_>>().into_iter()
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_plain_hyphenated_words() {
        assert_eq!(
            slugify("Backend Engineer, Personalization"),
            "backend-engineer-personalization"
        );
        assert_eq!(slugify("  C++ / Rust -- Developer!  "), "c-rust-developer");
        assert_eq!(
            slugify("Développeur Back-end à Zürich"),
            "developpeur-back-end-a-zurich"
        );
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("日本"), "");
        let long = slugify(&"word ".repeat(40));
        assert!(long.len() <= 80 && !long.ends_with('-'), "{long}");
    }
}
