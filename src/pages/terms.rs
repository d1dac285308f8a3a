use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

/// `/terms`: the rules for using Ascend, in plain words.
#[component]
pub fn TermsPage() -> impl IntoView {
    view! {
        <Title text="Terms of Service" />
        <Meta name="description" content="The terms for using Ascend, the job board: what we offer, what we ask of you, and what we cannot promise." />
        <article class="legal" aria-labelledby="legal-title">
            <h1 id="legal-title">"Terms of Service"</h1>
            <p class="legal__updated">"Last changed on 26 November 2026."</p>
            <p class="legal__lead">
                "These terms apply when you use Ascend. They are short on purpose: "
                "if something here is unclear, the plainer reading is the one we mean."
            </p>

            <h2>"What Ascend is"</h2>
            <p>
                "Ascend is a job board. We list open jobs that employers publish, with facts about "
                "their companies, and link you to the employer when you want to apply. We are not "
                "the employer, we do not take part in hiring decisions, and we do not charge you "
                "for using the site."
            </p>

            <h2>"What you can rely on, and what you cannot"</h2>
            <ul>
                <li>"Job texts, company facts and salaries marked as the employer's come from the employers. We check them for obvious problems but cannot vouch for every detail."</li>
                <li>"Salaries marked as an Ascend estimate are our calculation from similar postings. They are a guide, not an offer."</li>
                <li>"Ratings summarise reviews; they are opinions of the people who wrote them."</li>
                <li>"Jobs close. A listing can disappear or change without notice."</li>
            </ul>

            <h2>"Your profile"</h2>
            <p>
                "If you fill in a profile, it is kept in your own browser and never sent to us. "
                "You are in charge of it: clearing your browser's data for this site removes it, "
                "and we cannot restore it for you. The "
                <A href="/privacy">"Privacy Policy"</A>
                " explains this in more detail."
            </p>

            <h2>"The newsletter"</h2>
            <p>
                "You can sign up for a weekly email of new jobs with your email address. Sign up "
                "only with an address that is yours. Every email we send carries a link that "
                "removes your address from the list."
            </p>

            <h2>"Using the site fairly"</h2>
            <ul>
                <li>"Do not try to break into, overload or disrupt Ascend, and do not sign other people up to the newsletter."</li>
                <li>"Automated reading of the site is fine at a gentle pace; we limit how many requests one address can send, and may block traffic that harms other visitors."</li>
                <li>"Job texts belong to the employers who wrote them. Share links rather than copying listings wholesale."</li>
            </ul>

            <h2>"Other sites"</h2>
            <p>
                "Apply buttons and company websites take you to other sites. Their own terms and "
                "privacy policies apply there, and we are not responsible for what they do."
            </p>

            <h2>"No guarantees"</h2>
            <p>
                "We work to keep Ascend accurate and available, but we provide it as it is. As far "
                "as the law allows, we are not liable for losses that come from relying on a "
                "listing, an estimate or a rating, or from the site being unavailable. Nothing "
                "here takes away rights that the law gives you and that cannot be waived."
            </p>

            <h2>"Changes"</h2>
            <p>
                "When these terms change, we update this page and the date at the top. If a change "
                "matters for newsletter subscribers, we say so in the next email."
            </p>
        </article>
    }
}
