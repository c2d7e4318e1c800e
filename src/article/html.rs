//! HTML pages read as articles: the page's prose, one paragraph per block, without scripts,
//! styles, navigation and other page furniture, and its title.

use super::Article;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Elements whose text is never article prose: their content is left out, nested or not.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "iframe", "svg", "header", "footer", "aside",
    "form", "button", "select", "figure", "title",
];

/// Elements that end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "br",
    "tr",
    "section",
    "article",
    "main",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "table",
    "ul",
    "ol",
    "hr",
];

/// Elements whose content the tokenizer must read as raw text (as a browser does), so that
/// markup inside a script or a style is not taken for tags.
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Elements that never have content, so their start tag opens nothing to skip.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// What the tokenizer has seen so far: the paragraphs, the title, and which skipped elements
/// are open. Reading tags one at a time, without building the document tree, keeps the time
/// linear and the stack flat however deeply the page nests (a tree builder checks the open
/// elements at every tag: quadratic in the depth, and recursion over the tree overflowed the
/// stack at 100,000 nested elements).
#[derive(Default)]
struct TextSink {
    paragraphs: Vec<String>,
    current: String,
    title: Option<String>,
    title_text: String,
    in_title: bool,
    /// The publication date from the first `<meta>` that gives one.
    date: Option<String>,
    /// Open skipped elements, as indices into [`SKIPPED_ELEMENTS`]...
    skipped: Vec<u8>,
    /// ...and how many of each are open, so an end tag with no open element to close costs
    /// nothing.
    open: [u32; SKIPPED_ELEMENTS.len()],
}

impl TextSink {
    fn flush(&mut self) {
        flush(&mut self.current, &mut self.paragraphs);
    }

    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let skipped = SKIPPED_ELEMENTS.iter().position(|s| *s == name);
        if BLOCK_ELEMENTS.contains(&name) {
            self.flush();
        }
        match tag.kind {
            TagKind::StartTag => {
                if name == "meta" && self.date.is_none() {
                    self.date = meta_date(&tag);
                }
                if name == "title" && self.title.is_none() && !tag.self_closing {
                    self.in_title = true;
                }
                if let Some(k) = skipped {
                    if !tag.self_closing && !is_void(name) {
                        self.skipped.push(k as u8);
                        self.open[k] += 1;
                    }
                }
                if tag.self_closing {
                    return TokenSinkResult::Continue;
                }
                if name == "plaintext" {
                    return TokenSinkResult::Plaintext;
                }
                match raw_kind(name) {
                    Some(kind) => TokenSinkResult::RawData(kind),
                    None => TokenSinkResult::Continue,
                }
            }
            TagKind::EndTag => {
                if name == "title" && self.in_title {
                    self.in_title = false;
                    self.title = Some(collapse(&self.title_text)).filter(|t| !t.is_empty());
                }
                if let Some(k) = skipped.filter(|&k| self.open[k] > 0) {
                    // Close it and whatever was left open inside it; each element is popped
                    // once, so this is linear over the page.
                    while let Some(top) = self.skipped.pop() {
                        self.open[top as usize] -= 1;
                        if top as usize == k {
                            break;
                        }
                    }
                }
                TokenSinkResult::Continue
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_title {
            self.title_text.push_str(text);
        }
        if self.skipped.is_empty() {
            self.current.push_str(text);
        }
    }
}

/// The `<meta>` names and properties that carry a page's publication date.
const DATE_META: &[&str] = &[
    "article:published_time",
    "date",
    "pubdate",
    "publishdate",
    "datepublished",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "og:published_time",
];

/// The publication date a `<meta>` tag gives, if it is one that gives it.
fn meta_date(tag: &Tag) -> Option<String> {
    let attr = |n: &str| {
        tag.attrs
            .iter()
            .find(|a| &*a.name.local == n)
            .map(|a| a.value.trim().to_string())
    };
    let named = ["property", "name", "itemprop"]
        .iter()
        .filter_map(|n| attr(n))
        .any(|v| DATE_META.contains(&v.to_ascii_lowercase().as_str()));
    named
        .then(|| attr("content"))
        .flatten()
        .filter(|c| !c.is_empty())
}

/// The tokenizer calls its sink through a shared reference.
struct Sink(RefCell<TextSink>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut sink = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return sink.tag(tag),
            Token::CharacterTokens(text) => sink.text(&text),
            Token::NullCharacterToken => sink.text("\u{fffd}"),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// How much of the page is handed to the tokenizer at a time (its buffers hold at most 4 GiB).
const HTML_CHUNK: usize = 1 << 20;

/// Turns an HTML page into plain text, one paragraph per block, dropping scripts, styles,
/// navigation and other page furniture. Linear in the page's size whatever its nesting.
pub fn html_article(id: String, html: &str) -> Article {
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(TextSink::default())),
        TokenizerOpts::default(),
    );
    let queue = BufferQueue::default();
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(HTML_CHUNK);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        queue.push_back(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        // The sink never asks to run a script, so the tokenizer reads the whole chunk.
        let _ = tokenizer.feed(&queue);
    }
    tokenizer.end();
    let mut sink = tokenizer.sink.0.into_inner();
    sink.flush();
    if sink.in_title {
        sink.title = Some(collapse(&sink.title_text)).filter(|t| !t.is_empty());
    }
    Article {
        id,
        body: sink.paragraphs.join("\n\n"),
        title: sink.title,
        date: sink.date,
        source: None,
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let text = collapse(current);
    if !text.is_empty() {
        out.push(text);
    }
    current.clear();
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_publication_date_comes_from_the_first_meta_that_gives_it() {
        let html = "<html><head><meta charset=utf-8><meta name=\"viewport\" content=\"x\">\
            <meta property=\"article:published_time\" content=\" 2007-02-10T09:00:00Z \">\
            <meta name=\"date\" content=\"2001-01-01\"></head><body><p>Text.</p></body></html>";
        let a = html_article("x.html".into(), html);
        assert_eq!(a.date.as_deref(), Some("2007-02-10T09:00:00Z"));
        let a = html_article(
            "y.html".into(),
            "<meta itemprop=datePublished content=2020-05-06><p>T</p>",
        );
        assert_eq!(a.date.as_deref(), Some("2020-05-06"));
        assert_eq!(html_article("z.html".into(), "<p>T</p>").date, None);
    }

    #[test]
    fn html_keeps_paragraphs_and_drops_furniture() {
        let html = "<html><head><title>T</title><script>var x = \"said\";</script>\
            <style>p{}</style></head><body><nav><a>Home</a></nav><article><h1>Head</h1>\
            <p>&ldquo;We will not,&rdquo; he said.</p><p>Second   para.</p></article>\
            <footer>Copyright</footer></body></html>";
        let a = html_article("x.html".into(), html);
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(
            a.body,
            "Head\n\n\u{201c}We will not,\u{201d} he said.\n\nSecond para."
        );
    }

    #[test]
    fn html_skips_nested_furniture_and_reads_raw_text_as_text() {
        let html = "<p>A &amp; B</p><script>if (a < b) { x = '</p><p>not prose'; }</script>\
            <nav><div><aside>menu</aside> more menu</div></nav><p>Kept<br>line</p>\
            </form></aside><p>Still kept</p><svg/><p>After svg</p><title>Late</title>\
            <button>Press<p>inside</button><p>End</p>";
        let a = html_article("x.html".into(), html);
        assert_eq!(
            a.body,
            "A & B\n\nKept\n\nline\n\nStill kept\n\nAfter svg\n\nEnd"
        );
        assert_eq!(a.title.as_deref(), Some("Late"));
        // An unclosed title still names the page; nothing of it is prose.
        let a = html_article("y.html".into(), "<title> Just  a title ");
        assert_eq!(a.title.as_deref(), Some("Just a title"));
        assert_eq!(a.body, "");
    }

    #[test]
    fn deeply_nested_html_is_read_flat() {
        let n = 100_000;
        let html = format!(
            "{}<p>\u{201c}We will not,\u{201d} Putin said.</p>{}<nav>{}</nav>tail",
            "<div>".repeat(n),
            "</div>".repeat(n),
            "<aside>".repeat(n)
        );
        let a = html_article("deep.html".into(), &html);
        assert_eq!(a.body, "\u{201c}We will not,\u{201d} Putin said.\n\ntail");
    }

    #[test]
    fn a_page_larger_than_one_chunk_keeps_every_character() {
        let para = "caf\u{e9} \u{201c}quote\u{201d} ".repeat(HTML_CHUNK / 10);
        let html = format!("<p>{para}</p><p>end</p>");
        let a = html_article("big.html".into(), &html);
        assert_eq!(a.body, format!("{}\n\nend", para.trim_end()));
    }
}
