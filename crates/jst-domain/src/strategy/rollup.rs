//! Roll-up of indicator scores through the strategy tree, DESIGN §5.2.

use super::{Direction, Evaluation, Status};

/// Score of an indicator: 1 when achieved; for `maintain`, 1 on track and 0 otherwise; else the
/// ratio clamped to [0, 1]. `None` for an indicator without data (it is skipped).
pub fn indicator_score(direction: Direction, evaluation: &Evaluation) -> Option<f64> {
    match evaluation.status {
        Status::NoData => None,
        Status::Achieved => Some(1.0),
        status if direction == Direction::Maintain => {
            Some(if status == Status::OnTrack { 1.0 } else { 0.0 })
        }
        _ => evaluation.ratio.map(|r| r.clamp(0.0, 1.0)),
    }
}

/// A node of the tree; `parent` indexes the same slice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RollupNode {
    pub parent: Option<usize>,
    /// The node's weight in its parent (default 1).
    pub weight: f64,
}

/// An indicator attached to node `node`, with its weight in that node and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RollupIndicator {
    pub node: usize,
    pub weight: f64,
    pub score: Option<f64>,
}

/// Score of every node: the weighted mean of the scores of its indicators and of its child
/// nodes, skipping those without data. `None` when nothing under the node is scored (or all
/// weights are zero). The tree must be acyclic (the importer checks it); a node whose parent
/// chain loops is left unscored rather than looping.
pub fn roll_up(nodes: &[RollupNode], indicators: &[RollupIndicator]) -> Vec<Option<f64>> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (index, node) in nodes.iter().enumerate() {
        if let Some(parent) = node.parent.filter(|p| *p < nodes.len()) {
            children[parent].push(index);
        }
    }
    let mut own: Vec<Vec<(f64, f64)>> = vec![Vec::new(); nodes.len()];
    for indicator in indicators {
        if let (Some(score), Some(list)) = (indicator.score, own.get_mut(indicator.node)) {
            list.push((indicator.weight, score));
        }
    }
    let mut scores = vec![None; nodes.len()];
    let mut state = vec![Visit::New; nodes.len()];
    for index in 0..nodes.len() {
        score_node(index, nodes, &children, &own, &mut scores, &mut state);
    }
    scores
}

#[derive(Clone, Copy, PartialEq)]
enum Visit {
    New,
    InProgress,
    Done,
}

fn score_node(
    index: usize,
    nodes: &[RollupNode],
    children: &[Vec<usize>],
    own: &[Vec<(f64, f64)>],
    scores: &mut [Option<f64>],
    state: &mut [Visit],
) -> Option<f64> {
    match state[index] {
        Visit::Done => return scores[index],
        Visit::InProgress => return None,
        Visit::New => state[index] = Visit::InProgress,
    }
    let mut weighted = 0.0;
    let mut total = 0.0;
    for &(weight, score) in &own[index] {
        weighted += weight * score;
        total += weight;
    }
    for &child in &children[index] {
        if let Some(score) = score_node(child, nodes, children, own, scores, state) {
            weighted += nodes[child].weight * score;
            total += nodes[child].weight;
        }
    }
    let score = (total > 0.0).then(|| weighted / total);
    scores[index] = score;
    state[index] = Visit::Done;
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::Thresholds;

    fn node(parent: Option<usize>, weight: f64) -> RollupNode {
        RollupNode { parent, weight }
    }

    fn ind(node: usize, weight: f64, score: Option<f64>) -> RollupIndicator {
        RollupIndicator { node, weight, score }
    }

    #[test]
    fn weighted_means_up_the_tree() {
        // 0: goal; 1, 2: objectives of 0 (weights 1 and 3); 3: task of 2 without data.
        let nodes = [node(None, 1.0), node(Some(0), 1.0), node(Some(0), 3.0), node(Some(2), 1.0)];
        let indicators = [
            ind(1, 1.0, Some(1.0)),
            ind(1, 1.0, Some(0.5)),
            ind(2, 2.0, Some(0.2)),
            ind(2, 1.0, None),
            ind(3, 1.0, None),
        ];
        let scores = roll_up(&nodes, &indicators);
        assert_eq!(scores[1], Some(0.75));
        assert_eq!(scores[2], Some(0.2));
        assert_eq!(scores[3], None, "a node without data is not scored");
        let goal = scores[0].expect("scored");
        assert!((goal - (0.75 + 3.0 * 0.2) / 4.0).abs() < 1e-12);
        let t = Thresholds::default();
        assert_eq!(Status::from_node_score(scores[0], &t), Status::LimitedProgress);
        assert_eq!(Status::from_node_score(scores[3], &t), Status::NoData);
    }

    #[test]
    fn a_node_mixes_own_indicators_and_children() {
        let nodes = [node(None, 1.0), node(Some(0), 2.0)];
        let indicators = [ind(0, 1.0, Some(0.0)), ind(1, 5.0, Some(1.0))];
        let scores = roll_up(&nodes, &indicators);
        assert!((scores[0].expect("scored") - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn zero_weights_and_cycles_leave_nodes_unscored() {
        let nodes = [node(None, 1.0), node(Some(2), 1.0), node(Some(1), 1.0)];
        let indicators = [ind(0, 0.0, Some(1.0)), ind(1, 1.0, Some(1.0))];
        let scores = roll_up(&nodes, &indicators);
        assert_eq!(scores[0], None);
        assert_eq!(scores[1], Some(1.0), "the cycle is cut, not followed forever");
    }

    #[test]
    fn indicator_scores() {
        let eval = |status, ratio| Evaluation {
            latest: None,
            progress_pct: None,
            r_observed: ratio,
            r_required: ratio,
            ratio,
            status,
            target_missed: false,
        };
        let cases = [
            (Direction::Increase, eval(Status::Achieved, None), Some(1.0)),
            (Direction::Increase, eval(Status::OnTrack, Some(1.7)), Some(1.0)),
            (Direction::Decrease, eval(Status::AccelerationNeeded, Some(0.8)), Some(0.8)),
            (Direction::Increase, eval(Status::Deterioration, Some(-0.4)), Some(0.0)),
            (Direction::Maintain, eval(Status::OnTrack, None), Some(1.0)),
            (Direction::Maintain, eval(Status::Deterioration, None), Some(0.0)),
            (Direction::Increase, eval(Status::NoData, None), None),
        ];
        for (direction, evaluation, score) in cases {
            assert_eq!(indicator_score(direction, &evaluation), score, "{evaluation:?}");
        }
    }
}
