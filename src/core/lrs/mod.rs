//! Talking to a learning record store (xAPI 1.0.3): which addresses may be
//! used, the secret that signs in, and the requests Doorway makes (`about`,
//! one POST of an attempt's statements, and pages of statements).

pub mod client;
pub mod endpoint;
pub mod secret;

#[cfg(test)]
pub(crate) mod test_server;

#[cfg(test)]
mod tests;
