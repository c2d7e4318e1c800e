//! The whole way from articles to answers: who said what ([`Pipeline::quotes`]), each quote's
//! stance toward a topic and sentiment ([`Pipeline::classify`]), and where each speaker stands
//! across many articles ([`Pipeline::report`]).

use crate::article::Article;
use crate::context::{self, Layout};
use crate::error::{Error, Result};
use crate::features::{Context, ModelInput};
use crate::label::LabelProbs;
use crate::model::Model;
use crate::quote::QuoteRecord;
use crate::report::{ActorDictionary, GroupBy, Period, Report, ReportBuilder, ScoredQuote};
use crate::topic::{TopicSignals, TopicTerms};
use rayon::prelude::*;
use serde::Serialize;

/// Articles per parallel batch: enough to keep the cores busy, few enough to stream.
pub const BATCH: usize = 64;

/// The topic stance is taken toward, as a user would phrase it ("independence for Kosovo"),
/// with the terms the article signals are measured by, worked out once.
#[derive(Debug, Clone)]
pub struct Topic {
    text: String,
    terms: TopicTerms,
}

impl Topic {
    /// The topic, trimmed; an empty one is an error (exit code 2).
    ///
    /// ```
    /// use demarche::Topic;
    ///
    /// assert_eq!(Topic::new(" the Paris climate agreement ")?.as_str(), "the Paris climate agreement");
    /// assert!(Topic::new("  ").is_err());
    /// # Ok::<(), demarche::Error>(())
    /// ```
    pub fn new(text: &str) -> Result<Topic> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::Usage("the topic must not be empty".into()));
        }
        Ok(Topic {
            text: text.to_string(),
            terms: TopicTerms::new(text),
        })
    }

    /// The topic, trimmed.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// One feature behind a stance, and how hard it pulled (`classify --explain`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pull {
    /// The feature's name as the model's vocabulary gives it (`w:not support`).
    pub feature: String,
    /// Its contribution toward the predicted stance.
    pub weight: f64,
}

/// One quote with what the model says about it: a row of `classify`. Serializes as the
/// `classify --format jsonl` row of `docs/contract.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassifiedQuote {
    /// The quote, as `quotes` gives it.
    pub quote: QuoteRecord,
    /// The topic, as given (trimmed).
    pub topic: String,
    /// Stance probabilities in display order; `None` when the model has no stance classifier.
    pub stance: Option<LabelProbs>,
    /// The probability that the quote addresses the topic at all, when the model decides it.
    pub relevance: Option<f64>,
    /// Sentiment probabilities in display order, when the model gives sentiment.
    pub sentiment: Option<LabelProbs>,
    /// The sentence around the quote, with its attribution: what `train` reads as `context`.
    pub context: String,
    /// The features that pushed the stance most, when asked for ([`Pipeline::explain`]).
    pub explain: Option<Vec<Pull>>,
}

/// The contract's row: labels beside their probabilities, relevance to four decimals.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    quote: &'a QuoteRecord,
    topic: &'a str,
    stance: Option<&'a str>,
    stance_probs: Option<&'a LabelProbs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relevance: Option<f64>,
    sentiment: Option<&'a str>,
    sentiment_probs: Option<&'a LabelProbs>,
    context: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<&'a [Pull]>,
}

impl Serialize for ClassifiedQuote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Row {
            quote: &self.quote,
            topic: &self.topic,
            stance: self.stance_label(),
            stance_probs: self.stance.as_ref(),
            relevance: self.relevance.map(|r| (r * 1e4).round() / 1e4),
            sentiment: self.sentiment_label(),
            sentiment_probs: self.sentiment.as_ref(),
            context: &self.context,
            explain: self.explain.as_deref(),
        }
        .serialize(s)
    }
}

impl ClassifiedQuote {
    /// The most probable stance label.
    pub fn stance_label(&self) -> Option<&str> {
        self.stance.as_ref().and_then(LabelProbs::best).map(|b| b.0)
    }

    /// The most probable sentiment label.
    pub fn sentiment_label(&self) -> Option<&str> {
        self.sentiment
            .as_ref()
            .and_then(LabelProbs::best)
            .map(|b| b.0)
    }

    /// The report's view of this quote, from `article`.
    pub fn scored(&self, article: &Article) -> Option<ScoredQuote> {
        // A statement its speaker denies is not the speaker's position.
        if self.quote.denied {
            return None;
        }
        // Documents and speakers known only by a common noun are no actors: their quotes
        // count as unattributed.
        let actor = self
            .quote
            .speaker_kind
            .is_none_or(crate::SpeakerKind::is_actor);
        Some(ScoredQuote {
            article: self.quote.article.clone(),
            date: article.date.clone(),
            speaker: self
                .quote
                .speaker
                .clone()
                .filter(|_| actor)
                .unwrap_or_default(),
            affiliation: self.quote.affiliation.clone(),
            source_text: self.quote.source_text.clone(),
            kind: self.quote.kind,
            text: self.quote.text.clone(),
            stance_probs: self.stance.clone().unwrap_or_default(),
            sentiment_probs: self.sentiment.clone(),
            relevance: self.relevance,
            title: article.title.clone(),
            source: article.source.clone(),
            context: Some(self.context.trim())
                .filter(|c| !c.is_empty())
                .map(String::from),
        })
    }
}

/// Finds quotes, classifies them and reports per actor, with one model and one set of options.
///
/// A [`Pipeline`] is built from a [`Model`] and options; the command line and the Python
/// package are thin shells over it. It finds quotes, places each in its article (sentence,
/// paragraph, how much the article is about the topic), asks the model about each, and hands
/// the answers to the report. Many articles go through [`in_batches`]: parallel batches whose
/// results come back in input order, so output is deterministic and memory stays flat. It
/// reads no files and prints nothing.
///
/// ```
/// use demarche::{Article, Pipeline, Topic};
///
/// let article = Article::from_text(
///     "munich.txt",
///     "\"We will never accept a plan that rewards separatism,\" Foreign Minister Ivan Petrov told reporters.",
/// );
/// let pipeline = Pipeline::default(); // the built-in model
/// let quotes = pipeline.quotes(&article);
/// assert_eq!(quotes[0].speaker.as_deref(), Some("Ivan Petrov"));
///
/// let topic = Topic::new("independence for Kosovo")?;
/// let rows = pipeline.classify(&article, &topic);
/// let stance = rows[0].stance.as_ref().and_then(|p| p.best());
/// assert!(stance.is_some());
///
/// let report = pipeline.report([Ok::<_, demarche::Error>(article)], &topic)?;
/// assert_eq!(report.actors[0].actor, "Ivan Petrov");
/// # Ok::<(), demarche::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Pipeline<'m> {
    /// `None` for the built-in model, parsed only when first asked for.
    model: Option<&'m Model>,
    explain: usize,
    by: GroupBy,
    actors: Option<ActorDictionary>,
    min_quotes: Option<u64>,
    period: Option<Period>,
}

impl<'m> Pipeline<'m> {
    /// A pipeline over `model` (loaded or trained), with no explanations, one report row per
    /// speaker and no actor dictionary. [`Pipeline::default`] is the same over the built-in
    /// model, which it reads only when a quote is first classified.
    pub fn new(model: &'m Model) -> Pipeline<'m> {
        Pipeline {
            model: Some(model),
            ..Pipeline::default()
        }
    }

    /// Lists the `features` features that pushed each quote's stance most (0: none).
    pub fn explain(mut self, features: usize) -> Pipeline<'m> {
        self.explain = features;
        self
    }

    /// One report row per speaker, or per country or organisation.
    pub fn group_by(mut self, by: GroupBy) -> Pipeline<'m> {
        self.by = by;
        self
    }

    /// Names, aliases and affiliations for the report, so that "the Kremlin", "Moscow" and
    /// "Russia" can roll up.
    pub fn actors(mut self, dictionary: ActorDictionary) -> Pipeline<'m> {
        self.actors = Some(dictionary);
        self
    }

    /// Leaves actors with fewer than `n` quotes out of [`Pipeline::report`]'s reports
    /// ([`Report::min_quotes`]).
    pub fn min_quotes(mut self, n: u64) -> Pipeline<'m> {
        self.min_quotes = Some(n);
        self
    }

    /// Reports over time: each actor's quotes counted by the period of their article's date
    /// too ([`ReportBuilder::period`]).
    pub fn period(mut self, period: Period) -> Pipeline<'m> {
        self.period = Some(period);
        self
    }

    /// The model the pipeline classifies with.
    pub fn model(&self) -> &'m Model {
        match self.model {
            Some(m) => m,
            None => Model::builtin(),
        }
    }

    /// The article's attributed quotes, in order.
    pub fn quotes(&self, article: &Article) -> Vec<QuoteRecord> {
        crate::extract(&article.body)
            .iter()
            .enumerate()
            .map(|(i, q)| q.record(&article.id, i, &article.body))
            .collect()
    }

    /// The article's quotes, each with its stance toward `topic` and its sentiment.
    pub fn classify(&self, article: &Article, topic: &Topic) -> Vec<ClassifiedQuote> {
        self.classify_topics(article, std::slice::from_ref(topic))
            .pop()
            .unwrap_or_default()
    }

    /// The article's quotes classified toward each of `topics`: one list per topic, in the
    /// order given. The quotes are found, and their speakers and contexts worked out, once.
    pub fn classify_topics(
        &self,
        article: &Article,
        topics: &[Topic],
    ) -> Vec<Vec<ClassifiedQuote>> {
        let model = self.model();
        let body = &article.body;
        let quotes = crate::extract(body);
        let layout = Layout::new(body, article.title.as_deref());
        let contexts = context::contexts(body, &layout, &quotes);
        let records: Vec<QuoteRecord> = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| q.record(&article.id, i, body))
            .collect();
        let speakers: Vec<Option<String>> = quotes
            .iter()
            .map(|q| context::speaker_text(q, body))
            .collect();
        // The speaker stage decides each quote with its speaker's other quotes in the article.
        let actors: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
        let texts = model.reads_context().then(|| layout.texts(body));
        topics
            .iter()
            .map(|topic| {
                // Measuring the article against the topic reads every word of it: only for
                // models that use it.
                let signals = texts
                    .as_ref()
                    .map(|texts| TopicSignals::new(&topic.terms, layout.title.as_deref(), texts));
                let inputs: Vec<ModelInput> = records
                    .iter()
                    .zip(&speakers)
                    .zip(&contexts)
                    .map(|((record, speaker), c)| ModelInput {
                        text: &record.text,
                        topic: &topic.text,
                        cue: record.cue.as_deref(),
                        kind: Some(record.kind),
                        speaker: speaker.as_deref(),
                        context: Some(Context {
                            sentence: c.sentence.text(body),
                            before: c.before.map_or("", |b| b.text(body)),
                            article: signals.as_ref().map(|s| (s, c.paragraph)),
                        }),
                    })
                    .collect();
                let predictions = model.predict_article(&inputs, &actors);
                records
                    .iter()
                    .zip(predictions)
                    .zip(&inputs)
                    .zip(&contexts)
                    .map(|(((record, prediction), input), c)| ClassifiedQuote {
                        stance: prediction.stance.map(|p| p.sorted()),
                        sentiment: prediction.sentiment.map(|p| p.sorted()),
                        relevance: prediction.relevance,
                        context: c.sentence.text(body).to_string(),
                        explain: (self.explain > 0).then(|| {
                            model
                                .explain(input, self.explain)
                                .into_iter()
                                .map(|(feature, weight)| Pull { feature, weight })
                                .collect()
                        }),
                        topic: topic.text.clone(),
                        quote: record.clone(),
                    })
                    .collect()
            })
            .collect()
    }

    /// An empty report on `topic` with this pipeline's model and options, to add articles to
    /// one at a time ([`ReportBuilder::add_article`], then [`ReportBuilder::add`] with each
    /// [`ClassifiedQuote::scored`]).
    pub fn report_builder(&self, topic: &Topic) -> ReportBuilder<'_> {
        ReportBuilder::new(
            &topic.text,
            &self.model().name(),
            self.actors.as_ref(),
            self.by,
        )
        .period(self.period)
    }

    /// Where each speaker stands on `topic` across `articles`, read in parallel batches; an
    /// article with the same text as an earlier one is counted once, as `report` does. The
    /// first error from `articles` stops the run and is returned.
    pub fn report<E>(
        &self,
        articles: impl IntoIterator<Item = std::result::Result<Article, E>>,
        topic: &Topic,
    ) -> std::result::Result<Report, E> {
        let mut reports = self.reports(articles, std::slice::from_ref(topic))?;
        Ok(reports.pop().expect("one report per topic"))
    }

    /// One report per topic, in the order given, from one pass over `articles` (each
    /// article's quotes are found once and classified toward every topic).
    pub fn reports<E>(
        &self,
        articles: impl IntoIterator<Item = std::result::Result<Article, E>>,
        topics: &[Topic],
    ) -> std::result::Result<Vec<Report>, E> {
        let mut builders: Vec<ReportBuilder> =
            topics.iter().map(|t| self.report_builder(t)).collect();
        in_batches(
            articles,
            |a| self.classify_topics(a, topics),
            |a, per_topic| {
                for (builder, rows) in builders.iter_mut().zip(per_topic) {
                    if !builder.add_article(a.content_hash()) {
                        continue;
                    }
                    for scored in rows.iter().filter_map(|row| row.scored(a)) {
                        builder.add(&scored);
                    }
                }
                Ok(())
            },
        )?;
        Ok(builders
            .into_iter()
            .map(|b| {
                let report = b.finish();
                match self.min_quotes {
                    Some(n) => report.min_quotes(n),
                    None => report,
                }
            })
            .collect())
    }
}

/// Runs `work` on every article in parallel batches of [`BATCH`] and gives each result to
/// `sink` with its article, in input order. Reading stops at the first error, from `articles`
/// or from `sink`, which is returned. Returns the number of articles done.
///
/// ```
/// use demarche::{in_batches, Article, Pipeline};
///
/// let pipeline = Pipeline::default();
/// let texts = [
///     "\"We will never accept a plan written elsewhere,\" the foreign minister said.",
///     "No quote here.",
/// ];
/// let articles = texts.iter().enumerate().map(|(i, t)| Ok(Article::from_text(i.to_string(), *t)));
/// let mut counts = Vec::new();
/// in_batches(articles, |a| pipeline.quotes(a).len(), |_, n| {
///     counts.push(n);
///     Ok::<_, demarche::Error>(())
/// })?;
/// assert_eq!(counts, [1, 0]);
/// # Ok::<(), demarche::Error>(())
/// ```
pub fn in_batches<T, E, W, S>(
    articles: impl IntoIterator<Item = std::result::Result<Article, E>>,
    work: W,
    mut sink: S,
) -> std::result::Result<usize, E>
where
    T: Send,
    W: Fn(&Article) -> T + Sync,
    S: FnMut(&Article, T) -> std::result::Result<(), E>,
{
    let mut articles = articles.into_iter();
    let mut read = || {
        articles
            .by_ref()
            .take(BATCH)
            .collect::<std::result::Result<Vec<Article>, E>>()
    };
    let mut give = |batch: &[Article], results: Vec<T>| {
        batch.iter().zip(results).try_for_each(|(a, r)| sink(a, r))
    };
    // While the workers run one batch, this thread gives the previous batch's results to
    // `sink` and reads the next batch: the output and the input are otherwise time in which
    // every core but one waits.
    let mut batch = read()?;
    let mut ready: Option<(Vec<Article>, Vec<T>)> = None;
    let mut done = 0;
    loop {
        let mut results = Vec::new();
        let mut sunk = Ok(());
        let mut next = None;
        rayon::in_place_scope(|s| {
            if !batch.is_empty() {
                s.spawn(|_| results = batch.par_iter().map(&work).collect());
            }
            if let Some((b, r)) = ready.take() {
                sunk = give(&b, r);
            }
            if sunk.is_ok() && !batch.is_empty() {
                next = Some(read());
            }
        });
        sunk?;
        let Some(next) = next else {
            return Ok(done);
        };
        done += batch.len();
        let finished = std::mem::take(&mut batch);
        match next {
            Ok(next) => {
                batch = next;
                ready = Some((finished, results));
            }
            Err(e) => {
                // What was read before the error is still given to `sink`.
                give(&finished, results)?;
                return Err(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_topic_is_a_usage_error() {
        let err = Topic::new("  \n").unwrap_err();
        assert_eq!(err.to_string(), "the topic must not be empty");
        assert_eq!(err.exit_code(), 2);
        assert_eq!(Topic::new(" Kosovo ").unwrap().as_str(), "Kosovo");
    }

    #[test]
    fn batches_keep_input_order_and_stop_at_the_first_error() {
        let n = 3 * BATCH + 5;
        let articles = (0..n).map(|i| Ok::<_, String>(Article::from_text(i.to_string(), "")));
        let mut seen = Vec::new();
        let done = in_batches(
            articles,
            |a| a.id.parse::<usize>().unwrap(),
            |_, i| {
                seen.push(i);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(done, n);
        assert_eq!(seen, (0..n).collect::<Vec<_>>());

        let articles = (0..n).map(|i| match i {
            70 => Err(format!("bad record {i}")),
            _ => Ok(Article::from_text(i.to_string(), "")),
        });
        let mut seen = 0;
        let err = in_batches(
            articles,
            |_| (),
            |_, ()| {
                seen += 1;
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(err, "bad record 70");
        assert_eq!(seen, BATCH, "the batch holding the error is not worked on");

        // An error from the sink stops the run there, although the next batch is under way.
        let articles = (0..n).map(|i| Ok::<_, String>(Article::from_text(i.to_string(), "")));
        let mut seen = Vec::new();
        let err = in_batches(
            articles,
            |a| a.id.parse::<usize>().unwrap(),
            |_, i| {
                if i == BATCH + 3 {
                    return Err(format!("disk full at {i}"));
                }
                seen.push(i);
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(err, format!("disk full at {}", BATCH + 3));
        assert_eq!(seen, (0..BATCH + 3).collect::<Vec<_>>());
    }

    #[test]
    fn several_topics_in_one_pass_equal_one_topic_at_a_time() {
        let articles = [
            Article::from_text(
                "a.txt",
                "\"We will never accept new sanctions,\" Foreign Minister Ivan Petrov said. \
                 \"Talks on the border must resume,\" Petrov added.",
            ),
            Article::from_text("b.txt", "\"We back the sanctions,\" Ana Ruiz said."),
        ];
        let topics = [
            Topic::new("new sanctions").unwrap(),
            Topic::new("border talks").unwrap(),
        ];
        let pipeline = Pipeline::default().explain(1).min_quotes(2);
        for a in &articles {
            let both = pipeline.classify_topics(a, &topics);
            assert_eq!(both.len(), 2);
            for (rows, t) in both.iter().zip(&topics) {
                assert_eq!(rows, &pipeline.classify(a, t));
            }
        }
        let ok = |a: &Article| Ok::<_, Error>(a.clone());
        let reports = pipeline.reports(articles.iter().map(ok), &topics).unwrap();
        for (r, t) in reports.iter().zip(&topics) {
            assert_eq!(r, &pipeline.report(articles.iter().map(ok), t).unwrap());
            assert_eq!(r.topic, t.as_str());
            assert_eq!(r.actors_below_min_quotes, Some(1), "Ana Ruiz: one quote");
        }
    }

    #[test]
    fn classified_rows_serialize_as_the_contract_says() {
        let article = Article::from_text(
            "a.txt",
            "\"We will never accept it,\" Foreign Minister Ivan Petrov said.",
        );
        let topic = Topic::new("the peace plan").unwrap();
        let rows = Pipeline::default().explain(2).classify(&article, &topic);
        let v = serde_json::to_value(&rows[0]).unwrap();
        assert_eq!(v["article"], "a.txt");
        assert_eq!(v["topic"], "the peace plan");
        assert_eq!(v["speaker"], "Ivan Petrov");
        assert_eq!(v["stance"], rows[0].stance_label().unwrap());
        assert!(v["stance_probs"]["favor"].is_f64());
        assert!(v["sentiment_probs"]["neutral"].is_f64());
        assert!(v["relevance"].is_f64());
        assert_eq!(v["explain"].as_array().unwrap().len(), 2);
        let text = serde_json::to_string(&rows[0]).unwrap();
        assert!(
            text.find("\"favor\"") < text.find("\"against\""),
            "labels in display order: {text}"
        );
    }
}
