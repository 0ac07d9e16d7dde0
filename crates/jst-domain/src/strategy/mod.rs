//! Strategy monitoring methods of DESIGN §5.1–5.3: indicator progress and status, roll-up of
//! scores through the strategy tree, and the OLS projection with its prediction interval.
//! The evaluation year is always passed in; nothing here reads the clock.

mod direction;
mod progress;
mod projection;
mod rollup;
mod status;
mod tree;

pub use direction::{Direction, DirectionConflict};
pub use progress::{evaluate, Evaluation, IndicatorTarget, YearValue};
pub use projection::{project, Projection};
pub use rollup::{indicator_score, roll_up, RollupIndicator, RollupNode};
pub use status::{Status, Thresholds};
pub use tree::{
    format_milestones, format_number, NodeIndicator, NodeLevel, StrategyNode, StrategyTree,
};
