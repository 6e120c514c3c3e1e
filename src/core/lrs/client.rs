//! An xAPI client over HTTPS (rustls), or plain HTTP on loopback: `about`,
//! posting an attempt's statements, and reading statements page by page. Every
//! request has a time limit and every answer a size limit, and no message
//! carries the secret, even when the store echoes it back.

use std::fmt;
use std::io::BufReader;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use serde_json::Value;

use super::endpoint::{EndpointProblem, endpoint_problem, host_of_endpoint};
use super::secret::Secret;
use crate::core::export::xapi::XAPI_VERSION;

/// How long a request may take and how large an answer may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long a connection may take to open.
    pub connect: Duration,
    /// How long a whole request may take, answer included.
    pub request: Duration,
    /// The largest answer read to `about` or to a POST, in bytes.
    pub small_answer: u64,
    /// The largest page of statements read, in bytes.
    pub page: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            request: Duration::from_secs(60),
            small_answer: 1 << 20,
            page: 256 << 20,
        }
    }
}
/// The most characters of a store's own explanation put in a message.
const DETAIL_CHARACTERS: usize = 200;

/// How to sign in: the LRS's key (its user name) and secret.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub key: String,
    pub secret: Secret,
}

/// Why a request to the store failed, in words for the person at the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LrsError {
    /// The address cannot be used.
    Endpoint(EndpointProblem),
    /// No connection: the machine is unknown, refuses, or the network is down.
    Unreachable { host: String, reason: String },
    /// No answer within the time limit, in seconds.
    TimedOut { host: String, seconds: u64 },
    /// The key and secret were refused (401 or 403).
    BadCredentials { status: u16 },
    /// The store refused the request itself (another 4xx).
    Refused { status: u16, detail: String },
    /// The store failed (5xx, or an unexpected status).
    StoreFailed { status: u16, detail: String },
    /// The answer could not be read: not JSON, the wrong shape, or too large.
    BadAnswer(String),
}

impl LrsError {
    /// Whether the error is the store's answer to this request alone (so the
    /// next attempt in a queue may still go), rather than a problem with the
    /// connection or the sign-in that every request would meet.
    pub fn concerns_this_request(&self) -> bool {
        matches!(
            self,
            Self::Refused {
                status: 400 | 409 | 413,
                ..
            }
        )
    }

    /// Whether sending the same request again cannot succeed: the store holds
    /// other statements under the same ids (409).
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Refused { status: 409, .. })
    }
}

impl fmt::Display for LrsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Endpoint(problem) => problem.fmt(f),
            Self::Unreachable { host, reason } => {
                write!(f, "the LRS at {host} cannot be reached ({reason})")
            }
            Self::TimedOut { host, seconds } => write!(
                f,
                "the LRS at {host} did not answer within {seconds} seconds"
            ),
            Self::BadCredentials { status } => write!(
                f,
                "the LRS refused the key and secret (HTTP {status}): check the key and secret"
            ),
            Self::Refused { status, detail } => {
                write!(f, "the LRS refused the request (HTTP {status})")?;
                write_detail(f, detail)
            }
            Self::StoreFailed { status, detail } => {
                write!(f, "the LRS failed to answer (HTTP {status})")?;
                write_detail(f, detail)
            }
            Self::BadAnswer(why) => write!(f, "the LRS's answer could not be read: {why}"),
        }
    }
}

fn write_detail(f: &mut fmt::Formatter<'_>, detail: &str) -> fmt::Result {
    if detail.is_empty() {
        Ok(())
    } else {
        write!(f, ": {detail}")
    }
}

/// What a POST of statements did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posted {
    /// The store kept them (200).
    Stored,
    /// The store already held every one of them (204).
    AlreadyHeld,
}

/// What a connection test found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// The xAPI versions the store says it speaks; empty when it has no `about`.
    pub versions: Vec<String>,
    /// Whether the key may read statements as well as send them.
    pub can_read: bool,
}

impl fmt::Display for Connection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the LRS answers and accepts the key and secret")?;
        if !self.versions.is_empty() {
            write!(f, "; it speaks xAPI {}", self.versions.join(", "))?;
        }
        if !self.can_read {
            f.write_str("; this key may send attempts but not read them")?;
        }
        Ok(())
    }
}

/// One page of statements, and where the next one is.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Page {
    pub statements: Vec<Value>,
    #[serde(default)]
    pub more: Option<String>,
}

/// A connection to one store with one set of credentials.
pub struct Client {
    agent: ureq::Agent,
    /// The endpoint without its trailing slash: `https://lrs.example.org/xapi`.
    base: String,
    /// `scheme://host[:port]`, against which `more` links are resolved.
    origin: String,
    host: String,
    /// The `Authorization` header's value.
    authorization: Secret,
    credentials: Credentials,
    limits: Limits,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client").field("base", &self.base).finish()
    }
}

impl Client {
    /// A client for `endpoint`, refused when the address cannot be used.
    pub fn new(endpoint: &str, credentials: Credentials) -> Result<Self, LrsError> {
        Self::with_limits(endpoint, credentials, Limits::default())
    }

    /// A client with its own time and size limits.
    pub fn with_limits(
        endpoint: &str,
        credentials: Credentials,
        limits: Limits,
    ) -> Result<Self, LrsError> {
        if let Some(problem) = endpoint_problem(endpoint) {
            return Err(LrsError::Endpoint(problem));
        }
        let base = endpoint.trim().trim_end_matches('/').to_owned();
        let (scheme, rest) = base.split_once("://").unwrap_or(("https", &base));
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let origin = format!("{scheme}://{authority}");
        let token = BASE64.encode(format!(
            "{}:{}",
            credentials.key,
            credentials.secret.expose()
        ));
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(limits.connect))
            .timeout_global(Some(limits.request))
            .max_redirects(0)
            .user_agent(concat!("doorway/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Ok(Self {
            agent,
            host: host_of_endpoint(&base).to_owned(),
            base,
            origin,
            authorization: Secret::new(format!("Basic {token}")),
            credentials,
            limits,
        })
    }

    /// The machine the client talks to, for messages.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Tests the connection and the sign-in: asks for `about` (the xAPI
    /// versions the store speaks; some stores have none), then for one
    /// statement, signed in. A key that may send but not read (403 to the
    /// read) still passes.
    pub fn check_connection(&self) -> Result<Connection, LrsError> {
        #[derive(Deserialize)]
        struct About {
            #[serde(default)]
            version: Vec<String>,
        }
        let request = self.agent.get(format!("{}/about", self.base));
        let response = self.signed(request).call().map_err(|e| self.failed(e))?;
        let versions = match self.accepted(response, self.limits.small_answer) {
            Ok(body) => {
                let about: About = serde_json::from_slice(&body.bytes).map_err(|e| {
                    LrsError::BadAnswer(format!("not the xAPI `about` document ({e})"))
                })?;
                about.version
            }
            Err(LrsError::Refused { status: 404, .. }) => Vec::new(),
            Err(error) => return Err(error),
        };
        let can_read = match self.first_page(&[("limit", "1")]) {
            Ok(_) => true,
            Err(LrsError::BadCredentials { status: 403 }) => false,
            Err(error) => return Err(error),
        };
        Ok(Connection { versions, can_read })
    }

    /// Sends `statements` in one POST. Statement ids are fixed by the
    /// attempt, so sending them again stores nothing twice.
    pub fn post_statements(&self, statements: &[Value]) -> Result<Posted, LrsError> {
        let body = serde_json::to_vec(statements).expect("JSON values serialise");
        let request = self.agent.post(format!("{}/statements", self.base));
        let response = self
            .signed(request)
            .content_type("application/json")
            .send(&body[..])
            .map_err(|e| self.failed(e))?;
        let answer = self.accepted(response, self.limits.small_answer)?;
        if answer.status == 204 {
            return Ok(Posted::AlreadyHeld);
        }
        let ids: Vec<String> = serde_json::from_slice(&answer.bytes).map_err(|e| {
            LrsError::BadAnswer(format!("not the list of stored statement ids ({e})"))
        })?;
        if ids.len() != statements.len() {
            return Err(LrsError::BadAnswer(format!(
                "it stored {} statements of {}",
                ids.len(),
                statements.len()
            )));
        }
        Ok(Posted::Stored)
    }

    /// The first page of statements matching `query` (xAPI filters such as
    /// `since`, `activity`, `related_activities`, `limit`).
    pub fn first_page(&self, query: &[(&str, &str)]) -> Result<Page, LrsError> {
        let mut request = self.agent.get(format!("{}/statements", self.base));
        for (name, value) in query {
            request = request.query(*name, *value);
        }
        self.page(request)
    }

    /// The page a `more` link names. Links are resolved against the
    /// endpoint's machine; a link to another machine is refused, as it would
    /// receive the credentials.
    pub fn next_page(&self, more: &str) -> Result<Page, LrsError> {
        let url = if more.starts_with('/') {
            format!("{}{more}", self.origin)
        } else if more.starts_with(&format!("{}/", self.origin)) {
            more.to_owned()
        } else {
            return Err(LrsError::BadAnswer(format!(
                "its `more` link leads away from {}",
                self.host
            )));
        };
        self.page(self.agent.get(url))
    }

    fn page(
        &self,
        request: ureq::RequestBuilder<ureq::typestate::WithoutBody>,
    ) -> Result<Page, LrsError> {
        let mut response = self.signed(request).call().map_err(|e| self.failed(e))?;
        let status = response.status().as_u16();
        if status != 200 {
            let body = read_limited(&mut response, self.limits.small_answer).unwrap_or_default();
            return Err(self.status_error(status, &body));
        }
        let reader = response
            .body_mut()
            .with_config()
            .limit(self.limits.page)
            .reader();
        serde_json::from_reader(BufReader::new(reader)).map_err(|e| {
            if e.is_io() {
                self.read_error(&e.to_string())
            } else {
                LrsError::BadAnswer(format!("not a page of statements ({e})"))
            }
        })
    }

    fn signed<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        request
            .header("Authorization", self.authorization.expose())
            .header("X-Experience-API-Version", XAPI_VERSION)
    }

    /// The body of a 2xx answer; an error for any other status.
    fn accepted(
        &self,
        mut response: ureq::http::Response<ureq::Body>,
        limit: u64,
    ) -> Result<Answer, LrsError> {
        let status = response.status().as_u16();
        let bytes = read_limited(&mut response, limit).map_err(|e| self.read_error(&e))?;
        if (200..300).contains(&status) {
            Ok(Answer { status, bytes })
        } else {
            Err(self.status_error(status, &bytes))
        }
    }

    fn status_error(&self, status: u16, body: &[u8]) -> LrsError {
        let detail = self.detail(body);
        match status {
            401 | 403 => LrsError::BadCredentials { status },
            400..=499 => LrsError::Refused { status, detail },
            _ => LrsError::StoreFailed { status, detail },
        }
    }

    /// The store's own explanation in an error's body, short, on one line,
    /// and with the credentials blotted out.
    fn detail(&self, body: &[u8]) -> String {
        let text = match serde_json::from_slice::<Value>(body) {
            Ok(value) => ["detail", "message", "error"]
                .iter()
                .find_map(|key| value[key].as_str().map(str::to_owned))
                .unwrap_or_default(),
            Err(_) => String::from_utf8_lossy(body).into_owned(),
        };
        let mut text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let token = self
            .authorization
            .expose()
            .strip_prefix("Basic ")
            .unwrap_or_default();
        for secret in [
            self.authorization.expose(),
            token,
            self.credentials.secret.expose(),
        ] {
            if !secret.is_empty() {
                text = text.replace(secret, "•••");
            }
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() > DETAIL_CHARACTERS {
            let short: String = text.chars().take(DETAIL_CHARACTERS).collect();
            format!("{short}…")
        } else {
            text
        }
    }

    fn failed(&self, error: ureq::Error) -> LrsError {
        let host = self.host.clone();
        let seconds = self.limits.request.as_secs();
        match error {
            ureq::Error::Timeout(_) => LrsError::TimedOut { host, seconds },
            ureq::Error::BodyExceedsLimit(limit) => {
                LrsError::BadAnswer(format!("it is larger than {} MB", limit >> 20))
            }
            ureq::Error::HostNotFound => LrsError::Unreachable {
                host,
                reason: "no machine has that name".to_owned(),
            },
            ureq::Error::ConnectionFailed => LrsError::Unreachable {
                host,
                reason: "the connection failed".to_owned(),
            },
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                LrsError::TimedOut { host, seconds }
            }
            ureq::Error::Io(e) => LrsError::Unreachable {
                host,
                reason: e.to_string(),
            },
            other => LrsError::Unreachable {
                host,
                reason: other.to_string(),
            },
        }
    }

    fn read_error(&self, reason: &str) -> LrsError {
        if reason.contains("timeout") || reason.contains("timed out") {
            LrsError::TimedOut {
                host: self.host.clone(),
                seconds: self.limits.request.as_secs(),
            }
        } else if reason.contains("limit") {
            LrsError::BadAnswer("it is too large".to_owned())
        } else {
            LrsError::BadAnswer(format!("it broke off ({reason})"))
        }
    }
}

/// A 2xx answer's status and body.
struct Answer {
    status: u16,
    bytes: Vec<u8>,
}

fn read_limited(
    response: &mut ureq::http::Response<ureq::Body>,
    limit: u64,
) -> Result<Vec<u8>, String> {
    response
        .body_mut()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => "its body is too large (over the limit)".to_owned(),
            ureq::Error::Timeout(_) => "timed out".to_owned(),
            other => other.to_string(),
        })
}
