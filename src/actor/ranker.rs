//! The learned choice of speaker: a logistic model over the candidates the rules propose for
//! each statement (see `candidate`), fitted by the project's own sparse logistic
//! engine ([`crate::engine::logistic`]) on the team's annotated news articles.
//!
//! The weights ship in the binary as a small text file, `ranker.txt`: one feature a line,
//! named, with its weight. Text rather than the model file's binary format, because the
//! ranker is a few hundred named weights that a reviewer can read and diff, it is trained
//! apart from the stance model (from `training/news`, not `training/*.csv`), and changing it
//! must not change the model file format. Features the file does not name weigh nothing.

use crate::engine::logistic::{FitReport, FittedLogistic};
use std::fmt::Write as _;
use std::sync::OnceLock;

/// What a candidate speaker is, in the statement's eyes. Each feature also counts once more
/// in conjunction with the statement's [`Frame`] class, so that being near or having spoken
/// weighs differently for a pronoun, a role or a quote with no frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Feature {
    /// The candidate the rules chose.
    Rule,
    /// The rules' choice, in a frame before the quote (`X said: "..."`).
    RuleLead,
    /// The rules' choice, in a frame after the quote (`"...," X said`).
    RuleTail,
    /// The rules' choice, for reported speech.
    RuleReported,
    /// The rules' choice, for a fragment with a cue of its own.
    RuleFragment,
    /// The rules' choice, for a fragment in a sentence whose subject speaks.
    RuleSubject,
    /// A pronoun frame and a candidate of the pronoun's gender, known (`she`, Ana Ruiz).
    AgreesKnown,
    /// A pronoun frame and a candidate it may stand for, gender unknown.
    Agrees,
    /// A pronoun frame and a candidate it cannot stand for (`she`, a man; `it`, a person).
    Clashes,
    /// The nearest, second and third antecedent the pronoun may stand for.
    Antecedent1,
    Antecedent2,
    Antecedent3,
    /// Last seen before the statement, in its own sentence.
    SameSentence,
    /// Last seen one sentence back, two, three or four, five or more.
    SentenceBack1,
    SentenceBack2,
    SentenceBack3,
    SentenceBack5,
    /// Last seen one or two paragraphs back.
    ParagraphBack1,
    ParagraphBack2,
    /// Seen only after the statement begins, in its sentence or its paragraph.
    AfterInSentence,
    AfterInParagraph,
    /// Last seen as a subject or a speaker.
    Salient,
    /// Named inside the statement's own words.
    InsideQuote,
    /// Spoke the previous statement; the one before, when another spoke in between.
    SpokePrevious,
    SpokeBeforePrevious,
    /// Has spoken before in the article; in this paragraph; in the previous one.
    SpokeBefore,
    SpokeInParagraph,
    SpokeInPreviousParagraph,
    /// A person, a body, a group, a document.
    Person,
    Organisation,
    Group,
    Document,
    /// A name of two words or more.
    FullName,
    /// Known only by a role, never by a name.
    RoleOnly,
    /// A role frame, and a candidate given the role's title before.
    SharesTitle,
}

impl Feature {
    pub(crate) const ALL: [Feature; 35] = [
        Feature::Rule,
        Feature::RuleLead,
        Feature::RuleTail,
        Feature::RuleReported,
        Feature::RuleFragment,
        Feature::RuleSubject,
        Feature::AgreesKnown,
        Feature::Agrees,
        Feature::Clashes,
        Feature::Antecedent1,
        Feature::Antecedent2,
        Feature::Antecedent3,
        Feature::SameSentence,
        Feature::SentenceBack1,
        Feature::SentenceBack2,
        Feature::SentenceBack3,
        Feature::SentenceBack5,
        Feature::ParagraphBack1,
        Feature::ParagraphBack2,
        Feature::AfterInSentence,
        Feature::AfterInParagraph,
        Feature::Salient,
        Feature::InsideQuote,
        Feature::SpokePrevious,
        Feature::SpokeBeforePrevious,
        Feature::SpokeBefore,
        Feature::SpokeInParagraph,
        Feature::SpokeInPreviousParagraph,
        Feature::Person,
        Feature::Organisation,
        Feature::Group,
        Feature::Document,
        Feature::FullName,
        Feature::RoleOnly,
        Feature::SharesTitle,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Feature::Rule => "rule",
            Feature::RuleLead => "rule-lead",
            Feature::RuleTail => "rule-tail",
            Feature::RuleReported => "rule-reported",
            Feature::RuleFragment => "rule-fragment",
            Feature::RuleSubject => "rule-subject",
            Feature::AgreesKnown => "agrees-known",
            Feature::Agrees => "agrees",
            Feature::Clashes => "clashes",
            Feature::Antecedent1 => "antecedent-1",
            Feature::Antecedent2 => "antecedent-2",
            Feature::Antecedent3 => "antecedent-3",
            Feature::SameSentence => "same-sentence",
            Feature::SentenceBack1 => "sentence-back-1",
            Feature::SentenceBack2 => "sentence-back-2",
            Feature::SentenceBack3 => "sentence-back-3",
            Feature::SentenceBack5 => "sentence-back-5",
            Feature::ParagraphBack1 => "paragraph-back-1",
            Feature::ParagraphBack2 => "paragraph-back-2",
            Feature::AfterInSentence => "after-in-sentence",
            Feature::AfterInParagraph => "after-in-paragraph",
            Feature::Salient => "salient",
            Feature::InsideQuote => "inside-quote",
            Feature::SpokePrevious => "spoke-previous",
            Feature::SpokeBeforePrevious => "spoke-before-previous",
            Feature::SpokeBefore => "spoke-before",
            Feature::SpokeInParagraph => "spoke-in-paragraph",
            Feature::SpokeInPreviousParagraph => "spoke-in-previous-paragraph",
            Feature::Person => "person",
            Feature::Organisation => "organisation",
            Feature::Group => "group",
            Feature::Document => "document",
            Feature::FullName => "full-name",
            Feature::RoleOnly => "role-only",
            Feature::SharesTitle => "shares-title",
        }
    }
}

/// The classes of frame a statement can have, for the conjoined features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Frame {
    /// A person's name (`Ana Ruiz said`).
    Name,
    /// A body's or a group's name (`the State Department said`).
    BodyName,
    /// `he`, `she`, `I`.
    PersonPronoun,
    /// `they`, `it`, `we`.
    OtherPronoun,
    /// A person's role (`the minister said`).
    Role,
    /// A body's or group's role noun (`officials said`, `the ministry said`).
    BodyRole,
    /// A transcript turn.
    Turn,
    /// A quote with no frame of its own.
    Inherit,
}

impl Frame {
    pub(crate) const ALL: [Frame; 8] = [
        Frame::Name,
        Frame::BodyName,
        Frame::PersonPronoun,
        Frame::OtherPronoun,
        Frame::Role,
        Frame::BodyRole,
        Frame::Turn,
        Frame::Inherit,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Frame::Name => "name",
            Frame::BodyName => "body-name",
            Frame::PersonPronoun => "person-pronoun",
            Frame::OtherPronoun => "other-pronoun",
            Frame::Role => "role",
            Frame::BodyRole => "body-role",
            Frame::Turn => "turn",
            Frame::Inherit => "inherit",
        }
    }
}

const FEATURES: usize = Feature::ALL.len();
const FRAMES: usize = Frame::ALL.len();

/// How many columns a candidate's row has: each feature alone and with each frame class.
pub const COLUMNS: usize = FEATURES * (1 + FRAMES);

/// The columns of a feature: alone, and in conjunction with `frame`.
pub(crate) fn columns(f: Feature, frame: Frame) -> [u32; 2] {
    let f = f as usize;
    [f as u32, (FEATURES + f * FRAMES + frame as usize) as u32]
}

/// The name of a column, as the weights file writes it: `rule`, `rule&pronoun`.
pub(crate) fn column_name(column: usize) -> String {
    if column < FEATURES {
        return Feature::ALL[column].name().to_string();
    }
    let k = column - FEATURES;
    format!(
        "{}&{}",
        Feature::ALL[k / FRAMES].name(),
        Frame::ALL[k % FRAMES].name()
    )
}

/// A fitted speaker ranker.
#[derive(Debug, Clone)]
pub struct Ranker {
    model: FittedLogistic,
}

/// Why a weights file cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RankerError {
    #[error("line {line}: expected `feature<TAB>weight`, got {text:?}")]
    BadLine { line: usize, text: String },
    #[error("line {line}: unknown feature {name:?}")]
    UnknownFeature { line: usize, name: String },
}

impl Ranker {
    /// The ranker built into demarche (`ranker.txt`).
    pub fn builtin() -> &'static Ranker {
        static RANKER: OnceLock<Ranker> = OnceLock::new();
        RANKER.get_or_init(|| {
            Ranker::parse(include_str!("ranker.txt")).expect("the built-in ranker.txt reads")
        })
    }

    /// The rules alone: their own candidate, or none.
    pub fn rules() -> Ranker {
        Ranker::parse("rule\t1").expect("one known feature")
    }

    /// A ranker from a fitted two-class model over [`COLUMNS`] columns.
    pub fn new(model: FittedLogistic) -> Ranker {
        Ranker { model }
    }

    /// Reads a weights file: `#` comments, then `name<TAB>weight` lines; `intercept` is the
    /// bias. Columns the file leaves out weigh nothing.
    pub fn parse(text: &str) -> Result<Ranker, RankerError> {
        let names: Vec<String> = (0..COLUMNS).map(column_name).collect();
        let mut weights = vec![0f32; COLUMNS * 2];
        let mut intercept = 0f32;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || RankerError::BadLine {
                line: i + 1,
                text: raw.to_string(),
            };
            let (name, w) = line.split_once('\t').ok_or_else(bad)?;
            let w: f32 = w.trim().parse().map_err(|_| bad())?;
            if name == "intercept" {
                intercept = w;
                continue;
            }
            let column = names.iter().position(|n| n == name).ok_or_else(|| {
                RankerError::UnknownFeature {
                    line: i + 1,
                    name: name.to_string(),
                }
            })?;
            weights[column * 2 + 1] = w;
        }
        let report = FitReport {
            iterations: 0,
            converged: true,
            termination: "read from a weights file".into(),
            objective: f64::NAN,
            gradient_max: f64::NAN,
        };
        let model = FittedLogistic::from_parts(COLUMNS, 2, weights, vec![0.0, intercept], report)
            .expect("sizes match by construction");
        Ok(Ranker { model })
    }

    /// The weights file of this ranker, with `header` lines as comments before them.
    pub fn to_text(&self, header: &[String]) -> String {
        let mut out = String::new();
        for h in header {
            let _ = writeln!(out, "# {h}");
        }
        let _ = writeln!(out, "intercept\t{}", self.model.intercept[1]);
        for c in 0..COLUMNS {
            let w = self.model.weights[c * 2 + 1];
            if w != 0.0 {
                let _ = writeln!(out, "{}\t{w}", column_name(c));
            }
        }
        out
    }

    /// The probability that the candidate with this row is the speaker.
    pub fn score(&self, row: &[(u32, f32)]) -> f64 {
        self.model.probabilities(row)[1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_have_names_and_round_trip_through_text() {
        let [a, b] = columns(Feature::Agrees, Frame::PersonPronoun);
        assert_eq!(column_name(a as usize), "agrees");
        assert_eq!(column_name(b as usize), "agrees&person-pronoun");
        let r = Ranker::parse("# test\nintercept\t-1\nrule\t2.5\nagrees&person-pronoun\t0.5\n")
            .unwrap();
        let back = Ranker::parse(&r.to_text(&[])).unwrap();
        let row = [(a, 1.0), (b, 1.0)];
        assert_eq!(r.score(&row), back.score(&row));
        assert!(r.score(&[(0, 1.0)]) > r.score(&[]));
    }

    #[test]
    fn bad_files_say_where() {
        assert_eq!(
            Ranker::parse("rule 2").unwrap_err(),
            RankerError::BadLine {
                line: 1,
                text: "rule 2".into()
            }
        );
        assert!(matches!(
            Ranker::parse("\nnot-a-feature\t1").unwrap_err(),
            RankerError::UnknownFeature { line: 2, .. }
        ));
    }

    #[test]
    fn the_builtin_ranker_reads() {
        Ranker::builtin();
    }
}
