//! Bytes as a model file read by `demarche::model::Model::load`. The input is everything but
//! the checksum, which the target appends, so the fuzzer reaches the content checks instead
//! of stopping at a checksum mismatch. A model that loads must classify: probabilities that
//! are numbers in [0, 1] summing to 1, for its own topics and an unseen one.
#![no_main]

use demarche::model::Model;
use demarche::ModelInput;
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

fn dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory"))
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    bytes.extend_from_slice(&Sha256::digest(data));
    let path = dir().path().join("fuzz.dmm");
    std::fs::write(&path, &bytes).expect("write the model");
    let Ok(model) = Model::load(&path) else {
        return;
    };
    let mut topics: Vec<String> = model.topics().map(str::to_string).collect();
    topics.push("a topic never trained".into());
    for topic in &topics {
        for text in ["We welcome the accord warmly.", "", "#NoDeal never!!"] {
            let input = ModelInput::new(text, topic);
            let p = model.predict(&input);
            for probs in [&p.stance, &p.sentiment].into_iter().flatten() {
                let sum: f64 = probs.iter().map(|(_, v)| v).sum();
                assert!(
                    probs.iter().all(|(l, v)| !l.is_empty() && (0.0..=1.0).contains(&v)),
                    "probabilities out of range: {:?}",
                    probs.iter().collect::<Vec<_>>()
                );
                assert!((sum - 1.0).abs() < 1e-6, "probabilities sum to {sum}");
                let _ = probs.best();
            }
            for r in [p.relevance, p.article].into_iter().flatten() {
                assert!((0.0..=1.0).contains(&r), "relevance {r}");
            }
            let _ = model.explain(&input, 5);
        }
    }
});
