//! Bytes as partial reports read by `demarche::report::PartialReport::from_json`, split in
//! two by the first byte and merged as `demarche merge` does: an error is fine, a panic is
//! not. What reads must render in every format, read back as itself once written, and merge
//! with an empty shard into the same report.
#![no_main]

use demarche::report::{merge, Format, GroupBy, PartialReport, ReportBuilder};
use libfuzzer_sys::fuzz_target;

fn render(p: PartialReport) -> Vec<Vec<u8>> {
    let report = p.finish();
    [Format::Json, Format::Csv, Format::Md, Format::Html]
        .into_iter()
        .map(|f| {
            let mut out = Vec::new();
            report.write_to(&mut out, f).expect("rendering to memory");
            out
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut cut = (pick as usize * text.len()) / 255;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let parts: Vec<PartialReport> = [&text[..cut], &text[cut..]]
        .iter()
        .enumerate()
        .filter_map(|(i, t)| PartialReport::from_json(t, format!("part-{i}.json")).ok())
        .collect();
    for p in &parts {
        let mut written = Vec::new();
        p.write_to(&mut written).expect("writing to memory");
        let again = PartialReport::from_json(
            std::str::from_utf8(&written).expect("JSON is UTF-8"),
            "written.json",
        )
        .expect("a partial report written by demarche reads back");
        let mut rewritten = Vec::new();
        again.write_to(&mut rewritten).expect("writing to memory");
        assert_eq!(written, rewritten, "a partial report changed on a round trip");
        let whole = render(p.clone());
        // An empty shard of the same run adds nothing.
        let json: serde_json::Value = serde_json::from_slice(&written).expect("JSON");
        let by = if json["by"] == "affiliation" { GroupBy::Affiliation } else { GroupBy::Actor };
        let empty = ReportBuilder::new(
            json["topic"].as_str().expect("a topic"),
            json["model"].as_str().expect("a model"),
            None,
            by,
        )
        .keep_duplicates(json["keep_duplicates"] == true)
        .partial();
        let merged = merge([p.clone(), empty]).expect("an empty shard merges");
        let mut out = Vec::new();
        merged.write_to(&mut out, Format::Json).expect("rendering");
        assert_eq!(out, whole[0], "an empty shard changed the report");
    }
    if let [a, b] = &parts[..] {
        if let Ok(report) = merge([a.clone(), b.clone()]) {
            let mut out = Vec::new();
            report.write_to(&mut out, Format::Html).expect("rendering");
        }
    }
});
