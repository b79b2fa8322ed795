//! What the merge needs of each kind of entity: its id, its stamp and a name for people.

use serde::Serialize;

use crate::domain::model::{
    Action, ClosedPlan, Contact, Contract, EntityKind, FeedbackItem, Goal, Id, Interaction,
    Meeting, Opportunity, Revenue, Review, Settings, SuccessMeasure, TeamMember, TeamRole, Term,
    Timestamp, WhiteSpaceCell,
};

/// An entity the merge compares on its own.
pub trait Entity: Clone + PartialEq + Serialize {
    const KIND: EntityKind;
    fn id(&self) -> Id;
    /// Its last change; `None` when unknown.
    fn stamp(&self) -> Option<Timestamp>;
    fn set_stamp(&mut self, at: Timestamp);
    /// Whether the two have the same content, whatever their stamps.
    fn same_content(&self, other: &Self) -> bool {
        let mut copy = other.clone();
        match self.stamp() {
            Some(at) => copy.set_stamp(at),
            None if other.stamp().is_some() => return false,
            None => {}
        }
        self == &copy
    }
    /// Its name for people, in the merge preview.
    fn name(&self) -> String;
}

macro_rules! entity {
    ($ty:ty, $kind:ident, |$e:ident| $name:expr) => {
        impl Entity for $ty {
            const KIND: EntityKind = EntityKind::$kind;
            fn id(&self) -> Id {
                self.id.clone()
            }
            fn stamp(&self) -> Option<Timestamp> {
                self.updated_at
            }
            fn set_stamp(&mut self, at: Timestamp) {
                self.updated_at = Some(at);
            }
            fn name(&self) -> String {
                let $e = self;
                $name
            }
        }
    };
}

entity!(TeamMember, Member, |m| m.name.clone());
entity!(Contact, Contact, |c| c.name.clone());
entity!(Goal, Goal, |g| g.title.clone());
entity!(SuccessMeasure, Measure, |m| m.name.clone());
entity!(FeedbackItem, Feedback, |f| f.text.clone());
entity!(Opportunity, Opportunity, |o| o.name.clone());
entity!(Action, Action, |a| a.title.clone());
entity!(Meeting, Meeting, |m| m.title.clone());
entity!(TeamRole, TeamRole, |r| r.role.clone());
entity!(ClosedPlan, ClosedPlan, |p| format!("Plan of {}", p.year));
entity!(Interaction, Interaction, |x| match x.date {
    Some(d) => format!("{} of {d}", x.kind.label()),
    None => x.kind.label().to_string(),
});
entity!(Review, Review, |r| match r.date {
    Some(d) => format!("{} of {d}", r.kind.label()),
    None => r.kind.label().to_string(),
});

/// A business unit has no stamp: any difference is a conflict.
impl Entity for Term {
    const KIND: EntityKind = EntityKind::Unit;
    fn id(&self) -> Id {
        self.id.clone()
    }
    fn stamp(&self) -> Option<Timestamp> {
        None
    }
    fn set_stamp(&mut self, _: Timestamp) {}
    fn name(&self) -> String {
        self.name.clone()
    }
}

/// A white-space cell is the pair of its business unit and offering.
impl Entity for WhiteSpaceCell {
    const KIND: EntityKind = EntityKind::Cell;
    fn id(&self) -> Id {
        cell_id(&self.unit, &self.offering)
    }
    fn stamp(&self) -> Option<Timestamp> {
        self.updated_at
    }
    fn set_stamp(&mut self, at: Timestamp) {
        self.updated_at = Some(at);
    }
    fn name(&self) -> String {
        format!("{} × {}", self.unit, self.offering)
    }
}

/// The id a white-space cell's tombstone carries.
pub fn cell_id(unit: &Id, offering: &Id) -> Id {
    Id(format!("{unit}/{offering}"))
}

/// The singletons: one per account (or workspace), with a fixed id.
macro_rules! singleton {
    ($ty:ty, $kind:ident, $name:literal) => {
        impl Entity for $ty {
            const KIND: EntityKind = EntityKind::$kind;
            fn id(&self) -> Id {
                Id::new(EntityKind::$kind.key())
            }
            fn stamp(&self) -> Option<Timestamp> {
                self.updated_at
            }
            fn set_stamp(&mut self, at: Timestamp) {
                self.updated_at = Some(at);
            }
            fn name(&self) -> String {
                $name.into()
            }
        }
    };
}

singleton!(Revenue, Revenue, "Revenue");
singleton!(Contract, Contract, "Contract");
singleton!(Settings, Settings, "Settings");

/// The kind of the entities of a list (for the lists `plan_lists!` names).
pub(crate) fn kind_of<T: Entity>(_: &[T]) -> EntityKind {
    T::KIND
}
