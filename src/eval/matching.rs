//! Maximum bipartite matching (Kuhn's augmenting paths).
//!
//! Left vertices are processed in order and, once matched, stay matched (augmenting paths only
//! re-route them), so listing required gold before optional gold maximises the required
//! matches first.

/// `edges[left]` lists the right vertices `left` may match. Returns, for each left vertex, the
/// right vertex it is matched to.
pub fn maximum_matching(edges: &[Vec<usize>], right_count: usize) -> Vec<Option<usize>> {
    let mut right_owner: Vec<Option<usize>> = vec![None; right_count];
    for left in 0..edges.len() {
        let mut visited = vec![false; right_count];
        augment(left, edges, &mut right_owner, &mut visited);
    }
    let mut result = vec![None; edges.len()];
    for (right, owner) in right_owner.iter().enumerate() {
        if let Some(left) = owner {
            result[*left] = Some(right);
        }
    }
    result
}

fn augment(
    left: usize,
    edges: &[Vec<usize>],
    owner: &mut [Option<usize>],
    visited: &mut [bool],
) -> bool {
    for &right in &edges[left] {
        if right >= visited.len() || visited[right] {
            continue;
        }
        visited[right] = true;
        let free = match owner[right] {
            None => true,
            Some(other) => augment(other, edges, owner, visited),
        };
        if free {
            owner[right] = Some(left);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_maximum_matching() {
        // Greedy would give left 0 the right 0 and leave left 1 unmatched.
        let edges = vec![vec![0, 1], vec![0]];
        assert_eq!(maximum_matching(&edges, 2), vec![Some(1), Some(0)]);
    }

    #[test]
    fn earlier_left_vertices_are_never_unmatched() {
        let edges = vec![vec![0], vec![0]];
        assert_eq!(maximum_matching(&edges, 1), vec![Some(0), None]);
    }
}
