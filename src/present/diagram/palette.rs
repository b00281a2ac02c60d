//! Colours: cxmap's own palette (never user text), each department's colour, and what a
//! score's tone is drawn in. One place decides what a colour means.
//!
//! Department colours are qualitative: Paul Tol's "muted" nine, extended to sixteen with
//! colours chosen to stay apart in CIELAB for normal vision and for simulated deuteranopia,
//! protanopia and tritanopia (tests check the distances). No sixteen colours are safe for
//! every eye, so colour never carries meaning alone: lanes are named and cards say who owns
//! them. The accent (vermillion) and the alert red are kept out of the department palette,
//! so they keep their meaning.

use super::scene::Color;
use crate::model::Tone;

/// (strong, light) colours of each department, by the department's place in the workspace:
/// a department keeps its colour in every diagram.
pub const PALETTE: [(Color, Color); 16] = [
    ("#332288", "#dedcec"), // indigo
    ("#117733", "#d9e9de"), // green
    ("#44AA99", "#e1f1ef"), // teal
    ("#88CCEE", "#ecf7fc"), // cyan
    ("#DDCC77", "#faf7e9"), // sand
    ("#CC6677", "#f7e7e9"), // rose
    ("#AA4499", "#f1e1ef"), // purple
    ("#882255", "#ecdce4"), // wine
    ("#999933", "#efefde"), // olive
    ("#663333", "#e7dede"), // brown
    ("#BBCC33", "#f4f7de"), // pear
    ("#DDAA77", "#faf1e9"), // tan
    ("#114477", "#d9e1e9"), // navy
    ("#6699CC", "#e7eff7"), // sky
    ("#997700", "#efe9d6"), // ochre
    ("#0077BB", "#d6e9f4"), // blue
];

pub const INK: Color = "#1f2328";
pub const MUTED: Color = "#57606a";
pub const LINE: Color = "#6e7781";
pub const ALERT: Color = "#b3261e";
pub const ALERT_FILL: Color = "#fde8e6";
/// The strong accent: a hand-off the customer feels (see `DiagramInput::accent`). Nothing
/// else is drawn in it.
pub const ACCENT: Color = "#d55e00";
pub const GOOD: Color = "#1a7f37";
pub const BACKSTAGE_FILL: Color = "#f6f8fa";
pub const BAND: Color = "#f3f5f7";
pub const RULE: Color = "#d0d7de";

/// (strong, light) colours of a department.
pub fn department_color(index: usize) -> (Color, Color) {
    PALETTE[index % PALETTE.len()]
}

/// The colour a score is drawn in, by its tone.
pub fn tone_color(tone: Tone) -> Color {
    match tone {
        Tone::Bad => ALERT,
        Tone::Good => GOOD,
        Tone::Neutral => LINE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(hex: &str) -> [f32; 3] {
        let v = |i: usize| f32::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        [v(1), v(3), v(5)]
    }

    fn linear(c: f32) -> f32 {
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    /// CIELAB (D65) of linear sRGB.
    fn lab(l: [f32; 3]) -> [f32; 3] {
        let x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.950_47;
        let y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
        let z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.088_83;
        let f = |t: f32| {
            if t > 0.008_856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    /// Machado, Oliveira & Fernandes (2009), severity 1.0, on linear sRGB.
    const DEUTAN: [[f32; 3]; 3] = [
        [0.367_322, 0.860_646, -0.227_968],
        [0.280_085, 0.672_501, 0.047_413],
        [-0.011_820, 0.042_940, 0.968_881],
    ];
    const PROTAN: [[f32; 3]; 3] = [
        [0.152_286, 1.052_583, -0.204_868],
        [0.114_503, 0.786_281, 0.099_216],
        [-0.003_882, -0.048_116, 1.051_998],
    ];
    const TRITAN: [[f32; 3]; 3] = [
        [1.255_528, -0.076_749, -0.178_779],
        [-0.078_411, 0.930_809, 0.147_602],
        [0.004_733, 0.691_367, 0.303_900],
    ];

    fn seen(hex: &str, m: Option<&[[f32; 3]; 3]>) -> [f32; 3] {
        let l = rgb(hex).map(linear);
        let l = m.map_or(l, |m| {
            std::array::from_fn(|i| {
                (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0)
            })
        });
        lab(l)
    }

    fn distance(a: [f32; 3], b: [f32; 3]) -> f32 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }

    /// Regression: colours repeated after nine departments. Sixteen departments get sixteen
    /// colours, apart for normal vision (ΔE ≥ 18) and still apart with each common colour
    /// vision deficiency (ΔE ≥ 10; lane names carry the rest).
    #[test]
    fn sixteen_departments_sixteen_distinguishable_colours() {
        let strong: Vec<&str> = (0..16).map(|d| department_color(d).0).collect();
        for (vision, matrix, least) in [
            ("normal", None, 18.0),
            ("deuteranopia", Some(&DEUTAN), 10.0),
            ("protanopia", Some(&PROTAN), 10.0),
            ("tritanopia", Some(&TRITAN), 10.0),
        ] {
            for (i, a) in strong.iter().enumerate() {
                for b in &strong[i + 1..] {
                    let d = distance(seen(a, matrix), seen(b, matrix));
                    assert!(d >= least, "{vision}: {a} and {b} are only ΔE {d:.1} apart");
                }
                // The accent and the alert red stay apart from every department.
                for special in [ACCENT, ALERT] {
                    let d = distance(seen(a, None), seen(special, None));
                    assert!(d >= 30.0, "{a} is close to {special}");
                }
            }
        }
    }
}
