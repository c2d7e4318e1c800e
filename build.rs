//! Bundles the built-in training corpus (`training/*.csv` and the annotated articles of
//! `training/news/`) into one file the library embeds, so `train --with-builtin` works from
//! the installed binary alone. Layout: for each file, its path relative to `training/` and its
//! bytes, each preceded by its length as a little-endian u64.

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("training");
    println!("cargo:rerun-if-changed=training");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut bundle = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&root).expect("under training/");
        let name = rel.to_string_lossy().replace('\\', "/");
        let top_csv = !name.contains('/') && name.ends_with(".csv");
        let article = name.starts_with("news/")
            && name.matches('/').count() == 2
            && (name.ends_with(".txt") || name.ends_with(".html") || name.ends_with("gold.json"));
        if !(top_csv || article) {
            continue;
        }
        let bytes = fs::read(&path).expect("readable training file");
        bundle.extend_from_slice(&(name.len() as u64).to_le_bytes());
        bundle.extend_from_slice(name.as_bytes());
        bundle.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        bundle.extend_from_slice(&bytes);
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("training.bin"), bundle).expect("OUT_DIR is writable");
}
