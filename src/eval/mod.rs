//! Scoring extraction against gold annotations (format: fixtures/gold/GUIDELINE.md).
//!
//! A gold task matches a predicted task when its `anchor` lies inside the prediction's text
//! (both normalised) or one of its occurrences in the file lies inside the prediction's span; a
//! gold line with `anchor_occurrence` matches by that occurrence's span only. Matching is
//! one-to-one, a maximum matching found for required gold first and then extended with optional
//! gold (which neither rewards nor penalises).

mod matching;

use serde::{Deserialize, Serialize};
use vntask_writer::TaskRecord;

/// One line of a gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldTask {
    pub id: String,
    pub anchor: String,
    #[serde(default)]
    pub anchor_occurrence: Option<usize>,
    #[serde(default)]
    pub lead: Vec<String>,
    #[serde(default)]
    pub lead_groups: Vec<String>,
    #[serde(default)]
    pub support: Vec<String>,
    #[serde(default)]
    pub support_groups: Vec<String>,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub recurring: Option<String>,
    #[serde(default)]
    pub targets: Vec<GoldTarget>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldTarget {
    pub value: f64,
}

/// Counts and accuracies for one document or the whole set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub doc: String,
    pub gold_required: usize,
    pub predicted: usize,
    /// Predictions matched to optional gold (left out of precision).
    pub matched_optional: usize,
    pub matched_required: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub lead_correct: usize,
    pub lead_total: usize,
    pub due_correct: usize,
    pub due_total: usize,
    pub target_correct: usize,
    pub target_total: usize,
    /// Matched tasks whose whole "who" (lead names and groups, support names and groups)
    /// is the gold's.
    pub roles_correct: usize,
    pub roles_total: usize,
    /// Tasks that repeat (by the gold or the prediction) with the gold's repetition.
    pub recurring_correct: usize,
    pub recurring_total: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

impl Score {
    fn finish(&mut self) {
        let counted = self.predicted - self.matched_optional;
        self.precision = ratio(self.matched_required, counted);
        self.recall = ratio(self.matched_required, self.gold_required);
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
    }

    pub fn lead_accuracy(&self) -> f64 {
        ratio(self.lead_correct, self.lead_total)
    }

    pub fn due_accuracy(&self) -> f64 {
        ratio(self.due_correct, self.due_total)
    }

    pub fn target_accuracy(&self) -> f64 {
        ratio(self.target_correct, self.target_total)
    }

    pub fn roles_accuracy(&self) -> f64 {
        ratio(self.roles_correct, self.roles_total)
    }

    pub fn recurring_accuracy(&self) -> f64 {
        ratio(self.recurring_correct, self.recurring_total)
    }

    /// Adds another document's counts (problems are not carried over).
    pub fn add(&mut self, other: &Score) {
        self.gold_required += other.gold_required;
        self.predicted += other.predicted;
        self.matched_optional += other.matched_optional;
        self.matched_required += other.matched_required;
        self.lead_correct += other.lead_correct;
        self.lead_total += other.lead_total;
        self.due_correct += other.due_correct;
        self.due_total += other.due_total;
        self.target_correct += other.target_correct;
        self.target_total += other.target_total;
        self.roles_correct += other.roles_correct;
        self.roles_total += other.roles_total;
        self.recurring_correct += other.recurring_correct;
        self.recurring_total += other.recurring_total;
        self.finish();
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// How agency names compare: case, dash variants, tone placement and space runs ignored.
pub fn name_key(name: &str) -> String {
    let normalised = vntask_tokenizer::normalize(name).to_lowercase();
    normalised.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text normalisation for anchor containment.
fn text_key(text: &str) -> String {
    name_key(text)
}

/// Scores the predictions for one document (`source` is the text spans index).
pub fn score_document(
    doc: &str,
    source: &str,
    gold: &[GoldTask],
    predicted: &[TaskRecord],
) -> Score {
    let pred_keys: Vec<String> = predicted.iter().map(|t| text_key(&t.text)).collect();
    let candidates = |g: &GoldTask| -> Vec<usize> {
        let anchor_key = text_key(&g.anchor);
        let occurrences: Vec<usize> = source
            .match_indices(g.anchor.as_str())
            .map(|(i, _)| i)
            .collect();
        let occurrences: Vec<usize> = match g.anchor_occurrence {
            Some(n) => occurrences
                .get(n.saturating_sub(1))
                .copied()
                .into_iter()
                .collect(),
            None => occurrences,
        };
        predicted
            .iter()
            .enumerate()
            .filter(|(index, task)| {
                let by_span = occurrences.iter().any(|&start| {
                    start >= task.span.start && start + g.anchor.len() <= task.span.end
                });
                let by_text =
                    g.anchor_occurrence.is_none() && pred_keys[*index].contains(&anchor_key);
                by_span || by_text
            })
            .map(|(index, _)| index)
            .collect()
    };
    let required: Vec<&GoldTask> = gold.iter().filter(|g| !g.optional).collect();
    let optional: Vec<&GoldTask> = gold.iter().filter(|g| g.optional).collect();
    let edges: Vec<Vec<usize>> = required
        .iter()
        .chain(optional.iter())
        .map(|g| candidates(g))
        .collect();
    let assignment = matching::maximum_matching(&edges, predicted.len());
    let mut score = Score {
        doc: doc.to_string(),
        gold_required: required.len(),
        predicted: predicted.len(),
        ..Score::default()
    };
    let mut matched_predictions = vec![false; predicted.len()];
    for (gold_index, matched) in assignment.iter().enumerate() {
        let is_required = gold_index < required.len();
        let g = if is_required {
            required[gold_index]
        } else {
            optional[gold_index - required.len()]
        };
        let Some(p) = *matched else {
            if is_required {
                score.problems.push(format!("miss {}: {}", g.id, g.anchor));
            }
            continue;
        };
        matched_predictions[p] = true;
        if !is_required {
            score.matched_optional += 1;
            continue;
        }
        score.matched_required += 1;
        let task = &predicted[p];
        compare_fields(g, task, &mut score);
    }
    for (index, task) in predicted.iter().enumerate() {
        if !matched_predictions[index] {
            let text: String = task.text.chars().take(100).collect();
            score
                .problems
                .push(format!("false positive [{}]: {}", task.section, text));
        }
    }
    score.finish();
    score
}

fn compare_fields(g: &GoldTask, task: &TaskRecord, score: &mut Score) {
    if !g.lead.is_empty() {
        score.lead_total += 1;
        let mut gold_names: Vec<String> = g.lead.iter().map(|n| name_key(n)).collect();
        let mut predicted_names: Vec<String> =
            task.lead.iter().map(|a| name_key(&a.name)).collect();
        gold_names.sort();
        gold_names.dedup();
        predicted_names.sort();
        predicted_names.dedup();
        if gold_names == predicted_names {
            score.lead_correct += 1;
        } else {
            score.problems.push(format!(
                "lead {}: gold {:?}, predicted {:?}",
                g.id, g.lead, predicted_names
            ));
        }
    }
    compare_roles(g, task, score);
    let predicted_recurring = task.recurring.map(recurring_name);
    if g.recurring.is_some() || predicted_recurring.is_some() {
        score.recurring_total += 1;
        if g.recurring.as_deref() == predicted_recurring {
            score.recurring_correct += 1;
        } else {
            score.problems.push(format!(
                "recurring {}: gold {:?}, predicted {:?}",
                g.id, g.recurring, predicted_recurring
            ));
        }
    }
    let predicted_due = task.deadline.as_ref().and_then(|d| d.due.clone());
    if g.due.is_some() || predicted_due.is_some() {
        score.due_total += 1;
        if g.due == predicted_due {
            score.due_correct += 1;
        } else {
            score.problems.push(format!(
                "due {}: gold {:?}, predicted {:?} ({})",
                g.id,
                g.due,
                predicted_due,
                task.deadline.as_ref().map_or("", |d| d.text.as_str())
            ));
        }
    }
    if !g.targets.is_empty() {
        score.target_total += 1;
        let ok = g.targets.iter().all(|gt| {
            task.targets
                .iter()
                .any(|pt| (pt.value - gt.value).abs() < 1e-6 * gt.value.abs().max(1.0))
        });
        if ok {
            score.target_correct += 1;
        } else {
            let values: Vec<f64> = task.targets.iter().map(|t| t.value).collect();
            let gold_values: Vec<f64> = g.targets.iter().map(|t| t.value).collect();
            score.problems.push(format!(
                "targets {}: gold {gold_values:?}, predicted {values:?}",
                g.id
            ));
        }
    }
}

/// The gold file's word for a repetition (the record's serde name).
fn recurring_name(recurring: vntask_writer::Recurring) -> &'static str {
    use vntask_writer::Recurring;
    match recurring {
        Recurring::Monthly => "monthly",
        Recurring::Quarterly => "quarterly",
        Recurring::HalfYearly => "half_yearly",
        Recurring::Yearly => "yearly",
    }
}

/// Names compared as sets under [`name_key`].
fn name_set<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut keys: Vec<String> = names.map(name_key).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The whole "who" of a matched task: lead and support, named and grouped, each as a set.
fn compare_roles(g: &GoldTask, task: &TaskRecord, score: &mut Score) {
    let gold = [
        name_set(g.lead.iter().map(String::as_str)),
        name_set(g.lead_groups.iter().map(String::as_str)),
        name_set(g.support.iter().map(String::as_str)),
        name_set(g.support_groups.iter().map(String::as_str)),
    ];
    let predicted = [
        name_set(task.lead.iter().map(|a| a.name.as_str())),
        name_set(task.lead_groups.iter().map(|g| g.as_str())),
        name_set(task.support.iter().map(|a| a.name.as_str())),
        name_set(task.support_groups.iter().map(|g| g.as_str())),
    ];
    score.roles_total += 1;
    if gold == predicted {
        score.roles_correct += 1;
    } else {
        score.problems.push(format!(
            "roles {}: gold {gold:?}, predicted {predicted:?}",
            g.id
        ));
    }
}

#[cfg(test)]
mod tests;
