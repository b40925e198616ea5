//! The endpoints' answers on good input.

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use nutgraf_server::Config;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::util::{app_with, post, ARTICLE};

#[tokio::test]
async fn summarize_text_spans_point_into_the_text() {
    let (status, brief) = post("/v1/summarize", json!({ "text": ARTICLE, "sentences": 3 })).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    let sentences = brief["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 3);
    assert!(sentences[0]["text"].as_str().unwrap().starts_with("The Riverside city council approved"));
    for s in sentences.iter().chain(brief["omitted"].as_array().unwrap()) {
        let (a, b) = (s["span"][0].as_u64().unwrap() as usize, s["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&ARTICLE[a..b], s["text"].as_str().unwrap());
    }
    let reasons: Vec<&str> =
        brief["omitted"].as_array().unwrap().iter().map(|o| o["reason"].as_str().unwrap()).collect();
    assert!(reasons.contains(&"opinion") && reasons.contains(&"boilerplate"), "{reasons:?}");
    assert!(brief["loaded_words"].as_array().unwrap().iter().any(|w| w["word"] == "cowards"));
    assert!(brief.get("source").is_none(), "text input has no source object");
}

#[tokio::test]
async fn summarize_detects_or_takes_the_language() {
    let (status, brief) = post("/v1/summarize", json!({ "text": ARTICLE, "sentences": 2 })).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    assert_eq!(brief["language"]["code"], "en");
    assert_eq!(brief["language"]["detected"], true);
    let spanish = "El ayuntamiento de Sevilla aprobó el martes un presupuesto de 4,2 millones de euros para \
                   reparar las bibliotecas de los barrios del norte.\n\n«Es un buen día para la ciudad», dijo la \
                   alcaldesa, Ana Ruiz, al salir del pleno.\n\nLas obras empezarán en marzo y durarán un año.";
    let (status, brief) = post("/v1/summarize", json!({ "text": spanish, "sentences": 2, "lang": "es" })).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    assert_eq!(brief["language"]["code"], "es");
    assert_eq!(brief["language"]["detected"], false);
    for s in brief["sentences"].as_array().unwrap() {
        let (a, b) = (s["span"][0].as_u64().unwrap() as usize, s["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&spanish[a..b], s["text"].as_str().unwrap());
    }
    let (status, error) = post("/v1/summarize", json!({ "text": ARTICLE, "lang": "xx" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error["message"].as_str().unwrap().contains("unknown language"), "{error}");
}

#[tokio::test]
async fn summarize_html_answers_with_the_extracted_text() {
    let html = "<html><head><title>Bridge reopens</title></head><body><nav><a href='/'>Home</a></nav><article>\
        <h1>Bridge reopens</h1><p>The Elm Street bridge reopened to traffic on Monday after eight months of repairs.</p>\
        <p>City engineers said the new deck should last at least forty years with routine care.</p></article></body></html>";
    let (status, brief) = post("/v1/summarize", json!({ "html": html, "sentences": 1, "method": "lead" })).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    assert_eq!(brief["method"], "lead");
    let text = brief["source"]["text"].as_str().unwrap();
    let s = &brief["sentences"][0];
    let (a, b) = (s["span"][0].as_u64().unwrap() as usize, s["span"][1].as_u64().unwrap() as usize);
    assert_eq!(&text[a..b], "The Elm Street bridge reopened to traffic on Monday after eight months of repairs.");
    assert_eq!(brief["source"]["title"], "Bridge reopens");
    assert_eq!(brief["source"]["paragraphs"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn extract_finds_quotes_and_a_timeline() {
    let (status, x) = post("/v1/extract", json!({ "text": ARTICLE, "date": "2024-04-30" })).await;
    assert_eq!(status, StatusCode::OK, "{x}");
    let quotes = x["quotes"].as_array().unwrap();
    let mayor = quotes.iter().find(|q| q["speaker"] == "Ana Ruiz").expect("the mayor's quote");
    assert_eq!(mayor["text"], "This plan keeps every library open and every librarian employed");
    assert!(x["timeline"].as_array().unwrap().iter().any(|t| t["date"] == "2024-05-04"), "{}", x["timeline"]);
}

#[tokio::test]
async fn audit_points_at_the_unsupported_number() {
    let summary = "The council approved a $6.5 million library budget on Tuesday.";
    let (status, a) = post("/v1/audit", json!({ "source": ARTICLE, "summary": summary })).await;
    assert_eq!(status, StatusCode::OK, "{a}");
    assert_eq!(a["supported"], false);
    let flag = &a["sentences"][0]["unsupported"][0];
    assert_eq!(flag["kind"], "number");
    let (s, e) = (flag["span"][0].as_u64().unwrap() as usize, flag["span"][1].as_u64().unwrap() as usize);
    assert_eq!(&summary[s..e], flag["text"].as_str().unwrap());
    let (status, a) = post("/v1/audit", json!({ "sources": [{ "id": "a", "text": ARTICLE }], "summary": "The measure passed 7-2 after a three-hour session attended by more than 300 residents." })).await;
    assert_eq!((status, &a["supported"]), (StatusCode::OK, &json!(true)), "{a}");
}

async fn get(path: &str) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let response = app_with(Config::default()).oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, to_bytes(body, usize::MAX).await.unwrap().to_vec())
}

#[tokio::test]
async fn health_and_web_page() {
    let (status, _, body) = get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(serde_json::from_slice::<Value>(&body).unwrap()["status"], "ok");
    let (status, headers, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
    assert!(headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("script-src 'self'"));
    let page = String::from_utf8(body).unwrap();
    assert!(page.contains("id=\"brief-form\"") && page.contains("/assets/app.js"));
    for (path, ty) in [("/assets/app.js", "text/javascript"), ("/assets/app.css", "text/css")] {
        let (status, headers, body) = get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with(ty), "{path}");
        assert!(body.len() > 1000, "{path} is embedded");
    }
}

/// Resolves a `$ref` (direct, or in `oneOf`/`allOf`/`anyOf`) to the named schema.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    let reference = schema["$ref"].as_str().or_else(|| {
        ["oneOf", "allOf", "anyOf"].iter().find_map(|k| schema[k].as_array()?.iter().find_map(|s| s["$ref"].as_str()))
    });
    match reference {
        Some(r) => &doc["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    }
}

/// Checks that every field of `value` is a property of `schema` and every required property is
/// in `value`, recursively through objects and arrays of objects.
fn conforms(doc: &Value, schema: &Value, value: &Value, path: &str) {
    let schema = resolve(doc, schema);
    match value {
        Value::Object(map) => {
            let props = schema["properties"].as_object().unwrap_or_else(|| panic!("{path}: no properties in {schema}"));
            for (k, v) in map {
                let sub = props.get(k).unwrap_or_else(|| panic!("{path}.{k} is not in the OpenAPI schema"));
                if v.is_object() || v.as_array().is_some_and(|a| a.first().is_some_and(Value::is_object)) {
                    conforms(doc, sub, v, &format!("{path}.{k}"));
                }
            }
            for r in schema["required"].as_array().into_iter().flatten() {
                assert!(map.contains_key(r.as_str().unwrap()), "{path}: required {r} missing");
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                conforms(doc, &schema["items"], v, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn openapi_describes_every_endpoint_and_real_briefs() {
    let (status, _, body) = get("/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let doc: Value = serde_json::from_slice(&body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/v1/summarize", "/v1/extract", "/v1/audit", "/healthz", "/openapi.json"] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    let request = &doc["components"]["schemas"]["SummarizeRequest"]["properties"];
    for field in ["text", "html", "url", "sentences", "words", "ratio", "method", "keep_opinion", "lang"] {
        assert!(request.get(field).is_some(), "SummarizeRequest.{field}");
    }
    let brief_schema =
        &doc["paths"]["/v1/summarize"]["post"]["responses"]["200"]["content"]["application/json"]["schema"];
    let html = "<html><body><article><p>The Elm Street bridge reopened on Monday after eight months of repairs.</p>\
                <p>\"It is a great day,\" Mayor Ana Ruiz said.</p></article></body></html>";
    for body in [json!({ "text": ARTICLE }), json!({ "html": html })] {
        let (status, brief) = post("/v1/summarize", body).await;
        assert_eq!(status, StatusCode::OK);
        conforms(&doc, brief_schema, &brief, "brief");
    }
    let error_schema = json!({ "$ref": "#/components/schemas/ErrorBody" });
    let (_, error) = post("/v1/summarize", json!({ "text": 1 })).await;
    conforms(&doc, &error_schema, &error, "error");
}
