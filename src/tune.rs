//! TEMPORARY: development overrides of tunables from WB_* environment variables.
use std::collections::HashMap;
use std::sync::OnceLock;

pub fn f(name: &str, default: f32) -> f32 {
    static M: OnceLock<HashMap<String, f32>> = OnceLock::new();
    let m = M.get_or_init(|| {
        std::env::vars()
            .filter_map(|(k, v)| k.strip_prefix("WB_").and_then(|n| v.parse().ok().map(|x| (n.to_string(), x))))
            .collect()
    });
    m.get(name).copied().unwrap_or(default)
}
