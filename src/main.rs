//! The `cxmap` binary: everything is in the library; this maps its result to an exit code.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(cxmap::cli::main_with_args())
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
