//! The word lists the speaker grammar consults, written by the team in `words/*.txt`: one
//! entry a line, lower case, `#` comments. Each list is read once, on first use.
//!
//! Closed grammatical classes (pronouns, articles) stay in the code that reads them; every
//! open list of vocabulary is here, in the one form.

use crate::wordset::WordSet;

/// The entries of a list file.
pub(super) fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(crate) fn $name(word: &str) -> bool {
            static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
            SET.get_or_init(|| WordSet::new(entries(include_str!(concat!("words/", $file)))))
                .contains_folded(word)
        }
    };
}

word_list!(
    /// Lower-case particles inside a name (`du`, `von der`, `bin`).
    is_name_particle,
    "name-particles.txt"
);
word_list!(
    /// Adverbs, auxiliaries and times skipped between a speaker and a cue.
    is_adverbial,
    "adverbials.txt"
);
word_list!(
    /// Nouns that name unnamed speakers: people, groups, bodies and documents.
    is_speaker_noun_word,
    "speaker-nouns.txt"
);
word_list!(
    /// Nouns that report speech with a `that` clause (`issued a warning that ...`).
    is_speech_noun,
    "speech-nouns.txt"
);
word_list!(
    /// Nouns for what someone said, which name its speaker after `by` or `of` (`the
    /// statement by the Democratic Alliance`).
    is_remark_noun,
    "remark-nouns.txt"
);
word_list!(
    /// Words that open a relative clause or an aside between a speaker and a cue.
    opens_aside,
    "aside-openers.txt"
);
word_list!(
    /// Documents a body issues in its own name (`the statement said`).
    is_issued_document,
    "issued-documents.txt"
);
word_list!(
    /// Prefixes that make a hyphenated capitalised word a modifier (`Pro-hunt`).
    is_word_prefix,
    "word-prefixes.txt"
);
word_list!(
    /// Capitalised at a sentence start, these words begin a clause, not a name.
    starts_no_name,
    "no-name-openers.txt"
);
word_list!(
    /// Lower-case words that modify a speaker noun ("a senior official").
    is_nominal_modifier,
    "nominal-modifiers.txt"
);
word_list!(
    /// Last words of names of places, buildings and instruments: no person's name ends so.
    is_thing_noun,
    "thing-nouns.txt"
);
word_list!(
    /// Nouns that introduce an organisation by its name (`IT firm Dimension Data`).
    is_firm_noun,
    "firm-nouns.txt"
);
word_list!(
    /// Words of continents' and regions' names (`North America`, `Western Europe`).
    is_place_word,
    "place-words.txt"
);
word_list!(
    /// Verbs by which a speaker puts out a document (`issued a statement saying ...`).
    is_issue_verb,
    "issue-verbs.txt"
);
word_list!(
    /// Verbs of colon lead-ins that end a subject (`the government struck a tone:`).
    is_lead_verb,
    "lead-verbs.txt"
);
word_list!(
    /// Words that open a fronted phrase before the subject (`At a rally, Trump ...`).
    opens_fronted_phrase,
    "fronted-openers.txt"
);
word_list!(
    /// Base forms of verbs that report a statement by its act (`welcomed the tariff`).
    is_act_verb,
    "act-verbs.txt"
);
word_list!(
    /// Things that carry words without being anyone's statement (banners, placards).
    is_sign_noun,
    "sign-nouns.txt"
);
word_list!(
    /// Where something was said: `in a statement`, `on Twitter`.
    is_medium_noun,
    "medium-nouns.txt"
);
word_list!(
    /// Nouns that make a phrase a share of the people polled (`percent`, `majority`).
    is_share_noun,
    "share-words.txt"
);
word_list!(
    /// Qualifiers that open a share of the people polled (`Nearly half`, `About 4 in 10`).
    opens_share_phrase,
    "share-openers.txt"
);
word_list!(
    /// Capitalised words before `states` that make it a noun (`Western states`).
    is_region_word,
    "region-words.txt"
);
word_list!(
    /// Numbers in words (`twenty`); hyphenated ones are read part by part.
    is_number_word,
    "number-words.txt"
);
/// A number in digits or words, a hyphenated one read part by part (`47`, `six`,
/// `Twenty-seven` lower-cased).
pub(crate) fn is_number(lower: &str) -> bool {
    lower
        .split('-')
        .all(|p| p.starts_with(|c: char| c.is_ascii_digit()) || is_number_word(p))
}

word_list!(
    /// Documents that say things: sources of type document (`a report said`).
    is_document_noun,
    "document-nouns.txt"
);
word_list!(
    /// Sentence adverbs, connectives and fronted verbs, listed.
    is_listed_sentence_adverb,
    "sentence-adverbs.txt"
);
word_list!(
    /// Words that can never be part of a speaker's name.
    is_function_word,
    "function-words.txt"
);
word_list!(
    /// Titles, offices and honorifics, in the singular.
    is_title_word,
    "titles.txt"
);
word_list!(
    /// Words that make a name an organisation.
    is_org_word_exact,
    "org-words.txt"
);
word_list!(
    /// Given names of women.
    is_female_name,
    "names-female.txt"
);
word_list!(
    /// Given names of men.
    is_male_name,
    "names-male.txt"
);

/// A word that opens a sentence, capitalised, without being a name: a listed sentence adverb
/// or connective ("Separately", "Moreover", "Responding"), or a long word in -ly that is not
/// a given name ("Hastily", but not "Beverly").
pub(crate) fn is_sentence_adverb(word: &str) -> bool {
    is_listed_sentence_adverb(word)
        || (word.len() >= 7
            && crate::wordset::with_lower(word, |l| l.ends_with("ly"))
            && !is_female_name(word)
            && !is_male_name(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_in_any_case() {
        assert!(is_adverbial("Also"));
        assert!(is_speaker_noun_word("officials"));
        assert!(is_title_word("minister"));
        assert!(is_function_word("THE"));
        assert!(is_female_name("ana"));
        assert!(!is_title_word("putin"));
        assert!(is_sentence_adverb("Separately") && is_sentence_adverb("Hastily"));
        assert!(!is_sentence_adverb("Beverly") && !is_sentence_adverb("Kelly"));
    }

    #[test]
    fn every_entry_is_one_lower_case_word() {
        let files = [
            include_str!("words/adverbials.txt"),
            include_str!("words/speaker-nouns.txt"),
            include_str!("words/speech-nouns.txt"),
            include_str!("words/remark-nouns.txt"),
            include_str!("words/aside-openers.txt"),
            include_str!("words/no-name-openers.txt"),
            include_str!("words/nominal-modifiers.txt"),
            include_str!("words/lead-verbs.txt"),
            include_str!("words/fronted-openers.txt"),
            include_str!("words/function-words.txt"),
            include_str!("words/sentence-adverbs.txt"),
            include_str!("words/act-verbs.txt"),
            include_str!("words/sign-nouns.txt"),
            include_str!("words/medium-nouns.txt"),
            include_str!("words/document-nouns.txt"),
            include_str!("words/titles.txt"),
            include_str!("words/org-words.txt"),
            include_str!("words/names-female.txt"),
            include_str!("words/names-male.txt"),
            include_str!("words/thing-nouns.txt"),
            include_str!("words/firm-nouns.txt"),
            include_str!("words/place-words.txt"),
            include_str!("words/issue-verbs.txt"),
            include_str!("words/share-words.txt"),
            include_str!("words/share-openers.txt"),
            include_str!("words/number-words.txt"),
            include_str!("words/word-prefixes.txt"),
            include_str!("words/issued-documents.txt"),
            include_str!("words/region-words.txt"),
        ];
        for f in files {
            for e in entries(f) {
                assert!(!e.contains(' ') && e == e.to_lowercase(), "{e:?}");
            }
        }
    }
}
