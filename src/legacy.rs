//! IPX, AX.25, X.25, NET/ROM and ROSE socket tables (STUB).

use crate::sockets::Ctx;

#[derive(Clone, Copy)]
pub enum Legacy {
    Ipx,
    Ax25,
    X25,
    Netrom,
    Rose,
}

pub fn print(ctx: &mut Ctx, family: Legacy) -> i32 {
    let _ = (ctx, family);
    0
}
