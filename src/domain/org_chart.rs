//! The relationship map's layout: the account's contacts as an org chart drawn from their
//! reports-to lines. Pure geometry in the SVG's user units, deterministic for a given
//! contact list, so the same plan always draws the same picture.
//!
//! The picture stays readable as the list grows:
//! - a boss is centred above their reports, each report's own team beside the next;
//! - three or more reports without reports of their own are stacked in pairs of columns
//!   on either side of a vertical line, rather than spread along one wide row;
//! - a team that would still be wider than [`MAX_BLOCK_W`] is drawn as an indented list
//!   under its boss, each report's team below the previous one;
//! - separate trees sit side by side and wrap onto a new shelf past [`MAX_SHELF_W`];
//!   contacts with no reporting line at all share one compact grid at the end.
//!
//! A contact whose boss is missing from the list, is themselves, or sits in a reporting
//! cycle is drawn as a root: a cycle is broken at its first contact in list order.

use std::collections::HashMap;

use super::model::{Contact, Id};

/// A node's box.
pub const NODE_W: f64 = 184.0;
pub const NODE_H: f64 = 64.0;
/// Between two side-by-side teams.
pub const H_GAP: f64 = 20.0;
/// Between a boss's row and their reports' row.
pub const V_GAP: f64 = 40.0;
/// Between the rows of a stack of reports, and of the grid of unconnected contacts.
pub const STACK_GAP: f64 = 12.0;
/// The lane between the two columns of a stack, where the reporting line runs.
pub const LANE: f64 = 28.0;
/// Where the line of an indented team runs (from the boss's left edge), and how far the
/// team is indented.
pub const INDENT_LINE: f64 = 24.0;
pub const INDENT: f64 = 48.0;
/// A team wider than this side by side is drawn indented.
pub const MAX_BLOCK_W: f64 = 1400.0;
/// Trees wrap onto a new shelf past this width.
pub const MAX_SHELF_W: f64 = 1600.0;
/// Between two trees on a shelf.
const TREE_GAP: f64 = 2.0 * H_GAP;

/// A contact's place on the chart: the top-left corner of its box.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgNode {
    /// Index of the contact in the plan's list (nodes are in the same order).
    pub contact: usize,
    pub id: Id,
    pub x: f64,
    pub y: f64,
    /// The boss this node is drawn under (a node index), if any.
    pub boss: Option<usize>,
    /// 0 for a root.
    pub depth: usize,
}

/// A reporting line: a polyline of axis-aligned segments from the bottom of the boss's
/// box to the edge of the report's box.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgEdge {
    pub boss: usize,
    pub report: usize,
    pub points: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrgChart {
    pub nodes: Vec<OrgNode>,
    pub edges: Vec<OrgEdge>,
    pub width: f64,
    pub height: f64,
    /// Contacts (node indexes) whose reports-to line was ignored: the boss is not in the
    /// list, is themselves, or the line closes a cycle.
    pub broken_lines: Vec<usize>,
}

impl OrgChart {
    /// The node drawn under `boss`, in list order.
    pub fn reports_of(&self, boss: usize) -> impl Iterator<Item = &OrgNode> {
        self.nodes.iter().filter(move |n| n.boss == Some(boss))
    }
}

/// The boss each contact is drawn under (an index into `contacts`), after dropping lines
/// to unknown contacts, to oneself, and the line that closes each cycle.
pub fn effective_bosses(contacts: &[Contact]) -> Vec<Option<usize>> {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(contacts.len());
    for (i, c) in contacts.iter().enumerate() {
        index.entry(c.id.as_str()).or_insert(i);
    }
    let mut boss: Vec<Option<usize>> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.reports_to
                .as_ref()
                .and_then(|b| index.get(b.as_str()).copied())
                .filter(|&b| b != i)
        })
        .collect();
    // Each contact has at most one boss, so following bosses from any contact either ends
    // at a root or runs into a cycle.
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; contacts.len()];
    for start in 0..contacts.len() {
        let mut path = Vec::new();
        let mut cur = start;
        loop {
            match state[cur] {
                DONE => break,
                ON_PATH => {
                    let from = path.iter().position(|&p| p == cur).unwrap_or(0);
                    if let Some(&first) = path[from..].iter().min() {
                        boss[first] = None;
                    }
                    break;
                }
                _ => {
                    state[cur] = ON_PATH;
                    path.push(cur);
                    match boss[cur] {
                        Some(b) => cur = b,
                        None => break,
                    }
                }
            }
        }
        for p in path {
            state[p] = DONE;
        }
    }
    boss
}

/// How a group of reports hangs from its boss.
enum Attach {
    /// A team: the line ends at the top (or, indented, the left) of its head's box,
    /// whose top-left corner is at `(x, 0)` in the block.
    Head { x: f64 },
    /// A stack of reports without reports: one line per report, down a lane and across
    /// to the report's inner edge. `(node, lane x, centre y, edge x)` in the block.
    Lanes(Vec<(usize, f64, f64, f64)>),
}

/// A laid-out group of nodes in its own coordinates (top-left at 0,0).
struct Block {
    w: f64,
    h: f64,
    nodes: Vec<(usize, f64, f64)>,
    edges: Vec<OrgEdge>,
    attach: Attach,
}

impl Block {
    fn single(n: usize) -> Block {
        Block {
            w: NODE_W,
            h: NODE_H,
            nodes: vec![(n, 0.0, 0.0)],
            edges: Vec::new(),
            attach: Attach::Head { x: 0.0 },
        }
    }

    /// The x range the lines from a boss above arrive in, for centring the boss.
    fn attach_span(&self) -> (f64, f64) {
        match &self.attach {
            Attach::Head { x } => (x + NODE_W / 2.0, x + NODE_W / 2.0),
            Attach::Lanes(l) => {
                let xs = l.iter().map(|e| e.1);
                let lo = xs.clone().fold(f64::INFINITY, f64::min);
                let hi = xs.fold(f64::NEG_INFINITY, f64::max);
                (lo, hi)
            }
        }
    }

    /// Moves the block's contents into a parent block at `(ox, oy)`.
    fn place_into(
        self,
        ox: f64,
        oy: f64,
        nodes: &mut Vec<(usize, f64, f64)>,
        edges: &mut Vec<OrgEdge>,
    ) {
        nodes.extend(self.nodes.into_iter().map(|(n, x, y)| (n, x + ox, y + oy)));
        edges.extend(self.edges.into_iter().map(|mut e| {
            for p in &mut e.points {
                p.0 += ox;
                p.1 += oy;
            }
            e
        }));
    }
}

/// Reports without reports of their own, stacked in pairs of columns around a lane.
fn stack(leaves: &[usize]) -> Block {
    let n = leaves.len();
    let pair_w = 2.0 * NODE_W + LANE;
    let max_pairs = (((MAX_BLOCK_W + H_GAP) / (pair_w + H_GAP)).floor() as usize).max(1);
    let pairs = if n <= 8 {
        1
    } else {
        ((n as f64).sqrt() / 2.0).ceil() as usize
    }
    .clamp(1, max_pairs);
    let cols = (2 * pairs).min(n.max(1));
    let rows = n.div_ceil(cols);
    let mut nodes = Vec::with_capacity(n);
    let mut lanes = Vec::with_capacity(n);
    for (k, &leaf) in leaves.iter().enumerate() {
        let (row, col) = (k / cols, k % cols);
        let x0 = (col / 2) as f64 * (pair_w + H_GAP);
        let lane = x0 + NODE_W + LANE / 2.0;
        let y = row as f64 * (NODE_H + STACK_GAP);
        let (x, edge) = if col % 2 == 0 {
            (x0, x0 + NODE_W)
        } else {
            (x0 + NODE_W + LANE, x0 + NODE_W + LANE)
        };
        nodes.push((leaf, x, y));
        lanes.push((leaf, lane, y + NODE_H / 2.0, edge));
    }
    let used_pairs = cols.div_ceil(2);
    let w = if cols % 2 == 1 {
        (used_pairs - 1) as f64 * (pair_w + H_GAP) + NODE_W
    } else {
        used_pairs as f64 * pair_w + (used_pairs - 1) as f64 * H_GAP
    };
    Block {
        w,
        h: rows as f64 * NODE_H + (rows - 1) as f64 * STACK_GAP,
        nodes,
        edges: Vec::new(),
        attach: Attach::Lanes(lanes),
    }
}

/// Drops repeated points (a line straight down has no bend).
fn dedup(mut points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    points.dedup();
    points
}

/// The lines from a boss to a group placed at `(ox, oy)`: they leave the boss at
/// `(sx, sy)` (its bottom), run down to `bus_y` and across.
fn lines_to(
    group: &Block,
    boss: usize,
    (sx, sy): (f64, f64),
    ox: f64,
    oy: f64,
    indented: bool,
) -> Vec<OrgEdge> {
    let bus_y = oy - V_GAP / 2.0;
    match &group.attach {
        Attach::Head { x } => {
            let head = group.nodes[0].0;
            let points = if indented {
                vec![
                    (sx, sy),
                    (sx, oy + NODE_H / 2.0),
                    (ox + x, oy + NODE_H / 2.0),
                ]
            } else {
                let cx = ox + x + NODE_W / 2.0;
                vec![(sx, sy), (sx, bus_y), (cx, bus_y), (cx, oy)]
            };
            vec![OrgEdge {
                boss,
                report: head,
                points: dedup(points),
            }]
        }
        Attach::Lanes(lanes) => lanes
            .iter()
            .map(|&(report, lane, cy, edge)| OrgEdge {
                boss,
                report,
                points: dedup(vec![
                    (sx, sy),
                    (sx, bus_y),
                    (ox + lane, bus_y),
                    (ox + lane, oy + cy),
                    (ox + edge, oy + cy),
                ]),
            })
            .collect(),
    }
}

/// The team headed by `n`, laid out below it.
fn team(n: usize, kids: &[Vec<usize>]) -> Block {
    let reports = &kids[n];
    if reports.is_empty() {
        return Block::single(n);
    }
    let groups = report_groups(reports, kids);
    let side_w = groups.iter().map(|g| g.w).sum::<f64>() + H_GAP * (groups.len() - 1) as f64;
    if groups.len() == 1 || side_w <= MAX_BLOCK_W {
        side_by_side(n, groups, side_w)
    } else {
        indented(n, groups)
    }
}

/// The blocks below a boss: each report's team, in order. Reports with teams of their own
/// first keep their order; those without are stacked together at the end once there are
/// three or more of them.
fn report_groups(reports: &[usize], kids: &[Vec<usize>]) -> Vec<Block> {
    let leaves: Vec<usize> = reports
        .iter()
        .copied()
        .filter(|&r| kids[r].is_empty())
        .collect();
    if leaves.len() >= 3 {
        let mut g: Vec<Block> = reports
            .iter()
            .filter(|&&r| !kids[r].is_empty())
            .map(|&r| team(r, kids))
            .collect();
        g.push(stack(&leaves));
        g
    } else {
        reports.iter().map(|&r| team(r, kids)).collect()
    }
}

/// Boss `n` above its `groups` side by side (`side_w` wide together), centred above where
/// the lines arrive.
fn side_by_side(n: usize, groups: Vec<Block>, side_w: f64) -> Block {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let oy = NODE_H + V_GAP;
    let mut offsets = Vec::with_capacity(groups.len());
    let mut x = 0.0;
    for g in &groups {
        offsets.push(x);
        x += g.w + H_GAP;
    }
    let lo = groups
        .iter()
        .zip(&offsets)
        .map(|(g, ox)| ox + g.attach_span().0)
        .fold(f64::INFINITY, f64::min);
    let hi = groups
        .iter()
        .zip(&offsets)
        .map(|(g, ox)| ox + g.attach_span().1)
        .fold(f64::NEG_INFINITY, f64::max);
    let cx = (lo + hi) / 2.0;
    let w = side_w.max(NODE_W);
    let bx = (cx - NODE_W / 2.0).clamp(0.0, w - NODE_W);
    let start = (bx + NODE_W / 2.0, NODE_H);
    nodes.push((n, bx, 0.0));
    let mut h: f64 = NODE_H;
    for (g, ox) in groups.into_iter().zip(offsets) {
        edges.extend(lines_to(&g, n, start, ox, oy, false));
        h = h.max(oy + g.h);
        g.place_into(ox, oy, &mut nodes, &mut edges);
    }
    Block {
        w,
        h,
        nodes,
        edges,
        attach: Attach::Head { x: bx },
    }
}

/// Boss `n` with its `groups` indented below it, each below the previous one, the line
/// down the boss's left.
fn indented(n: usize, groups: Vec<Block>) -> Block {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let start = (INDENT_LINE, NODE_H);
    nodes.push((n, 0.0, 0.0));
    let mut y = NODE_H + V_GAP;
    let mut w: f64 = NODE_W;
    for g in groups {
        edges.extend(lines_to(&g, n, start, INDENT, y, true));
        w = w.max(INDENT + g.w);
        let gh = g.h;
        g.place_into(INDENT, y, &mut nodes, &mut edges);
        y += gh + V_GAP;
    }
    Block {
        w,
        h: y - V_GAP,
        nodes,
        edges,
        attach: Attach::Head { x: 0.0 },
    }
}

/// Contacts without a boss or reports, in a compact grid.
fn loose_grid(loose: &[usize]) -> Block {
    let n = loose.len();
    let max_cols = (((MAX_SHELF_W + H_GAP) / (NODE_W + H_GAP)).floor() as usize).max(1);
    let cols = ((2.0 * n as f64).sqrt().ceil() as usize)
        .clamp(1, max_cols)
        .min(n);
    let rows = n.div_ceil(cols);
    Block {
        w: cols as f64 * NODE_W + (cols - 1) as f64 * H_GAP,
        h: rows as f64 * NODE_H + (rows - 1) as f64 * STACK_GAP,
        nodes: loose
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                (
                    c,
                    (k % cols) as f64 * (NODE_W + H_GAP),
                    (k / cols) as f64 * (NODE_H + STACK_GAP),
                )
            })
            .collect(),
        edges: Vec::new(),
        attach: Attach::Head { x: 0.0 },
    }
}

/// Lays out the org chart of `contacts`.
pub fn layout(contacts: &[Contact]) -> OrgChart {
    let n = contacts.len();
    if n == 0 {
        return OrgChart::default();
    }
    let boss = effective_bosses(contacts);
    let broken_lines = (0..n)
        .filter(|&i| contacts[i].reports_to.is_some() && boss[i].is_none())
        .collect();
    let mut kids = vec![Vec::new(); n];
    for (i, b) in boss.iter().enumerate() {
        if let Some(b) = *b {
            kids[b].push(i);
        }
    }
    let roots: Vec<usize> = (0..n).filter(|&i| boss[i].is_none()).collect();
    let loose: Vec<usize> = roots
        .iter()
        .copied()
        .filter(|&r| kids[r].is_empty())
        .collect();
    let mut blocks: Vec<Block> = roots
        .iter()
        .filter(|&&r| !kids[r].is_empty())
        .map(|&r| team(r, &kids))
        .collect();
    if !loose.is_empty() {
        blocks.push(loose_grid(&loose));
    }
    // Shelves: left to right, wrapping past MAX_SHELF_W.
    let mut placed = Vec::with_capacity(n);
    let mut edges = Vec::new();
    let (mut x, mut shelf_y, mut shelf_h, mut width) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for b in blocks {
        if x > 0.0 && x + b.w > MAX_SHELF_W {
            shelf_y += shelf_h + V_GAP * 1.5;
            x = 0.0;
            shelf_h = 0.0;
        }
        let (bw, bh) = (b.w, b.h);
        b.place_into(x, shelf_y, &mut placed, &mut edges);
        width = width.max(x + bw);
        shelf_h = shelf_h.max(bh);
        x += bw + TREE_GAP;
    }
    let mut pos = vec![(0.0, 0.0); n];
    for (c, x, y) in placed {
        pos[c] = (x, y);
    }
    let depth: Vec<usize> = (0..n)
        .map(|i| std::iter::successors(boss[i], |&b| boss[b]).count())
        .collect();
    let nodes = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| OrgNode {
            contact: i,
            id: c.id.clone(),
            x: pos[i].0,
            y: pos[i].1,
            boss: boss[i],
            depth: depth[i],
        })
        .collect();
    OrgChart {
        nodes,
        edges,
        width,
        height: shelf_y + shelf_h,
        broken_lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn contacts(bosses: &[Option<usize>]) -> Vec<Contact> {
        bosses
            .iter()
            .enumerate()
            .map(|(i, b)| Contact {
                id: Id(format!("c{i}")),
                name: format!("Contact {i}"),
                reports_to: b.map(|b| Id(format!("c{b}"))),
                ..Contact::default()
            })
            .collect()
    }

    fn overlaps(a: &OrgNode, b: &OrgNode) -> bool {
        a.x < b.x + NODE_W && b.x < a.x + NODE_W && a.y < b.y + NODE_H && b.y < a.y + NODE_H
    }

    /// Whether an axis-aligned segment runs through the inside of a node's box.
    fn crosses(p: (f64, f64), q: (f64, f64), n: &OrgNode) -> bool {
        let e = 0.5;
        let (x0, x1) = (p.0.min(q.0), p.0.max(q.0));
        let (y0, y1) = (p.1.min(q.1), p.1.max(q.1));
        x1 > n.x + e && x0 < n.x + NODE_W - e && y1 > n.y + e && y0 < n.y + NODE_H - e
    }

    /// Every invariant a drawable chart must hold.
    fn check(chart: &OrgChart, contacts: &[Contact]) {
        assert_eq!(chart.nodes.len(), contacts.len());
        for (i, a) in chart.nodes.iter().enumerate() {
            assert!(a.x >= 0.0 && a.y >= 0.0, "node {i} off the top-left");
            assert!(a.x + NODE_W <= chart.width + 1e-6, "node {i} off the right");
            assert!(
                a.y + NODE_H <= chart.height + 1e-6,
                "node {i} off the bottom"
            );
            for b in &chart.nodes[i + 1..] {
                assert!(!overlaps(a, b), "{} overlaps {}", a.id, b.id);
            }
        }
        let drawn_under = chart.nodes.iter().filter(|n| n.boss.is_some()).count();
        assert_eq!(chart.edges.len(), drawn_under, "one line per report");
        for e in &chart.edges {
            let (b, r) = (&chart.nodes[e.boss], &chart.nodes[e.report]);
            assert_eq!(r.boss, Some(e.boss));
            assert!(b.y + NODE_H < r.y, "{} is not above {}", b.id, r.id);
            let first = e.points[0];
            assert!(
                (first.1 - (b.y + NODE_H)).abs() < 1e-6,
                "the line leaves the boss's bottom"
            );
            assert!(first.0 > b.x && first.0 < b.x + NODE_W);
            let last = *e.points.last().unwrap();
            let on_top = last.1 == r.y && last.0 > r.x && last.0 < r.x + NODE_W;
            let on_side =
                (last.0 == r.x || last.0 == r.x + NODE_W) && last.1 > r.y && last.1 < r.y + NODE_H;
            assert!(on_top || on_side, "the line ends on {}'s edge", r.id);
            for w in e.points.windows(2) {
                assert!(
                    w[0].0 == w[1].0 || w[0].1 == w[1].1,
                    "segments are axis-aligned"
                );
                for n in &chart.nodes {
                    assert!(
                        !crosses(w[0], w[1], n),
                        "the line {} → {} runs through {}",
                        b.id,
                        r.id,
                        n.id
                    );
                }
            }
        }
    }

    #[test]
    fn an_empty_list_draws_nothing() {
        let chart = layout(&[]);
        assert!(chart.nodes.is_empty());
        assert_eq!((chart.width, chart.height), (0.0, 0.0));
    }

    #[test]
    fn a_boss_sits_centred_above_two_reports() {
        let c = contacts(&[None, Some(0), Some(0)]);
        let chart = layout(&c);
        check(&chart, &c);
        let [boss, a, b] = [&chart.nodes[0], &chart.nodes[1], &chart.nodes[2]];
        assert_eq!(a.y, b.y);
        assert!(a.x < b.x, "reports keep their list order");
        assert_eq!(boss.x + NODE_W / 2.0, (a.x + b.x + NODE_W) / 2.0);
        assert_eq!(a.depth, 1);
        assert_eq!(boss.depth, 0);
        assert_eq!(chart.reports_of(0).count(), 2);
    }

    #[test]
    fn several_trees_sit_side_by_side_and_loose_contacts_share_a_grid() {
        // Two trees (0 → 1, 2 → 3) and three contacts with no line at all.
        let c = contacts(&[None, Some(0), None, Some(2), None, None, None]);
        let chart = layout(&c);
        check(&chart, &c);
        assert!(chart.nodes[2].x > chart.nodes[0].x);
        let loose: Vec<_> = chart.nodes[4..].iter().collect();
        assert!(loose.iter().all(|n| n.x > chart.nodes[2].x));
        assert!(loose.iter().all(|n| n.boss.is_none()));
    }

    #[test]
    fn a_missing_or_own_boss_makes_a_root() {
        let mut c = contacts(&[None, Some(0), None]);
        c[1].reports_to = Some(Id::new("gone"));
        c[2].reports_to = Some(Id::new("c2"));
        let chart = layout(&c);
        check(&chart, &c);
        assert!(chart.nodes.iter().all(|n| n.boss.is_none()));
        assert_eq!(chart.broken_lines, vec![1, 2]);
        assert!(chart.edges.is_empty());
    }

    #[test]
    fn a_cycle_is_broken_at_its_first_contact_in_list_order() {
        // 0 → 2 → 1 → 0, and 3 reports into the cycle.
        let c = contacts(&[Some(2), Some(0), Some(1), Some(1)]);
        assert_eq!(effective_bosses(&c), vec![None, Some(0), Some(1), Some(1)]);
        let chart = layout(&c);
        check(&chart, &c);
        assert_eq!(chart.broken_lines, vec![0]);
        assert_eq!(chart.nodes[2].depth, 2);
    }

    #[test]
    fn many_reports_are_stacked_not_spread_along_one_row() {
        let mut bosses = vec![None];
        bosses.extend(std::iter::repeat_n(Some(0), 20));
        let c = contacts(&bosses);
        let chart = layout(&c);
        check(&chart, &c);
        assert!(
            chart.width < 8.0 * NODE_W,
            "20 reports fit in a few columns"
        );
        let rows: std::collections::BTreeSet<i64> =
            chart.nodes[1..].iter().map(|n| n.y as i64).collect();
        assert!(rows.len() >= 3);
    }

    #[test]
    fn a_very_wide_team_is_indented_under_its_boss() {
        // A boss with six managers, each with two reports: side by side it would be wider
        // than MAX_BLOCK_W.
        let mut bosses = vec![None];
        bosses.extend(std::iter::repeat_n(Some(0), 6));
        for m in 1..=6 {
            bosses.push(Some(m));
            bosses.push(Some(m));
        }
        let c = contacts(&bosses);
        let chart = layout(&c);
        check(&chart, &c);
        assert!(chart.width <= MAX_BLOCK_W + INDENT);
        let managers: Vec<f64> = chart.nodes[1..=6].iter().map(|n| n.y).collect();
        assert!(
            managers.windows(2).all(|w| w[0] < w[1]),
            "managers one below the other"
        );
    }

    #[test]
    fn sixty_contacts_of_the_demo_shape_stay_readable() {
        // A CEO, 5 directors, each with 3 managers, each with 2 or 3 staff.
        let mut bosses = vec![None];
        let mut managers = Vec::new();
        for _ in 0..5 {
            bosses.push(Some(0));
        }
        for d in 1..=5 {
            for _ in 0..3 {
                managers.push(bosses.len());
                bosses.push(Some(d));
            }
        }
        for (k, &m) in managers.iter().enumerate() {
            for _ in 0..(2 + k % 2) {
                bosses.push(Some(m));
            }
        }
        bosses.truncate(60);
        let c = contacts(&bosses);
        let chart = layout(&c);
        check(&chart, &c);
        assert!(
            chart.width <= MAX_SHELF_W + 2.0 * INDENT,
            "width {}",
            chart.width
        );
        assert!(chart.width * chart.height < 60.0 * 30.0 * NODE_W * NODE_H);
    }

    #[test]
    fn every_demo_account_draws_every_contact_and_reporting_line() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        for a in crate::domain::sample::demo::demo_workspace(today).accounts {
            let c = &a.plan.contacts;
            let chart = layout(c);
            check(&chart, c);
            let lines = c.iter().filter(|c| c.reports_to.is_some()).count();
            assert_eq!(chart.edges.len(), lines, "{}", a.name);
            assert!(chart.broken_lines.is_empty(), "{}", a.name);
        }
    }

    #[test]
    fn synthetic_accounts_of_sixty_contacts_stay_within_a_readable_width() {
        use crate::domain::sample::synthetic::{synthetic_workspace, Shape};
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let shape = Shape {
            contacts: 60,
            interactions: 0,
            opportunities: 0,
        };
        for a in synthetic_workspace(7, 8, &shape, today).accounts {
            let c = &a.plan.contacts;
            let chart = layout(c);
            check(&chart, c);
            assert!(
                chart.width <= MAX_SHELF_W + 2.0 * INDENT,
                "width {}",
                chart.width
            );
        }
    }

    #[test]
    fn the_layout_is_deterministic() {
        let c = contacts(&[None, Some(0), Some(0), Some(1), None, Some(4)]);
        assert_eq!(layout(&c), layout(&c));
    }

    fn forest() -> impl Strategy<Value = Vec<Option<usize>>> {
        // Any boss at all, including later contacts, oneself and cycles.
        (1usize..=60).prop_flat_map(|n| {
            proptest::collection::vec(
                prop_oneof![
                    1 => Just(None),
                    4 => (0..n).prop_map(Some),
                ],
                n,
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn no_two_nodes_overlap_and_every_line_runs_down_from_the_boss(bosses in forest()) {
            let c = contacts(&bosses);
            let chart = layout(&c);
            check(&chart, &c);
            // Readable at 60 contacts: a bounded width, the rest goes down.
            prop_assert!(chart.width <= MAX_SHELF_W + 8.0 * INDENT, "width {}", chart.width);
        }
    }
}
