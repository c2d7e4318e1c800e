//! Statements paired with topics they do not address, so that relevance is learned from
//! evidence: the same article is about its own topic and not about another, whatever the
//! tone of its statements.

use super::{Dataset, Row, RowContext};
use crate::topic::TopicTerms;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

impl Dataset {
    /// Adds, for every row read from an annotated article, copies under `k` topics of other
    /// rows and under its article's near-miss topics, with the article's signals for that
    /// topic, labeled as an article not about it (`article_on` false), with no stance,
    /// sentiment or statement relevance. Topics are drawn with a fixed seed; a topic whose
    /// concepts the statement or its sentence names is never used for it, since the
    /// annotation cannot vouch that such a pairing is off the topic. Rows without an article
    /// have nothing to measure another topic against and get no copies. Returns the rows
    /// added.
    pub fn add_swapped(&mut self, k: usize) -> usize {
        let topics: Vec<String> = self
            .rows
            .iter()
            .map(|r| r.topic.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if topics.len() < 2 && self.articles.iter().all(|a| a.near_miss.is_empty()) {
            return 0;
        }
        let mut terms: BTreeMap<String, TopicTerms> = BTreeMap::new();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut added = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            let Some(source) = row.context.as_ref().and_then(|c| c.source) else {
                continue;
            };
            // One near miss per row, in turn: all of them for every row outweigh the drawn
            // topics and teach that naming the article's country is never enough.
            let near = &self.articles[source].near_miss;
            let mut chosen: Vec<String> = near
                .get(i % near.len().max(1))
                .cloned()
                .into_iter()
                .collect();
            let own = row.topic.trim().to_lowercase();
            let mut tries = 0;
            let mut drawn = 0;
            while drawn < k && tries < 8 * k {
                tries += 1;
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407 ^ i as u64);
                let t = &topics[((state >> 33) % topics.len() as u64) as usize];
                if t.to_lowercase() == own || chosen.contains(t) {
                    continue;
                }
                chosen.push(t.clone());
                drawn += 1;
            }
            for topic in chosen {
                let t = terms
                    .entry(topic.clone())
                    .or_insert_with(|| TopicTerms::new(&topic));
                let sentence = row.context.as_ref().map_or("", |c| c.sentence.as_str());
                if t.named(&t.scan(&row.text)) || t.named(&t.scan(sentence)) {
                    continue;
                }
                let context = row.context.as_ref().map(|c| RowContext {
                    sentence: c.sentence.clone(),
                    before: c.before.clone(),
                    article: c
                        .source
                        .zip(c.article.as_ref())
                        .map(|(s, (_, p))| (Arc::new(self.articles[s].signals(t)), *p)),
                    source: c.source,
                });
                added.push(Row {
                    text: row.text.clone(),
                    topic,
                    stance: None,
                    sentiment: None,
                    cue: row.cue.clone(),
                    kind: row.kind,
                    speaker: row.speaker.clone(),
                    actor: row.actor.clone(),
                    on_topic: None,
                    article_on: Some(false),
                    context,
                    weight: row.weight,
                    file: row.file,
                    line: row.line,
                });
            }
        }
        let n = added.len();
        self.rows.extend(added);
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Task;

    #[test]
    fn article_rows_are_also_seen_under_other_topics_as_not_about_them() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::create_dir(&a).unwrap();
        std::fs::write(
            a.join("x.txt"),
            "Treaty Signed\n\n\u{201c}This treaty ends our quarrels,\u{201d} Ms Lind said.\n",
        )
        .unwrap();
        std::fs::write(
            a.join("y.txt"),
            "Quotas Set\n\n\u{201c}Our fleets cannot live with these quotas,\u{201d} Mr Berg said.\n",
        )
        .unwrap();
        std::fs::write(
            a.join("gold.json"),
            r#"{"x.txt": {"topic": "the border treaty", "near_miss_topics": ["a gas pipeline"],
                 "quotes": [{"match": "This treaty ends our quarrels", "stance": "favor",
                             "sentiment": "positive", "on_topic": true}]},
                "y.txt": {"topic": "new fishing quotas",
                 "quotes": [{"match": "Our fleets cannot live", "stance": "against",
                             "sentiment": "negative", "on_topic": true}]}}"#,
        )
        .unwrap();
        let mut ds = Dataset::default();
        ds.read_annotated(dir.path()).unwrap();
        assert!(!ds.has(Task::Article));
        let added = ds.add_swapped(1);
        assert_eq!(
            added, 3,
            "a near miss and a drawn topic, and one drawn topic"
        );
        let off: Vec<&Row> = ds
            .rows
            .iter()
            .filter(|r| r.article_on == Some(false))
            .collect();
        for r in &off {
            assert!(r.stance.is_none() && r.sentiment.is_none() && r.on_topic.is_none());
            let (signals, _) = r.context.as_ref().unwrap().article.as_ref().unwrap();
            assert_eq!(signals.title.policy, 0.0, "{} is not in the title", r.topic);
        }
        assert!(off.iter().any(|r| r.topic == "a gas pipeline"));
        assert!(ds.has(Task::Article));
    }
}
