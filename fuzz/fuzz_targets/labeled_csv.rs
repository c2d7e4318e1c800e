//! Bytes as a labeled CSV file read by `demarche::dataset::Dataset::read_bytes`, with options
//! picked by the first byte: an error is fine, a panic or a row without text is not.
#![no_main]

use demarche::dataset::{Dataset, ReadOptions};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let opts = ReadOptions {
        delimiter: [b',', b'\t', b';', b'"'][pick as usize % 4],
        skip_bad_rows: pick & 4 != 0,
        stance_labels: (pick & 8 != 0)
            .then(|| vec!["favor".into(), "against".into(), "none".into()]),
        label_map: if pick & 16 != 0 {
            vec![("neither".into(), "none".into())]
        } else {
            Vec::new()
        },
        ..ReadOptions::default()
    };
    let mut ds = Dataset::default();
    if let Ok((has_stance, has_sentiment)) = ds.read_bytes(Path::new("fuzz.csv"), rest, &opts) {
        assert!(has_stance || has_sentiment, "read without a label column");
        for row in &ds.rows {
            assert!(
                !row.text.trim().is_empty(),
                "a row with empty text: {row:?}"
            );
            assert!(row.line >= 2, "a data row on the header line: {row:?}");
            if has_stance {
                let label = row.stance.as_deref().expect("a stance label");
                if let Some(allowed) = &opts.stance_labels {
                    assert!(
                        allowed.iter().any(|l| l == label),
                        "label {label:?} let through"
                    );
                }
            }
        }
    }
});
