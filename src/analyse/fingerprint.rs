//! What a finding is about, as one value: its [`Identity`] (rule, journey, subject and detail,
//! all by id) and the [`Fingerprint`] hashed from it. Ids, never paths or lines, so a finding
//! keeps its fingerprint when lines move, other parts of the file change, or files are renamed
//! or reordered; it changes when what it is about changes (a touchpoint renamed is another
//! touchpoint). The diff, the baseline gate, JSON, SARIF and GitLab output all use this one
//! definition.
//!
//! The recipe (version 1), so that any tool can compute it from a finding in JSON output:
//! FNV-1a, 128 bits, over the bytes of `cxmap-finding/1` followed by the four fields `rule`,
//! `journey`, `subject`, `detail` in that order, each written as its length in bytes (8 bytes,
//! little-endian) and then its UTF-8 bytes, a null field as the length `u64::MAX` and no bytes;
//! written as 32 lowercase hexadecimal digits.

use std::fmt;

use serde::{Serialize, Serializer};

use super::finding::Finding;
use crate::model::Workspace;

/// What a finding is about, by id: the contract's `rule`, `journey`, `subject` and `detail`.
/// Two findings with the same identity are the same finding, in any version of the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identity<'a> {
    pub rule: &'a str,
    pub journey: Option<&'a str>,
    pub subject: &'a str,
    pub detail: Option<&'a str>,
}

/// A finding's identity hashed (see the module documentation for the recipe).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(pub u128);

impl Fingerprint {
    /// The 32 lowercase hexadecimal digits, most significant first.
    fn hex(self) -> [u8; 32] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 32];
        for (i, digit) in out.iter_mut().enumerate() {
            let nibble = (self.0 >> (4 * (31 - i))) & 0xf;
            *digit = DIGITS[nibble as usize];
        }
        out
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.hex();
        f.write_str(std::str::from_utf8(&hex).map_err(|_| fmt::Error)?)
    }
}

/// As its 32 digits, without a string of its own.
impl Serialize for Fingerprint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

const FNV_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
const TAG: &[u8] = b"cxmap-finding/1";

struct Fnv(u128);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    fn field(&mut self, field: Option<&str>) {
        match field {
            Some(s) => {
                self.bytes(&(s.len() as u64).to_le_bytes());
                self.bytes(s.as_bytes());
            }
            None => self.bytes(&u64::MAX.to_le_bytes()),
        }
    }
}

impl Identity<'_> {
    pub fn fingerprint(&self) -> Fingerprint {
        let mut h = Fnv(FNV_OFFSET);
        h.bytes(TAG);
        h.field(Some(self.rule));
        h.field(self.journey);
        h.field(Some(self.subject));
        h.field(self.detail);
        Fingerprint(h.0)
    }
}

/// A fingerprint for an invalid-input problem, for outputs that want one on every result
/// (GitLab): problems are about text, not ids, so it hashes the file as shown, the message, and
/// which of the problems with that message in that file it is (the first is 0); never a line.
pub fn problem_fingerprint(file: &str, message: &str, occurrence: usize) -> Fingerprint {
    let mut h = Fnv(FNV_OFFSET);
    h.bytes(b"cxmap-problem/1");
    h.field(Some(file));
    h.field(Some(message));
    h.bytes(&(occurrence as u64).to_le_bytes());
    Fingerprint(h.0)
}

impl Finding {
    /// What this finding is about, by id.
    pub fn identity<'a>(&self, ws: &'a Workspace) -> Identity<'a> {
        Identity {
            rule: self.rule.name,
            journey: self.journey.map(|j| ws.journeys[j].id.as_str()),
            subject: self.subject.id(ws),
            detail: self.detail.map(|d| d.id(ws)),
        }
    }

    pub fn fingerprint(&self, ws: &Workspace) -> Fingerprint {
        self.identity(ws).fingerprint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_1a_128_matches_the_published_test_vectors() {
        // From the FNV reference (draft-eastlake-fnv): "" and "a".
        let hash = |s: &str| {
            let mut h = Fnv(FNV_OFFSET);
            h.bytes(s.as_bytes());
            h.0
        };
        assert_eq!(hash(""), 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d);
        assert_eq!(hash("a"), 0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964);
    }

    #[test]
    fn written_as_32_lowercase_hex_digits() {
        for n in [0, 1, 0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964, u128::MAX] {
            let f = Fingerprint(n);
            assert_eq!(f.to_string(), format!("{n:032x}"));
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{n:032x}\""));
        }
    }

    #[test]
    fn fields_cannot_run_into_each_other() {
        let a = Identity {
            rule: "r",
            journey: None,
            subject: "ab",
            detail: Some(""),
        };
        let b = Identity {
            subject: "a",
            detail: Some("b"),
            ..a
        };
        let c = Identity { detail: None, ..a };
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_ne!(a.fingerprint(), c.fingerprint());
        assert_eq!(a.fingerprint().to_string().len(), 32);
    }
}
