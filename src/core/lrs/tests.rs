use std::time::{Duration, Instant};

use serde_json::json;

use super::client::{Client, Credentials, Limits, LrsError, Posted};
use super::endpoint::{EndpointProblem, endpoint_problem};
use super::secret::Secret;
use super::test_server::{Reply, TestServer};

const SECRET: &str = "s3cret-do-not-show";

fn credentials() -> Credentials {
    Credentials {
        key: "trainee".to_owned(),
        secret: Secret::new(SECRET),
    }
}

fn client(server: &TestServer) -> Client {
    Client::new(&format!("{}/xAPI/", server.url), credentials()).expect("a loopback address")
}

fn quick_client(server: &TestServer) -> Client {
    let limits = Limits {
        request: Duration::from_secs(1),
        small_answer: 4096,
        page: 64 * 1024,
        ..Limits::default()
    };
    Client::with_limits(&format!("{}/xAPI/", server.url), credentials(), limits).unwrap()
}

fn statement(id: &str) -> serde_json::Value {
    json!({"id": id, "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"}})
}

#[test]
fn addresses_must_be_encrypted_unless_they_stay_on_this_machine() {
    assert_eq!(endpoint_problem("https://lrs.example.org/xapi/"), None);
    assert_eq!(endpoint_problem("http://localhost:8100/xAPI/"), None);
    assert_eq!(endpoint_problem("http://127.0.0.1:8100/"), None);
    assert_eq!(endpoint_problem("http://[::1]:8100/"), None);
    assert_eq!(
        endpoint_problem("http://lrs.example.org/xapi/"),
        Some(EndpointProblem::Unencrypted {
            host: "lrs.example.org".to_owned()
        })
    );
    assert_eq!(
        endpoint_problem("https://me:pw@lrs.example.org/"),
        Some(EndpointProblem::Credentials)
    );
    assert!(matches!(
        endpoint_problem("lrs.example.org"),
        Some(EndpointProblem::NotAnAddress(_))
    ));
    let refused = Client::new("http://lrs.example.org/xapi/", credentials()).unwrap_err();
    assert!(refused.to_string().contains("plain http"), "{refused}");
}

#[test]
fn requests_are_signed_and_name_the_xapi_version() {
    let server = TestServer::start(|request| match request.target.as_str() {
        "/xAPI/about" => Reply::Status(200, r#"{"version": ["1.0.3"]}"#.into()),
        _ => Reply::Status(200, r#"{"statements": []}"#.into()),
    });
    let connection = client(&server).check_connection().unwrap();
    assert_eq!(connection.versions, ["1.0.3"]);
    assert!(connection.can_read);
    let request = &server.requests()[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.target, "/xAPI/about");
    assert_eq!(request.header("x-experience-api-version"), Some("1.0.3"));
    // "trainee:s3cret-do-not-show" in base64.
    assert_eq!(
        request.header("authorization"),
        Some("Basic dHJhaW5lZTpzM2NyZXQtZG8tbm90LXNob3c=")
    );
}

#[test]
fn a_post_sends_the_statements_as_one_json_array() {
    let server = TestServer::start(|request| {
        let sent: Vec<serde_json::Value> = serde_json::from_slice(&request.body).unwrap();
        let ids: Vec<_> = sent.iter().map(|s| s["id"].clone()).collect();
        Reply::Status(200, serde_json::to_string(&ids).unwrap())
    });
    let statements = [statement("a"), statement("b")];
    assert_eq!(
        client(&server).post_statements(&statements).unwrap(),
        Posted::Stored
    );
    let request = &server.requests()[0];
    assert_eq!(
        (request.method.as_str(), request.target.as_str()),
        ("POST", "/xAPI/statements")
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, json!(statements));
}

#[test]
fn statements_the_store_already_holds_are_not_an_error() {
    let server = TestServer::start(|_| Reply::Status(204, String::new()));
    assert_eq!(
        client(&server).post_statements(&[statement("a")]).unwrap(),
        Posted::AlreadyHeld
    );
}

#[test]
fn a_refused_key_says_to_check_the_key() {
    let server = TestServer::start(|_| Reply::Status(401, r#"{"detail":"Invalid"}"#.into()));
    let error = client(&server)
        .post_statements(&[statement("a")])
        .unwrap_err();
    assert_eq!(error, LrsError::BadCredentials { status: 401 });
    assert!(error.to_string().contains("check the key"), "{error}");
    assert!(!error.concerns_this_request());
}

#[test]
fn a_failing_store_is_reported_with_its_own_words() {
    let server = TestServer::start(|_| {
        Reply::Status(
            500,
            r#"{"detail":"Statements bulk indexation failed"}"#.into(),
        )
    });
    let error = client(&server)
        .post_statements(&[statement("a")])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the LRS failed to answer (HTTP 500): Statements bulk indexation failed"
    );
    assert!(!error.concerns_this_request());
}

#[test]
fn a_refusal_of_one_request_concerns_that_request_alone() {
    let server = TestServer::start(|_| Reply::Status(409, r#"{"detail":"Differing"}"#.into()));
    let error = client(&server)
        .post_statements(&[statement("a")])
        .unwrap_err();
    assert!(error.concerns_this_request(), "{error}");
    assert!(error.to_string().contains("HTTP 409"), "{error}");
}

#[test]
fn wrong_json_is_a_bad_answer() {
    let server = TestServer::start(|request| match request.target.as_str() {
        "/xAPI/about" => Reply::Status(200, "<html>hello</html>".into()),
        _ => Reply::Status(200, r#"{"ids": 3}"#.into()),
    });
    let client = client(&server);
    assert!(matches!(
        client.check_connection(),
        Err(LrsError::BadAnswer(_))
    ));
    let error = client.post_statements(&[statement("a")]).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("the LRS's answer could not be read"),
        "{error}"
    );
    let page = client.first_page(&[]).unwrap_err();
    assert!(matches!(page, LrsError::BadAnswer(_)), "{page}");
}

#[test]
fn a_post_answer_that_stores_fewer_statements_is_an_error() {
    let server = TestServer::start(|_| Reply::Status(200, r#"["a"]"#.into()));
    let error = client(&server)
        .post_statements(&[statement("a"), statement("b")])
        .unwrap_err();
    assert!(
        error.to_string().contains("stored 1 statements of 2"),
        "{error}"
    );
}

#[test]
fn a_huge_answer_is_cut_off_with_a_clear_error() {
    let server = TestServer::start(|_| Reply::Huge(8 << 20));
    let client = quick_client(&server);
    let started = Instant::now();
    let error = client.post_statements(&[statement("a")]).unwrap_err();
    assert!(matches!(error, LrsError::BadAnswer(_)), "{error}");
    assert!(error.to_string().contains("too large"), "{error}");
    let page = client.first_page(&[]).unwrap_err();
    assert!(page.to_string().contains("too large"), "{page}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_store_that_never_answers_times_out() {
    let server = TestServer::start(|_| Reply::Silence(Duration::from_secs(10)));
    let started = Instant::now();
    let error = quick_client(&server).check_connection().unwrap_err();
    assert!(matches!(error, LrsError::TimedOut { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("did not answer within 1 seconds"),
        "{error}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_store_that_is_not_there_is_unreachable() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::new(&format!("http://127.0.0.1:{port}/xAPI/"), credentials()).unwrap();
    let error = client.check_connection().unwrap_err();
    assert!(matches!(error, LrsError::Unreachable { .. }), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("the LRS at 127.0.0.1 cannot be reached"),
        "{error}"
    );
}

#[test]
fn a_store_that_echoes_the_credentials_does_not_put_them_in_messages() {
    let server = TestServer::start(|request| {
        let echoed = format!(
            "{{\"detail\": \"bad header {} and {SECRET}\"}}",
            request.header("authorization").unwrap_or_default()
        );
        Reply::Status(400, echoed)
    });
    let error = client(&server)
        .post_statements(&[statement("a")])
        .unwrap_err();
    let message = error.to_string();
    assert!(!message.contains(SECRET), "{message}");
    assert!(!message.contains("dHJhaW5lZTpzM2NyZXQ"), "{message}");
    assert!(message.contains("•••"), "{message}");
    assert!(!format!("{error:?} {:?}", client(&server)).contains(SECRET));

    let token_only = TestServer::start(|request| {
        let header = request.header("authorization").unwrap_or_default();
        let token = header.trim_start_matches("Basic ");
        Reply::Status(400, format!("{{\"detail\": \"token {token} refused\"}}"))
    });
    let message = client(&token_only)
        .post_statements(&[statement("a")])
        .unwrap_err()
        .to_string();
    assert!(!message.contains("dHJhaW5lZTpzM2NyZXQ"), "{message}");
}

#[test]
fn pages_follow_more_links_on_the_same_machine_only() {
    let server = TestServer::start(|request| {
        if request.target.contains("page=2") {
            Reply::Status(200, r#"{"statements": [{"id": "b"}], "more": ""}"#.into())
        } else {
            Reply::Status(
                200,
                r#"{"statements": [{"id": "a"}], "more": "/xAPI/statements?page=2"}"#.into(),
            )
        }
    });
    let client = client(&server);
    let first = client
        .first_page(&[("limit", "1"), ("since", "2026-01-01T00:00:00Z")])
        .unwrap();
    assert_eq!(first.statements, [json!({"id": "a"})]);
    let more = first.more.unwrap();
    let second = client.next_page(&more).unwrap();
    assert_eq!(second.statements, [json!({"id": "b"})]);
    let requests = server.requests();
    assert_eq!(
        requests[0].target,
        "/xAPI/statements?limit=1&since=2026-01-01T00%3A00%3A00Z"
    );
    assert_eq!(requests[1].target, "/xAPI/statements?page=2");
    let away = client
        .next_page("https://elsewhere.example.org/xAPI/statements?page=2")
        .unwrap_err();
    assert!(away.to_string().contains("leads away"), "{away}");
    assert_eq!(server.requests().len(), 2, "nothing was sent elsewhere");
}

#[test]
fn a_store_without_about_or_that_lets_the_key_send_only_still_passes_the_test() {
    let server = TestServer::start(|request| match request.target.as_str() {
        "/xAPI/about" => Reply::Status(404, r#"{"detail":"Not Found"}"#.into()),
        _ => Reply::Status(403, "{}".into()),
    });
    let connection = client(&server).check_connection().unwrap();
    assert_eq!(
        connection.to_string(),
        "the LRS answers and accepts the key and secret; this key may send attempts but not read them"
    );
    let refused = TestServer::start(|request| match request.target.as_str() {
        "/xAPI/about" => Reply::Status(404, "{}".into()),
        _ => Reply::Status(401, "{}".into()),
    });
    let error = client(&refused).check_connection().unwrap_err();
    assert_eq!(error, LrsError::BadCredentials { status: 401 });
}
