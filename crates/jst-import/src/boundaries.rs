//! Unit boundaries from a GeoJSON FeatureCollection whose features carry `terc` (TERYT) and
//! `name` properties, as shipped in `assets/geo`. Geometry is passed on untouched for drawing.

use jst_text::t;
use serde::Deserialize;

use crate::{ImportError, Problem};

#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    /// First 6 digits of a gmina's code, 4 of a powiat's: the join key with the register.
    pub identity: String,
    pub name: String,
    /// The feature's GeoJSON geometry (Polygon or MultiPolygon), as JSON text.
    pub geometry: String,
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: serde_json::Value,
}

#[derive(Deserialize)]
struct Properties {
    terc: String,
    name: String,
}

pub fn parse_boundaries(bytes: &[u8], file: &str) -> Result<Vec<Boundary>, ImportError> {
    let collection: Collection = serde_json::from_slice(bytes).map_err(|e| {
        ImportError::single(
            file,
            Problem::file(t!(
                "import-boundaries-not-geojson",
                line = e.line(),
                column = e.column(),
                error = e.to_string()
            )),
        )
    })?;
    collection
        .features
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let code = f.properties.terc.trim();
            let identity = match code.len() {
                7 | 6 => &code[..6],
                4 | 2 => code,
                _ => {
                    return Err(ImportError::single(
                        file,
                        Problem::file(t!("import-boundaries-code", feature = i + 1, code = code)),
                    ))
                }
            };
            let kind = f.geometry.get("type").and_then(|t| t.as_str()).unwrap_or_default();
            if !matches!(kind, "Polygon" | "MultiPolygon") {
                return Err(ImportError::single(
                    file,
                    Problem::file(t!(
                        "import-boundaries-geometry",
                        feature = i + 1,
                        code = code,
                        kind = kind
                    )),
                ));
            }
            Ok(Boundary {
                identity: identity.to_owned(),
                name: f.properties.name,
                geometry: f.geometry.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_on_the_identity_and_refuses_other_shapes() {
        let ok = br#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"terc":"1219052","name":"Wieliczka"},
             "geometry":{"type":"Polygon","coordinates":[[[20,50],[20.1,50],[20,50.1],[20,50]]]}},
            {"type":"Feature","properties":{"terc":"1219","name":"wielicki"},
             "geometry":{"type":"MultiPolygon","coordinates":[]}}]}"#;
        let b = parse_boundaries(ok, "g.json").expect("valid");
        assert_eq!((b[0].identity.as_str(), b[1].identity.as_str()), ("121905", "1219"));
        assert!(b[0].geometry.starts_with("{\"coordinates\""), "{}", b[0].geometry);
        let point = br#"{"features":[{"properties":{"terc":"1219","name":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        assert!(parse_boundaries(point, "g.json").is_err());
        assert!(parse_boundaries(b"[]", "g.json").is_err());
    }

    #[test]
    fn the_shipped_maps_cover_every_gmina_and_powiat() {
        let gminy = parse_boundaries(include_bytes!("../../../assets/geo/gminy.geojson"), "gminy")
            .expect("gminy");
        assert_eq!(gminy.len(), 2477);
        let powiaty =
            parse_boundaries(include_bytes!("../../../assets/geo/powiaty.geojson"), "powiaty")
                .expect("powiaty");
        assert_eq!(powiaty.len(), 380);
    }
}
