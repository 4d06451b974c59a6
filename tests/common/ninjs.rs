//! The IPTC ninjs 3.1 validator used by the tests: the official schema, with its GeoJSON
//! reference served from the shared folder instead of the network.

use jsonschema::{Retrieve, Uri, Validator};
use serde_json::Value;
use std::sync::OnceLock;

struct LocalSchemas;

impl Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        if uri
            .as_str()
            .starts_with("https://geojson.org/schema/GeoJSON.json")
        {
            let text = std::fs::read_to_string(
                super::shared().join("ninjs/specification/GeoJSON-schema.json"),
            )?;
            return Ok(serde_json::from_str(&text)?);
        }
        Err(format!("no network in tests: {uri}").into())
    }
}

/// The ninjs 3.1 validator.
pub fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = super::shared().join("ninjs/specification/ninjs-schema_3.1.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::options()
            .with_retriever(LocalSchemas)
            .build(&schema)
            .expect("the ninjs 3.1 schema compiles")
    })
}

/// The schema errors of a document, as text; empty when it is valid.
pub fn errors(document: &Value) -> Vec<String> {
    validator()
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
