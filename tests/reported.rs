//! Reported speech without quotation marks, end to end on short passages the team wrote:
//! which clause is the statement and who made it.

use demarche::{extract, QuoteKind};

/// The text and speaker of every reported statement.
fn reported(body: &str) -> Vec<(String, Option<String>)> {
    extract(body)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.text, q.speaker))
        .collect()
}

#[test]
fn a_subject_after_the_cue_opens_the_reported_clause() {
    let b = "Pressed by the interviewer, Senator Dana Whitlock said there was no evidence of \
             any payment.";
    assert_eq!(
        reported(b),
        vec![(
            "there was no evidence of any payment".into(),
            Some("Dana Whitlock".into())
        )]
    );
    let b = "Moments earlier, in his opening remarks, Governor Ray Tallis said he was ready \
             for the job.";
    assert_eq!(
        reported(b),
        vec![("he was ready for the job".into(), Some("Ray Tallis".into()))]
    );
}

#[test]
fn a_clause_opening_with_a_connective_may_close_with_its_attribution() {
    let b = "Mayor Ines Duarte spoke to reporters after the vote. But the budget will hold for \
             another year, she said.";
    let got = reported(b);
    assert!(
        got.contains(&(
            "But the budget will hold for another year".into(),
            Some("Ines Duarte".into())
        )),
        "{got:?}"
    );
    // A fronted phrase before an attribution that opens a quote is no statement.
    let b = "In his tribute, Omar Haddad said: \"He built this port.\"";
    assert!(reported(b).is_empty(), "{:?}", reported(b));
}

#[test]
fn modifiers_before_a_tail_speaker_noun_are_part_of_it() {
    let b = "The levy will hurt small exporters most, independent analysts said.";
    assert_eq!(
        reported(b),
        vec![(
            "The levy will hurt small exporters most".into(),
            Some("independent analysts".into())
        )]
    );
    // Not when the cue goes on to report a clause of its own.
    let b = "Port strike: Dock unions, northern lawmakers fear levy will drain the region";
    assert!(reported(b).is_empty(), "{:?}", reported(b));
}
