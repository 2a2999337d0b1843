//! TCP, UDP, UDP-Lite and RAW tables from /proc/net/{tcp,udp,udplite,raw}{,6} (STUB).

use crate::sockets::Ctx;

/// The two-line Internet header.
pub fn header(ctx: &mut Ctx) {
    ctx.out.str("Active Internet connections ");
    ctx.which_sockets();
    ctx.out.str("\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ");
    ctx.out.str("\n");
}

pub fn tcp(ctx: &mut Ctx) -> i32 {
    let _ = ctx;
    0
}

pub fn udp(ctx: &mut Ctx) -> i32 {
    let _ = ctx;
    0
}

pub fn udplite(ctx: &mut Ctx) -> i32 {
    let _ = ctx;
    0
}

pub fn raw(ctx: &mut Ctx) -> i32 {
    let _ = ctx;
    0
}
