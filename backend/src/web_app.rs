//! The web app's files: those built into the binary (`frontend/dist` when the server was built,
//! so that `statkonsul serve` serves the app from any folder), or those of `STATIC_DIR`.
//! Hashed assets under `/assets/` are cached for a year; `index.html`, the answer to every client
//! route, is revalidated each time, so that a new release is picked up at once.
use std::{borrow::Cow, path::PathBuf};

use actix_web::{
    HttpRequest, HttpResponse,
    http::header::{self, EntityTag, HeaderValue},
};

use crate::error::AppError;

/// `frontend/dist` as it was when the binary was built; empty when the web app had not been
/// built (a build without it still compiles, and answers a problem that says so). Debug builds
/// read the folder from the disk at each request instead.
#[derive(rust_embed::Embed)]
#[folder = "../frontend/dist"]
#[allow_missing = true]
struct Built;

/// Where the web app's files come from.
#[derive(Debug, Clone)]
pub enum WebApp {
    /// Built into the binary.
    Embedded,
    /// `STATIC_DIR`.
    Folder(PathBuf),
}

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

impl WebApp {
    pub fn new(static_dir: Option<PathBuf>) -> Self {
        static_dir.map_or(Self::Embedded, Self::Folder)
    }

    /// `path`'s file, else `index.html` for a client route; a problem when the app is not there.
    pub async fn serve(&self, req: &HttpRequest, path: &str) -> Result<HttpResponse, AppError> {
        let relative: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let safe = relative
            .iter()
            .all(|s| *s != ".." && *s != "." && !s.contains('\\') && !s.starts_with('.'));
        // Other files (the icon, the manifest) keep their validators and no lifetime.
        let cache = path.starts_with("/assets/").then_some(IMMUTABLE);
        if safe && !relative.is_empty() {
            let name = relative.join("/");
            if let Some(res) = self.file(req, &name, cache).await {
                return Ok(res);
            }
        }
        match self.file(req, "index.html", Some("no-cache")).await {
            Some(res) => Ok(res),
            None => Err(AppError::not_found().with_detail(self.missing())),
        }
    }

    async fn file(
        &self,
        req: &HttpRequest,
        name: &str,
        cache: Option<&'static str>,
    ) -> Option<HttpResponse> {
        let mut res = match self {
            Self::Folder(root) => {
                let file = name.split('/').fold(root.clone(), |p, s| p.join(s));
                if !file.is_file() {
                    return None;
                }
                actix_files::NamedFile::open_async(&file)
                    .await
                    .ok()?
                    .into_response(req)
            }
            Self::Embedded => embedded(req, name)?,
        };
        if let Some(cache) = cache {
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        }
        Some(res)
    }

    fn missing(&self) -> String {
        match self {
            Self::Folder(root) => format!(
                "The web app is not built at {} (run `npm run build` in frontend/).",
                root.display()
            ),
            Self::Embedded => "The web app is not built into this server: run `npm run build` in \
                 frontend/ before building the server, or set STATIC_DIR to the built app."
                .into(),
        }
    }
}

/// A built-in file, with its type and a strong ETag from its content's hash (a repeated request
/// that names it gets 304).
fn embedded(req: &HttpRequest, name: &str) -> Option<HttpResponse> {
    let file = Built::get(name)?;
    let tag = EntityTag::new_strong(hex::encode(&file.metadata.sha256_hash()[..16]));
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == "*" || t.trim() == tag.to_string())
        });
    let mut res = if matches {
        HttpResponse::NotModified().finish()
    } else {
        match file.data {
            Cow::Borrowed(bytes) => HttpResponse::Ok().body(bytes),
            Cow::Owned(bytes) => HttpResponse::Ok().body(bytes),
        }
    };
    let headers = res.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type(file.metadata.mimetype())) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&tag.to_string()) {
        headers.insert(header::ETAG, value);
    }
    Some(res)
}

/// Text is UTF-8, as the web app's build writes it (and as `actix-files` says of a folder's).
fn content_type(mime: &str) -> String {
    let text = mime.starts_with("text/")
        || mime == "application/javascript"
        || mime == "application/json"
        || mime.ends_with("+xml")
        || mime.ends_with("+json");
    if text && !mime.contains("charset") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::content_type;

    #[test]
    fn text_is_said_to_be_utf8() {
        assert_eq!(
            content_type("text/javascript"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type("application/manifest+json"),
            "application/manifest+json; charset=utf-8"
        );
        assert_eq!(content_type("image/png"), "image/png");
        assert_eq!(content_type("font/woff2"), "font/woff2");
    }
}
