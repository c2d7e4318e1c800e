//! Properties of `demarche::extract` on arbitrary text: it never panics, every offset it
//! reports is a character boundary inside the body, a one-span quote's text is its span,
//! quotes do not overlap, and a second run gives the same quotes.

mod support;

use proptest::prelude::*;
use support::invariants::check_quotes;

/// Pieces of news prose that steer the extractor into its attribution paths.
const PIECES: &[&str] = &[
    "\u{201c}",
    "\u{201d}",
    "\"",
    "'",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    "''",
    "``",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    ": ",
    " -- ",
    " \u{2014} ",
    "(",
    ")",
    "?",
    "!",
    "said",
    "says",
    "told",
    "told reporters",
    "according to",
    "added",
    "warned",
    "insisted",
    "that",
    "he",
    "she",
    "they",
    "the spokesman",
    "a senior official",
    "Mr.",
    "President",
    "Vladimir Putin",
    "Putin",
    "Angela Merkel",
    "Merkel",
    "Ban Ki-moon",
    "the Kremlin",
    "Moscow",
    "NATO",
    "Kosovo",
    "We will not",
    "this is unacceptable",
    "the",
    "and",
    "it",
    "OSLO (Reuters) - ",
    "MUNICH, Germany -- ",
    "Last Updated: ",
    "\u{e9}",
    "\u{fffd}",
    "\u{4e2d}\u{6587}",
    "\u{1f600}",
    "\t",
    "\r\n",
];

/// Text made of news-like pieces, quote marks and newlines, with some random characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Z][a-z]{1,8}",
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|p| p.concat())
}

/// Mostly quote marks and newlines: pairing under stress.
fn marks_heavy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(&[
            "\u{201c}", "\u{201d}", "\"", "'", "\u{2018}", "\u{2019}", "\u{ab}", "\u{bb}", "a",
            " ", "\n", "said", "X", ".",
        ]),
        0..200,
    )
    .prop_map(|p| p.concat())
}

fn check(body: &str) -> Result<(), TestCaseError> {
    let first = demarche::extract(body);
    if let Err(e) = check_quotes(body, &first) {
        return Err(TestCaseError::fail(format!("{e}\nbody: {body:?}")));
    }
    let second = demarche::extract(body);
    prop_assert_eq!(&first, &second, "a second run differs on {:?}", body);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_keep_the_span_promises(body in any::<String>()) {
        check(&body)?;
    }

    #[test]
    fn newsy_text_keeps_the_span_promises(body in newsy()) {
        check(&body)?;
    }

    #[test]
    fn quote_mark_storms_keep_the_span_promises(body in marks_heavy()) {
        check(&body)?;
    }
}

/// The checker itself must be able to fail: a quote whose text is not its span, one that
/// splits a character, and two that overlap are all caught.
#[test]
fn the_checker_rejects_broken_quotes() {
    let body = "\u{201c}We will not,\u{201d} Putin said. \u{e9}t\u{e9}";
    let good = demarche::extract(body);
    assert_eq!(good.len(), 1, "{good:?}");
    check_quotes(body, &good).unwrap();

    let mut wrong_text = good[0].clone();
    wrong_text.text.push('x');
    assert!(check_quotes(body, &[wrong_text]).is_err());

    let mut split_char = good[0].clone();
    split_char.cue = Some(demarche::Span::new(body.len() - 1, body.len()));
    assert!(check_quotes(body, &[split_char]).is_err());

    assert!(check_quotes(body, &[good[0].clone(), good[0].clone()]).is_err());
}
