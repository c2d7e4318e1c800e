//! The promises `demarche::extract` keeps on any input, checked by the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/`), which include this file.

use demarche::{Quote, Span};

/// Whether `span` is a byte range of `body` whose ends fall on character boundaries.
fn span_ok(body: &str, span: &Span) -> bool {
    span.start <= span.end
        && span.end <= body.len()
        && body.is_char_boundary(span.start)
        && body.is_char_boundary(span.end)
}

/// Checks every quote of `body`: spans, source and cue inside the body on character
/// boundaries; a one-span quote's text is exactly its span; the quotes' spans never overlap.
pub fn check_quotes(body: &str, quotes: &[Quote]) -> Result<(), String> {
    let mut all: Vec<(Span, usize)> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if q.spans.is_empty() {
            return Err(format!("quote {i} has no span: {q:?}"));
        }
        let named = q
            .spans
            .iter()
            .map(|s| ("span", s))
            .chain(q.source.iter().map(|s| ("source", s)))
            .chain(q.cue.iter().map(|s| ("cue", s)));
        for (what, s) in named {
            if !span_ok(body, s) {
                return Err(format!(
                    "quote {i}: {what} {s:?} is not a range of the {}-byte body on char boundaries",
                    body.len()
                ));
            }
        }
        if let [only] = q.spans.as_slice() {
            if body[only.start..only.end] != q.text {
                return Err(format!(
                    "quote {i}: text {:?} differs from its span {only:?} = {:?}",
                    q.text,
                    &body[only.start..only.end]
                ));
            }
        }
        all.extend(q.spans.iter().map(|s| (*s, i)));
    }
    all.sort();
    for w in all.windows(2) {
        let ((a, qa), (b, qb)) = (w[0], w[1]);
        if b.start < a.end {
            return Err(format!(
                "quote {qa} span {a:?} overlaps quote {qb} span {b:?}"
            ));
        }
    }
    Ok(())
}
