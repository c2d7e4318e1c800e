//! The HTML rendering of a [`Report`]: one self-contained page (inline CSS and SVG, no
//! scripts, nothing fetched) with the topic, model and input summary, a table of actors with
//! a stacked bar of each actor's label shares, and the evidence quotes with their articles.

use super::render::{dates, num, one_line, summary};
use super::tally::NO_STATEMENT;
use super::{ActorReport, Evidence, Period, Report};
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

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

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
    writeln!(w, "<div class=\"report\">\n<header>")?;
    writeln!(w, "<h1>Stance toward \u{201c}{topic}\u{201d}</h1>")?;
    writeln!(w, "<p class=\"meta\">{}</p>\n</header>", esc(&summary(r)))?;
    overview(r, ids, w)?;

    writeln!(w, "<section>\n<h2>Actors</h2>\n<div class=\"legend\">")?;
    for l in labels {
        writeln!(
            w,
            "<span><i class=\"swatch\" style=\"background:{}\"></i>{}</span>",
            colour(labels, l),
            esc(l)
        )?;
    }
    writeln!(w, "</div>")?;
    let least = r.min_quotes.unwrap_or(1).max(1);
    writeln!(
        w,
        "<div class=\"controls\" hidden>\
         <label>Filter actors <input type=\"search\" class=\"filter\" placeholder=\"name or alias\" aria-label=\"Filter actors by name or alias\"></label>\
         <label>At least <input type=\"number\" class=\"min-quotes\" min=\"1\" step=\"1\" value=\"{least}\" aria-label=\"Minimum quotes\"> quotes</label>\
         <span class=\"shown\" aria-live=\"polite\"></span></div>"
    )?;
    writeln!(
        w,
        "<div class=\"scroll\">\n<table class=\"actors\">\n<thead><tr>"
    )?;
    let lean = if ["favor", "against"]
        .iter()
        .all(|l| labels.iter().any(|x| x == l))
    {
        "favor share of the votes minus against share"
    } else {
        "total votes"
    };
    let dated = r
        .actors
        .iter()
        .any(|a| a.first_seen.is_some() || a.last_seen.is_some());
    for (name, numeric, right, tip) in [
        ("Actor", false, false, "name"),
        ("Quotes", true, true, "quotes"),
        ("On topic", true, true, "quotes that address the topic"),
        ("Stance", false, false, "stance"),
        ("Confidence", true, true, "confidence"),
        ("Votes", true, false, lean),
        ("Sentiment", false, false, "sentiment"),
        ("Seen", false, false, "first seen"),
    ]
    .into_iter()
    // Undated articles throughout: no Seen column.
    .take(if dated { 8 } else { 7 })
    {
        let class = if right { " class=\"n\"" } else { "" };
        let kind = if numeric { "num" } else { "text" };
        writeln!(
            w,
            "<th{class} data-type=\"{kind}\"><button type=\"button\" class=\"sort\" title=\"Sort by {tip}\">{name}</button></th>"
        )?;
    }
    writeln!(w, "</tr></thead>\n<tbody>")?;
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
        let names: Vec<String> = std::iter::once(&a.actor)
            .chain(&a.aliases)
            .map(|n| one_line(n).to_lowercase())
            .collect();
        writeln!(
            w,
            "<tr data-actor=\"{ids}{i}\" data-name=\"{}\" data-quotes=\"{}\">\
             <td data-v=\"{}\">{who}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"stance\" data-v=\"{}\">{}</td><td class=\"n\">{}</td>\
             <td class=\"bar\" data-v=\"{}\">{}</td><td>{}</td>{}</tr>",
            esc(&names.join("\n")),
            a.quotes,
            esc(&one_line(&a.actor)),
            a.quotes,
            a.relevant,
            esc(&a.stance),
            label_badge(labels, &a.stance)
                + &a.note.as_deref().map(note).unwrap_or_default(),
            num(a.confidence),
            num(lean_of(labels, a)),
            bar(labels, a),
            esc(a.sentiment.as_deref().unwrap_or("")),
            if dated {
                format!(
                    "<td class=\"sub seen\" data-v=\"{}\">{}</td>",
                    esc(a.first_seen.as_deref().or(a.last_seen.as_deref()).unwrap_or("")),
                    esc(&dates(a))
                )
            } else {
                String::new()
            }
        )?;
    }
    writeln!(w, "</tbody>\n</table>\n</div>\n</section>")?;

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
        if a.evidence.is_empty() {
            writeln!(w, "<p class=\"sub\">No quote on the topic to show.</p>")?;
        }
        writeln!(w, "<ol class=\"evidence\">")?;
        for e in &a.evidence {
            writeln!(w, "<li>{}</li>", evidence(e))?;
        }
        writeln!(w, "</ol>\n</article>")?;
    }
    writeln!(w, "</section>\n</div>")
}

/// An actor's note beside its stance, short (the whole in its tooltip) so that the row stays
/// one line.
fn note(n: &str) -> String {
    let short = if n == NO_STATEMENT { "no statement" } else { n };
    format!(
        " <span class=\"sub\" title=\"{}\">{}</span>",
        esc(n),
        esc(short)
    )
}

/// What the Votes column sorts by: with favor and against among the labels, the favor share
/// of the votes minus the against share (-1 to 1); otherwise all votes.
fn lean_of(labels: &[String], a: &ActorReport) -> f64 {
    let total: f64 = labels.iter().map(|l| a.votes.get(l)).sum();
    let has = |l: &str| labels.iter().any(|x| x == l);
    if !(has("favor") && has("against")) {
        return total;
    }
    if total <= 0.0 {
        return 0.0;
    }
    (a.votes.get("favor") - a.votes.get("against")) / total
}

/// The overall picture: how many actors take each stance (a bar and the counts), and the
/// most-quoted actors.
fn overview(r: &Report, ids: &str, w: &mut impl Write) -> io::Result<()> {
    let labels = &r.stance_labels;
    // Actors with a statement on the topic, by stance (a stance outside the labels, as a
    // user's model may give, still counts); the others apart.
    let mut counts: Vec<(String, usize)> = labels.iter().map(|l| (l.clone(), 0)).collect();
    let mut silent = 0;
    for a in &r.actors {
        if a.note.is_some() {
            silent += 1;
            continue;
        }
        match counts.iter_mut().find(|(l, _)| *l == a.stance) {
            Some(c) => c.1 += 1,
            None => counts.push((a.stance.clone(), 1)),
        }
    }
    let speaking: usize = counts.iter().map(|(_, n)| n).sum();
    let fill = |l: &str| {
        if labels.iter().any(|x| x == l) {
            colour(labels, l)
        } else {
            "#868e96"
        }
    };
    writeln!(
        w,
        "<section class=\"overview\">\n<div>\n<h2>Where the actors stand</h2>\n<p class=\"sub\">{speaking} of {} actor{} made a statement on the topic.</p>",
        r.actors.len(),
        if r.actors.len() == 1 { "" } else { "s" }
    )?;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stances\" width=\"100%\" height=\"{h}\" \
         viewBox=\"0 0 {OVERVIEW_WIDTH} {h}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">\
         <rect width=\"{OVERVIEW_WIDTH}\" height=\"{h}\" fill=\"#f1f3f5\"/>",
        esc(&counts
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect::<Vec<_>>()
            .join(", ")),
        h = OVERVIEW_HEIGHT
    );
    let mut x = 0.0;
    for (l, n) in &counts {
        if *n == 0 {
            continue;
        }
        let width = *n as f64 / speaking as f64 * OVERVIEW_WIDTH;
        svg.push_str(&format!(
            "<rect x=\"{x:.2}\" width=\"{width:.2}\" height=\"{OVERVIEW_HEIGHT}\" fill=\"{}\"><title>{}: {n} actor{}</title></rect>",
            fill(l),
            esc(l),
            if *n == 1 { "" } else { "s" }
        ));
        x += width;
    }
    svg.push_str("</svg>");
    writeln!(w, "{svg}\n<div class=\"counts\">")?;
    for (l, n) in &counts {
        writeln!(
            w,
            "<span class=\"count\" data-label=\"{}\"><i class=\"swatch\" style=\"background:{}\"></i>{} <b>{n}</b></span>",
            esc(l),
            fill(l),
            esc(l)
        )?;
    }
    if silent > 0 {
        writeln!(
            w,
            "<span class=\"count\" data-label=\"\"><i class=\"swatch\" style=\"background:#dee2e6\"></i>{NO_STATEMENT} <b>{silent}</b></span>"
        )?;
    }
    writeln!(
        w,
        "</div>\n</div>\n<div>\n<h2>Most quoted</h2>\n<ol class=\"top\">"
    )?;
    let mut top: Vec<(usize, &ActorReport)> = r.actors.iter().enumerate().collect();
    top.sort_by(|(i, a), (j, b)| b.quotes.cmp(&a.quotes).then(i.cmp(j)));
    for (i, a) in top.into_iter().take(TOP) {
        writeln!(
            w,
            "<li><a href=\"#{ids}{i}\">{}</a> <span class=\"sub\">{} quote{}, {} on topic</span> {}</li>",
            esc(&a.actor),
            a.quotes,
            if a.quotes == 1 { "" } else { "s" },
            a.relevant,
            label_badge(labels, &a.stance)
        )?;
    }
    writeln!(w, "</ol>\n</div>\n</section>")
}

const OVERVIEW_WIDTH: f64 = 400.0;
const OVERVIEW_HEIGHT: f64 = 22.0;
/// Actors listed as the most quoted.
const TOP: usize = 5;

/// One evidence quote: the quote, the sentence around it with the quote marked, where it
/// comes from (title, source, date, article), and its own label.
fn evidence(e: &Evidence) -> String {
    let text = one_line(&e.text);
    let context = e.context.as_deref().map(one_line).filter(|c| !c.is_empty());
    let mut out = match context {
        // The sentence, the quote marked in it.
        Some(c) if !text.is_empty() && c.contains(&text) => {
            let at = c.find(&text).unwrap_or(0);
            format!(
                "<blockquote class=\"in-context\"><span class=\"around\">{}</span><mark>{}</mark><span class=\"around\">{}</span></blockquote>",
                esc(&c[..at]),
                esc(&text),
                esc(&c[at + text.len()..])
            )
        }
        // The quote as given (a partial quote, say, in other words than its sentence's), then
        // the sentence.
        Some(c) => format!(
            "<blockquote>{}</blockquote><p class=\"context\">{}</p>",
            esc(&e.text),
            esc(&c)
        ),
        None => format!("<blockquote>{}</blockquote>", esc(&e.text)),
    };
    let mut from: Vec<String> = Vec::new();
    if let Some(t) = &e.title {
        from.push(format!("<cite>{}</cite>", esc(&one_line(t))));
    }
    for s in [&e.source, &e.date].into_iter().flatten() {
        from.push(esc(&one_line(s)));
    }
    from.push(format!("<code>{}</code>", esc(&e.article)));
    out.push_str(&format!(
        "<div class=\"source\">{}</div><div class=\"sub\">{} \u{b7} {} {}</div>",
        from.join(" \u{b7} "),
        e.kind,
        esc(&e.stance),
        num(e.p)
    ));
    out
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
        "<section>\n<h2>Over time <span class=\"sub\">by {period}, {span}</span></h2>\n<table class=\"over-time\">\n<tbody>"
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
            "<tr data-for=\"{ids}{i}\"><td><a href=\"#{ids}{i}\">{}</a></td><td>{svg}</td></tr>",
            esc(&a.actor)
        )?;
    }
    writeln!(w, "</tbody>\n</table>\n</section>")
}

/// The footer and the end of the page.
pub(super) fn page_foot(w: &mut impl Write) -> io::Result<()> {
    writeln!(
        w,
        "<footer>Made by demarche {}. Stance per actor: decided by its quotes' votes, each quote \
         voting for its most probable label with the weight of its kind (direct 1.0, indirect \
         0.8, partial 0.5); confidence is the weighted mean probability of that label.</footer>\n\
         </main>\n<script>{SCRIPT}</script>\n</body>\n</html>",
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
        // The page's own script is the only one.
        assert_eq!(out.matches("<script").count(), 1, "{out}");
        assert!(out.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(!SCRIPT.contains("</script"));
        assert!(!out.contains("| <b>") && !out.contains("<i>resume") && !out.contains("said <b>"));
        assert!(out.contains(
            "Never &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;no&quot;"
        ));
        assert!(out.contains(
            "<title>Stance report: independence for &quot;Kosovo&quot; &lt;now&gt;</title>"
        ));
        assert!(out.contains("Smith, &quot;Jr&quot; | &lt;b&gt;"));
        // Names in attributes (the filter's) are escaped too.
        assert!(out.contains("data-name=\"smith, &quot;jr&quot; | &lt;b&gt;\""));
        assert!(out.contains("<cite>Talks &lt;i&gt;resume&lt;/i&gt;</cite>"));
        assert!(out.contains("Wire &amp; &quot;Co&quot;"));
        assert!(out.contains(", Smith said &lt;b&gt;.</span></blockquote>"));
    }

    #[test]
    fn is_one_self_contained_page() {
        let out = render(&awkward(), Format::Html);
        for outside in [
            "<link",
            "<script src",
            "src=",
            "@import",
            "url(",
            "fetch(",
            "XMLHttpRequest",
            "<iframe",
            "<img",
            "https://",
        ] {
            assert!(!out.contains(outside), "{outside} in {out}");
        }
        // The only address is the SVG namespace, which is a name, not a fetch.
        assert_eq!(
            out.matches("http").count(),
            out.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
        );
        assert_eq!(
            out.matches("<svg").count(),
            3,
            "the overview's bar and one bar per actor"
        );
        assert!(out.contains(
            "Model demarche-default@0.1.0 \u{b7} 1 article \u{b7} 3 quotes \u{b7} 2 actors"
        ));
        assert!(out.trim_end().ends_with("</html>"));
    }

    #[test]
    fn holds_the_controls_the_overview_and_each_quotes_sentence() {
        let out = render(&awkward(), Format::Html);
        // Controls, hidden until the script shows them (without it, the page is all shown).
        assert!(out.contains("<div class=\"controls\" hidden>"));
        assert!(out.contains("<input type=\"search\" class=\"filter\""));
        assert!(out.contains(
            "<input type=\"number\" class=\"min-quotes\" min=\"1\" step=\"1\" value=\"1\""
        ));
        assert_eq!(
            out.matches("<button type=\"button\" class=\"sort\"")
                .count(),
            8
        );
        assert_eq!(out.matches("data-type=\"num\"").count(), 4);
        // Rows carry what the controls read: names and aliases, quotes, sort values.
        assert!(
            out.contains("<tr data-actor=\"actor-0\" data-name=\"ana ruiz\" data-quotes=\"2\">")
        );
        assert!(
            out.contains("<td class=\"bar\" data-v=\"1\">"),
            "all votes favor: lean 1"
        );
        assert!(
            out.contains("<td class=\"bar\" data-v=\"-1\">"),
            "all against: -1"
        );
        // The overview: actors by stance, the most quoted.
        assert!(out.contains("<h2>Where the actors stand</h2>"));
        assert!(out.contains("aria-label=\"favor 1, against 1, none 0\""));
        assert!(out.contains("2 of 2 actors made a statement on the topic."));
        assert!(
            !out.contains("no statement on the topic <b>"),
            "none without one"
        );
        assert!(out.contains("<rect x=\"0.00\" width=\"200.00\" height=\"22\" fill=\"#2f9e44\"><title>favor: 1 actor</title>"));
        assert!(out.contains("<span class=\"count\" data-label=\"none\">"));
        assert!(out.contains(
            "<li><a href=\"#actor-0\">Ana Ruiz</a> <span class=\"sub\">2 quotes, 2 on topic</span>"
        ));
        // Evidence: the sentence, the quote marked in it, and the article's title, source, date.
        assert!(out.contains(
            "<blockquote class=\"in-context\"><span class=\"around\">As he left, </span><mark>Never &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;no&quot;, never | *ever*</mark><span class=\"around\">, Smith said &lt;b&gt;.</span></blockquote>"
        ), "{out}");
        assert!(out.contains(
            "<div class=\"source\"><cite>Talks &lt;i&gt;resume&lt;/i&gt;</cite> \u{b7} Wire &amp; &quot;Co&quot; \u{b7} 2007-02-10 \u{b7} <code>news/a,b.txt</code></div>"
        ));
        // A quote without them shows its article alone.
        assert!(out.contains("<blockquote>We back it.</blockquote><div class=\"source\"><code>news/a,b.txt</code></div>"));
        // Without a date anywhere, no Seen column.
        let mut undated = awkward();
        for a in &mut undated.actors {
            (a.first_seen, a.last_seen) = (None, None);
        }
        let page = render(&undated, Format::Html);
        assert_eq!(page.matches("class=\"sort\"").count(), 7);
        assert!(!page.contains(">Seen<") && !page.contains("class=\"sub seen\""));
        assert!(
            out.contains(">Seen</button></th>")
                && out.contains("<td class=\"sub seen\" data-v=\"2007-02-10\">2007-02-10</td>")
        );
        // A note beside the stance is short, the whole of it in the tooltip.
        let mut quiet = awkward();
        quiet.actors[0].note = Some(NO_STATEMENT.into());
        assert!(render(&quiet, Format::Html).contains(
            "<span class=\"sub\" title=\"no statement on the topic\">no statement</span></td>"
        ));
        // Each topic of a page of several has its own controls.
        let mut two = Vec::new();
        super::super::write_reports(&[awkward(), awkward()], &mut two, Format::Html).unwrap();
        let two = String::from_utf8(two).unwrap();
        assert_eq!(two.matches("<div class=\"report\">").count(), 2);
        assert_eq!(two.matches("class=\"filter\"").count(), 2);
        assert_eq!(two.matches("<script>").count(), 1);
        assert!(two.contains("<tr data-actor=\"topic-1-actor-0\""));
    }

    #[test]
    fn evidence_shows_a_quote_in_other_words_than_its_sentence_then_the_sentence() {
        let mut e = awkward().actors[1].evidence[0].clone();
        e.text = "urged Tehran to restore <access>".into();
        e.context =
            Some("The State Department urged Tehran in a statement to restore <access>.".into());
        e.title = None;
        e.source = None;
        e.date = None;
        assert_eq!(
            evidence(&e),
            "<blockquote>urged Tehran to restore &lt;access&gt;</blockquote>\
             <p class=\"context\">The State Department urged Tehran in a statement to restore &lt;access&gt;.</p>\
             <div class=\"source\"><code>news/a,b.txt</code></div><div class=\"sub\">direct \u{b7} against 0.9</div>"
        );
        e.context = Some("  ".into());
        assert!(evidence(&e)
            .starts_with("<blockquote>urged Tehran to restore &lt;access&gt;</blockquote><div"));
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
