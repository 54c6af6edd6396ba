//! Answers kept by request URI, bounded in bytes rather than entries, so
//! many large distinct queries cannot grow the process without limit.

use std::collections::HashMap;

use axum::body::Bytes;

pub struct Cache {
    answers: HashMap<String, Bytes>,
    bytes: usize,
    capacity: usize,
}

impl Cache {
    pub fn new(capacity: usize) -> Self {
        Cache {
            answers: HashMap::new(),
            bytes: 0,
            capacity,
        }
    }

    pub fn get(&self, key: &str) -> Option<Bytes> {
        self.answers.get(key).cloned()
    }

    /// Keeps an answer; one larger than a sixteenth of the capacity is not
    /// worth the room, and a full cache starts over.
    pub fn insert(&mut self, key: String, body: Bytes) {
        let size = key.len() + body.len();
        if size > self.capacity / 16 {
            return;
        }
        if self.bytes + size > self.capacity {
            self.clear();
        }
        self.bytes += size;
        if let Some(old) = self.answers.insert(key, body) {
            self.bytes -= old.len();
        }
    }

    pub fn clear(&mut self) {
        self.answers = HashMap::new();
        self.bytes = 0;
        release_freed_memory();
    }

    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.bytes
    }
}

/// Hands freed heap pages back to the system, so the process shrinks after
/// a burst instead of keeping its peak.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_stays_within_its_byte_capacity() {
        let mut cache = Cache::new(16 << 10);
        for i in 0..1000 {
            cache.insert(format!("/api/quotes?n={i}"), Bytes::from(vec![b'x'; 900]));
            assert!(cache.bytes() <= 16 << 10);
        }
        cache.insert("/big".into(), Bytes::from(vec![b'x'; 2 << 10]));
        assert!(
            cache.get("/big").is_none(),
            "an answer over a sixteenth of the room is not kept"
        );
        cache.insert("/small".into(), Bytes::from_static(b"[]"));
        assert_eq!(cache.get("/small").as_deref(), Some(&b"[]"[..]));
    }
}
