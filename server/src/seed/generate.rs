//! A deterministic generator of realistic demo companies and jobs, for
//! `ascend-server seed`. Everything comes from the word lists in `data/`
//! (see `words`) and from the generator's own PRNG (`rng`), so a
//! (companies, jobs, seed, today) tuple always yields the same data,
//! whatever crate versions are in the lock file.

use std::collections::HashSet;

use super::companies::company;
use super::jobs::job;
use super::rng::{Rng, STREAM_COMPANY, STREAM_JOB, STREAM_NAMES};
use crate::store::model::{NewCompany, NewJob};

/// What [`generate`] produces: companies first, then the jobs that refer to them.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub companies: Vec<NewCompany>,
    pub jobs: Vec<NewJob>,
}

/// Generates `companies` companies and `jobs` jobs from `seed`.
/// `today` is a day number (days since 1970-01-01, see ascend_types::date).
///
/// Jobs need a company, so with no companies no jobs are generated. When there
/// are at least as many jobs as companies, every company gets one.
pub fn generate(companies: usize, jobs: usize, seed: u64, today: i64) -> Generated {
    let mut names = Rng::stream(seed, STREAM_NAMES, 0);
    let mut taken = HashSet::with_capacity(companies);
    let mut hq = Vec::with_capacity(companies);
    let generated_companies: Vec<NewCompany> = (0..companies)
        .map(|index| {
            let mut rng = Rng::stream(seed, STREAM_COMPANY, index as u64);
            let (company, city) = company(&mut rng, &mut names, &mut taken, today);
            hq.push(city);
            company
        })
        .collect();
    let jobs = if companies == 0 { 0 } else { jobs };
    let generated_jobs = (0..jobs)
        .map(|index| {
            let mut rng = Rng::stream(seed, STREAM_JOB, index as u64);
            let owner = if jobs >= companies && index < companies {
                index
            } else {
                // Squaring a uniform number favours low indices: a few
                // companies hire a lot, most only a little.
                let u = rng.unit();
                ((u * u * companies as f64) as usize).min(companies - 1)
            };
            job(
                &mut rng,
                &generated_companies[owner],
                hq[owner],
                seed,
                index,
                today,
            )
        })
        .collect();
    Generated {
        companies: generated_companies,
        jobs: generated_jobs,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};
    use std::sync::OnceLock;

    use ascend_types::date::{days_from_civil, parse_iso_date};

    use ascend_types::{EmploymentType, SalaryPeriod, Seniority, WorkModel};

    use super::*;
    use crate::store::model::slugify;

    fn today() -> i64 {
        days_from_civil(2026, 3, 15)
    }

    /// One large sample shared by the tests that only read it.
    fn sample() -> &'static Generated {
        static SAMPLE: OnceLock<Generated> = OnceLock::new();
        SAMPLE.get_or_init(|| generate(300, 3000, 42, today()))
    }

    #[test]
    fn same_seed_same_output_other_seed_other_output() {
        let a = generate(40, 400, 7, today());
        let b = generate(40, 400, 7, today());
        assert_eq!(a, b);
        let c = generate(40, 400, 8, today());
        assert_ne!(a.companies, c.companies);
        assert_ne!(a.jobs, c.jobs);
    }

    #[test]
    fn counts_are_exact() {
        let generated = sample();
        assert_eq!(generated.companies.len(), 300);
        assert_eq!(generated.jobs.len(), 3000);
        let few = generate(10, 3, 1, today());
        assert_eq!((few.companies.len(), few.jobs.len()), (10, 3));
        let none = generate(0, 50, 1, today());
        assert!(none.companies.is_empty() && none.jobs.is_empty());
        assert!(generate(5, 0, 1, today()).jobs.is_empty());
    }

    #[test]
    fn company_slugs_are_unique_even_for_many_companies() {
        let generated = generate(3000, 0, 3, today());
        let slugs: HashSet<&str> = generated
            .companies
            .iter()
            .map(|c| c.slug.as_str())
            .collect();
        assert_eq!(slugs.len(), 3000);
        for company in &generated.companies {
            assert_eq!(company.slug, slugify(&company.name));
            assert_eq!(
                company.website.as_deref(),
                Some(format!("https://{}.example", company.slug).as_str())
            );
        }
    }

    #[test]
    fn companies_are_complete_and_in_range() {
        for company in &sample().companies {
            assert!(!company.about.is_empty());
            assert!((1950..=2024).contains(&company.founded_year.unwrap()));
            assert!((2..=4).contains(&company.badges.len()));
            assert!((3..=8).contains(&company.culture_values.len()));
            assert!((2..=5).contains(&company.benefits.len()));
            for group in &company.benefits {
                assert!((1..=4).contains(&group.items.len()), "{group:?}");
            }
            assert!(company.reviews.len() <= 60);
            for review in &company.reviews {
                assert!((1..=5).contains(&review.stars));
                let day = parse_iso_date(&review.reviewed_on).unwrap();
                assert!(day <= today() && day > today() - 3 * 365);
            }
        }
    }

    #[test]
    fn every_job_belongs_to_a_company_and_every_company_hires() {
        let generated = sample();
        let mut per_company: HashMap<&str, usize> = generated
            .companies
            .iter()
            .map(|c| (c.slug.as_str(), 0))
            .collect();
        for job in &generated.jobs {
            *per_company
                .get_mut(job.company_slug.as_str())
                .expect("job's company exists") += 1;
            assert_eq!(
                job.apply_url.as_deref().unwrap(),
                format!(
                    "https://{}.example/careers/{}",
                    job.company_slug,
                    job.source_id.rsplit('-').next().unwrap()
                )
            );
        }
        assert!(per_company.values().all(|&count| count >= 1));
        assert!(per_company.values().any(|&count| count >= 50));
    }

    #[test]
    fn source_ids_are_unique_and_follow_the_pattern() {
        let generated = sample();
        let ids: HashSet<&str> = generated
            .jobs
            .iter()
            .map(|j| j.source_id.as_str())
            .collect();
        assert_eq!(ids.len(), generated.jobs.len());
        for (index, job) in generated.jobs.iter().enumerate() {
            assert_eq!(job.source, "generated");
            assert_eq!(job.source_id, format!("gen-42-{index}"));
            assert_eq!(job.slug, None);
        }
    }

    #[test]
    fn salaries_are_ranges_and_a_third_are_missing() {
        let jobs = &sample().jobs;
        let missing = jobs.iter().filter(|j| j.salary.is_none()).count();
        let share = missing as f64 / jobs.len() as f64;
        assert!((0.25..=0.42).contains(&share), "{share}");
        let mut periods = HashSet::new();
        for salary in jobs.iter().filter_map(|j| j.salary.as_ref()) {
            assert!(0 < salary.min && salary.min < salary.max, "{salary:?}");
            let step = match salary.period {
                SalaryPeriod::Year => 1000,
                SalaryPeriod::Month => 100,
                _ => 1,
            };
            assert_eq!((salary.min % step, salary.max % step), (0, 0), "{salary:?}");
            periods.insert(salary.period);
        }
        for period in [SalaryPeriod::Year, SalaryPeriod::Month, SalaryPeriod::Hour] {
            assert!(periods.contains(&period), "{period:?}");
        }
        let mut london = jobs
            .iter()
            .filter(|j| j.locations.first().is_some_and(|l| l.starts_with("London")))
            .filter_map(|j| j.salary.as_ref());
        assert!(london.clone().count() > 0);
        assert!(london.all(|s| s.currency == "GBP"));
    }

    #[test]
    fn dates_are_recent_and_a_few_jobs_have_expired() {
        let jobs = &sample().jobs;
        let mut expired = 0;
        let mut open_ended = 0;
        for job in jobs {
            let posted = parse_iso_date(&job.posted_on).unwrap();
            assert!(
                posted <= today() && posted > today() - 60,
                "{}",
                job.posted_on
            );
            match job.valid_through.as_deref().map(parse_iso_date) {
                Some(Some(until)) => {
                    assert!((30..=90).contains(&(until - posted)), "{job:?}");
                    expired += usize::from(until < today());
                }
                Some(None) => panic!("bad date"),
                None => open_ended += 1,
            }
        }
        assert!((30..=180).contains(&expired), "{expired}");
        assert!(open_ended > 0);
    }

    #[test]
    fn every_seniority_and_employment_type_appears() {
        let jobs = &sample().jobs;
        let seniorities: HashSet<Seniority> = jobs.iter().filter_map(|j| j.seniority).collect();
        for seniority in Seniority::ALL {
            assert!(seniorities.contains(&seniority), "{seniority:?}");
        }
        assert!(jobs.iter().any(|j| j.seniority.is_none()));
        for kind in EmploymentType::ALL {
            assert!(jobs.iter().any(|j| j.employment_type == kind), "{kind:?}");
        }
        for job in jobs {
            if job.title.starts_with("Senior ") {
                assert_eq!(job.seniority, Some(Seniority::Senior), "{}", job.title);
            }
            assert_eq!(
                job.employment_type == EmploymentType::Internship,
                job.seniority == Some(Seniority::Intern),
                "{}",
                job.title
            );
        }
    }

    #[test]
    fn locations_match_the_work_model() {
        for job in &sample().jobs {
            assert!(!job.locations.is_empty() && job.locations.len() <= 3);
            if job.work_model == WorkModel::Remote {
                assert!(!job.remote_regions.is_empty());
                assert!(job.locations.iter().all(|l| l.starts_with("Remote")));
            } else {
                assert!(job.remote_regions.is_empty());
                assert!(job.locations.iter().all(|l| l.contains(", ")));
            }
        }
    }

    #[test]
    fn skills_are_three_to_nine_and_some_jobs_have_none() {
        let jobs = &sample().jobs;
        let without = jobs.iter().filter(|j| j.skills.is_empty()).count();
        assert!(without > 0 && without < jobs.len() / 10, "{without}");
        for job in jobs.iter().filter(|j| !j.skills.is_empty()) {
            assert!((3..=9).contains(&job.skills.len()));
        }
    }

    #[test]
    fn some_companies_have_ten_dei_ratings_and_some_fewer() {
        let dei_counts: Vec<usize> = sample()
            .companies
            .iter()
            .map(|c| c.reviews.iter().filter(|r| r.dei_stars.is_some()).count())
            .collect();
        assert!(dei_counts.iter().any(|&n| n >= 10));
        assert!(dei_counts.iter().any(|&n| n < 10));
        assert!(sample().companies.iter().any(|c| c.reviews.is_empty()));
    }

    #[test]
    fn texts_use_only_allowed_tags_and_no_placeholders() {
        const ALLOWED: &[&str] = &["p", "h3", "ul", "li", "strong", "em", "a"];
        for job in &sample().jobs {
            let html = &job.description_html;
            for (position, _) in html.match_indices('<') {
                let name: String = html[position + 1..]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                assert!(ALLOWED.contains(&name.as_str()), "<{name} in {html}");
            }
            for (position, _) in html.match_indices("href=\"") {
                assert!(html[position + 6..].starts_with("https://"));
            }
            assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
            assert!(html.contains("<h3>What you will do</h3>"));
            let texts = std::iter::once(html.as_str())
                .chain(job.summary.as_deref())
                .chain(
                    job.faqs
                        .iter()
                        .flat_map(|q| [q.question.as_str(), q.answer.as_str()]),
                )
                .chain(
                    job.interview_questions
                        .iter()
                        .flat_map(|q| [q.question.as_str(), q.answer.as_str()]),
                );
            for text in texts {
                assert!(!text.contains('{') && !text.contains('}'), "{text}");
            }
            assert!(job.faqs.len() <= 5);
            assert!(job.interview_questions.len() <= 10);
        }
    }
}
