//! The `cxmap` binary: everything is in the library; this maps its result to an exit code.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(cxmap::cli::main_with_args())
}

// mimalloc: a large workspace is millions of small allocations made on several threads.
// Built with `no_thp`: transparent huge pages would round every thread's memory up to 2 MiB
// pages, about 25 MB more peak memory for a workspace of 10,000 touchpoints and no faster
// (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
