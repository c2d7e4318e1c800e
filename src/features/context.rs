//! Context features: a statement's relation to the topic within its sentence, the sentence
//! before, its speaker and its article, and which relevance classifier reads each of them
//! ([`relevance_part`]).

use super::*;

/// Which classifier of relevance reads the feature named `name`: the article's
/// ([`Part::Article`]: how much the article is about the topic) or the statement's
/// ([`Part::Statement`]: its relation to the topic within the article). Neither reads the
/// statement's words, which say nothing of which topic they address.
pub(crate) fn relevance_part(name: &str) -> Option<Part> {
    let name = name.strip_prefix("x:r:")?;
    Some(
        if name.starts_with("a_") || name == "about" || name == "topic_has_no_policy" {
            Part::Article
        } else {
            Part::Statement
        },
    )
}

/// The two halves of relevance (see [`relevance_part`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Article,
    Statement,
}

/// Features of the statement's relation to the topic and of its context. Names start with
/// `r:` (relation to the topic: read by the relevance classifiers only, see
/// `model::train`) or `f:` (the reporter's framing around the statement, read by stance).
pub(super) fn context_extras(
    input: &ModelInput,
    terms: &TopicTerms,
    lower: &str,
    tokens: &[Word],
    sink: &mut impl Sink,
) {
    let flag = |sink: &mut dyn FnMut(&[&str], f32), name: &str, on: bool| {
        if on {
            sink(&[name], 1.0);
        }
    };
    let mut emit = |name: &[&str], value: f32| sink.extra(name, value);
    if terms.policy_concepts() == 0 {
        emit(&["r:topic_has_no_policy"], 1.0);
    }
    let q = terms.scan(input.text);
    let qc = terms.coverage(&q);
    let q_named = terms.named(&q);
    emit(&["r:q_pol"], qc.policy);
    emit(&["r:q_ent"], qc.entity);
    flag(&mut emit, "r:q_named", q_named);
    flag(&mut emit, "r:q_ref", !q.references.is_empty());
    let early_ref = q.references.first().is_some_and(|r| {
        input.text[..r.start.min(input.text.len())]
            .split_whitespace()
            .count()
            < 6
    });
    flag(&mut emit, "r:q_ref_early", early_ref);
    flag(&mut emit, "r:q_other_entity", q.other_entities > 0);
    flag(
        &mut emit,
        "r:q_only_other_entity",
        q.other_entities > 0 && !q_named && q.entity == 0 && q.references.is_empty(),
    );
    for c in CONDITIONS {
        if lower.contains(c) {
            emit(&["f:condition"], 1.0);
            break;
        }
    }
    // Stance words next to a reference back to the matter ("we reject this deal"), and next
    // to one of the topic's entities, by its side: support for the owner of a policy leans
    // one way, support for its target ("we stand with Guyana") the other.
    if input.text.is_ascii() {
        let offset = |t: &Word| t.text.as_ptr() as usize - lower.as_ptr() as usize;
        let spans: Vec<&crate::text::Span> = q.references.iter().chain(&q.mentions).collect();
        let near = |at: usize, s: &crate::text::Span| {
            let gap = if at < s.start {
                &lower[at..s.start]
            } else {
                &lower[s.end.min(at)..at]
            };
            gap.split_whitespace().count() <= NEAR
        };
        for t in tokens {
            let at = offset(t);
            if at >= input.text.len() {
                break;
            }
            if spans.iter().any(|s| near(at, s)) {
                for class in lexicon::classes(t.text) {
                    emit(&["f:lex:", class.as_str(), ":near_ref"], 1.0);
                }
                if lexicon::is_negation(t.text) {
                    emit(&["f:negated_ref"], 1.0);
                }
            }
            for (s, owner) in &q.entities {
                if near(at, s) && !(s.start <= at && at < s.end) {
                    let side = if *owner { ":near_owner" } else { ":near_other" };
                    for class in lexicon::classes(t.text) {
                        emit(&["f:lex:", class.as_str(), side], 1.0);
                    }
                }
            }
        }
    }
    // Whose side the speaker is on: the topic's owner ("Mexico's agriculture minister" on
    // Mexico's ban), another party to it (its target), or a third country. Tone reads
    // differently from each: a defiant owner defends the policy, an angry target rejects it.
    let tone = {
        let mut pos = false;
        let mut neg = false;
        for t in tokens {
            for class in lexicon::classes(t.text) {
                match class {
                    Class::Positive | Class::Welcome | Class::Support => pos = true,
                    Class::Negative | Class::Condemn | Class::Reject | Class::Oppose => neg = true,
                    _ => {}
                }
            }
        }
        (pos, neg)
    };
    let side = |emit: &mut dyn FnMut(&[&str], f32), what: &str, scan: &Scan| {
        let roles = terms.roles(scan);
        for (role, on) in [
            ("owner", roles.owner),
            ("other", roles.other),
            ("foreign", roles.foreign),
        ] {
            if on {
                emit(&[what, role], 1.0);
                if tone.0 {
                    emit(&[what, role, "*pos"], 1.0);
                }
                if tone.1 {
                    emit(&[what, role, "*neg"], 1.0);
                }
            }
        }
    };
    if let Some(speaker) = input.speaker.filter(|s| !s.trim().is_empty()) {
        side(&mut emit, "f:spk_", &terms.scan(speaker));
    }
    let Some(ctx) = input.context else {
        emit(&["r:no_context"], 1.0);
        return;
    };
    // The reporter's words: the sentence without the statement.
    let frame = match ctx.sentence.find(input.text) {
        Some(at) if !input.text.is_empty() => {
            let mut f = String::with_capacity(ctx.sentence.len());
            f.push_str(&ctx.sentence[..at]);
            f.push_str(" \u{2026} ");
            f.push_str(&ctx.sentence[at + input.text.len()..]);
            f
        }
        _ => ctx.sentence.to_string(),
    };
    let f = terms.scan(&frame);
    let fc = terms.coverage(&f);
    emit(&["r:f_pol"], fc.policy);
    emit(&["r:f_ent"], fc.entity);
    flag(&mut emit, "r:f_named", terms.named(&f));
    flag(&mut emit, "r:f_ref", !f.references.is_empty());
    let b = terms.scan(ctx.before);
    let bc = terms.coverage(&b);
    emit(&["r:b_ent"], bc.entity);
    flag(&mut emit, "r:b_named", terms.named(&b));
    // The reporter's words around the statement: lowercase words only, names say who, not
    // which way. (The sentence before the statement's sentence was measured as well, and
    // misled more than it told: it is often another speaker's.)
    let mut frame_neg = false;
    for (prefix, text) in [("f:", frame.as_str())] {
        for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            if w.len() < 3 || w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let w = w.to_lowercase();
            if lexicon::is_stopword(&w) {
                continue;
            }
            if prefix == "f:" {
                frame_neg |= lexicon::is_negation(&w);
            }
            for class in lexicon::classes(&w) {
                emit(&[prefix, "lex:", class.as_str()], 1.0);
            }
            emit(&[prefix, "w:", &w], 0.5);
        }
    }
    flag(&mut emit, "f:negation", frame_neg);
    side(&mut emit, "f:frame_", &f);
    let Some((sig, paragraph)) = ctx.article else {
        emit(&["r:no_article"], 1.0);
        return;
    };
    // What a logistic model can weigh robustly across topics phrased in other words than
    // their articles: shares, and whether any policy and any entity concept is named at all.
    let has_entities = terms.entity_concepts() > 0;
    if !has_entities {
        emit(&["r:a_topic_has_no_entity"], 1.0);
    }
    for (part, c) in [("title", sig.title), ("lead", sig.lead), ("body", sig.body)] {
        emit(&["r:a_", part, "_pol"], c.policy);
        flag(&mut emit, &format!("r:a_{part}_pol_any"), c.policy > 0.0);
        if has_entities {
            emit(&["r:a_", part, "_ent"], c.entity);
            flag(&mut emit, &format!("r:a_{part}_ent_all"), c.entity >= 1.0);
        }
    }
    let entities_met = !has_entities || sig.body.entity >= 0.5;
    flag(&mut emit, "r:a_both", sig.body.policy > 0.0 && entities_met);
    flag(
        &mut emit,
        "r:a_strong",
        sig.body.policy >= 0.5 && entities_met,
    );
    emit(&["r:a_density"], sig.density);
    emit(
        &["r:a_named_paragraphs"],
        (1.0 + sig.named_in.len() as f32).ln(),
    );
    flag(&mut emit, "r:a_not_named", sig.named_in.is_empty());
    let about = sig.title.policy.max(sig.lead.policy).max(sig.density);
    emit(&["r:about"], about);
    emit(&["r:about*q_named"], about * f32::from(u8::from(q_named)));
    emit(
        &["r:about*q_ref"],
        about * f32::from(u8::from(!q.references.is_empty())),
    );
    let unnamed = !q_named && q.references.is_empty() && q.entity == 0;
    emit(&["r:about*q_unnamed"], about * f32::from(u8::from(unnamed)));
    let distance = match sig.distance_back(paragraph) {
        Some(0) => "r:d0",
        Some(1) => "r:d1",
        Some(2..=4) => "r:d2_4",
        Some(_) => "r:d_far",
        None => "r:d_none",
    };
    emit(&[distance], 1.0);
}
