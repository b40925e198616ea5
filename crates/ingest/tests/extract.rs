//! Extraction from pages written in the styles of three common news CMSs (WordPress, Arc XP,
//! Drupal), each with navigation, ads, captions, share bars, related links, comments and
//! scripts: exactly the article paragraphs come out, with metadata, and every paragraph's
//! `element` selects the element of the original page that holds exactly that text.

use dom_query::Document;
use nutgraf_ingest::html::{extract, Extracted};

struct Case {
    file: &'static str,
    title: &'static str,
    byline: &'static str,
    published: &'static str,
    /// The opening words of each article paragraph, in order.
    starts: &'static [&'static str],
    /// Page furniture that must not come out.
    absent: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        file: "wordpress.html",
        title: "Millbrook opens its first public tool library",
        byline: "Dana Whitfield",
        published: "2024-04-12T14:05:00+00:00",
        starts: &[
            "Residents of Millbrook can now borrow",
            "The library holds about 600 items",
            "\u{201c}People kept telling us",
            "How the program is paid for",
            "The town council approved $18,000",
            "Organizers said they will track",
        ],
        absent: &[
            "Advertisement",
            "Share this",
            "Facebook",
            "Related",
            "Grange hall roof",
            "tile saw",
            "Leave a Reply",
            "Recent Posts",
            "newsletter",
            "All rights reserved",
            "Photo:",
            "Tagged",
            "Skip to content",
            "Obituaries",
        ],
    },
    Case {
        file: "arc.html",
        title: "Harbor authority approves dredging plan for north channel",
        byline: "Marcus Oyelaran",
        published: "2024-06-03T21:40:12.118Z",
        starts: &[
            "The Port Harrow harbor authority voted 5-2",
            "The work would deepen the channel",
            "\u{201c}Every ship that sits offshore",
            "The two members who voted no",
            "Shipping companies would pay",
        ],
        absent: &[
            "ADVERTISEMENT",
            "Read more",
            "Ferry schedule",
            "Share on",
            "Most Read",
            "Beach closures",
            "Morning Tide",
            "Copyright",
            "Cranes stand idle",
            "Subscribe for",
            "June 3, 2024",
        ],
    },
    Case {
        file: "drupal.html",
        title: "County extends hours at two recycling centers",
        byline: "Hannah Okafor",
        published: "2024-02-20T16:30:00Z",
        starts: &[
            "Pine Ridge County will keep",
            "The centers on Route 9",
            "The change will add about $95,000",
            "\u{201c}We heard the same request",
            "The smaller centers in Elk Hollow",
        ],
        absent: &[
            "Home",
            "Tags",
            "Recycling\n",
            "Comments",
            "backed up onto the highway",
            "Related stories",
            "Landfill fees",
            "Support local journalism",
            "14 Main Street",
            "02/20/2024",
        ],
    },
];

fn page(file: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

#[test]
fn cms_pages_yield_exactly_the_article() {
    for case in CASES {
        let html = page(case.file);
        let e = extract(&html).unwrap_or_else(|err| panic!("{}: {err}", case.file));
        assert_eq!(e.title.as_deref(), Some(case.title), "{}", case.file);
        assert_eq!(e.byline.as_deref(), Some(case.byline), "{}", case.file);
        assert_eq!(e.published.as_deref(), Some(case.published), "{}", case.file);
        let paragraphs: Vec<&str> = (0..e.paragraphs.len()).map(|i| e.paragraph(i)).collect();
        assert_eq!(paragraphs.len(), case.starts.len(), "{}: {paragraphs:#?}", case.file);
        for (p, start) in paragraphs.iter().zip(case.starts) {
            assert!(p.starts_with(start), "{}: {p:?} should start with {start:?}", case.file);
        }
        for gone in case.absent {
            assert!(!e.text.contains(gone), "{}: {gone:?} is furniture, not article", case.file);
        }
        assert_spans_cover(&e);
        assert_elements_match(&html, &e, case.file);
    }
}

/// The paragraphs are the text, in order, separated by blank lines.
fn assert_spans_cover(e: &Extracted) {
    let mut rebuilt = String::new();
    for (i, p) in e.paragraphs.iter().enumerate() {
        if i > 0 {
            rebuilt.push_str("\n\n");
        }
        assert_eq!(p.span.start, rebuilt.len());
        rebuilt.push_str(e.paragraph(i));
    }
    assert_eq!(rebuilt, e.text);
}

/// Each `element` selects one element of the original page, whose text is the paragraph.
fn assert_elements_match(html: &str, e: &Extracted, file: &str) {
    let doc = Document::from(html);
    for (i, p) in e.paragraphs.iter().enumerate() {
        let sel = doc.select(&p.element);
        assert_eq!(sel.length(), 1, "{file}: {} selects one element", p.element);
        let text = sel.text().split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(text, e.paragraph(i), "{file}: text of {}", p.element);
    }
}

#[test]
fn a_page_without_article_text_is_an_error() {
    let html = "<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav>\
                <footer>Copyright 2024</footer></body></html>";
    let err = extract(html).unwrap_err();
    assert!(err.to_string().contains("no article text"), "{err}");
}
