//! Journeys of every shape from a seed, for the geometry checks: a valid single-file
//! workspace with 1 to 20 departments (some external, some customer-facing), 0 to 6 stages,
//! 1 to 40 touchpoints with 0 to 3 owners, backstage steps, evidence, support, scores, and
//! `next` steps that go forward, back, far, onto themselves and into one card from many,
//! with labels short, long and hostile.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const WORDS: [&str; 16] = [
    "Calls",
    "the",
    "help line",
    "about a",
    "wrong",
    "bill",
    "Supercalifragilisticexpialidocious",
    "<b>bold</b>",
    "& co",
    "\\\\N",
    "again",
    "🙂",
    "re-uploads",
    "re-advise",
    "x\\\"]; evil",
    "عربى",
];

fn words(rng: &mut Rng, max: usize) -> String {
    let n = 1 + rng.below(max);
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The TOML text of generated journey number `seed`.
pub fn journey(seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let depts = 1 + rng.below(20);
    let mut s = String::new();
    for d in 0..depts {
        s += &format!(
            "[[department]]\nid = \"d{d}\"\nname = \"{}\"\ncustomer_facing = {}\nexternal = {}\n",
            words(&mut rng, 4),
            rng.chance(50),
            rng.chance(15)
        );
    }
    let stages = rng.below(7);
    let stage_names: Vec<String> = (0..stages)
        .map(|k| format!("Stage {k} {}", words(&mut rng, 3)))
        .collect();
    s += &format!(
        "[journey]\nid = \"gen\"\nname = \"{}\"\nstages = [{}]\n",
        words(&mut rng, 6),
        stage_names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let n = 1 + rng.below(40);
    for t in 0..n {
        let owners: Vec<String> = {
            let k = [0, 1, 1, 1, 2, 3][rng.below(6)];
            let mut o: Vec<usize> = (0..k).map(|_| rng.below(depts)).collect();
            o.sort_unstable();
            o.dedup();
            o.iter().map(|d| format!("\"d{d}\"")).collect()
        };
        let supported: Vec<String> = {
            let k = [0, 0, 1, 2][rng.below(4)];
            let mut o: Vec<usize> = (0..k).map(|_| rng.below(depts)).collect();
            o.sort_unstable();
            o.dedup();
            o.iter().map(|d| format!("\"d{d}\"")).collect()
        };
        let mut next: Vec<String> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        let edges = [0, 1, 1, 1, 2, 3][rng.below(6)];
        for _ in 0..edges {
            let to = match rng.below(6) {
                0 => t,
                1 => rng.below(n),
                2 => (t + 2 + rng.below(5)).min(n - 1),
                3 => 0,
                _ => (t + 1).min(n - 1),
            };
            if targets.contains(&to) {
                continue;
            }
            targets.push(to);
            if rng.chance(35) {
                next.push(format!(
                    "{{ to = \"t{to}\", label = \"{}\" }}",
                    words(&mut rng, 5)
                ));
            } else {
                next.push(format!("\"t{to}\""));
            }
        }
        let artifacts: Vec<String> = if rng.chance(20) {
            (0..=rng.below(3))
                .map(|_| format!("\"{}\"", words(&mut rng, 4)))
                .collect()
        } else {
            Vec::new()
        };
        s += &format!(
            "[[touchpoint]]\nid = \"t{t}\"\nname = \"{}\"\n",
            words(&mut rng, 8)
        );
        if stages > 0 && rng.chance(85) {
            s += &format!("stage = \"{}\"\n", stage_names[rng.below(stages)]);
        }
        s += &format!(
            "owner = [{}]\nsupported_by = [{}]\nbackstage = {}\npurchase = {}\nartifacts = [{}]\nnext = [{}]\n",
            owners.join(", "),
            supported.join(", "),
            rng.chance(30),
            rng.chance(10),
            artifacts.join(", "),
            next.join(", ")
        );
        if rng.chance(70) {
            s += &format!("score = {}\n", [-2, -1, 0, 1, 2][rng.below(5)]);
        }
        if rng.chance(30) {
            s += &format!("channel = \"{}\"\n", words(&mut rng, 3));
        }
    }
    s
}
