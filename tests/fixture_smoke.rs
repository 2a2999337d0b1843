//! The fixture machinery itself: net-tools must really read the fake tree.
mod common;
use common::*;

#[test]
fn oracle_reads_the_fixture_tree() {
    let f = Fixture::new("smoke");
    f.file("net/tcp", format!("{TCP_HEADER}   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0\n"));
    let r = oracle_on(f.path(), &["-tln"]);
    assert_eq!(r.status, 0, "{r:?}");
    let text = String::from_utf8_lossy(&r.stdout);
    assert!(text.contains("127.0.0.1:8080"), "{r:?}");
}
