//! Cutting a wide drawing into pages without shrinking it: at the gaps between stages where
//! one can, between columns where a stage alone is too wide, mid-drawing only when a single
//! column is. Each page repeats the drawing's left part (the lane names).

use super::scene::Scene;

/// Page slices of `scene` as (x, width) in its units, each at most `max_width` wide beside
/// the repeated left part (`scene.cuts.gutter`). A drawing that fits is one slice.
pub fn slices(scene: &Scene, max_width: f32) -> Vec<(f32, f32)> {
    let gutter = scene.cuts.gutter;
    let room = (max_width - gutter).max(1.0);
    let end = scene.width;
    let mut out = Vec::new();
    let mut x = gutter;
    while end - x > room + 0.5 {
        let limit = x + room;
        let fits = |between_stages: bool| {
            scene
                .cuts
                .at
                .iter()
                .filter(|&&(c, stage)| c > x + 1.0 && c <= limit && (stage || !between_stages))
                .map(|&(c, _)| c)
                .next_back()
        };
        let cut = fits(true).or_else(|| fits(false)).unwrap_or(limit);
        out.push((x, cut - x));
        x = cut;
    }
    out.push((x, end - x));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::diagram::scene::Cuts;

    fn scene(width: f32, cuts: Vec<(f32, bool)>) -> Scene {
        Scene {
            width,
            height: 100.0,
            id_prefix: "t".into(),
            title: String::new(),
            description: String::new(),
            items: Vec::new(),
            cuts: Cuts {
                gutter: 100.0,
                at: cuts,
            },
        }
    }

    #[test]
    fn cuts_at_stages_first_then_columns_then_anywhere() {
        // Fits: one slice.
        assert_eq!(slices(&scene(500.0, vec![]), 600.0), vec![(100.0, 400.0)]);
        // Stage boundaries at 400 and 700, a column gap at 550.
        let s = scene(1000.0, vec![(400.0, true), (550.0, false), (700.0, true)]);
        assert_eq!(
            slices(&s, 600.0),
            vec![(100.0, 300.0), (400.0, 300.0), (700.0, 300.0)]
        );
        // A stage wider than a page is cut between its columns.
        let s = scene(1000.0, vec![(550.0, false)]);
        assert_eq!(slices(&s, 600.0), vec![(100.0, 450.0), (550.0, 450.0)]);
        // No gap at all: cut where the page ends.
        let s = scene(1000.0, vec![]);
        assert_eq!(slices(&s, 600.0), vec![(100.0, 500.0), (600.0, 400.0)]);
    }
}
