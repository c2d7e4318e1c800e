//! Reported speech without quotation marks, end to end on short passages the team wrote:
//! which clause is the statement and who made it.

use demarche::{extract, Quote, QuoteKind};

/// The statement of `body` whose text holds `needle`.
fn statement(body: &str, needle: &str) -> Quote {
    extract(body)
        .into_iter()
        .find(|q| q.text.contains(needle))
        .unwrap_or_else(|| panic!("no statement holding {needle:?}"))
}

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

#[test]
fn a_share_of_those_polled_speaks_and_is_no_actor() {
    let b = "The survey of 1,200 adults was taken last week. Nearly half of respondents said \
             they expected prices to rise. Six in 10 say the levy is unfair.";
    let qs = extract(b);
    let said: Vec<_> = qs
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.speaker.as_deref(), q.speaker_kind, q.text.as_str()))
        .collect();
    assert_eq!(
        said,
        vec![
            (
                Some("Nearly half of respondents"),
                Some(demarche::SpeakerKind::Role),
                "they expected prices to rise"
            ),
            (
                Some("Six in 10"),
                Some(demarche::SpeakerKind::Role),
                "the levy is unfair"
            ),
        ]
    );
    // A named person just before does not take the share's statement.
    let b = "Charity chief Rosa Lind said pensions must rise. Among the over-65s, 70% said \
             they would vote in an immediate election.";
    let q = statement(b, "immediate election");
    assert_eq!(q.speaker.as_deref(), Some("70%"));
    // A hyphenated fraction opening the sentence is a share too, not a name.
    let b = "Charity chief Rosa Lind said pensions must rise. Three-quarters said the minister \
             was right to resign.";
    let q = statement(b, "right to resign");
    assert_eq!(
        (q.speaker.as_deref(), q.speaker_kind),
        (Some("Three-quarters"), Some(demarche::SpeakerKind::Role))
    );
    // A share of something else is no speaker: `states` here is a noun.
    let b = "About two-thirds of voters in all five states backed the ban, officials said.";
    assert!(extract(b)
        .iter()
        .all(|q| q.speaker.as_deref() == Some("officials")));
}

#[test]
fn a_cue_reaches_its_clause_past_an_aside_a_condition_and_a_long_adjunct() {
    let b = "Several speakers at the rally \u{2014} including two former ministers \u{2014} said \
             the reform had been rushed.";
    assert_eq!(
        reported(b),
        vec![(
            "the reform had been rushed".into(),
            Some("Several speakers at the rally".into())
        )]
    );
    let b = "Senator Ali Demir said if he were elected, the border crossing would reopen.";
    assert_eq!(
        reported(b),
        vec![(
            "if he were elected, the border crossing would reopen".into(),
            Some("Ali Demir".into())
        )]
    );
    let b = "Judge Mara Quist said in an interview with a national broadcaster last week that \
             she had no plans to retire.";
    assert_eq!(
        reported(b),
        vec![(
            "she had no plans to retire".into(),
            Some("Mara Quist".into())
        )]
    );
    // Without a medium, `that` after a long adjunct may open a relative clause.
    let b = "Police reported at least 20 victims at a nonprofit centre that works with the \
             disabled.";
    assert!(reported(b).is_empty(), "{:?}", reported(b));
}

#[test]
fn a_subject_of_nouns_before_a_speaker_noun_speaks() {
    let b = "Abortion rights advocates said the ruling made local campaigns more urgent.";
    assert_eq!(
        reported(b),
        vec![(
            "the ruling made local campaigns more urgent".into(),
            Some("Abortion rights advocates".into())
        )]
    );
    let b = "Farmlink itself said none of the contracts had been signed.";
    assert_eq!(
        reported(b),
        vec![(
            "none of the contracts had been signed".into(),
            Some("Farmlink".into())
        )]
    );
}

#[test]
fn a_document_is_no_person_quoted_before_it() {
    let speaker_of = |b: &str, needle: &str| {
        let q = statement(b, needle);
        (q.speaker, q.speaker_kind)
    };
    let b = "Oxfam director Barbara Stocking said the G8 had failed the poor. \"We need change \
             now,\" she said. The report says rich countries promised in 1970 to spend 0.7% of \
             their income on aid.";
    assert_eq!(
        speaker_of(b, "rich countries promised"),
        (Some("report".into()), Some(demarche::SpeakerKind::Document))
    );
    let b = "The committee chairman, Barry Sheerman, said the findings were stark. The report \
             said the government should not be scared off investment.";
    assert_eq!(
        speaker_of(b, "scared off").1,
        Some(demarche::SpeakerKind::Document)
    );
    // His own statement is still his.
    assert_eq!(
        speaker_of(b, "findings were stark").0.as_deref(),
        Some("Barry Sheerman")
    );
}

#[test]
fn a_name_inside_the_statement_is_not_its_speaker() {
    let b = "Labour strategists dismissed the claims. The book says the pair had mutual \
             contempt for each other. It says Tony Blair felt by November 2003 he had lost \
             voters' trust.";
    let q = statement(b, "lost voters");
    assert_eq!(q.speaker.as_deref(), Some("book"));
}

#[test]
fn a_cue_after_a_quote_closed_with_a_comma_attributes_that_quote() {
    let b = "Ohio Gov. John Kasich could \"do some kind of executive order or something,\" said \
             Stephen Loomis, president of the Cleveland Police Patrolmen's Association.";
    let qs = extract(b);
    assert!(
        qs.iter().all(|q| q.kind != QuoteKind::Indirect),
        "the speaker phrase is no statement: {qs:?}"
    );
    let q = statement(b, "executive order");
    assert_eq!(q.speaker.as_deref(), Some("Stephen Loomis"));
    let b = "Ms. Brainard is ''not a backslapper,'' said Mr. Sperling, but she has developed a \
             reputation as a tough negotiator.";
    assert!(reported(b).is_empty(), "{:?}", reported(b));
    // A participle or `that` after the quote still reports a clause, and a quoted phrase
    // without the comma may be part of the subject.
    let b = "Dragan Horvat, a deputy, called the plan \"a loan with a leash\", claiming that \
             Brussels was using money to dictate laws.";
    assert_eq!(
        reported(b),
        vec![(
            "Brussels was using money to dictate laws".into(),
            Some("Dragan Horvat".into())
        )]
    );
    let b = "Critics of the so-called \"Gang of Eight\" said the bill would fail.";
    let texts: Vec<String> = reported(b).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, ["the bill would fail"]);
}
