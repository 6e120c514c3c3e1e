//! Checking the LRS endpoint a course names: a web address, encrypted unless it
//! stays on this machine, and with no credentials in it.

use crate::core::diagnostic::Diagnostic;

/// The problem with `endpoint`, if any, as an error at `path`.
pub(super) fn check_endpoint(endpoint: &str, path: &str) -> Option<Diagnostic> {
    let lower = endpoint.to_ascii_lowercase();
    let (rest, encrypted) = if let Some(rest) = lower.strip_prefix("https://") {
        (rest, true)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (rest, false)
    } else {
        return Some(not_an_address(path, "it does not start with https://"));
    };
    if endpoint.chars().any(char::is_whitespace) {
        return Some(not_an_address(path, "it contains a space"));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Some(
            Diagnostic::error(
                "secret-in-course",
                path,
                "the LRS endpoint holds a user name or password",
            )
            .with_label("credentials in the address")
            .with_help(
                "secrets are never written in course files, which are shared with every \
                 trainee: write the address alone; each trainee enters the LRS key and \
                 secret in the app's settings",
            ),
        );
    }
    let host = host_of(authority);
    if host.is_empty() {
        return Some(not_an_address(path, "it names no machine"));
    }
    if !encrypted && !is_loopback(host) {
        return Some(
            Diagnostic::error(
                "insecure-lrs-endpoint",
                path,
                format!(
                    "the LRS endpoint uses plain http to another machine ({host}): the key and \
                     the trainees' answers would cross the network unencrypted"
                ),
            )
            .with_label("http to another machine")
            .with_help("write https://; plain http is only for an LRS on this machine (localhost)"),
        );
    }
    None
}

fn not_an_address(path: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        "bad-lrs-endpoint",
        path,
        format!("the LRS endpoint is not a web address: {why}"),
    )
    .with_label("not a web address")
    .with_help("write the LRS's xAPI address, such as \"https://lrs.example.org/xapi/\"")
}

/// The machine's name in `authority` (`host:port`, or `[::1]:port`).
fn host_of(authority: &str) -> &str {
    if let Some(bracketed) = authority.strip_prefix('[') {
        return bracketed.split(']').next().unwrap_or_default();
    }
    authority.split(':').next().unwrap_or_default()
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}
