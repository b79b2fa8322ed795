//! The plan's plays by planning dimension, engage, win or grow: most plans spend their
//! attention on engaging and winning and leave growth for later, so the mix is shown and a
//! plan without a grow play is warned. And the account manager's own answer to the leader's
//! question: the top 2–3 aligned opportunities, picked, not guessed from value.

use serde::Serialize;

use super::model::{AccountPlan, Dimension, Opportunity};

/// At most this many opportunities are picked as the top ones.
pub const MAX_TOP: usize = 3;

/// The open opportunities of one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct DimensionShare {
    pub count: usize,
    pub value: f64,
}

/// The open opportunities by dimension.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct PlayMix {
    pub engage: DimensionShare,
    pub win: DimensionShare,
    pub grow: DimensionShare,
}

impl PlayMix {
    pub fn get(&self, d: Dimension) -> DimensionShare {
        match d {
            Dimension::Engage => self.engage,
            Dimension::Win => self.win,
            Dimension::Grow => self.grow,
        }
    }

    pub fn total(&self) -> usize {
        self.engage.count + self.win.count + self.grow.count
    }

    /// The plan has plays, and none of them grows the account.
    pub fn no_grow(&self) -> bool {
        self.total() > 0 && self.grow.count == 0
    }
}

/// The mix of a plan's open opportunities.
pub fn play_mix(plan: &AccountPlan) -> PlayMix {
    let mut mix = PlayMix::default();
    for o in plan.opportunities.iter().filter(|o| o.stage.is_open()) {
        let share = match o.dimension {
            Dimension::Engage => &mut mix.engage,
            Dimension::Win => &mut mix.win,
            Dimension::Grow => &mut mix.grow,
        };
        share.count += 1;
        share.value += o.value.filter(|v| v.is_finite()).unwrap_or(0.0).max(0.0);
    }
    mix
}

/// The opportunities the account manager picked as the top ones, by their goal's rank
/// (unranked and unaligned last), then in plan order.
pub fn top_opportunities(plan: &AccountPlan) -> Vec<&Opportunity> {
    let rank = |o: &Opportunity| {
        o.goal
            .as_ref()
            .and_then(|g| plan.goals.iter().find(|x| &x.id == g))
            .and_then(|g| g.rank)
            .unwrap_or(u32::MAX)
    };
    let mut top: Vec<&Opportunity> = plan.opportunities.iter().filter(|o| o.top).collect();
    top.sort_by_key(|o| rank(o));
    top
}

/// Whether `o` may be picked as a top opportunity: it is one already, or fewer than
/// [`MAX_TOP`] are picked.
pub fn can_pick(plan: &AccountPlan, o: &Opportunity) -> bool {
    o.top || plan.opportunities.iter().filter(|x| x.top).count() < MAX_TOP
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Goal, Id, Stage};

    fn opp(id: &str, d: Dimension, value: f64, stage: Stage) -> Opportunity {
        Opportunity {
            id: Id::new(id),
            dimension: d,
            value: Some(value),
            stage,
            ..Opportunity::default()
        }
    }

    #[test]
    fn the_mix_counts_open_plays_and_warns_without_a_grow_one() {
        let mut plan = AccountPlan::default();
        assert!(!play_mix(&plan).no_grow()); // nothing planned: nothing to warn of
        plan.opportunities = vec![
            opp("a", Dimension::Engage, 10_000.0, Stage::Identified),
            opp("b", Dimension::Win, 50_000.0, Stage::Proposed),
            opp("c", Dimension::Win, 20_000.0, Stage::Qualified),
            opp("d", Dimension::Grow, 99_000.0, Stage::Won), // closed: not a play any more
        ];
        let mix = play_mix(&plan);
        assert_eq!((mix.engage.count, mix.engage.value), (1, 10_000.0));
        assert_eq!((mix.win.count, mix.win.value), (2, 70_000.0));
        assert_eq!(mix.grow, DimensionShare::default());
        assert_eq!(mix.total(), 3);
        assert!(mix.no_grow());
        plan.opportunities[3].stage = Stage::Negotiation;
        assert!(!play_mix(&plan).no_grow());
    }

    #[test]
    fn the_picked_top_opportunities_follow_their_goals_rank() {
        let goal = |id: &str, rank| Goal {
            id: Id::new(id),
            rank,
            ..Goal::default()
        };
        let mut plan = AccountPlan {
            goals: vec![goal("g1", Some(2)), goal("g2", Some(1)), goal("g3", None)],
            ..AccountPlan::default()
        };
        for (id, g, top) in [
            ("o1", Some("g1"), true),
            ("o2", Some("g3"), true),
            ("o3", Some("g2"), true),
            ("o4", Some("g2"), false),
        ] {
            plan.opportunities.push(Opportunity {
                id: Id::new(id),
                goal: g.map(Id::new),
                top,
                ..Opportunity::default()
            });
        }
        let ids: Vec<&str> = top_opportunities(&plan)
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(ids, ["o3", "o1", "o2"]);
        // Three are picked: a fourth cannot be, a picked one can be unpicked.
        assert!(!can_pick(&plan, &plan.opportunities[3]));
        assert!(can_pick(&plan, &plan.opportunities[0]));
        plan.opportunities[0].top = false;
        assert!(can_pick(&plan, &plan.opportunities[3]));
    }
}
