// Link the default binary without libc or start files. Only the `netstat` binary gets these
// arguments: global RUSTFLAGS would break the test harness.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_STD").is_some() {
        return;
    }
    for arg in [
        "-nostartfiles",
        "-nostdlib",
        "-static",
        "-no-pie",
        "-Wl,--gc-sections",
        "-Wl,--build-id=none",
        "-Wl,-z,norelro",
        "-Wl,-z,noexecstack",
    ] {
        println!("cargo:rustc-link-arg-bin=netstat={arg}");
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/src/nolibc.ld");
    println!("cargo:rerun-if-changed={script}");
    println!("cargo:rustc-link-arg-bin=netstat=-Wl,{script}");
}
