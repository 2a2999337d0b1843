//! The size budget (DEVELOPERS.md): the release binary for x86_64, everything included, fits in
//! 64 KiB. Other targets and debug builds have no budget.

#[test]
#[cfg(all(target_arch = "x86_64", not(debug_assertions)))]
fn the_binary_fits_in_64_kib() {
    let size = std::fs::metadata(env!("CARGO_BIN_EXE_netstat")).unwrap().len();
    assert!(size <= 65_536, "the binary is {size} bytes, {} over the 65,536-byte budget", size - 65_536);
}
