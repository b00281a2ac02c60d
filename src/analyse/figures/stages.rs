//! The ownership heatmap: touchpoints owned per department and stage, across journeys.

use crate::model::{JourneyIdx, Workspace};

/// One column per stage of each journey, journeys in workspace order.
#[derive(Debug)]
pub struct Heatmap {
    pub columns: Vec<(JourneyIdx, HeatmapColumn)>,
    /// One row per department, in workspace order: counts per column.
    pub rows: Vec<Vec<usize>>,
    pub max: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeatmapColumn {
    /// A stage of the journey.
    Stage(usize),
    /// The one column of a journey without stages.
    All,
    /// Touchpoints without a stage in a journey with stages.
    NoStage,
}

pub fn heatmap(ws: &Workspace) -> Heatmap {
    let mut columns = Vec::new();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); ws.departments.len()];
    for (j, journey) in ws.journeys.iter().enumerate() {
        let first = columns.len();
        if journey.stages.is_empty() {
            columns.push((j, HeatmapColumn::All));
        } else {
            columns.extend((0..journey.stages.len()).map(|s| (j, HeatmapColumn::Stage(s))));
            if journey.touchpoints.iter().any(|t| t.stage.is_none()) {
                columns.push((j, HeatmapColumn::NoStage));
            }
        }
        for row in &mut rows {
            row.resize(columns.len(), 0);
        }
        for tp in &journey.touchpoints {
            let col = first + tp.stage.unwrap_or(journey.stages.len());
            for &d in &tp.owners {
                rows[d][col] += 1;
            }
        }
    }
    let max = rows.iter().flatten().copied().max().unwrap_or(0);
    Heatmap { columns, rows, max }
}
