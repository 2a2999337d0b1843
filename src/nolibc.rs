//! What libc would otherwise provide to the default binary: the process entry point, the
//! memory functions the compiler calls, a panic handler and an unwinding personality stub.

use core::arch::global_asm;

// The kernel starts us with the stack pointer at argc, followed by argv[], NULL, envp[], NULL.
#[cfg(target_arch = "x86_64")]
global_asm!(
    ".globl _start",
    "_start:",
    "xor ebp, ebp",
    "mov rdi, rsp",
    "and rsp, -16",
    "call {entry}",
    "ud2",
    entry = sym entry,
);

#[cfg(target_arch = "aarch64")]
global_asm!(
    ".globl _start",
    "_start:",
    "mov x29, xzr",
    "mov x30, xzr",
    "mov x0, sp",
    "bl {entry}",
    "udf #0",
    entry = sym entry,
);

unsafe extern "C" fn entry(stack: *const usize) -> ! {
    let argc = *stack;
    let argv = stack.add(1) as *const *const u8;
    let envp = argv.add(argc + 1);
    let args = crate::CArgs { argc, argv };
    let code = crate::run_with(args, crate::CEnv(envp));
    exit_group(code)
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // No message: a panic is a bug, and its text must never reach the user's terminal.
    exit_group(134)
}

#[no_mangle]
extern "C" fn rust_eh_personality() {}

// rustix keeps its exit_group in an unstable module, so the one syscall is written here.
#[cfg(target_arch = "x86_64")]
fn exit_group(code: i32) -> ! {
    // SAFETY: exit_group (231) does not return.
    unsafe { core::arch::asm!("syscall", in("rax") 231, in("rdi") code, options(noreturn, nostack)) }
}

#[cfg(target_arch = "aarch64")]
fn exit_group(code: i32) -> ! {
    // SAFETY: exit_group (94) does not return.
    unsafe { core::arch::asm!("svc 0", in("x8") 94, in("x0") code, options(noreturn, nostack)) }
}

// The memory functions are written with string instructions or plain loops through raw
// pointers that the optimiser cannot turn back into calls to themselves.
#[cfg(target_arch = "x86_64")]
#[no_mangle]
unsafe extern "C" fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    core::arch::asm!("rep movsb", inout("rcx") n => _, inout("rdi") dest => _, inout("rsi") src => _,
        options(nostack, preserves_flags));
    dest
}

#[cfg(target_arch = "x86_64")]
#[no_mangle]
unsafe extern "C" fn memset(dest: *mut u8, c: i32, n: usize) -> *mut u8 {
    core::arch::asm!("rep stosb", inout("rcx") n => _, inout("rdi") dest => _, in("al") c as u8,
        options(nostack, preserves_flags));
    dest
}

#[cfg(target_arch = "x86_64")]
#[no_mangle]
unsafe extern "C" fn memmove(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dest as usize).wrapping_sub(src as usize) >= n {
        return memcpy(dest, src, n);
    }
    // Overlapping with dest above src: copy backwards.
    core::arch::asm!("std", "rep movsb", "cld",
        inout("rcx") n => _, inout("rdi") dest.add(n - 1) => _, inout("rsi") src.add(n - 1) => _,
        options(nostack));
    dest
}

#[cfg(not(target_arch = "x86_64"))]
#[no_mangle]
unsafe extern "C" fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    memmove(dest, src, n)
}

#[cfg(not(target_arch = "x86_64"))]
#[no_mangle]
unsafe extern "C" fn memset(dest: *mut u8, c: i32, n: usize) -> *mut u8 {
    for i in 0..n {
        core::ptr::write_volatile(dest.add(i), c as u8);
    }
    dest
}

#[cfg(not(target_arch = "x86_64"))]
#[no_mangle]
unsafe extern "C" fn memmove(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dest as usize) < (src as usize) {
        for i in 0..n {
            core::ptr::write_volatile(dest.add(i), core::ptr::read_volatile(src.add(i)));
        }
    } else {
        for i in (0..n).rev() {
            core::ptr::write_volatile(dest.add(i), core::ptr::read_volatile(src.add(i)));
        }
    }
    dest
}

#[no_mangle]
unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    for i in 0..n {
        let (x, y) = (core::ptr::read_volatile(a.add(i)), core::ptr::read_volatile(b.add(i)));
        if x != y {
            return x as i32 - y as i32;
        }
    }
    0
}

#[no_mangle]
unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    memcmp(a, b, n)
}

/// `CStr::to_bytes` calls it (directory entry names).
#[no_mangle]
unsafe extern "C" fn strlen(s: *const u8) -> usize {
    let mut n = 0;
    while core::ptr::read_volatile(s.add(n)) != 0 {
        n += 1;
    }
    n
}
