//! Articles of hostile shapes, read as articles of ordinary shapes are: long lists of signs,
//! runs of adverbials between cues, thousands of people sharing a given name, names of
//! thousands of words. The readings that keep these linear must still give the answers the
//! short forms give (`scripts/bench-growth.sh` times them; tests here check the answers).

use demarche::extract;

fn speaker_of(body: &str, needle: &str) -> Option<String> {
    extract(body)
        .into_iter()
        .find(|q| q.text.contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?}"))
        .speaker
}

#[test]
fn a_list_of_a_thousand_signs_is_nobody_s_statement() {
    let signs: Vec<String> = (0..1000).map(|k| format!("\"Long live {k}\"")).collect();
    let b = format!(
        "Thousands rallied on Friday. They waved banners reading {} and \"Russia, help!\"",
        signs.join(", ")
    );
    assert!(extract(&b).is_empty());
    // Without the sign noun and its verb, the same list after a cue is speech.
    let b = format!(
        "The crowd chanted {} and \"Russia, help!\"",
        signs.join(", ")
    );
    assert!(!extract(&b).is_empty());
}

#[test]
fn a_cue_after_a_run_of_adverbials_is_still_coordinated() {
    let b = format!(
        "Ana Ruiz said that the talks would go on and {}said that the border would stay open.",
        "also ".repeat(5000)
    );
    assert_eq!(
        speaker_of(&b, "the border would stay open"),
        Some("Ana Ruiz".into())
    );
    assert_eq!(
        speaker_of(&b, "the talks would go on"),
        Some("Ana Ruiz".into())
    );
}

#[test]
fn a_given_name_alone_is_the_first_of_thousands_who_bear_it() {
    let mut b: String = (0..3000)
        .map(|k| format!("John Doe{k} met Bob. "))
        .collect();
    b.push_str("John said that the talks would go on.");
    assert_eq!(
        speaker_of(&b, "the talks would go on"),
        Some("John Doe0".into())
    );
}

#[test]
fn a_surname_finds_a_name_of_thousands_of_words() {
    let words: Vec<String> = (0..3000).map(|k| format!("Xy{k}")).collect();
    let b = format!(
        "{} said that the talks would go on.\n\nLater Xy2999 said that the border would stay \
         open.",
        words.join(" ")
    );
    // The run is longer than any name: the speaker is the phrase read before the cue, and
    // its surname finds it again. (Names this long are compared, not printed.)
    let first = speaker_of(&b, "the talks would go on").expect("a speaker");
    assert!(first.ends_with(" Xy2998 Xy2999") && first.split(' ').count() <= 64);
    let second = speaker_of(&b, "the border would stay open").expect("a speaker");
    assert!(second == first, "{} words", second.split(' ').count());
}

#[test]
fn every_coordinated_speech_noun_of_a_long_sentence_has_the_subject_s_words() {
    let b = format!(
        "Ana Ruiz issued a warning that the talks were over {}.",
        "and warning that the border would stay open ".repeat(500)
    );
    let quotes = extract(&b);
    assert!(quotes.len() > 400, "{} quotes", quotes.len());
    assert!(quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Ana Ruiz")));
}

#[test]
fn the_speakers_of_thousands_of_statements_after_a_long_run_are_short() {
    let b = format!(
        "{}warning that it is so {}.",
        "Cat ".repeat(3000),
        "and warning that it is so ".repeat(300)
    );
    let quotes = extract(&b);
    assert!(quotes.len() > 250, "{} quotes", quotes.len());
    assert!(quotes
        .iter()
        .all(|q| q.speaker.as_ref().is_some_and(|s| s.len() <= 1000)));
}
