//! Plain-text renderings of a [`Report`]: CSV (one row per actor) and Markdown (a table, then
//! the evidence). HTML is in `html.rs`.

use super::{ActorReport, Report};
use std::io::{self, Write};

/// Numbers as the renderings show them: at most 4 decimals, no trailing zeros.
pub(super) fn num(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// One line, whitespace collapsed: table cells and headings cannot hold line breaks.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn dates(a: &ActorReport) -> String {
    match (&a.first_seen, &a.last_seen) {
        (Some(f), Some(l)) if f != l => format!("{f} \u{2013} {l}"),
        (Some(f), _) => f.clone(),
        (None, Some(l)) => l.clone(),
        (None, None) => String::new(),
    }
}

pub(super) fn csv(r: &Report, w: &mut impl Write) -> io::Result<()> {
    csv_rows(std::slice::from_ref(r), false, w)
}

/// The labels of all `reports`, in label order.
pub(super) fn all_labels(reports: &[Report], of: fn(&Report) -> &Vec<String>) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for r in reports {
        for l in of(r) {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
    }
    labels.sort_by(|a, b| super::label_order(a, b));
    labels
}

/// One row per actor of each report, with a `topic` column first when `topics`; the label
/// columns are those of every report.
pub(super) fn csv_rows(reports: &[Report], topics: bool, w: &mut impl Write) -> io::Result<()> {
    if reports.iter().any(|r| r.period.is_some()) {
        return csv_periods(reports, topics, w);
    }
    let stance_labels = all_labels(reports, |r| &r.stance_labels);
    let sentiment_labels = all_labels(reports, |r| &r.sentiment_labels);
    let mut out = csv::Writer::from_writer(w);
    let mut header: Vec<String> = Vec::new();
    if topics {
        header.push("topic".into());
    }
    header.extend(
        [
            "actor",
            "affiliation",
            "role",
            "quotes",
            "direct",
            "indirect",
            "partial",
            "articles",
            "relevant",
            "irrelevant",
            "stance",
            "confidence",
            "note",
        ]
        .map(String::from),
    );
    header.extend(stance_labels.iter().map(|l| format!("votes_{l}")));
    header.extend(stance_labels.iter().map(|l| format!("stance_{l}")));
    header.push("sentiment".into());
    header.extend(sentiment_labels.iter().map(|l| format!("sentiment_{l}")));
    header.extend(
        [
            "first_seen",
            "last_seen",
            "aliases",
            "members",
            "evidence_article",
            "evidence",
        ]
        .map(String::from),
    );
    out.write_record(&header)?;
    for (r, a) in reports
        .iter()
        .flat_map(|r| r.actors.iter().map(move |a| (r, a)))
    {
        let mut row = Vec::new();
        if topics {
            row.push(r.topic.clone());
        }
        row.extend([
            a.actor.clone(),
            a.affiliation.clone().unwrap_or_default(),
            a.role.clone().unwrap_or_default(),
            a.quotes.to_string(),
            a.kinds.direct.to_string(),
            a.kinds.indirect.to_string(),
            a.kinds.partial.to_string(),
            a.articles.to_string(),
            a.relevant.to_string(),
            a.irrelevant.to_string(),
            a.stance.clone(),
            num(a.confidence),
            a.note.clone().unwrap_or_default(),
        ]);
        row.extend(stance_labels.iter().map(|l| num(a.votes.get(l))));
        row.extend(stance_labels.iter().map(|l| num(a.stance_probs.get(l))));
        row.push(a.sentiment.clone().unwrap_or_default());
        row.extend(sentiment_labels.iter().map(|l| {
            a.sentiment_probs
                .as_ref()
                .map(|p| num(p.get(l)))
                .unwrap_or_default()
        }));
        let top = a.evidence.first();
        row.extend([
            a.first_seen.clone().unwrap_or_default(),
            a.last_seen.clone().unwrap_or_default(),
            a.aliases.join("|"),
            a.members.join("|"),
            top.map(|e| e.article.clone()).unwrap_or_default(),
            top.map(|e| e.text.clone()).unwrap_or_default(),
        ]);
        out.write_record(&row)?;
    }
    out.flush()
}

/// A report over time in long form: one row per actor and period, with the votes by label.
fn csv_periods(reports: &[Report], topics: bool, w: &mut impl Write) -> io::Result<()> {
    let labels = all_labels(reports, |r| &r.stance_labels);
    let mut out = csv::Writer::from_writer(w);
    let mut header: Vec<String> = Vec::new();
    if topics {
        header.push("topic".into());
    }
    header.extend(["actor", "period", "quotes", "relevant", "stance"].map(String::from));
    header.extend(labels.iter().map(|l| format!("votes_{l}")));
    out.write_record(&header)?;
    for r in reports {
        for a in &r.actors {
            for p in &a.periods {
                let mut row = Vec::new();
                if topics {
                    row.push(r.topic.clone());
                }
                row.extend([
                    a.actor.clone(),
                    p.period.clone(),
                    p.quotes.to_string(),
                    p.relevant.to_string(),
                    p.stance.clone(),
                ]);
                row.extend(labels.iter().map(|l| num(p.votes.get(l))));
                out.write_record(&row)?;
            }
        }
    }
    out.flush()
}

/// Backslash-escapes Markdown's punctuation so names and quotes show as written and cannot
/// break the table or inject markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        // Every line these land in starts with our own markup, so line-start markers
        // ("-", "+", "1.") cannot trigger; these are the ones that act mid-line.
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn markdown(r: &Report, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "# Stance toward \u{201c}{}\u{201d}\n", md(&r.topic))?;
    writeln!(w, "{}\n", md(&summary(r)))?;
    // Beside the stance, the votes it is decided on (never mean probabilities, which can
    // lean the other way when a few quotes are confident and more are not).
    let mut head = "| Actor | Quotes | On topic | Stance | Confidence |".to_string();
    let mut rule = "|---|---:|---:|---|---:|".to_string();
    for l in &r.stance_labels {
        head.push_str(&format!(" {} votes |", md(l)));
        rule.push_str("---:|");
    }
    head.push_str(" Sentiment | Seen |");
    rule.push_str("---|---|");
    writeln!(w, "{head}\n{rule}")?;
    for a in &r.actors {
        let mut line = format!(
            "| {} | {} | {} | {} | {} |",
            md(&a.actor),
            a.quotes,
            a.relevant,
            md(&stance_cell(a)),
            num(a.confidence)
        );
        for l in &r.stance_labels {
            line.push_str(&format!(" {} |", num(a.votes.get(l))));
        }
        line.push_str(&format!(
            " {} | {} |",
            md(a.sentiment.as_deref().unwrap_or("")),
            md(&dates(a))
        ));
        writeln!(w, "{line}")?;
    }
    if let Some(period) = r.period {
        writeln!(w, "\n## Over time (by {period})\n")?;
        let mut head = "| Actor | Period | Quotes | On topic | Stance |".to_string();
        let mut rule = "|---|---|---:|---:|---|".to_string();
        for l in &r.stance_labels {
            head.push_str(&format!(" {} votes |", md(l)));
            rule.push_str("---:|");
        }
        writeln!(w, "{head}\n{rule}")?;
        for a in &r.actors {
            for p in &a.periods {
                let mut line = format!(
                    "| {} | {} | {} | {} | {} |",
                    md(&a.actor),
                    md(&p.period),
                    p.quotes,
                    p.relevant,
                    md(&p.stance)
                );
                for l in &r.stance_labels {
                    line.push_str(&format!(" {} |", num(p.votes.get(l))));
                }
                writeln!(w, "{line}")?;
            }
        }
    }
    if r.actors.iter().any(|a| !a.evidence.is_empty()) {
        writeln!(w, "\n## Evidence")?;
    }
    for a in r.actors.iter().filter(|a| !a.evidence.is_empty()) {
        writeln!(
            w,
            "\n### {} \u{2014} {} ({})\n",
            md(&a.actor),
            md(&a.stance),
            num(a.confidence)
        )?;
        for e in &a.evidence {
            writeln!(
                w,
                "- \u{201c}{}\u{201d} \u{2014} {} ({}, {} {})",
                md(&e.text),
                md(&e.article),
                e.kind,
                md(&e.stance),
                num(e.p)
            )?;
        }
    }
    Ok(())
}

/// The stance as a table shows it: with its note when it has one.
pub(super) fn stance_cell(a: &ActorReport) -> String {
    match &a.note {
        Some(n) => format!("{} ({n})", a.stance),
        None => a.stance.clone(),
    }
}

/// "Model m · 3 articles · 12 quotes · 4 actors", with the optional parts when they apply.
pub(super) fn summary(r: &Report) -> String {
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = vec![
        format!("Model {}", r.model),
        plural(r.articles, "article", "articles"),
        plural(r.quotes, "quote", "quotes"),
        plural(
            r.actors.len() as u64,
            match r.by {
                super::GroupBy::Actor => "actor",
                super::GroupBy::Affiliation => "actor or affiliation",
            },
            match r.by {
                super::GroupBy::Actor => "actors",
                super::GroupBy::Affiliation => "actors and affiliations",
            },
        ),
    ];
    if r.irrelevant > 0 {
        parts.push(plural(
            r.irrelevant,
            "quote on other matters (no vote)",
            "quotes on other matters (no vote)",
        ));
    }
    if let (Some(n), Some(below)) = (r.min_quotes, r.actors_below_min_quotes) {
        parts.push(format!(
            "{} with fewer than {} left out",
            plural(below, "actor", "actors"),
            plural(n, "quote", "quotes")
        ));
    }
    if r.unattributed > 0 {
        parts.push(plural(
            r.unattributed,
            "unattributed quote left out",
            "unattributed quotes left out",
        ));
    }
    parts.join(" \u{b7} ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{awkward, render};
    use super::super::Format;
    use super::*;

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(num(0.86), "0.86");
        assert_eq!(num(1.0), "1");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(0.33333), "0.3333");
    }

    #[test]
    fn csv_quotes_fields_and_reads_back_exactly() {
        let out = render(&awkward(), Format::Csv);
        let mut rd = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(&header[..4], ["actor", "affiliation", "role", "quotes"]);
        assert!(header.contains(&"stance_against".to_string()));
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2, "one row per actor");
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(&rows[1][col("actor")], "Smith, \"Jr\" | <b>");
        assert_eq!(
            &rows[1][col("evidence")],
            "Never <script>alert('x')</script> & \"no\",\nnever | *ever*"
        );
        assert_eq!(&rows[1][col("evidence_article")], "news/a,b.txt");
        assert_eq!(&rows[1][col("stance_against")], "0.9");
        assert_eq!(&rows[0][col("confidence")], "0.7");
    }

    #[test]
    fn markdown_escapes_cells_so_the_table_holds() {
        let out = render(&awkward(), Format::Md);
        let table: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(table.len(), 4, "{out}");
        let unescaped_pipes = |l: &str| {
            let b = l.as_bytes();
            (0..b.len())
                .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
                .count()
        };
        for line in &table {
            assert_eq!(unescaped_pipes(line), unescaped_pipes(table[0]), "{line}");
        }
        assert!(out.contains("Smith, \"Jr\" \\| \\<b\\>"), "{out}");
        assert!(out.contains("\\<script\\>"));
        assert!(
            out.contains("never \\| \\*ever\\*"),
            "newline folded: {out}"
        );
        assert!(out
            .starts_with("# Stance toward \u{201c}independence for \"Kosovo\" \\<now\\>\u{201d}"));
    }
}
