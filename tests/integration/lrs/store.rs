//! A learning record store for the tests, named by the environment, spoken
//! to through `curl` (the secret reaches curl on its standard input, never on
//! a command line, and is never printed).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

const XAPI_VERSION: &str = "1.0.3";

/// Where the learning record store is and how to sign in to it. Holding one
/// keeps the other tests away from the store: Ralph's file-system backend
/// answered 500 ("bulk indexation failed") to some POSTs made while another
/// test's POSTs were being written.
pub(crate) struct Lrs {
    /// Without the `/xAPI` of its endpoint and without a trailing slash.
    pub(crate) url: String,
    pub(crate) user: String,
    pub(crate) secret: String,
    _one_at_a_time: MutexGuard<'static, ()>,
}

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// An HTTP answer: its status and its body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("the store answered {}: {e}: {}", self.status, self.body))
    }
}

impl Lrs {
    /// The store from the environment; none (and a note that the test
    /// skipped) when it is not set, unless `DOORWAY_REQUIRE_LRS=1`.
    pub(crate) fn from_environment(test: &str) -> Option<Lrs> {
        let variable = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let required = std::env::var("DOORWAY_REQUIRE_LRS").is_ok_and(|v| v == "1");
        match (
            variable("DOORWAY_LRS_URL"),
            variable("DOORWAY_LRS_USER"),
            variable("DOORWAY_LRS_SECRET"),
        ) {
            (Some(url), Some(user), Some(secret)) => Some(Lrs {
                url: url.trim_end_matches('/').to_owned(),
                user,
                secret,
                _one_at_a_time: ONE_AT_A_TIME
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()),
            }),
            _ if required => panic!(
                "DOORWAY_REQUIRE_LRS=1, but DOORWAY_LRS_URL, DOORWAY_LRS_USER and DOORWAY_LRS_SECRET are not all set"
            ),
            _ => {
                eprintln!(
                    "{test}: skipped, no learning record store (set DOORWAY_LRS_URL, DOORWAY_LRS_USER and DOORWAY_LRS_SECRET; .ci/run starts one)"
                );
                None
            }
        }
    }

    /// Sends a request to `/xAPI/statements` with curl: a POST of the file
    /// `body`, or a GET with the `query` pairs.
    pub(crate) fn statements(&self, body: Option<&Path>, query: &[(&str, &str)]) -> Answer {
        let mut command = Command::new("curl");
        command.args([
            "--silent",
            "--show-error",
            "--max-time",
            "60",
            // The credentials come from the configuration read on standard input.
            "--config",
            "-",
            "--header",
            &format!("X-Experience-API-Version: {XAPI_VERSION}"),
            "--write-out",
            "\n%{http_code}",
        ]);
        match body {
            Some(file) => {
                command.args([
                    "--request",
                    "POST",
                    "--header",
                    "Content-Type: application/json",
                    "--data-binary",
                ]);
                command.arg(format!("@{}", file.display()));
            }
            None => {
                command.arg("--get");
                for (name, value) in query {
                    command.args(["--data-urlencode", &format!("{name}={value}")]);
                }
            }
        }
        command.arg(format!("{}/xAPI/statements", self.url));
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("curl could not be run (is it installed?): {e}"));
        let escape = |text: &str| text.replace('\\', "\\\\").replace('"', "\\\"");
        let config = format!(
            "user = \"{}:{}\"\n",
            escape(&self.user),
            escape(&self.secret)
        );
        child
            .stdin
            .take()
            .expect("curl's standard input")
            .write_all(config.as_bytes())
            .expect("the credentials reach curl");
        let output = child.wait_with_output().expect("curl finishes");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            output.status.success(),
            "curl could not reach {}: {}",
            self.url,
            String::from_utf8_lossy(&output.stderr)
        );
        let (body, status) = stdout.rsplit_once('\n').expect("curl writes the status");
        Answer {
            status: status.trim().parse().expect("a status code"),
            body: body.to_owned(),
        }
    }

    /// Every statement matching `query`, following the `more` links.
    pub(crate) fn all_statements(&self, query: &[(&str, &str)]) -> Vec<Value> {
        let mut statements = Vec::new();
        let mut query: Vec<(String, String)> = query
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect();
        for _ in 0..20 {
            let pairs: Vec<(&str, &str)> = query
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let answer = self.statements(None, &pairs);
            assert_eq!(answer.status, 200, "GET statements: {}", answer.body);
            let page = answer.json();
            statements.extend(page["statements"].as_array().cloned().unwrap_or_default());
            let more = page["more"].as_str().unwrap_or("");
            if more.is_empty() {
                return statements;
            }
            // `more` is a relative URL whose query carries on from this page.
            let (_, rest) = more.split_once('?').expect("a query in the more link");
            query = rest
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(n, v)| (n.to_owned(), percent_decode(v)))
                .collect();
        }
        panic!("more than 20 pages of statements");
    }
}

/// Undoes the percent-encoding of a query value (curl encodes it again).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
