import Glibc

/// A thread of its own for work that blocks for as long as it runs (a command's supervisor, a background job),
/// started without Foundation's `Thread` (whose first use links all of Foundation and ICU's data into the binary)
/// and without taking one of Dispatch's shared workers for minutes.
public enum DetachedThread {
    /// Runs `body` on a new detached thread. Returns 0, or the error the system refused a thread with (`EAGAIN`:
    /// too many threads), having run nothing; `pthread_create` returns it rather than setting `errno`.
    public static func start(_ body: @escaping @Sendable () -> Void) -> Int32 {
        let box = Unmanaged.passRetained(Body(run: body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
                body.run()
                return nil
            }, box)
        guard started == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return started
        }
        pthread_detach(thread)
        return 0
    }

    private final class Body {
        let run: @Sendable () -> Void

        init(run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }
}
