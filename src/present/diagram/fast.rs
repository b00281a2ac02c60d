//! A fast hash for the maps layout keeps of its own slots and grid cells (a multiply and a
//! rotate, as in rustc's `FxHash`). Keys are small integers cxmap makes, never text an attacker
//! chooses, and no map's order reaches any output (output is built from vectors in order).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_i32(&mut self, i: i32) {
        self.write_u64(u64::from(i.cast_unsigned()));
    }
    fn write_isize(&mut self, i: isize) {
        self.write_u64(i.cast_unsigned() as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
