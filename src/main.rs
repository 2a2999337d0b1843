//! The `netstat` binary. By default it has no libc (see `nolibc.rs`); with the `std` feature
//! it is an ordinary std program that reads its command line with lexopt.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[cfg(not(feature = "std"))]
mod nolibc;

#[cfg(not(feature = "std"))]
mod bare {
    use netstat::cli::{Args, ArgvTokens};

    /// argv as the kernel laid it out: C strings.
    pub struct CArgs {
        pub argc: usize,
        pub argv: *const *const u8,
    }

    pub struct CEnv(pub *const *const u8);

    unsafe fn c_bytes<'a>(p: *const u8) -> &'a [u8] {
        let mut n = 0;
        // Volatile, or the optimiser turns this loop into a call to libc's strlen.
        while core::ptr::read_volatile(p.add(n)) != 0 {
            n += 1;
        }
        core::slice::from_raw_parts(p, n)
    }

    impl Args for CArgs {
        fn count(&self) -> usize {
            self.argc
        }
        fn get(&self, i: usize) -> &[u8] {
            // SAFETY: the kernel guarantees argc valid NUL-terminated strings.
            unsafe { c_bytes(*self.argv.add(i)) }
        }
    }

    impl CEnv {
        fn get(&self, name: &[u8]) -> Option<&'static [u8]> {
            let mut p = self.0;
            // SAFETY: envp is a NULL-terminated array of NUL-terminated strings.
            unsafe {
                while !(*p).is_null() {
                    if let Some([b'=', value @ ..]) = c_bytes(*p).strip_prefix(name) {
                        return Some(value);
                    }
                    p = p.add(1);
                }
            }
            None
        }
    }

    pub fn run_with(args: CArgs, env: CEnv) -> i32 {
        let argv0 = if args.argc > 0 { args.get(0) } else { b"netstat" };
        let env = netstat::Env {
            proc_root: env.get(b"PROC_ROOT").unwrap_or(b"/proc"),
            posixly_correct: env.get(b"POSIXLY_CORRECT").is_some(),
        };
        let mut tokens = ArgvTokens::new(&args);
        netstat::main(argv0, &mut tokens, &env)
    }
}

#[cfg(not(feature = "std"))]
use bare::{run_with, CArgs, CEnv};

#[cfg(feature = "std")]
mod lexopt_tokens;

#[cfg(feature = "std")]
fn main() {
    use std::os::unix::ffi::OsStrExt;
    let argv0 = std::env::args_os().next().unwrap_or_default();
    let proc_root = std::env::var_os("PROC_ROOT");
    let env = netstat::Env {
        proc_root: proc_root.as_ref().map_or(&b"/proc"[..], |v| v.as_bytes()),
        posixly_correct: std::env::var_os("POSIXLY_CORRECT").is_some(),
    };
    let mut tokens = lexopt_tokens::LexoptTokens::from_env();
    let code = netstat::main(argv0.as_bytes(), &mut tokens, &env);
    std::process::exit(code);
}
