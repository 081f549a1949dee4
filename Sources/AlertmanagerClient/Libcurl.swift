import CLibcurl
import Synchronization

/// libcurl, loaded the first time an Alertmanager is asked rather than when the program starts: a process that never
/// reads alerts (`respond list`, the guide without `--alertmanager`, `--help`) maps neither libcurl nor the thirty
/// libraries it needs. Debian's `libcurl4` provides it; its headers give the types and constants at build time only.
/// Sendable although it holds a pointer: the loaded functions never change after loading, and each request uses an
/// easy handle of its own, which is how libcurl is safe on several threads at once.
struct Libcurl: @unchecked Sendable {
    /// The libraries loaded so far by name, each loaded and initialised once (curl_global_init must not run while
    /// another thread uses libcurl); a library that failed to load is tried again on the next request.
    private static let loaded = Mutex<[String: Libcurl]>([:])

    private let functions: OpaquePointer

    /// The libcurl in the shared library `name`, loaded on the first call.
    static func named(_ name: String) throws(AlertmanagerError) -> Libcurl {
        let outcome = loaded.withLock { loaded -> Result<Libcurl, AlertmanagerError> in
            if let library = loaded[name] { return .success(library) }
            var error = [CChar](repeating: 0, count: 512)
            guard let functions = respond_libcurl_open(name, &error, error.count) else {
                let detail = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                return .failure(.libcurlMissing(library: name, detail: detail))
            }
            let library = Libcurl(functions: functions)
            loaded[name] = library
            return .success(library)
        }
        return try outcome.get()
    }

    /// The answer to a GET of `url`: its status and body, or how it failed.
    struct Answer {
        /// The HTTP status, 0 when no answer came.
        var status: Int
        /// The body, at most the limit asked for.
        var body: [UInt8]
        /// The exchange took longer than the time allowed.
        var timedOut: Bool
        /// The body was longer than the limit and was cut off.
        var tooLarge: Bool
        /// libcurl's words for what went wrong, nil when the exchange completed.
        var failure: String?
    }

    /// GETs `url` (http or https, redirects only to http or https) within `timeout` seconds, keeping at most `limit`
    /// bytes of the body; nil only when memory ran out.
    func get(_ url: String, timeout: Double, limit: Int) -> Answer? {
        var answer = respond_http_answer()
        guard respond_http_get(functions, url, Int(timeout * 1000), limit, &answer) == 0 else { return nil }
        defer { respond_http_answer_free(&answer) }
        let body = answer.body.map { Array(UnsafeBufferPointer(start: $0, count: answer.body_size)) } ?? []
        let message = withUnsafeBytes(of: answer.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return Answer(
            status: answer.status, body: body, timedOut: answer.timed_out != 0, tooLarge: answer.too_large != 0,
            failure: answer.curl_code == 0 ? nil : message)
    }
}
