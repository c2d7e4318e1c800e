//! Tests of the feature extractor.

use super::*;
use crate::hash::term_hash;

fn inputs<'a>(texts: &[&'a str], topic: &'a str) -> Vec<ModelInput<'a>> {
    texts.iter().map(|t| ModelInput::new(t, topic)).collect()
}

/// Keeps terms seen once: the test corpora are tiny.
fn every_term() -> FeatureSettings {
    FeatureSettings {
        min_df: 1,
        ..FeatureSettings::default()
    }
}

const DOCS: &[&str] = &[
    "We do not support independence for Kosovo.",
    "Kosovo's independence is irreversible, and we welcome it!",
    "Talks resume on Tuesday.",
    "A dangerous precedent for every separatist in Europe.",
];

#[test]
fn tokens_carry_negation_until_the_clause_ends() {
    let toks = tokenize("we don't support it, we back it");
    let negated: Vec<&str> = toks.iter().filter(|t| t.negated).map(|t| t.text).collect();
    assert_eq!(negated, ["support", "it"]);
    assert_eq!(toks[1].text, "don't");
}

#[test]
fn vocabulary_holds_each_kind_of_term() {
    let v = Vectorizer::fit(&every_term(), &inputs(DOCS, "independence for Kosovo")).unwrap();
    for term in [
        "w:support",
        "w:not support independence",
        "n:support",
        "c: kos",
        "c:ce ",
        "x:topic_negated",
        "x:lex:welcome",
        "x:topic_absent",
        "x:lex:precedent",
    ] {
        assert!(v.names().iter().any(|n| n == term), "{term} missing");
    }
    assert!(
        !v.names().iter().any(|n| n == "n:we"),
        "negation leaked before `not`"
    );
    for (h, n) in v.hashes().iter().zip(v.names()) {
        assert_eq!(*h, term_hash(n));
    }
}

#[test]
fn a_row_alone_equals_the_row_in_a_batch_and_blocks_are_unit_length() {
    let docs = inputs(DOCS, "independence for Kosovo");
    let v = Vectorizer::fit(&every_term(), &docs).unwrap();
    let m = v.transform_many(&docs);
    for (i, d) in docs.iter().enumerate() {
        let alone = v.transform(d);
        let (idx, val) = m.row(i);
        assert_eq!(alone.iter().map(|e| e.0).collect::<Vec<_>>(), idx);
        assert_eq!(alone.iter().map(|e| e.1).collect::<Vec<_>>(), val);
        let (c, x) = v.block_starts();
        let norm = |lo: usize, hi: usize| -> f32 {
            alone
                .iter()
                .filter(|e| (lo..hi).contains(&(e.0 as usize)))
                .map(|e| e.1 * e.1)
                .sum()
        };
        assert!((norm(0, c) - 1.0).abs() < 1e-5);
        assert!((norm(c, x) - 1.0).abs() < 1e-5);
    }
}

#[test]
fn fit_transform_gives_the_rows_transform_gives() {
    let docs = inputs(DOCS, "independence for Kosovo");
    for settings in [every_term(), FeatureSettings::default()] {
        let (v, m) = Vectorizer::fit_transform(&settings, &docs).unwrap();
        assert_eq!(m, v.transform_many(&docs));
        assert!(v.names().iter().all(|n| !n.is_empty()), "every term named");
    }
}

#[test]
fn fitting_is_deterministic_and_min_df_max_features_prune() {
    let docs = inputs(DOCS, "Kosovo");
    let a = Vectorizer::fit(&every_term(), &docs).unwrap();
    let b = Vectorizer::fit(&every_term(), &docs).unwrap();
    assert_eq!(a, b);
    let pruned = FeatureSettings {
        min_df: 2,
        ..FeatureSettings::default()
    };
    let p = Vectorizer::fit(&pruned, &docs).unwrap();
    assert!(p.len() < a.len());
    assert!(p.names().iter().any(|n| n == "c: ko"), "shared by two rows");
    let capped = FeatureSettings {
        max_features: Some(10),
        ..every_term()
    };
    let c = Vectorizer::fit(&capped, &docs).unwrap();
    assert_eq!(c.block_starts().1, 10);
}

#[test]
fn unseen_terms_are_ignored_and_cue_and_kind_count() {
    let docs = vec![ModelInput {
        text: "We welcome the accord.",
        topic: "the accord",
        cue: Some("welcomed"),
        kind: Some(QuoteKind::Direct),
        speaker: None,
        context: None,
    }];
    let v = Vectorizer::fit(&every_term(), &docs).unwrap();
    assert!(v.names().iter().any(|n| n == "x:cue:welcomed"));
    assert!(v.names().iter().any(|n| n == "x:cue_lex:welcome"));
    assert!(v.names().iter().any(|n| n == "x:kind:direct"));
    assert!(v.transform(&ModelInput::new("zzzz qqqq", "xx")).is_empty());
}

#[test]
fn char_grams_follow_char_wb() {
    struct Grams(Vec<String>);
    impl Sink for Grams {
        fn word(&mut self, _: &str, _: &[&str]) {}
        fn char(&mut self, gram: &str, hash: u64) {
            assert_eq!(hash, term_hash(&format!("c:{gram}")));
            self.0.push(gram.to_string());
        }
        fn extra(&mut self, _: &[&str], _: f32) {}
    }
    let settings = FeatureSettings {
        extras: false,
        ..FeatureSettings::default()
    };
    let mut g = Grams(Vec::new());
    let mut buf = TextBuffers::default();
    analyze(&settings, &ModelInput::new("Ab é", ""), &mut g, &mut buf);
    g.0.sort();
    // " ab " gives 3 + 2 + 1 grams (the whole word once); " é " gives 2 + 1.
    assert_eq!(
        g.0,
        [" a", " ab", " ab ", " é", " é ", "ab", "ab ", "b ", "é "]
    );
}

#[test]
fn column_sort_orders_columns_and_keeps_arrival_order_within_one() {
    let mut x = 7u64;
    let mut keys: Vec<u64> = (0..500)
        .map(|i| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            key((x >> 40) as u32 % 300_000, i as f32)
        })
        .collect();
    let mut expected = keys.clone();
    expected.sort_by_key(|k| k >> 32);
    sort_by_column(&mut keys, &mut Vec::new(), 300_000);
    assert_eq!(keys, expected);
}

#[test]
fn bad_settings_are_named() {
    let s = FeatureSettings {
        char_ngrams: [3, 2],
        ..FeatureSettings::default()
    };
    assert!(s
        .check()
        .unwrap_err()
        .to_string()
        .contains("char n-gram range 3..=2"));
    let s = FeatureSettings {
        min_df: 0,
        ..FeatureSettings::default()
    };
    assert!(s.check().is_err());
}

#[test]
fn case_changing_hashtags_add_their_words() {
    let text = "Now #StopTheWar, #SCOTUS #ISpeakLife #Hillary2016 #peace # #é";
    assert_eq!(
        hashtag_words(text),
        ["stop", "the", "war", "i", "speak", "life", "hillary", "2016"]
    );
    let on = FeatureSettings::default();
    let off = FeatureSettings {
        hashtag_split: false,
        ..FeatureSettings::default()
    };
    let docs = inputs(&["we must #StopTheWar now", "stop the war"], "the war");
    let has = |s: &FeatureSettings, term: &str| {
        let v = Vectorizer::fit(s, &docs).unwrap();
        v.names().iter().any(|n| n == term)
    };
    assert!(has(&on, "w:stop the war") && !has(&off, "w:stop the war"));
    // Text without hashtags gets the same rows either way.
    let plain = inputs(DOCS, "independence for Kosovo");
    let (_, a) = Vectorizer::fit_transform(&on, &plain).unwrap();
    let (_, b) = Vectorizer::fit_transform(&off, &plain).unwrap();
    for i in 0..plain.len() {
        assert_eq!(a.row(i), b.row(i));
    }
}

#[test]
fn char_weight_sets_the_char_block_length_and_old_settings_load_as_before() {
    let docs = inputs(DOCS, "independence for Kosovo");
    let s = FeatureSettings {
        char_weight: 2.0,
        ..every_term()
    };
    let v = Vectorizer::fit(&s, &docs).unwrap();
    let (c, x) = v.block_starts();
    let row = v.transform(&docs[0]);
    let norm: f32 = row
        .iter()
        .filter(|e| (c..x).contains(&(e.0 as usize)))
        .map(|e| e.1 * e.1)
        .sum();
    assert!((norm.sqrt() - 2.0).abs() < 1e-5);
    for bad in [0.0, -1.0, f32::NAN] {
        let s = FeatureSettings {
            char_weight: bad,
            ..FeatureSettings::default()
        };
        assert!(s.check().unwrap_err().to_string().contains("char_weight"));
    }
    let mut json = serde_json::to_value(FeatureSettings::default()).unwrap();
    let map = json.as_object_mut().unwrap();
    map.remove("char_weight");
    map.remove("hashtag_split");
    let old: FeatureSettings = serde_json::from_value(json).unwrap();
    assert_eq!(old.char_weight, 1.0);
    assert!(!old.hashtag_split);
}

proptest::proptest! {
    /// Any text vectorises without panicking, the same alone as in a batch, with each
    /// TF-IDF block empty or of unit length.
    #[test]
    fn any_text_vectorises(text in "\\PC{0,80}", topic in "\\PC{0,20}") {
        let docs = inputs(DOCS, "independence for Kosovo");
        let v = Vectorizer::fit(&every_term(), &docs).unwrap();
        let input = ModelInput { text: &text, topic: &topic, cue: Some(&text), kind: None, speaker: None, context: None };
        let row = v.transform(&input);
        let batch = v.transform_many(&[input]);
        proptest::prop_assert_eq!(batch.row(0).0.len(), row.len());
        let (c, x) = v.block_starts();
        for (lo, hi) in [(0, c), (c, x)] {
            let norm: f32 = row.iter().filter(|e| (lo..hi).contains(&(e.0 as usize))).map(|e| e.1 * e.1).sum();
            proptest::prop_assert!(norm == 0.0 || (norm - 1.0).abs() < 1e-4);
        }
    }
}

#[test]
fn stance_words_next_to_the_topic_s_entities_say_whose_side() {
    struct Extras(Vec<String>);
    impl Sink for Extras {
        fn word(&mut self, _: &str, _: &[&str]) {}
        fn char(&mut self, _: &str, _: u64) {}
        fn extra(&mut self, parts: &[&str], _: f32) {
            self.0.push(parts.concat());
        }
    }
    let settings = FeatureSettings {
        context: true,
        ..FeatureSettings::default()
    };
    let topic = "Venezuela's claim to Guyana's Essequibo region";
    let extras = |text: &str| {
        let mut e = Extras(Vec::new());
        analyze(
            &settings,
            &ModelInput::new(text, topic),
            &mut e,
            &mut TextBuffers::default(),
        );
        e.0
    };
    let target = extras("We support Guyana and its people.");
    assert!(
        target.iter().any(|f| f == "f:lex:support:near_other"),
        "{target:?}"
    );
    assert!(
        !target.iter().any(|f| f.ends_with(":near_owner")),
        "{target:?}"
    );
    let owner = extras("We support Venezuela and its people.");
    assert!(
        owner.iter().any(|f| f == "f:lex:support:near_owner"),
        "{owner:?}"
    );
}
