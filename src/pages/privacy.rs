use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

/// `/privacy`: what Ascend keeps about you (very little) and where.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <Title text="Privacy Policy" />
        <Meta name="description" content="What Ascend keeps about you: your profile stays in your browser, the newsletter keeps only your address and topics, and there are no tracking cookies." />
        <article class="legal" aria-labelledby="legal-title">
            <h1 id="legal-title">"Privacy Policy"</h1>
            <p class="legal__updated">"Last changed on 4 December 2026."</p>

            <section class="legal__summary" aria-labelledby="legal-summary">
                <h2 id="legal-summary">"In short"</h2>
                <ul>
                    <li>"Your profile stays in your browser. We never receive it."</li>
                    <li>"The newsletter keeps your email address, the topics you chose and the day you signed up. Nothing else."</li>
                    <li>"No tracking cookies, no analytics, no advertising, no selling of data."</li>
                </ul>
            </section>

            <h2>"What stays on your device"</h2>
            <p>
                "When you fill in a profile (your skills, the kind of work you want, where you want "
                "to work) or save a job, Ascend stores it in your browser's local storage. It is "
                "used there, in your browser, to show how well a job matches you. It is not sent "
                "to our server, not copied to other devices, and not visible to us."
            </p>
            <p>
                "To remove it, clear this site's data in your browser's settings. Because we never "
                "had it, we cannot delete it for you or get it back."
            </p>

            <h2>"What we keep"</h2>
            <p>
                "If you sign up for the newsletter, we store three things: your email address, the "
                "topics you ticked, and the date you signed up. We use them only to send you that "
                "newsletter. Signing up again with the same address changes nothing, and the site "
                "answers the same way either way, so no one can use the form to find out whether "
                "you are subscribed."
            </p>
            <p>
                "Every newsletter email carries a link that deletes your address from our list."
            </p>

            <h2>"What our server sees"</h2>
            <p>
                "Like every website, our server receives each request your browser makes, including "
                "your IP address. We hold IP addresses in memory for a minute to limit how many "
                "sign-ups one address can send, and we do not write them to our database. Ascend "
                "does not record which jobs you look at."
            </p>

            <h2>"Cookies"</h2>
            <p>
                "Ascend sets no cookies. Local storage, described above, stays in your browser and "
                "is not sent with requests."
            </p>

            <h2>"Other sites"</h2>
            <p>
                "Every page, image and company logo comes from Ascend itself: we copy a company's "
                "logo once, so your browser never asks another site for one. When you follow an "
                "Apply link or a company's website, that site's own privacy policy applies."
            </p>

            <h2>"Your rights"</h2>
            <p>
                "You can ask us for a copy of what we hold about you, which is at most your "
                "newsletter sign-up, and ask us to correct or delete it. The "
                <A href="/terms">"Terms of Service"</A>
                " cover the rest of how the site works."
            </p>

            <h2>"Changes"</h2>
            <p>
                "If we ever want to keep more than this, we will change this page first, update the "
                "date at the top and, for subscribers, say so in the next email."
            </p>
        </article>
    }
}
