//! Checking the LRS endpoint a course names, as located errors.

use crate::core::diagnostic::Diagnostic;
use crate::core::lrs::endpoint::{EndpointProblem, endpoint_problem};

/// The problem with `endpoint`, if any, as an error at `path`.
pub(super) fn check_endpoint(endpoint: &str, path: &str) -> Option<Diagnostic> {
    let problem = endpoint_problem(endpoint)?;
    let message = problem.to_string();
    Some(match problem {
        EndpointProblem::NotAnAddress(_) => Diagnostic::error("bad-lrs-endpoint", path, message)
            .with_label("not a web address")
            .with_help("write the LRS's xAPI address, such as \"https://lrs.example.org/xapi/\""),
        EndpointProblem::Credentials => Diagnostic::error("secret-in-course", path, message)
            .with_label("credentials in the address")
            .with_help(
                "secrets are never written in course files, which are shared with every \
                 trainee: write the address alone; each trainee enters the LRS key and \
                 secret in the app's settings",
            ),
        EndpointProblem::Unencrypted { .. } => {
            Diagnostic::error("insecure-lrs-endpoint", path, message)
                .with_label("http to another machine")
                .with_help(
                    "write https://; plain http is only for an LRS on this machine (localhost)",
                )
        }
    })
}
