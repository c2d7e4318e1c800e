//! The HTML rendering of a [`Report`]: one self-contained page (inline CSS and SVG, no
//! scripts, nothing fetched) with the topic, model and input summary, a table of actors with
//! a stacked bar of each actor's label shares, and the evidence quotes with their articles.

use super::render::{dates, num, one_line, summary};
use super::{ActorReport, Period, Report};
use std::io::{self, Write};

/// Bar colours for the default labels; others take the palette in label order.
const LABEL_COLOURS: [(&str, &str); 3] = [
    ("favor", "#2f9e44"),
    ("against", "#e03131"),
    ("none", "#868e96"),
];
const PALETTE: [&str; 6] = [
    "#1971c2", "#f08c00", "#7048e8", "#0c8599", "#c2255c", "#5c940d",
];
const BAR_WIDTH: f64 = 220.0;
const BAR_HEIGHT: f64 = 18.0;

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;
  color:#212529;background:#fff;margin:0;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.2rem;margin:32px 0 8px;border-bottom:1px solid #dee2e6;padding-bottom:4px}
h3{font-size:1.05rem;margin:22px 0 6px}
.meta{color:#495057;margin:0 0 8px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
table{border-collapse:collapse;width:100%;font-size:.93rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e9ecef;vertical-align:top}
th{background:#f8f9fa;font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.bar{width:230px}
td.seen{white-space:nowrap}
.sub{color:#6c757d;font-size:.82rem}
.label{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:.82rem;
  font-weight:600;background:#868e96}
.legend{display:flex;gap:16px;margin:6px 0 10px;font-size:.88rem;color:#495057}
.legend span{display:inline-flex;align-items:center;gap:6px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px}
blockquote{margin:4px 0;padding:4px 12px;border-left:4px solid #ced4da;background:#f8f9fa}
ol.evidence{padding-left:22px;margin:4px 0}
ol.evidence li{margin:8px 0}
a{color:#1864ab;text-decoration:none}
footer{margin-top:40px;color:#868e96;font-size:.8rem}
";

/// Escapes text for HTML element content and quoted attribute values alike.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn colour(labels: &[String], label: &str) -> &'static str {
    if let Some((_, c)) = LABEL_COLOURS.iter().find(|(l, _)| *l == label) {
        return c;
    }
    let others = labels
        .iter()
        .filter(|l| !LABEL_COLOURS.iter().any(|(k, _)| k == l));
    let i = others.take_while(|l| *l != label).count();
    PALETTE[i % PALETTE.len()]
}

/// An SVG bar of the actor's vote shares (the votes the stance is decided on, scaled to sum
/// to 1), each part with a tooltip, and its percentage written in when there is room.
fn bar(labels: &[String], a: &ActorReport) -> String {
    let total: f64 = labels.iter().map(|l| a.votes.get(l)).sum();
    let title: Vec<String> = labels
        .iter()
        .map(|l| format!("{l} {} votes", num(a.votes.get(l))))
        .collect();
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{BAR_WIDTH}\" height=\"{BAR_HEIGHT}\" \
         viewBox=\"0 0 {BAR_WIDTH} {BAR_HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        esc(&title.join(", "))
    );
    svg.push_str(&format!(
        "<rect width=\"{BAR_WIDTH}\" height=\"{BAR_HEIGHT}\" fill=\"#f1f3f5\"/>"
    ));
    if total > 0.0 {
        let mut x = 0.0;
        for l in labels {
            let share = a.votes.get(l) / total;
            let w = share * BAR_WIDTH;
            if w <= 0.0 {
                continue;
            }
            svg.push_str(&format!(
                "<rect x=\"{x:.2}\" width=\"{w:.2}\" height=\"{BAR_HEIGHT}\" fill=\"{}\">\
                 <title>{} {:.0}%</title></rect>",
                colour(labels, l),
                esc(l),
                share * 100.0
            ));
            if w >= 34.0 {
                svg.push_str(&format!(
                    "<text x=\"{:.2}\" y=\"13\" font-size=\"11\" text-anchor=\"middle\" \
                     fill=\"#fff\" font-family=\"system-ui,sans-serif\">{:.0}%</text>",
                    x + w / 2.0,
                    share * 100.0
                ));
            }
            x += w;
        }
    }
    svg.push_str("</svg>");
    svg
}

fn label_badge(labels: &[String], label: &str) -> String {
    let bg = if labels.iter().any(|l| l == label) {
        colour(labels, label)
    } else {
        "#868e96"
    };
    format!(
        "<span class=\"label\" style=\"background:{bg}\">{}</span>",
        esc(label)
    )
}

pub(super) fn html(r: &Report, w: &mut impl Write) -> io::Result<()> {
    page_head(&r.topic, w)?;
    topic_sections(r, "actor-", w)?;
    page_foot(w)
}

/// The page up to the opening of `main`, titled for `title`.
pub(super) fn page_head(title: &str, w: &mut impl Write) -> io::Result<()> {
    let topic = esc(&one_line(title));
    writeln!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        w,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        w,
        "<title>Stance report: {topic}</title>\n<style>{STYLE}</style>\n</head>"
    )?;
    writeln!(w, "<body>\n<main>")
}

/// One topic's report: its heading and summary, the actors, and the evidence; `ids` starts
/// the anchors of its actors, which must be unique on the page.
pub(super) fn topic_sections(r: &Report, ids: &str, w: &mut impl Write) -> io::Result<()> {
    let labels = &r.stance_labels;
    let topic = esc(&one_line(&r.topic));
    writeln!(w, "<header>")?;
    writeln!(w, "<h1>Stance toward \u{201c}{topic}\u{201d}</h1>")?;
    writeln!(w, "<p class=\"meta\">{}</p>\n</header>", esc(&summary(r)))?;

    writeln!(w, "<section>\n<h2>Actors</h2>\n<div class=\"legend\">")?;
    for l in labels {
        writeln!(
            w,
            "<span><i class=\"swatch\" style=\"background:{}\"></i>{}</span>",
            colour(labels, l),
            esc(l)
        )?;
    }
    writeln!(w, "</div>\n<table>\n<thead><tr><th>Actor</th><th class=\"n\">Quotes</th><th class=\"n\">On topic</th><th>Stance</th><th class=\"n\">Confidence</th><th>Votes</th><th>Sentiment</th><th>Seen</th></tr></thead>\n<tbody>")?;
    for (i, a) in r.actors.iter().enumerate() {
        let mut who = format!("<a href=\"#{ids}{i}\">{}</a>", esc(&a.actor));
        let sub: Vec<String> = [
            a.affiliation.clone(),
            a.role.clone(),
            (!a.members.is_empty()).then(|| a.members.join(", ")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !sub.is_empty() {
            who.push_str(&format!(
                "<div class=\"sub\">{}</div>",
                esc(&sub.join(" \u{b7} "))
            ));
        }
        writeln!(
            w,
            "<tr><td>{who}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"bar\">{}</td><td>{}</td><td class=\"sub seen\">{}</td></tr>",
            a.quotes,
            a.relevant,
            label_badge(labels, &a.stance)
                + &a.note.as_deref().map(|n| format!(" <span class=\"sub\">{}</span>", esc(n))).unwrap_or_default(),
            num(a.confidence),
            bar(labels, a),
            esc(a.sentiment.as_deref().unwrap_or("")),
            esc(&dates(a))
        )?;
    }
    writeln!(w, "</tbody>\n</table>\n</section>")?;

    if let Some(period) = r.period {
        over_time(r, period, ids, w)?;
    }
    writeln!(w, "<section>\n<h2>Evidence</h2>")?;
    for (i, a) in r.actors.iter().enumerate() {
        writeln!(
            w,
            "<article id=\"{ids}{i}\">\n<h3>{} {} <span class=\"sub\">{} quote{}</span></h3>",
            esc(&a.actor),
            label_badge(labels, &a.stance),
            a.quotes,
            if a.quotes == 1 { "" } else { "s" }
        )?;
        if !a.aliases.is_empty() {
            writeln!(
                w,
                "<p class=\"sub\">Also named: {}</p>",
                esc(&a.aliases.join("; "))
            )?;
        }
        writeln!(w, "<ol class=\"evidence\">")?;
        for e in &a.evidence {
            writeln!(
                w,
                "<li><blockquote>{}</blockquote><div class=\"sub\">{} \u{b7} {} \u{b7} {} {}</div></li>",
                esc(&e.text),
                esc(&e.article),
                e.kind,
                esc(&e.stance),
                num(e.p)
            )?;
        }
        writeln!(w, "</ol>\n</article>")?;
    }
    writeln!(w, "</section>")
}

const COLUMN: f64 = 16.0;
const CHART_HEIGHT: f64 = 40.0;

/// Each actor's position over time: one column per period of the report (the same for every
/// actor, so the charts line up), stacked by the shares of its votes; a period the actor is
/// not quoted in is left empty, one with quotes but no vote is grey.
fn over_time(r: &Report, period: Period, ids: &str, w: &mut impl Write) -> io::Result<()> {
    let labels = &r.stance_labels;
    let mut periods: Vec<&str> = r
        .actors
        .iter()
        .flat_map(|a| a.periods.iter().map(|p| p.period.as_str()))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    let span = match (periods.first(), periods.last()) {
        (Some(f), Some(l)) if f != l => format!("{} \u{2013} {}", esc(f), esc(l)),
        (Some(f), _) => esc(f),
        _ => String::new(),
    };
    writeln!(
        w,
        "<section>\n<h2>Over time <span class=\"sub\">by {period}, {span}</span></h2>\n<table>\n<tbody>"
    )?;
    let width = COLUMN * periods.len() as f64;
    for (i, a) in r.actors.iter().enumerate() {
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{CHART_HEIGHT}\" \
             viewBox=\"0 0 {width} {CHART_HEIGHT}\" role=\"img\" aria-label=\"{} by {period}\">",
            esc(&a.actor)
        );
        for (x, key) in periods.iter().enumerate() {
            let x0 = x as f64 * COLUMN;
            let Some(p) = a.periods.iter().find(|p| p.period == *key) else {
                continue;
            };
            let total: f64 = labels.iter().map(|l| p.votes.get(l)).sum();
            let tip = format!(
                "{}: {} ({} quote{}, {} on topic)",
                p.period,
                p.stance,
                p.quotes,
                if p.quotes == 1 { "" } else { "s" },
                p.relevant
            );
            if total <= 0.0 {
                svg.push_str(&format!(
                    "<rect x=\"{:.2}\" y=\"0\" width=\"{:.2}\" height=\"{CHART_HEIGHT}\" fill=\"#e9ecef\"><title>{}</title></rect>",
                    x0 + 1.0,
                    COLUMN - 2.0,
                    esc(&tip)
                ));
                continue;
            }
            let mut y = 0.0;
            for l in labels {
                let h = p.votes.get(l) / total * CHART_HEIGHT;
                if h <= 0.0 {
                    continue;
                }
                svg.push_str(&format!(
                    "<rect x=\"{:.2}\" y=\"{y:.2}\" width=\"{:.2}\" height=\"{h:.2}\" fill=\"{}\"><title>{}</title></rect>",
                    x0 + 1.0,
                    COLUMN - 2.0,
                    colour(labels, l),
                    esc(&tip)
                ));
                y += h;
            }
        }
        svg.push_str("</svg>");
        writeln!(
            w,
            "<tr><td><a href=\"#{ids}{i}\">{}</a></td><td>{svg}</td></tr>",
            esc(&a.actor)
        )?;
    }
    writeln!(w, "</tbody>\n</table>\n</section>")
}

/// The footer and the end of the page.
pub(super) fn page_foot(w: &mut impl Write) -> io::Result<()> {
    writeln!(
        w,
        "<footer>Made by demarche {}. Stance per actor: weighted mean of its quotes' \
         probabilities (direct 1.0, indirect 0.8, partial 0.5).</footer>\n</main>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::{awkward, render};
    use super::super::{Format, LabelProbs};
    use super::*;

    #[test]
    fn escapes_all_text() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        let out = render(&awkward(), Format::Html);
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<b>"));
        assert!(out.contains(
            "Never &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;no&quot;"
        ));
        assert!(out.contains(
            "<title>Stance report: independence for &quot;Kosovo&quot; &lt;now&gt;</title>"
        ));
        assert!(out.contains("Smith, &quot;Jr&quot; | &lt;b&gt;"));
    }

    #[test]
    fn is_one_self_contained_page() {
        let out = render(&awkward(), Format::Html);
        for outside in ["<link", "<script", "src=", "@import", "url("] {
            assert!(!out.contains(outside), "{outside} in {out}");
        }
        // The only address is the SVG namespace, which is a name, not a fetch.
        assert_eq!(
            out.matches("http").count(),
            out.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
        );
        assert_eq!(out.matches("<svg").count(), 2, "one bar per actor");
        assert!(out.contains(
            "Model demarche-default@0.1.0 \u{b7} 1 article \u{b7} 3 quotes \u{b7} 2 actors"
        ));
        assert!(out.trim_end().ends_with("</html>"));
    }

    #[test]
    fn bars_show_each_labels_share() {
        let r = awkward();
        let svg = bar(&r.stance_labels, &r.actors[0]);
        // Ana Ruiz: two quotes, both voting favor: the whole bar.
        assert!(svg.contains("<rect x=\"0.00\" width=\"220.00\" height=\"18\" fill=\"#2f9e44\"><title>favor 100%</title>"), "{svg}");
        let mut mixed = r.actors[0].clone();
        mixed.votes = LabelProbs::from_iter([("favor", 1.5), ("against", 0.5), ("none", 0.0)]);
        let svg = bar(&r.stance_labels, &mixed);
        assert!(
            svg.contains("<rect x=\"165.00\" width=\"55.00\" height=\"18\" fill=\"#e03131\">"),
            "{svg}"
        );
        assert!(
            svg.contains("aria-label=\"favor 1.5 votes, against 0.5 votes, none 0 votes\""),
            "{svg}"
        );
        assert!(svg.contains(">75%</text>") && svg.contains(">25%</text>"));
        mixed.votes = LabelProbs::from_iter([("favor", 1.5), ("against", 0.2), ("none", 0.0)]);
        let svg = bar(&r.stance_labels, &mixed);
        assert!(
            !svg.contains(">12%</text>"),
            "too narrow to write in: {svg}"
        );
    }

    #[test]
    fn other_labels_take_palette_colours() {
        let labels: Vec<String> = ["favor", "against", "none", "query", "support"]
            .map(String::from)
            .to_vec();
        assert_eq!(colour(&labels, "against"), "#e03131");
        assert_eq!(colour(&labels, "query"), PALETTE[0]);
        assert_eq!(colour(&labels, "support"), PALETTE[1]);
    }
}
