//! Plain-text articles: the headline that opens one, when it has one, is its title. The body
//! stays the text exactly as read, headline included, so every offset is unchanged.

/// The fewest and the most words of a headline line.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 3..=15;

/// How a line that is a sentence, a dateline or an aside ends; a headline does not.
const CLOSING: [char; 14] = [
    '.', '!', '?', ':', ';', ',', '"', '\'', '\u{201d}', '\u{2019}', ')', ']', '\u{bb}', '\u{2026}',
];

/// How the furniture of a page saved as text starts ("Share this article"): no headline.
const FURNITURE: [&str; 9] = [
    "share this",
    "sign up",
    "subscribe",
    "advertisement",
    "skip to",
    "listen to",
    "read more",
    "last updated",
    "click here",
];

/// The headline of a plain-text body: its first line that is not blank, when that line has 3
/// to 15 words, does not end as a sentence or an aside does, is not page furniture and is
/// followed by a blank line. It is the line as the article's first paragraph reads it
/// (trimmed, without a byte order mark), so the topic signals that look for the title among
/// the paragraphs find it there.
pub(super) fn headline(body: &str) -> Option<String> {
    let mut lines = body.split('\n').map(|l| {
        let t = l.trim();
        t.strip_prefix('\u{feff}').map_or(t, str::trim)
    });
    let first = lines.find(|l| !l.is_empty())?;
    if !lines.next()?.is_empty() {
        return None;
    }
    let words = first.split_whitespace().count();
    let lower = first.to_lowercase();
    let headline = HEADLINE_WORDS.contains(&words)
        && !first.ends_with(CLOSING)
        && !first.starts_with(['(', '['])
        && first.chars().any(char::is_alphabetic)
        && !FURNITURE.iter().any(|f| lower.starts_with(f));
    headline.then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Layout;

    #[test]
    fn a_short_first_line_before_a_blank_line_is_the_headline() {
        let body = "\u{feff}  Serbia Rejects Kosovo Plan  \r\n\r\nBELGRADE - \"We will never \
                    accept it,\" Foreign Minister Ivan Petrov said.\n";
        assert_eq!(
            headline(body).as_deref(),
            Some("Serbia Rejects Kosovo Plan")
        );
        // The features read the same title whether the article carries it or not.
        assert_eq!(
            Layout::new(body, None).title,
            Layout::new(body, headline(body).as_deref()).title
        );
        assert_eq!(
            headline("\n\nEU Ministers Agree New Sanctions on Belarus\n\nText.").as_deref(),
            Some("EU Ministers Agree New Sanctions on Belarus")
        );
    }

    #[test]
    fn sentences_asides_furniture_and_lone_lines_are_no_headline() {
        for body in [
            // A sentence, a question, a dateline, an aside.
            "Serbia rejected the plan on Thursday.\n\nMore text.",
            "Will Serbia accept the plan?\n\nMore text.",
            "BELGRADE, March 3:\n\nMore text.",
            "(Translated from the French.)\n\nMore text.",
            "(Translated from the French)\n\nMore text.",
            // Too short, too long, no letters.
            "Kosovo\n\nMore text.",
            "Breaking News\n\nMore text.",
            "One two three four five six seven eight nine ten eleven twelve thirteen fourteen \
             fifteen sixteen\n\nMore text.",
            "12 03 2024\n\nMore text.",
            // Page furniture.
            "Share this article\n\nLast Updated: 02/17/2026\n\nText.",
            "Sign up for breaking news alerts\n\nText.",
            // Not followed by a blank line: the first line of a paragraph, or the only line.
            "Serbia Rejects Kosovo Plan\nBELGRADE - Talks failed.",
            "Serbia Rejects Kosovo Plan",
            "",
        ] {
            assert_eq!(headline(body), None, "{body:?}");
        }
    }

    #[test]
    fn a_text_file_takes_its_headline_as_title_and_keeps_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let body = "Serbia Rejects Kosovo Plan\n\n\"We will never accept it,\" Foreign Minister \
                    Ivan Petrov said.\n";
        std::fs::write(dir.path().join("a.txt"), body).unwrap();
        std::fs::write(dir.path().join("b.txt"), "Talks resumed.\n\nMore.").unwrap();
        let articles: Vec<super::super::Article> =
            super::super::Articles::open(&[dir.path().to_path_buf()])
                .unwrap()
                .map(Result::unwrap)
                .collect();
        assert_eq!(
            articles[0].title.as_deref(),
            Some("Serbia Rejects Kosovo Plan")
        );
        assert_eq!(articles[0].body, body, "the body holds the headline too");
        let q = &crate::Pipeline::default().quotes(&articles[0])[0];
        assert_eq!(q.start, body.find("We will").unwrap());
        assert_eq!(&body[q.start..q.end], q.text);
        assert_eq!(articles[1].title, None);
    }
}
