//! Which LRS addresses Doorway sends to: web addresses, encrypted unless they
//! stay on this machine, with no credentials in them.

use std::fmt;

/// Why an address cannot be used as an LRS endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointProblem {
    /// Not a web address; says why.
    NotAnAddress(&'static str),
    /// A user name or password written into the address.
    Credentials,
    /// Plain http to another machine.
    Unencrypted { host: String },
}

impl fmt::Display for EndpointProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAnAddress(why) => write!(f, "the LRS address is not a web address: {why}"),
            Self::Credentials => f.write_str("the LRS address holds a user name or password"),
            Self::Unencrypted { host } => write!(
                f,
                "the LRS address uses plain http to another machine ({host}): the key and \
                 the trainees' answers would cross the network unencrypted"
            ),
        }
    }
}

/// The problem with `endpoint`, if any. Plain http is allowed to loopback
/// addresses only.
pub fn endpoint_problem(endpoint: &str) -> Option<EndpointProblem> {
    let lower = endpoint.trim().to_ascii_lowercase();
    let (rest, encrypted) = if let Some(rest) = lower.strip_prefix("https://") {
        (rest, true)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (rest, false)
    } else {
        return Some(EndpointProblem::NotAnAddress(
            "it does not start with https://",
        ));
    };
    if endpoint.trim().chars().any(char::is_whitespace) {
        return Some(EndpointProblem::NotAnAddress("it contains a space"));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Some(EndpointProblem::Credentials);
    }
    let host = host_of(authority);
    if host.is_empty() {
        return Some(EndpointProblem::NotAnAddress("it names no machine"));
    }
    if !encrypted && !is_loopback(host) {
        return Some(EndpointProblem::Unencrypted {
            host: host.to_owned(),
        });
    }
    None
}

/// The address's machine, for messages: `lrs.example.org` in
/// `https://lrs.example.org/xapi/`.
pub fn host_of_endpoint(endpoint: &str) -> &str {
    let rest = endpoint
        .split_once("://")
        .map_or(endpoint, |(_, rest)| rest);
    host_of(rest.split(['/', '?', '#']).next().unwrap_or_default())
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
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}
