//! Actor names as the resolver compares them within an article.

/// Case- and punctuation-folded form of a name, for matching: "Mr. Putin's" -> "putin".
pub fn normalize(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "mr" | "mrs" | "ms" | "dr"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A role phrase without its leading articles: "the deputy minister" -> "deputy minister".
pub fn strip_article(s: &str) -> String {
    let mut w: Vec<&str> = s.split_whitespace().collect();
    while w
        .first()
        .is_some_and(|f| matches!(f.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        w.remove(0);
    }
    w.join(" ")
}
