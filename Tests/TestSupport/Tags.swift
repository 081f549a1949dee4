import Testing

extension Tag {
    /// A suite that takes seconds rather than milliseconds: it drives tmux, starts many processes, fuzzes, or
    /// stresses with many threads or writers. `make test-fast` skips these; `make test` runs everything.
    @Tag public static var slow: Self
}
