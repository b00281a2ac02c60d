//! Geometry read back from drawn paths: the points a path passes through (curves sampled),
//! its bounds and its end. Pages use it to keep what lies in a window; geometry tests use it
//! to check that no connector crosses a card.

use super::scene::Rect;

/// Points along an SVG path made of absolute `M`, `L`, `C` and `Q` commands (the only ones
/// cxmap writes), with curves sampled every few pixels.
pub fn points(d: &str) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    let mut cmd = ' ';
    let mut nums: Vec<f32> = Vec::with_capacity(6);
    let flush = |cmd: char, nums: &mut Vec<f32>, out: &mut Vec<(f32, f32)>| {
        let at = out.last().copied().unwrap_or((0.0, 0.0));
        match (cmd, nums.len()) {
            ('M' | 'L', 2) => out.push((nums[0], nums[1])),
            ('Q', 4) => {
                let (c, e) = ((nums[0], nums[1]), (nums[2], nums[3]));
                sample(out, at, e, |t| {
                    let u = 1.0 - t;
                    (
                        u * u * at.0 + 2.0 * u * t * c.0 + t * t * e.0,
                        u * u * at.1 + 2.0 * u * t * c.1 + t * t * e.1,
                    )
                });
            }
            ('C', 6) => {
                let (c1, c2, e) = ((nums[0], nums[1]), (nums[2], nums[3]), (nums[4], nums[5]));
                sample(out, at, e, |t| {
                    let u = 1.0 - t;
                    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                    (
                        a * at.0 + b * c1.0 + c * c2.0 + d * e.0,
                        a * at.1 + b * c1.1 + c * c2.1 + d * e.1,
                    )
                });
            }
            _ => return false,
        }
        nums.clear();
        true
    };
    let mut token = String::new();
    for ch in d.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_digit() || ch == '.' || (ch == '-' && token.is_empty()) {
            token.push(ch);
            continue;
        }
        if !token.is_empty() {
            nums.push(token.parse().unwrap_or(0.0));
            token.clear();
            if flush(cmd, &mut nums, &mut out) && cmd == 'M' {
                cmd = 'L';
            }
        }
        if ch == '-' {
            token.push(ch);
        } else if ch.is_ascii_alphabetic() {
            cmd = ch.to_ascii_uppercase();
            nums.clear();
        }
    }
    out
}

/// Samples a curve from `a` to `b` (the end point included, the start not).
fn sample(out: &mut Vec<(f32, f32)>, a: (f32, f32), b: (f32, f32), at: impl Fn(f32) -> (f32, f32)) {
    let length = (b.0 - a.0).abs() + (b.1 - a.1).abs();
    let steps = ((length / 4.0).ceil() as usize).clamp(4, 64);
    for k in 1..=steps {
        out.push(at(k as f32 / steps as f32));
    }
}

/// Points along straight segments too, every `step` pixels: what a line covers.
pub fn dense(points: &[(f32, f32)], step: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::with_capacity(points.len() * 2);
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let n = (((b.0 - a.0).hypot(b.1 - a.1)) / step).ceil().max(1.0) as usize;
        for k in 0..n {
            let t = k as f32 / n as f32;
            out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    out.extend(points.last());
    out
}

/// The smallest rectangle holding every point.
pub fn bounds(points: &[(f32, f32)]) -> Option<Rect> {
    let first = points.first()?;
    let (mut x0, mut y0, mut x1, mut y1) = (first.0, first.1, first.0, first.1);
    for &(x, y) in points {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    Some(Rect::new(x0, y0, x1 - x0, y1 - y0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_commands_cxmap_writes() {
        let p = points("M0,0 L10,0 Q20,0 20,10 C20,20 30,20 30,-5");
        assert_eq!(p[0], (0.0, 0.0));
        assert_eq!(p[1], (10.0, 0.0));
        assert_eq!(*p.last().unwrap(), (30.0, -5.0));
        assert!(
            p.iter()
                .any(|&(x, y)| (x - 20.0).abs() < 0.01 && (y - 10.0).abs() < 0.01)
        );
        let b = bounds(&p).unwrap();
        assert!(b.y < -4.9 && b.bottom() > 14.0);
    }
}
