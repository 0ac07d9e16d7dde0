//! The webview may only show the app's own pages: any navigation elsewhere is refused
//! (DESIGN §9), so a compromised page cannot load remote content.

use tauri::plugin::TauriPlugin;
use tauri::Wry;

pub fn guard() -> TauriPlugin<Wry> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_, url| is_app_origin(url))
        .build()
}

fn is_app_origin(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_app_origin;

    #[test]
    fn only_the_app_origin_is_allowed() {
        for (url, allowed) in [
            ("tauri://localhost/index.html", true),
            ("http://tauri.localhost/", true),
            ("https://example.com/", false),
            ("http://localhost:5173/", false),
            ("file:///etc/passwd", false),
        ] {
            let parsed = tauri::Url::parse(url).expect("url");
            assert_eq!(is_app_origin(&parsed), allowed, "{url}");
        }
    }
}
